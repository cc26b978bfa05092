#!/usr/bin/env node
/** The `isl` executable: runs {@link runCli} on the process's arguments and streams. */
import { runCli } from "./cli.js";
import { nodeIo } from "./io.js";

// NOTE: a reader that stops early (`isl run … --jsonl | head -1`) closes the pipe; that is not a
// failure of the run, so the process ends quietly instead of crashing on EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
