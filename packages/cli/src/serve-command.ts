/**
 * `isl serve`: starts the HTTP server of `@olumi/isl-server` until SIGINT/SIGTERM (or
 * `io.signal`), then shuts down gracefully (in-flight requests finish, then the worker pool and
 * Redis close) and exits 0. `--workers N` (N > 1) runs a node:cluster primary that forks N server
 * processes on one port and forwards the shutdown to them.
 */
import type { CliIo } from "./io.js";
import { EXIT_CODES, type ExitCode } from "./run-command.js";

/** Options of `isl serve`. */
export interface ServeCommandOptions {
  port?: string;
  host?: string;
  /** Server processes (node:cluster); default 1. */
  workers?: string;
}

/** Largest `--workers` accepted. */
export const MAX_SERVE_WORKERS = 64;

/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM. The listeners stay installed, so a
 * repeated signal (a supervisor relaying it again, as tsx does) cannot kill the process in the
 * middle of its graceful shutdown.
 */
function shutdownSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    if (!controller.signal.aborted) controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return controller.signal;
}

/** Parses `--workers`: an integer from 1 to {@link MAX_SERVE_WORKERS}. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SERVE_WORKERS) throw new Error(`Invalid --workers '${value}': expected an integer from 1 to ${MAX_SERVE_WORKERS}.`);
  return n;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts the server (or the cluster) and resolves with the exit code once it has shut down. */
export async function serveCommand(io: CliIo, options: ServeCommandOptions): Promise<ExitCode> {
  // NOTE: loaded on demand so that `isl run` and `isl ops` do not pay for Express.
  const { parsePort, startServer, loadConfig, runClusterPrimary, isClusterWorker, leaveCluster, clusterProcesses } = await import("@olumi/isl-server");
  let port: number | undefined;
  let workers: number;
  try {
    port = options.port === undefined ? undefined : parsePort(options.port);
    workers = parseWorkers(options.workers);
  } catch (error) {
    io.stderr.write(`isl: ${message(error)}\n`);
    return EXIT_CODES.badInput;
  }
  const signal = io.signal ?? shutdownSignal();
  if (workers > 1 && !isClusterWorker()) {
    try {
      loadConfig();
    } catch (error) {
      io.stderr.write(`isl: cannot start the server: ${message(error)}\n`);
      return EXIT_CODES.internalError;
    }
    const code = await runClusterPrimary({ workers, signal, log: (line) => io.stderr.write(`${line}\n`) });
    io.stderr.write("ISL cluster stopped\n");
    return code === 0 ? EXIT_CODES.ok : EXIT_CODES.internalError;
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      ...(port === undefined ? {} : { port }),
      ...(options.host === undefined ? {} : { host: options.host }),
      processes: clusterProcesses(),
      log: (line) => io.stderr.write(`${line}\n`),
    });
  } catch (error) {
    io.stderr.write(`isl: cannot start the server: ${message(error)}\n`);
    return EXIT_CODES.internalError;
  }
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  io.stderr.write(`ISL server shutting down: ${running.inFlight()} request(s) in flight\n`);
  const report = await running.close();
  io.stderr.write(`ISL server stopped${report.forced ? " (shutdown timeout: remaining connections were cut)" : ""}\n`);
  leaveCluster();
  return EXIT_CODES.ok;
}
