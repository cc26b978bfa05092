/**
 * `startServer`: listen on a host and port, log one line saying where, run heavy operations in a
 * worker pool, and shut down gracefully: stop accepting, let in-flight requests finish (bounded by
 * a timeout, after which their connections are cut), then close the pool, Redis and telemetry.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ISL_VERSION } from "@olumi/contracts";
import type { Express } from "express";
import { createApp, type AppOptions } from "./app.js";
import { closeCacheServices } from "./cache-services.js";
import { ConfigError, describeConfig, isLoopbackHost, loadConfig, type ServerConfig } from "./config.js";
import type { Telemetry } from "./telemetry.js";
import { defaultWorkerThreads, WorkerPool } from "./worker-pool.js";

/** Default port when neither the option nor `PORT` is set. */
export const DEFAULT_PORT = 8000;
/** Default host when neither the option nor `HOST` is set: loopback only. */
export const DEFAULT_HOST = "127.0.0.1";

/** Options of {@link startServer}. */
export interface StartOptions {
  /** TCP port (0 = any free port). Default `PORT` from the environment, else 8000. */
  port?: number;
  /** Interface to bind. Default `HOST` from the environment, else 127.0.0.1. */
  host?: string;
  /** The app to serve (default `createApp(appOptions)`); a given app gets no worker pool from here. */
  app?: Express;
  /** Options for the default app. */
  appOptions?: AppOptions;
  /** Where the startup line goes (default `console.log`). */
  log?: (line: string) => void;
  /** Parsed configuration (default: {@link loadConfig} of `env`; `appOptions.config` when given). */
  config?: ServerConfig;
  /** Environment to read the configuration from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /**
   * The worker pool of the default app: a pool, `false` to run every operation inline, or
   * undefined to start one with `ISL_WORKER_THREADS` threads (default: cores − 1 shared by
   * `processes`, at least 1).
   */
  workerPool?: WorkerPool | false;
  /** Server processes sharing this machine (cluster workers), for the default pool size. Default `ISL_CLUSTER_PROCESSES`, else 1. */
  processes?: number;
}

/** Options of {@link RunningServer.close}. */
export interface CloseOptions {
  /** How long in-flight requests may take to finish (default `ISL_SHUTDOWN_TIMEOUT_SECONDS` × 1000). */
  timeoutMs?: number;
}

/** What a shutdown did. */
export interface ShutdownReport {
  /** Requests in flight when it began. */
  inFlightAtStart: number;
  /** True when the timeout passed and remaining connections were cut. */
  forced: boolean;
}

/** A listening server. */
export interface RunningServer {
  readonly server: Server;
  readonly app: Express;
  readonly host: string;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
  /** The worker pool of the app, if it has one. */
  readonly workerPool: WorkerPool | undefined;
  /** Requests being handled now. */
  inFlight(): number;
  /**
   * Graceful shutdown: stops accepting connections, answers in-flight requests (with
   * `Connection: close`), cuts what is left after the timeout, then closes the worker pool,
   * Redis and telemetry. Idempotent: later calls return the first call's promise.
   */
  close(options?: CloseOptions): Promise<ShutdownReport>;
}

/** Parses a port number, throwing a clear error for anything but an integer in 0..65535. */
export function parsePort(value: string | number): number {
  const port = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port '${value}': expected an integer from 0 to 65535.`);
  return port;
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Resolves once `count()` is 0 (checked on every change and every 50 ms) or after `timeoutMs`; true when drained. */
function waitForDrain(count: () => number, timeoutMs: number): Promise<boolean> {
  if (count() === 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const poll = setInterval(() => {
      if (count() === 0) finish(true);
    }, 50);
    const timer = setTimeout(() => finish(count() === 0), timeoutMs);
    function finish(drained: boolean): void {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(drained);
    }
  });
}

/**
 * Starts the HTTP server and resolves once it listens; its one log line states the auth posture.
 * The worker pool starts in the background (`GET /ready` reports when it has). Throws
 * {@link ConfigError} for a bad environment or a non-loopback host without API keys.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = options.config ?? options.appOptions?.config ?? loadConfig(env);
  const port = parsePort(options.port ?? config.port);
  const host = options.host ?? config.host;
  if (!config.authEnabled && !isLoopbackHost(host)) {
    throw new ConfigError([`host ${JSON.stringify(host)}: without API keys the server binds loopback only (127.0.0.1, ::1 or localhost); set ISL_API_KEYS to listen on other interfaces`]);
  }
  const log = options.log ?? ((line: string) => console.log(line));
  const ownPool =
    options.app !== undefined || options.appOptions?.workerPool !== undefined || options.workerPool !== undefined
      ? undefined
      : new WorkerPool({ threads: config.workerThreads ?? defaultWorkerThreads(options.processes ?? config.clusterProcesses), onError: (error) => log(`ISL worker pool error: ${error instanceof Error ? error.message : String(error)}`) });
  const workerPool = options.workerPool === false ? undefined : (options.workerPool ?? options.appOptions?.workerPool ?? ownPool);
  const app = options.app ?? createApp({ logLevel: config.logLevel, ...options.appOptions, config, ...(workerPool === undefined ? {} : { workerPool }) });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
      s.once("error", reject);
    });
  } catch (error) {
    await ownPool?.close();
    await closeCacheServices(app);
    throw error;
  }
  workerPool?.start().catch((error: unknown) => log(`ISL worker pool failed to start: ${error instanceof Error ? error.message : String(error)}`));
  let inFlight = 0;
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const url = formatUrl(host, bound);
  log(`ISL ${ISL_VERSION} listening on ${url} (${describeConfig(config)})`);

  let closing: Promise<ShutdownReport> | undefined;
  const shutdown = async (closeOptions: CloseOptions): Promise<ShutdownReport> => {
    const inFlightAtStart = inFlight;
    app.locals.draining = true;
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeIdleConnections();
    const drained = await waitForDrain(() => inFlight, closeOptions.timeoutMs ?? (config.shutdownTimeoutSeconds ?? 30) * 1000);
    if (drained) server.closeIdleConnections();
    else server.closeAllConnections();
    await closed;
    await workerPool?.close();
    await closeCacheServices(app);
    await (app.locals.telemetry as Telemetry | undefined)?.shutdown();
    return { inFlightAtStart, forced: !drained };
  };
  return {
    server,
    app,
    host,
    port: bound,
    url,
    workerPool,
    inFlight: () => inFlight,
    close: (closeOptions = {}) => (closing ??= shutdown(closeOptions)),
  };
}
