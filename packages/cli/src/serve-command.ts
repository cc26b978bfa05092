/** `isl serve`: starts the HTTP server of `@olumi/isl-server` until SIGINT/SIGTERM (or `io.signal`). */
import type { CliIo } from "./io.js";
import { EXIT_CODES, type ExitCode } from "./run-command.js";

/** Options of `isl serve`. */
export interface ServeCommandOptions {
  port?: string;
  host?: string;
}

/** An AbortSignal that fires on the first SIGINT or SIGTERM (listeners removed once it fires). */
function shutdownSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return controller.signal;
}

/** Starts the server and resolves with the exit code once it has shut down. */
export async function serveCommand(io: CliIo, options: ServeCommandOptions): Promise<ExitCode> {
  // NOTE: loaded on demand so that `isl run` and `isl ops` do not pay for Express.
  const { parsePort, startServer } = await import("@olumi/isl-server");
  let port: number | undefined;
  try {
    port = options.port === undefined ? undefined : parsePort(options.port);
  } catch (error) {
    io.stderr.write(`isl: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.badInput;
  }
  const signal = io.signal ?? shutdownSignal();
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      ...(port === undefined ? {} : { port }),
      ...(options.host === undefined ? {} : { host: options.host }),
      log: (line) => io.stderr.write(`${line}\n`),
    });
  } catch (error) {
    io.stderr.write(`isl: cannot start the server: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.internalError;
  }
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  await running.close();
  io.stderr.write("ISL server stopped\n");
  return EXIT_CODES.ok;
}
