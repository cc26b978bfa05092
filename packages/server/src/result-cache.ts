/**
 * Content-addressed result cache: key = SHA-256 of the canonical JSON of
 * `{operation, request, isl_version, config_fingerprint}` (core's canonical hash, the same one
 * behind seeds and fingerprints), so a key names one answer of one engine build. Two levels: an
 * in-memory LRU bounded by bytes in front of Redis (when configured). Reads try memory, then
 * Redis (a Redis hit is copied into memory); writes go to both. Every Redis failure is swallowed:
 * the caller just sees a miss, and the breaker in {@link RedisConnection} stops further attempts.
 * Counts `isl_cache_hits_total` / `isl_cache_misses_total`. Per lookup O(size of the request)
 * for hashing plus one Redis round trip on a memory miss.
 */
import { ISL_VERSION } from "@olumi/contracts";
import { canonicalHash, CONFIG_FINGERPRINT } from "@olumi/isl-core";
import type { Counter } from "prom-client";
import { ByteLruCache } from "./byte-lru.js";
import { CircuitOpenError } from "./circuit-breaker.js";
import type { RedisConnection, RedisState } from "./redis-connection.js";

/** Options of {@link ResultCache}. */
export interface ResultCacheOptions {
  /** Memory budget of the in-process LRU, bytes (default {@link DEFAULT_CACHE_MAX_BYTES}). */
  maxBytes?: number;
  /** Time to live of an entry in memory and in Redis, seconds (default {@link DEFAULT_CACHE_TTL_SECONDS}). */
  ttlSeconds?: number;
  /** Shared second level (default: none, memory only). */
  redis?: RedisConnection;
  /** The app's hit and miss counters. */
  metrics?: { cacheHits: Counter; cacheMisses: Counter };
  /** Monotonic clock for memory expiries, milliseconds (default `performance.now`). */
  now?: () => number;
}

/** Default memory budget: 64 MiB. */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** Default time to live: one hour. */
export const DEFAULT_CACHE_TTL_SECONDS = 3600;
/** Prefix of cache keys in Redis (the version changes when the stored format does). */
export const REDIS_CACHE_PREFIX = "isl:cache:v1:";

/** Where a cached value was found. */
export type CacheSource = "memory" | "redis";

/** The body of `GET /cache/stats` (upstream's field names first, then ISL's). */
export interface CacheStatsBody {
  hits: number;
  misses: number;
  hit_rate_percent: number;
  total_requests: number;
  evictions: number;
  expirations: number;
  /** Bytes held in memory (upstream counted entries; ISL bounds by bytes). */
  current_size: number;
  /** Memory budget in bytes. */
  max_size: number;
  utilization_percent: number;
  entries: number;
  size_bytes: number;
  max_bytes: number;
  max_entry_bytes: number;
  ttl_seconds: number;
  memory_hits: number;
  redis_hits: number;
  /** Values too large to cache. */
  rejected: number;
  redis: { configured: boolean; state: RedisState; circuit_breaker: string | null; writes: number; write_failures: number; read_failures: number };
}

/** The cache key of one request of one operation on this engine build (64 hex characters). */
export function resultCacheKey(operationId: string, request: unknown): string {
  return canonicalHash({ config_fingerprint: CONFIG_FINGERPRINT, isl_version: ISL_VERSION, operation: operationId, request });
}

/** The two-level result cache. */
export class ResultCache {
  private readonly memory: ByteLruCache;
  private readonly ttlSeconds: number;
  private readonly redis: RedisConnection | undefined;
  private readonly metrics: ResultCacheOptions["metrics"];
  private readonly counts = { hits: 0, misses: 0, memoryHits: 0, redisHits: 0, writes: 0, writeFailures: 0, readFailures: 0 };

  constructor(options: ResultCacheOptions = {}) {
    this.memory = new ByteLruCache({ maxBytes: options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES, now: options.now });
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_CACHE_TTL_SECONDS;
    if (!Number.isSafeInteger(this.ttlSeconds) || this.ttlSeconds < 1) throw new RangeError(`cache ttlSeconds must be an integer ≥ 1 (got ${this.ttlSeconds})`);
    this.redis = options.redis;
    this.metrics = options.metrics;
  }

  /** The key for a request, or undefined when the request has no canonical JSON form (it is then not cached). */
  keyFor(operationId: string, request: unknown): string | undefined {
    try {
      return resultCacheKey(operationId, request);
    } catch {
      return undefined;
    }
  }

  /** The stored text under `key` and where it came from, or undefined (a miss; counted). */
  async get(key: string): Promise<{ value: string; source: CacheSource } | undefined> {
    const local = this.memory.get(key);
    if (local !== undefined) return this.hit(local, "memory");
    const redis = this.redis;
    if (redis !== undefined) {
      try {
        const remote = await redis.command("get", (client) => client.get(REDIS_CACHE_PREFIX + key));
        if (remote !== null) {
          this.memory.set(key, remote, this.ttlSeconds * 1000);
          return this.hit(remote, "redis");
        }
      } catch (error) {
        if (!(error instanceof CircuitOpenError)) this.counts.readFailures += 1;
      }
    }
    this.counts.misses += 1;
    this.metrics?.cacheMisses.inc();
    return undefined;
  }

  /** Stores `value` under `key` in memory and (awaited, failures swallowed) in Redis. Values over the entry limit are not stored. */
  async set(key: string, value: string): Promise<void> {
    if (!this.memory.set(key, value, this.ttlSeconds * 1000)) return;
    const redis = this.redis;
    if (redis === undefined) return;
    try {
      await redis.command("set", (client) => client.set(REDIS_CACHE_PREFIX + key, value, "EX", this.ttlSeconds));
      this.counts.writes += 1;
    } catch (error) {
      if (!(error instanceof CircuitOpenError)) this.counts.writeFailures += 1;
    }
  }

  /** Counters and sizes for `/cache/stats`. */
  stats(): CacheStatsBody {
    const m = this.memory.stats();
    const total = this.counts.hits + this.counts.misses;
    const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 100);
    return {
      hits: this.counts.hits,
      misses: this.counts.misses,
      hit_rate_percent: percent(this.counts.hits, total),
      total_requests: total,
      evictions: m.evictions,
      expirations: m.expirations,
      current_size: m.bytes,
      max_size: m.maxBytes,
      utilization_percent: percent(m.bytes, m.maxBytes),
      entries: m.entries,
      size_bytes: m.bytes,
      max_bytes: m.maxBytes,
      max_entry_bytes: m.maxEntryBytes,
      ttl_seconds: this.ttlSeconds,
      memory_hits: this.counts.memoryHits,
      redis_hits: this.counts.redisHits,
      rejected: m.rejected,
      redis: {
        configured: this.redis !== undefined,
        state: this.redis?.state ?? "not_configured",
        circuit_breaker: this.redis?.breaker.state ?? null,
        writes: this.counts.writes,
        write_failures: this.counts.writeFailures,
        read_failures: this.counts.readFailures,
      },
    };
  }

  private hit(value: string, source: CacheSource): { value: string; source: CacheSource } {
    this.counts.hits += 1;
    if (source === "memory") this.counts.memoryHits += 1;
    else this.counts.redisHits += 1;
    this.metrics?.cacheHits.inc();
    return { value, source };
  }
}
