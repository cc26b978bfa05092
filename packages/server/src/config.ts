/**
 * Server configuration from environment variables with the upstream names
 * (reference/upstream-service.md §6.2), parsed once at start with zod. Every bad value yields one
 * line naming the variable, the value (shown safely: keys, DSNs and Redis URLs are never echoed)
 * and what is allowed. `ENVIRONMENT=production` fails closed as upstream documents (§6.3).
 */
import { isIP } from "node:net";
import { z } from "zod";
import { parseRouteTimeouts, type RouteTimeout } from "./deadlines.js";
import { PLOT_DEFAULT_MAX_COST_UNITS } from "@olumi/isl-core";

/** Express `trust proxy` value: false (trust nobody), a hop count, or a list of addresses / CIDRs / named ranges. */
export type TrustProxy = false | number | string[];

/** Where Redis is, when configured (used by the cache and the shared rate limiter). */
export type RedisTarget = { url: string } | { host: string; port: number };

/** The parsed, validated configuration of the server. */
export interface ServerConfig {
  /** `ENVIRONMENT`, lower-cased (default "development"). */
  environment: string;
  /** True when `environment` is "production". */
  production: boolean;
  /** API keys accepted in `X-API-Key` (from `ISL_API_KEYS`, else `ISL_API_KEY`). */
  apiKeys: string[];
  /** `ISL_AUTH_DISABLED`. */
  authDisabled: boolean;
  /** True when requests need a key: keys are configured and auth is not disabled. */
  authEnabled: boolean;
  /** Allowed CORS origins (`*` allows any origin, without credentials). */
  corsOrigins: string[];
  /** `CORS_ALLOW_CREDENTIALS`. */
  corsAllowCredentials: boolean;
  /** Redis, when `REDIS_URL` or `REDIS_HOST` is set. */
  redis: RedisTarget | undefined;
  /** `SENTRY_DSN`. */
  sentryDsn: string | undefined;
  /** pino level. */
  logLevel: LogLevel;
  /** Port to listen on. */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Requests per key (or client IP) per sliding 60 s window. */
  rateLimitPerMinute: number;
  /** Express `trust proxy` setting from `TRUSTED_PROXIES`. */
  trustProxy: TrustProxy;
  /** Default request deadline in seconds (`REQUEST_TIMEOUT_SECONDS`). */
  requestTimeoutSeconds: number;
  /** Per-prefix deadline overrides of upstream's table (`ISL_ROUTE_TIMEOUTS`). */
  routeTimeouts: RouteTimeout[];
  /** Worker-pool threads (`ISL_WORKER_THREADS`; undefined = cores − 1, at least 1). */
  workerThreads: number | undefined;
  /** How long a graceful shutdown waits for in-flight requests (`ISL_SHUTDOWN_TIMEOUT_SECONDS`, default 30). */
  shutdownTimeoutSeconds: number;
  /** Server processes sharing the machine (`ISL_CLUSTER_PROCESSES`, set by `isl serve --workers N` for its processes; default 1). */
  clusterProcesses?: number;
  /** `CACHE_ENABLED`: the result cache of deterministic operations (default true). */
  cacheEnabled?: boolean;
  /** `CACHE_MAX_BYTES`: memory budget of the in-process result cache, bytes (default 64 MiB). */
  cacheMaxBytes?: number;
  /** `CACHE_TTL_SECONDS`: time to live of cached results in memory and Redis (default 3600). */
  cacheTtlSeconds?: number;
  /** `REDIS_COMMAND_TIMEOUT_MS`: upper bound on one Redis round trip (default 250). */
  redisCommandTimeoutMs?: number;
  /** `REDIS_CIRCUIT_FAILURE_THRESHOLD`: consecutive Redis failures that open its circuit breaker (default 5). */
  redisCircuitFailureThreshold?: number;
  /** `REDIS_CIRCUIT_OPEN_SECONDS`: how long an open Redis circuit refuses calls before a trial (default 5). */
  redisCircuitOpenSeconds?: number;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: OTLP/HTTP base URL; spans are exported to `<it>/v1/traces` when set. */
  otlpEndpoint?: string;
  /** `OTEL_SERVICE_NAME`: `service.name` of exported spans (default "isl"). */
  otelServiceName?: string;
  /** `SENTRY_ENVIRONMENT`: environment of Sentry events (default: `environment`). */
  sentryEnvironment?: string;
  /** `ISL_MAX_COST_UNITS`: admission ceiling of `robustness/analyze/v2` in cost units (advertised on `/health`; default 24 000 000). */
  maxCostUnits: number;
}

/** Log levels accepted by `LOG_LEVEL` (case-insensitive; upstream's `WARNING` means `warn`). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Upstream's default CORS origins. */
export const DEFAULT_CORS_ORIGINS = ["http://localhost:3000", "http://localhost:8080"];

/** The configuration was rejected; `problems` has one line per bad value or production rule. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid ISL configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Variables whose values are secrets and are never echoed. */
const SECRET_VARIABLES = new Set(["ISL_API_KEYS", "ISL_API_KEY", "REDIS_URL", "SENTRY_DSN"]);
const MAX_SHOWN = 60;

/** How a value appears in an error message: quoted and truncated, or hidden for secrets. */
export function showValue(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return `(value hidden, ${value.length} characters)`;
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  return JSON.stringify(shown);
}

const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off", ""]);

function csv(value: string): string[] {
  return value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

const flag = z.string().transform((v, ctx) => {
  const word = v.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  ctx.addIssue({ code: "custom", message: "expected true or false (also 1/0, yes/no, on/off)" });
  return z.NEVER;
});

function integerIn(min: number, max: number) {
  return z.string().transform((v, ctx) => {
    const text = v.trim();
    const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `expected an integer from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });
}

const PRINTABLE_KEY = /^[\x21-\x7e]+$/;
const apiKeyList = z.string().transform((v, ctx) => {
  const keys = csv(v);
  keys.forEach((key, i) => {
    if (!PRINTABLE_KEY.test(key)) ctx.addIssue({ code: "custom", message: `key #${i + 1} (${key.length} characters) must be printable ASCII without spaces` });
  });
  return keys;
});

function isCidrOrAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = /^\d+$/.test(bits) ? Number(bits) : -1;
  return n >= 0 && n <= (family === 4 ? 32 : 128);
}

const trustedProxies = z.string().transform((v, ctx): TrustProxy => {
  const text = v.trim();
  if (text === "") return false;
  if (/^\d+$/.test(text)) return Number(text) === 0 ? false : Number(text);
  const entries = csv(text);
  const bad = entries.filter((e) => !isCidrOrAddress(e));
  if (bad.length > 0) {
    ctx.addIssue({ code: "custom", message: `expected a hop count or a comma-separated list of IP addresses, CIDRs, loopback, linklocal or uniquelocal (bad: ${bad.map((b) => JSON.stringify(b)).join(", ")})` });
    return z.NEVER;
  }
  return entries;
});

const logLevel = z.string().transform((v, ctx): LogLevel => {
  const word = v.trim().toLowerCase();
  const level = word === "warning" ? "warn" : word === "critical" ? "fatal" : word;
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  ctx.addIssue({ code: "custom", message: `expected one of ${LOG_LEVELS.join(", ")}` });
  return z.NEVER;
});

const originList = z.string().transform((v, ctx) => {
  const origins = csv(v);
  for (const origin of origins) {
    if (origin === "*") continue;
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.origin !== origin) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(origin.slice(0, MAX_SHOWN))} is not an origin; expected "*" or scheme://host[:port] with no path or trailing slash, comma-separated` });
    }
  }
  return origins;
});

const redisUrl = z.string().transform((v, ctx) => {
  const url = v.trim();
  if (!URL.canParse(url) || !["redis:", "rediss:"].includes(new URL(url).protocol) || new URL(url).hostname === "") {
    ctx.addIssue({ code: "custom", message: "expected redis://[user:password@]host[:port][/db] or rediss://…" });
    return z.NEVER;
  }
  return url;
});

const sentryDsn = z.string().transform((v, ctx) => {
  const url = v.trim();
  if (!URL.canParse(url) || !["http:", "https:"].includes(new URL(url).protocol)) {
    ctx.addIssue({ code: "custom", message: "expected an http(s) DSN URL such as https://<key>@<host>/<project>" });
    return z.NEVER;
  }
  return url;
});

const otlpEndpoint = z.string().transform((v, ctx) => {
  const url = v.trim();
  if (!URL.canParse(url) || !["http:", "https:"].includes(new URL(url).protocol)) {
    ctx.addIssue({ code: "custom", message: "expected the http(s) base URL of an OTLP/HTTP collector, such as http://localhost:4318" });
    return z.NEVER;
  }
  return url;
});

const shortName = z.string().transform((v, ctx) => {
  const name = v.trim();
  if (/^[A-Za-z0-9._-]{1,64}$/.test(name)) return name;
  ctx.addIssue({ code: "custom", message: "expected 1 to 64 letters, digits, '.', '_' or '-'" });
  return z.NEVER;
});

const routeTimeouts = z.string().transform((v, ctx) => {
  try {
    return parseRouteTimeouts(v);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});

const hostName = z.string().transform((v, ctx) => {
  const host = v.trim();
  if (isIP(host) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(host)) return host;
  ctx.addIssue({ code: "custom", message: "expected an IP address or a host name" });
  return z.NEVER;
});

/** Schema of each variable (raw strings in, typed values out). */
const VARIABLES = {
  ENVIRONMENT: z.string().transform((v) => v.trim().toLowerCase() || "development"),
  ISL_API_KEYS: apiKeyList,
  ISL_API_KEY: apiKeyList,
  ISL_AUTH_DISABLED: flag,
  CORS_ORIGINS: originList,
  CORS_ALLOW_CREDENTIALS: flag,
  REDIS_URL: redisUrl,
  REDIS_HOST: hostName,
  REDIS_PORT: integerIn(1, 65535),
  SENTRY_DSN: sentryDsn,
  LOG_LEVEL: logLevel,
  PORT: integerIn(0, 65535),
  HOST: hostName,
  RATE_LIMIT_PER_MINUTE: integerIn(1, 1_000_000),
  RATE_LIMIT_REQUESTS_PER_MINUTE: integerIn(1, 1_000_000),
  TRUSTED_PROXIES: trustedProxies,
  REQUEST_TIMEOUT_SECONDS: integerIn(1, 3600),
  ISL_ROUTE_TIMEOUTS: routeTimeouts,
  ISL_WORKER_THREADS: integerIn(1, 256),
  ISL_SHUTDOWN_TIMEOUT_SECONDS: integerIn(0, 3600),
  ISL_CLUSTER_PROCESSES: integerIn(1, 64),
  CACHE_ENABLED: flag,
  CACHE_MAX_BYTES: integerIn(0, Number.MAX_SAFE_INTEGER),
  CACHE_TTL_SECONDS: integerIn(1, 30 * 24 * 3600),
  REDIS_COMMAND_TIMEOUT_MS: integerIn(10, 60_000),
  REDIS_CIRCUIT_FAILURE_THRESHOLD: integerIn(1, 1000),
  REDIS_CIRCUIT_OPEN_SECONDS: integerIn(1, 3600),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  OTEL_SERVICE_NAME: shortName,
  SENTRY_ENVIRONMENT: shortName,
  ISL_MAX_COST_UNITS: integerIn(1, Number.MAX_SAFE_INTEGER),
} as const;

type Parsed = { [K in keyof typeof VARIABLES]?: z.output<(typeof VARIABLES)[K]> };

/** Variables read by {@link loadConfig}, in the order they are checked. */
export const CONFIG_VARIABLES = Object.keys(VARIABLES) as (keyof typeof VARIABLES)[];

/** True for 127.0.0.0/8, ::1, ::ffff:127.x and "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h);
}

/** Upstream's production rules (§6.3), as reasons; empty when the configuration may start. */
export function productionProblems(config: ServerConfig): string[] {
  const reasons: string[] = [];
  if (config.apiKeys.length === 0) reasons.push("production requires API keys: set ISL_API_KEYS (comma-separated) or ISL_API_KEY");
  if (config.authDisabled) reasons.push("production forbids ISL_AUTH_DISABLED=true");
  if (config.corsOrigins.length === 0) reasons.push("production requires CORS_ORIGINS to list the allowed https origins");
  if (config.corsOrigins.includes("*")) reasons.push('production forbids the wildcard origin "*" in CORS_ORIGINS');
  for (const origin of config.corsOrigins) {
    if (/localhost|127\.0\.0\.1/i.test(origin)) reasons.push(`production forbids localhost origins in CORS_ORIGINS (${JSON.stringify(origin)})`);
    else if (origin !== "*" && !origin.startsWith("https://")) reasons.push(`production requires https origins in CORS_ORIGINS (${JSON.stringify(origin)})`);
  }
  const redisHost = config.redis === undefined ? undefined : "host" in config.redis ? config.redis.host : new URL(config.redis.url).hostname;
  if (redisHost === undefined) reasons.push("production requires Redis: set REDIS_URL or REDIS_HOST");
  else if (redisHost === "localhost") reasons.push("production forbids REDIS host localhost: point REDIS_URL or REDIS_HOST at the shared Redis");
  return reasons;
}

/**
 * Parses and validates the environment. Throws {@link ConfigError} listing every bad value, every
 * production rule broken, and the loopback rule (no auth ⇒ HOST must be loopback).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const problems: string[] = [];
  const parsed: Parsed = {};
  for (const name of CONFIG_VARIABLES) {
    const raw = env[name];
    if (raw === undefined) continue;
    const result = VARIABLES[name].safeParse(raw);
    if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
    else problems.push(`${name}=${showValue(name, raw)}: ${result.error.issues.map((i) => i.message).join("; ")}`);
  }
  const environment = parsed.ENVIRONMENT ?? "development";
  const apiKeys = [...new Set(parsed.ISL_API_KEYS?.length ? parsed.ISL_API_KEYS : (parsed.ISL_API_KEY ?? []))];
  const authDisabled = parsed.ISL_AUTH_DISABLED ?? false;
  const corsOrigins = parsed.CORS_ORIGINS ?? (env.CORS_ORIGINS === undefined ? DEFAULT_CORS_ORIGINS : []);
  const corsAllowCredentials = parsed.CORS_ALLOW_CREDENTIALS ?? false;
  if (corsAllowCredentials && corsOrigins.includes("*")) problems.push('CORS_ORIGINS="*" cannot be combined with CORS_ALLOW_CREDENTIALS=true: list the origins explicitly');
  const redis: RedisTarget | undefined =
    parsed.REDIS_URL !== undefined ? { url: parsed.REDIS_URL } : parsed.REDIS_HOST !== undefined ? { host: parsed.REDIS_HOST, port: parsed.REDIS_PORT ?? 6379 } : undefined;
  const config: ServerConfig = {
    environment,
    production: environment === "production",
    apiKeys,
    authDisabled,
    authEnabled: apiKeys.length > 0 && !authDisabled,
    corsOrigins,
    corsAllowCredentials,
    redis,
    sentryDsn: parsed.SENTRY_DSN,
    logLevel: parsed.LOG_LEVEL ?? "info",
    port: parsed.PORT ?? 8000,
    host: parsed.HOST ?? "127.0.0.1",
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE ?? parsed.RATE_LIMIT_REQUESTS_PER_MINUTE ?? 100,
    trustProxy: parsed.TRUSTED_PROXIES ?? false,
    requestTimeoutSeconds: parsed.REQUEST_TIMEOUT_SECONDS ?? 60,
    routeTimeouts: parsed.ISL_ROUTE_TIMEOUTS ?? [],
    workerThreads: parsed.ISL_WORKER_THREADS,
    shutdownTimeoutSeconds: parsed.ISL_SHUTDOWN_TIMEOUT_SECONDS ?? 30,
    clusterProcesses: parsed.ISL_CLUSTER_PROCESSES ?? 1,
    cacheEnabled: parsed.CACHE_ENABLED ?? true,
    cacheMaxBytes: parsed.CACHE_MAX_BYTES ?? 64 * 1024 * 1024,
    cacheTtlSeconds: parsed.CACHE_TTL_SECONDS ?? 3600,
    redisCommandTimeoutMs: parsed.REDIS_COMMAND_TIMEOUT_MS ?? 250,
    redisCircuitFailureThreshold: parsed.REDIS_CIRCUIT_FAILURE_THRESHOLD ?? 5,
    redisCircuitOpenSeconds: parsed.REDIS_CIRCUIT_OPEN_SECONDS ?? 5,
    otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT,
    otelServiceName: parsed.OTEL_SERVICE_NAME,
    sentryEnvironment: parsed.SENTRY_ENVIRONMENT,
    maxCostUnits: parsed.ISL_MAX_COST_UNITS ?? PLOT_DEFAULT_MAX_COST_UNITS,
  };
  if (config.production) problems.push(...productionProblems(config));
  else if (!config.authEnabled && !isLoopbackHost(config.host)) {
    problems.push(`HOST=${showValue("HOST", config.host)}: without API keys the server binds loopback only (127.0.0.1, ::1 or localhost); set ISL_API_KEYS to listen on other interfaces`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The configuration of an empty environment: development, auth off, loopback, 100 requests/min. */
export function defaultConfig(): ServerConfig {
  return loadConfig({});
}

/** One line describing the security posture, for the startup log line. */
export function describeConfig(config: ServerConfig): string {
  const auth = config.authEnabled
    ? `auth on: ${config.apiKeys.length} API key${config.apiKeys.length === 1 ? "" : "s"}`
    : `auth off: no API key required${config.authDisabled ? " (ISL_AUTH_DISABLED)" : ""}, bound to loopback only`;
  return `${auth}; rate limit ${config.rateLimitPerMinute}/min per ${config.authEnabled ? "key" : "client IP"}; environment ${config.environment}`;
}
