/** `startServer`: listen on a host and port and log one line saying where. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ISL_VERSION } from "@olumi/contracts";
import type { Express } from "express";
import { createApp, type AppOptions } from "./app.js";
import { ConfigError, describeConfig, isLoopbackHost, loadConfig, type ServerConfig } from "./config.js";

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
  /** The app to serve (default `createApp(appOptions)`). */
  app?: Express;
  /** Options for the default app. */
  appOptions?: AppOptions;
  /** Where the startup line goes (default `console.log`). */
  log?: (line: string) => void;
  /** Parsed configuration (default: {@link loadConfig} of `env`; `appOptions.config` when given). */
  config?: ServerConfig;
  /** Environment to read the configuration from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** A listening server. */
export interface RunningServer {
  readonly server: Server;
  readonly host: string;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
  /** Stops accepting connections, closes idle ones, and resolves when every connection is done. */
  close(): Promise<void>;
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

/**
 * Starts the HTTP server and resolves once it listens; its one log line states the auth posture.
 * Throws {@link ConfigError} for a bad environment or a non-loopback host without API keys.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = options.config ?? options.appOptions?.config ?? loadConfig(env);
  const port = parsePort(options.port ?? config.port);
  const host = options.host ?? config.host;
  if (!config.authEnabled && !isLoopbackHost(host)) {
    throw new ConfigError([`host ${JSON.stringify(host)}: without API keys the server binds loopback only (127.0.0.1, ::1 or localhost); set ISL_API_KEYS to listen on other interfaces`]);
  }
  const app = options.app ?? createApp({ logLevel: config.logLevel, ...options.appOptions, config });
  const log = options.log ?? ((line: string) => console.log(line));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
    s.once("error", reject);
  });
  const bound = (server.address() as AddressInfo).port;
  const url = formatUrl(host, bound);
  log(`ISL ${ISL_VERSION} listening on ${url} (${describeConfig(config)})`);
  return {
    server,
    host,
    port: bound,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
