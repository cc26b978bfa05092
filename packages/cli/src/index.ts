/**
 * @olumi/isl-cli: the `isl` command line as a library (`runCli`), plus the pieces its commands
 * are made of. The executable is `dist/bin.js`.
 */
export { runCli } from "./cli.js";
export { nodeIo, readAll, readInput, writeOut, type CliIo, type CliOutput } from "./io.js";
export { listOperations, formatOperationTable, type OperationListing } from "./ops-command.js";
export {
  runCommand,
  runRequestText,
  exitCodeForStatus,
  worstExitCode,
  EXIT_CODES,
  type ExitCode,
  type RequestOutcome,
  type RunCommandOptions,
} from "./run-command.js";
export { serveCommand, type ServeCommandOptions } from "./serve-command.js";
