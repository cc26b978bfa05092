/**
 * `runCli(argv, io)`: the whole `isl` command line as a function of its arguments and streams,
 * so that it is tested in-process. Commands: `ops`, `run <operation-id>`, `serve`.
 */
import { ISL_VERSION, operations } from "@olumi/contracts";
import { Command, CommanderError } from "commander";
import { writeOut, type CliIo } from "./io.js";
import { formatOperationTable, listOperations } from "./ops-command.js";
import { EXIT_CODES, runCommand, type ExitCode } from "./run-command.js";
import { serveCommand } from "./serve-command.js";

/** Runs the `isl` command line `argv` (arguments after the program name) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_CODES.ok;
  const program = new Command("isl")
    .description("ISL, the Inference Service Layer: run causal-inference operations on JSON or JSON-lines, or serve them over HTTP.")
    .version(ISL_VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command("ops")
    .description("List the operations: id, HTTP method, path, summary.")
    .option("--json", "print the table as JSON")
    .action(async (options: { json?: boolean }) => {
      const rows = listOperations();
      await writeOut(io.stdout, options.json ? `${JSON.stringify(rows, null, 2)}\n` : formatOperationTable(rows));
    });

  program
    .command("run")
    .description(`Run one operation on a JSON request (stdin by default). Operations: ${operations.map((op) => op.id).join(", ")}.`)
    .argument("<operation-id>", "an id from `isl ops`, e.g. causal/validate")
    .option("-i, --input <file>", "read the request from FILE instead of stdin ('-' = stdin)")
    .option("--jsonl", "JSON lines: one request per input line, one response per output line (blank lines skipped)")
    .option("--pretty", "indent the JSON output (single request only)")
    .option("--request-id <id>", "request id for the response metadata (with --jsonl, line n gets <id>-<n>)")
    .addHelpText("after", "\nExit codes: 0 ok, 2 bad input (error envelope on stdout), 1 internal error.")
    .action(async (id: string, options: { input?: string; jsonl?: boolean; pretty?: boolean; requestId?: string }) => {
      exitCode = await runCommand(io, id, options);
    });

  program
    .command("serve")
    .description("Start the HTTP server (default 127.0.0.1:8000, or HOST / PORT from the environment).")
    .option("-p, --port <port>", "TCP port (0 = any free port)")
    .option("-H, --host <host>", "interface to bind")
    .option("-w, --workers <n>", "server processes sharing the port (node:cluster; default 1)")
    .addHelpText("after", "\nSIGTERM or SIGINT shuts down gracefully: in-flight requests finish (ISL_SHUTDOWN_TIMEOUT_SECONDS), then exit 0.")
    .action(async (options: { port?: string; host?: string; workers?: string }) => {
      exitCode = await serveCommand(io, options);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
    io.stderr.write(`isl: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.internalError;
  }
  return exitCode;
}
