/**
 * The server's one Redis connection (ioredis): reconnects by itself with capped exponential
 * back-off, never queues commands while disconnected (they fail at once instead of piling up),
 * bounds every command by a timeout, and sends every command through a {@link CircuitBreaker} so
 * that a dead or hung Redis is not hammered. Keeps `isl_redis_connected` (0/1) and
 * `isl_redis_operations_total{operation,status}` up to date. Callers treat every failure as
 * "no Redis this time" and carry on from memory; nothing here throws at a client.
 */
import { Redis, type RedisOptions } from "ioredis";
import type { Counter, Gauge } from "prom-client";
import { CircuitBreaker, CircuitOpenError, type CircuitBreakerOptions, type CircuitBreakerSnapshot } from "./circuit-breaker.js";
import type { RedisTarget } from "./config.js";

/** Connection state as `/health`, `/health/redis` and `/cache/stats` report it. */
export type RedisState = "not_configured" | "connecting" | "connected" | "disconnected" | "closed";

/** Outcome label of `isl_redis_operations_total`. */
export type RedisOperationStatus = "success" | "error" | "circuit_open";

/** Values of the `operation` label of `isl_redis_operations_total` (cache get/set, limiter script, health ping). */
export const REDIS_OPERATIONS = ["get", "set", "rate_limit", "ping"] as const;
/** Values of the `status` label of `isl_redis_operations_total`. */
export const REDIS_OPERATION_STATUSES: readonly RedisOperationStatus[] = ["success", "error", "circuit_open"];

/** Where a connection reports state changes and failures (never to clients). */
export type RedisEventLog = (level: "info" | "warn", message: string, fields?: Record<string, unknown>) => void;

/** Options of {@link RedisConnection}. */
export interface RedisConnectionOptions {
  /** Which Redis (from `REDIS_URL` or `REDIS_HOST`/`REDIS_PORT`). */
  target: RedisTarget;
  /** Upper bound on one command's round trip, milliseconds (default 250). */
  commandTimeoutMs?: number;
  /** Upper bound on establishing a connection, milliseconds (default 2000). */
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts, milliseconds (default 2000; the first is 50). */
  maxReconnectDelayMs?: number;
  /** Circuit breaker thresholds (default {@link DEFAULT_BREAKER_OPTIONS}). */
  breaker?: CircuitBreakerOptions;
  /** The app's `isl_redis_connected` gauge and `isl_redis_operations_total` counter. */
  metrics?: { redisConnected: Gauge; redisOperations: Counter<"operation" | "status"> };
  /** State changes and failures (default: silent). */
  log?: RedisEventLog;
}

/** Default timeouts of a {@link RedisConnection}. */
export const DEFAULT_REDIS_TIMEOUTS = { commandTimeoutMs: 250, connectTimeoutMs: 2_000, maxReconnectDelayMs: 2_000 } as const;

/** The body of `GET /health/redis`. */
export interface RedisHealthBody {
  /** `healthy` (PING answered), `unavailable` (configured, not answering) or `not_configured`. */
  status: "healthy" | "unavailable" | "not_configured";
  configured: boolean;
  connection: RedisState;
  connected: boolean;
  /** `host:port` (never a password). */
  target: string | null;
  /** Round trip of the PING this request sent, milliseconds; null when none was sent or it failed. */
  ping_ms: number | null;
  /** Successful connections since start (the first one included). */
  connections: number;
  /** Times an established connection was lost. */
  disconnections: number;
  /** Short description of the last failure (error code or class), or null. */
  last_error: string | null;
  circuit_breaker: CircuitBreakerSnapshot | null;
}

/** `host:port` of a target, without credentials. */
export function describeRedisTarget(target: RedisTarget): string {
  if ("host" in target) return `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const url = new URL(target.url);
  return `${url.hostname}:${url.port === "" ? "6379" : url.port}`;
}

/**
 * A short, secret-free label of an error: a socket code (`ECONNREFUSED`…), the first word of a Redis
 * reply error (`OOM`, `NOSCRIPT`, `WRONGPASS`…), `COMMAND_TIMEOUT`, `NOT_CONNECTED`,
 * `CONNECTION_CLOSED`, else the error's class name.
 */
export function errorLabel(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  if (/timed out/i.test(error.message)) return "COMMAND_TIMEOUT";
  if (/writeable|enableOfflineQueue/i.test(error.message)) return "NOT_CONNECTED";
  if (/connection is closed/i.test(error.message)) return "CONNECTION_CLOSED";
  const word = /^([A-Z]{2,20})\b/.exec(error.message)?.[1];
  if (error.name === "ReplyError" && word !== undefined) return word;
  return error.name;
}

/** A managed ioredis connection with a circuit breaker and metrics. */
export class RedisConnection {
  /** The ioredis client (commands should go through {@link command}). */
  readonly client: Redis;
  /** The breaker every command goes through. */
  readonly breaker: CircuitBreaker;
  /** `host:port` of the server. */
  readonly target: string;
  private readonly metrics: RedisConnectionOptions["metrics"];
  private readonly log: RedisEventLog;
  private connectionCount = 0;
  private disconnectionCount = 0;
  private lastError: string | null = null;
  private wasReady = false;
  private closing = false;

  constructor(options: RedisConnectionOptions) {
    this.metrics = options.metrics;
    this.log = options.log ?? (() => undefined);
    this.target = describeRedisTarget(options.target);
    this.breaker = new CircuitBreaker("redis", {
      ...options.breaker,
      onStateChange: (from, to) => {
        this.log(to === "open" ? "warn" : "info", `redis circuit breaker ${from} -> ${to}`, { circuit: "redis", from, to });
        options.breaker?.onStateChange?.(from, to);
      },
    });
    const maxDelay = options.maxReconnectDelayMs ?? DEFAULT_REDIS_TIMEOUTS.maxReconnectDelayMs;
    const redisOptions: RedisOptions = {
      commandTimeout: options.commandTimeoutMs ?? DEFAULT_REDIS_TIMEOUTS.commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs ?? DEFAULT_REDIS_TIMEOUTS.connectTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt - 1, 16), maxDelay),
      reconnectOnError: () => false,
    };
    this.metrics?.redisConnected.set(0);
    // Every series exists from the start when Redis is configured (and only then), so alerts can tell "configured" apart.
    for (const operation of REDIS_OPERATIONS) for (const status of REDIS_OPERATION_STATUSES) this.metrics?.redisOperations.inc({ operation, status }, 0);
    this.client = "url" in options.target ? new Redis(options.target.url, redisOptions) : new Redis({ ...redisOptions, host: options.target.host, port: options.target.port });
    this.client.on("ready", () => {
      this.connectionCount += 1;
      this.wasReady = true;
      this.metrics?.redisConnected.set(1);
      this.log("info", "redis connected", { redis: this.target });
      // A fresh connection earns an immediate trial instead of waiting out the open period.
      this.breaker.allowTrialNow();
    });
    this.client.on("close", () => {
      this.metrics?.redisConnected.set(0);
      if (this.wasReady) {
        this.wasReady = false;
        this.disconnectionCount += 1;
        if (!this.closing) this.log("warn", "redis connection lost; reconnecting", { redis: this.target });
      }
    });
    this.client.on("error", (error: unknown) => {
      const label = errorLabel(error);
      if (label !== this.lastError) this.log("warn", `redis error ${label}`, { redis: this.target, error: label });
      this.lastError = label;
    });
  }

  /** The connection state now. */
  get state(): RedisState {
    switch (this.client.status) {
      case "ready":
        return "connected";
      case "wait":
      case "connecting":
      case "connect":
        return this.connectionCount === 0 ? "connecting" : "disconnected";
      case "end":
        return "closed";
      default:
        return "disconnected";
    }
  }

  /** True while commands can be sent. */
  get connected(): boolean {
    return this.client.status === "ready";
  }

  /**
   * Runs one Redis call through the breaker, counting it in `isl_redis_operations_total` under
   * `operation`. Rejects with the Redis error, a timeout, or {@link CircuitOpenError}.
   */
  async command<T>(operation: (typeof REDIS_OPERATIONS)[number], call: (client: Redis) => Promise<T>): Promise<T> {
    try {
      const value = await this.breaker.execute(() => call(this.client));
      this.count(operation, "success");
      return value;
    } catch (error) {
      if (error instanceof CircuitOpenError) this.count(operation, "circuit_open");
      else {
        this.count(operation, "error");
        this.lastError = errorLabel(error);
      }
      throw error;
    }
  }

  /** Resolves true once connected, false after `timeoutMs` without a connection. */
  async waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.connected) return true;
    return new Promise<boolean>((resolve) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.client.off("ready", onReady);
        resolve(false);
      }, timeoutMs);
      this.client.once("ready", onReady);
    });
  }

  /** The `/health/redis` body, after one PING through the breaker. */
  async health(): Promise<RedisHealthBody> {
    let pingMs: number | null = null;
    try {
      const started = performance.now();
      await this.command("ping", (client) => client.ping());
      pingMs = Math.round((performance.now() - started) * 1000) / 1000;
    } catch {
      pingMs = null;
    }
    return {
      status: pingMs !== null ? "healthy" : "unavailable",
      configured: true,
      connection: this.state,
      connected: this.connected,
      target: this.target,
      ping_ms: pingMs,
      connections: this.connectionCount,
      disconnections: this.disconnectionCount,
      last_error: this.lastError,
      circuit_breaker: this.breaker.snapshot(),
    };
  }

  /** Closes the connection (QUIT, then a hard disconnect if Redis does not answer within a second). */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const client = this.client;
    if (client.status === "end") return;
    if (client.status !== "ready") {
      client.disconnect(false);
      return;
    }
    const timer = setTimeout(() => client.disconnect(false), 1_000);
    try {
      await client.quit();
    } catch {
      client.disconnect(false);
    } finally {
      clearTimeout(timer);
    }
  }

  private count(operation: (typeof REDIS_OPERATIONS)[number], status: RedisOperationStatus): void {
    this.metrics?.redisOperations.inc({ operation, status });
  }
}

/** The `/health/redis` body when no Redis is configured. */
export function notConfiguredRedisHealth(): RedisHealthBody {
  return {
    status: "not_configured",
    configured: false,
    connection: "not_configured",
    connected: false,
    target: null,
    ping_ms: null,
    connections: 0,
    disconnections: 0,
    last_error: null,
    circuit_breaker: null,
  };
}
