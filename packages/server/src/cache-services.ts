/**
 * The Redis-backed services of one app, built from the configuration: the Redis connection (when
 * `REDIS_URL` or `REDIS_HOST` is set), the result cache (unless `CACHE_ENABLED=false`), the shared
 * rate limiter, and their endpoints `GET /health/redis`, `GET /cache/stats` and
 * `GET /health/circuit-breakers`. Every endpoint answers 200 with real numbers whatever Redis does.
 */
import { Router, type Express } from "express";
import type { Counter, Gauge } from "prom-client";
import type { CircuitBreakerOptions, CircuitBreakerSnapshot } from "./circuit-breaker.js";
import type { ServerConfig } from "./config.js";
import { notConfiguredRedisHealth, RedisConnection, type RedisConnectionOptions, type RedisEventLog, type RedisState } from "./redis-connection.js";
import { RedisSlidingWindow } from "./redis-rate-limit.js";
import { ResultCache, type CacheStatsBody } from "./result-cache.js";
import type { SharedRateLimiter } from "./rate-limit.js";

/** The metrics these services keep moving. */
export interface CacheServiceMetrics {
  redisConnected: Gauge;
  redisOperations: Counter<"operation" | "status">;
  cacheHits: Counter;
  cacheMisses: Counter;
}

/** Overrides for tests and embedders (timeouts and breaker thresholds; the target comes from the config). */
export type RedisTuning = Partial<Omit<RedisConnectionOptions, "target" | "metrics" | "log">>;

/** Options of {@link createCacheServices}. */
export interface CacheServicesOptions {
  config: ServerConfig;
  metrics: CacheServiceMetrics;
  /** Rate limit window in milliseconds (default 60 000). */
  rateLimitWindowMs?: number;
  /** State changes and failures of Redis (default: silent). */
  log?: RedisEventLog;
  /** Connection tuning that overrides the configuration. */
  redis?: RedisTuning;
}

/** Redis state in one line, for `GET /health` (see {@link redisStatusOf}). */
export interface RedisStatusSummary {
  configured: boolean;
  state: RedisState;
  connected: boolean;
  circuit_breaker: CircuitBreakerSnapshot["state"] | null;
}

/** The body of `GET /health/circuit-breakers` (upstream's shape, with a state comparison that works). */
export interface CircuitBreakersBody {
  overall_status: "operational" | "some_circuits_open";
  circuit_breakers: Record<string, CircuitBreakerSnapshot>;
  explanation: string;
}

/** The services; see the file header. */
export interface CacheServices {
  readonly redis: RedisConnection | undefined;
  readonly cache: ResultCache | undefined;
  readonly rateLimiter: SharedRateLimiter | undefined;
  /** Redis state in one line. */
  redisStatus(): RedisStatusSummary;
  /** The three endpoints. */
  router(): Router;
  /** Closes the Redis connection (for graceful shutdown); idempotent. */
  close(): Promise<void>;
}

/** Builds the services for `config`. Opens the Redis connection when one is configured. */
export function createCacheServices(options: CacheServicesOptions): CacheServices {
  const { config, metrics } = options;
  const breaker: CircuitBreakerOptions = {
    failureThreshold: config.redisCircuitFailureThreshold ?? 5,
    openMs: (config.redisCircuitOpenSeconds ?? 5) * 1000,
    ...options.redis?.breaker,
  };
  const redis =
    config.redis === undefined
      ? undefined
      : new RedisConnection({ commandTimeoutMs: config.redisCommandTimeoutMs, ...options.redis, breaker, target: config.redis, metrics, log: options.log });
  const cache = config.cacheEnabled === false ? undefined : new ResultCache({ maxBytes: config.cacheMaxBytes, ttlSeconds: config.cacheTtlSeconds, redis, metrics });
  const rateLimiter = redis === undefined ? undefined : new RedisSlidingWindow(redis, config.rateLimitPerMinute, options.rateLimitWindowMs ?? 60_000);

  const redisStatus = (): RedisStatusSummary =>
    redis === undefined
      ? { configured: false, state: "not_configured", connected: false, circuit_breaker: null }
      : { configured: true, state: redis.state, connected: redis.connected, circuit_breaker: redis.breaker.state };

  const circuitBreakers = (): CircuitBreakersBody => {
    const breakers: Record<string, CircuitBreakerSnapshot> = {};
    if (redis !== undefined) breakers.redis = redis.breaker.snapshot();
    const open = Object.entries(breakers).filter(([, b]) => b.state !== "closed").map(([name]) => name);
    return {
      overall_status: open.length === 0 ? "operational" : "some_circuits_open",
      circuit_breakers: breakers,
      explanation:
        redis === undefined
          ? "No Redis is configured, so no circuit breaker is active."
          : open.length === 0
            ? "All circuits are closed: calls reach their dependencies."
            : `Not closed: ${open.join(", ")}. Requests are served without these dependencies (cache from memory, rate limit per instance) until they recover.`,
    };
  };

  const cacheStats = (): CacheStatsBody | { enabled: false; redis: RedisStatusSummary } => (cache === undefined ? { enabled: false, redis: redisStatus() } : cache.stats());

  return {
    redis,
    cache,
    rateLimiter,
    redisStatus,
    router() {
      const router = Router();
      router.get("/health/redis", (_req, res, next) => {
        if (redis === undefined) res.json(notConfiguredRedisHealth());
        else redis.health().then((body) => res.json(body), next);
      });
      router.get("/health/circuit-breakers", (_req, res) => {
        res.json(circuitBreakers());
      });
      router.get("/cache/stats", (_req, res) => {
        res.json(cacheStats());
      });
      return router;
    },
    close: () => redis?.close() ?? Promise.resolve(),
  };
}

/** Paths served by {@link CacheServices.router} (all GET). */
export const CACHE_SERVICE_PATHS = ["/health/redis", "/health/circuit-breakers", "/cache/stats"] as const;

/** The services stored on an app by `createApp` (`app.locals.cacheServices`), if any. */
export function cacheServicesOf(app: Express): CacheServices | undefined {
  return app.locals.cacheServices as CacheServices | undefined;
}

/** Redis state of an app, for `GET /health`: not configured when the app has no services. */
export function redisStatusOf(app: Express): RedisStatusSummary {
  return cacheServicesOf(app)?.redisStatus() ?? { configured: false, state: "not_configured", connected: false, circuit_breaker: null };
}

/** Closes an app's Redis connection, if it has one (call on shutdown after the server stops accepting). */
export async function closeCacheServices(app: Express): Promise<void> {
  await cacheServicesOf(app)?.close();
}
