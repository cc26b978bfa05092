/**
 * Sliding-window-log rate limiter shared by every instance through Redis: one sorted set per client
 * (`isl:ratelimit:v1:<client>`), scored by the Redis server's own clock in milliseconds, so that
 * instances with different clocks agree. One Lua script (ioredis `defineCommand`, EVALSHA with an
 * automatic EVAL fallback after a Redis restart) prunes the scores ≤ now − window, counts, and adds
 * the request only when fewer than `limit` remain: atomic, so concurrent instances can never admit
 * more than `limit` per window. Rejected requests are not recorded (as in the memory limiter).
 * Per request O(log n + k) in Redis for n entries and k pruned; memory O(clients × limit).
 */
import type { Redis } from "ioredis";
import type { RateDecision } from "./rate-limit.js";
import type { RedisConnection } from "./redis-connection.js";

/** Prefix of the limiter's keys in Redis. */
export const REDIS_RATE_LIMIT_PREFIX = "isl:ratelimit:v1:";

/**
 * KEYS[1] the client's sorted set, KEYS[2] its member sequence; ARGV[1] limit, ARGV[2] window ms.
 * Returns {allowed (0/1), remaining, milliseconds until the oldest counted request leaves}.
 */
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  local seq = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[1], now, now .. '-' .. seq)
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
redis.call('PEXPIRE', KEYS[2], window)
local reset = 0
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
return {allowed, limit - count, reset}
`;

/** The client after `defineCommand("islSlidingWindow", …)`. */
interface SlidingWindowCommand {
  islSlidingWindow?: (zset: string, seq: string, limit: number, windowMs: number) => Promise<[number, number, number]>;
}

function scripted(client: Redis): SlidingWindowCommand {
  return client as unknown as SlidingWindowCommand;
}

/** Asks Redis whether a client may make one more request; see the file header. */
export class RedisSlidingWindow {
  constructor(
    private readonly connection: RedisConnection,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (scripted(connection.client).islSlidingWindow === undefined) connection.client.defineCommand("islSlidingWindow", { numberOfKeys: 2, lua: SLIDING_WINDOW_SCRIPT });
  }

  /** The decision for one request of `client`; rejects when Redis cannot answer (the caller falls back). */
  async hit(client: string): Promise<RateDecision> {
    const key = REDIS_RATE_LIMIT_PREFIX + client;
    const [allowed, remaining, resetMs] = await this.connection.command("rate_limit", (redis) =>
      scripted(redis).islSlidingWindow!(key, `${key}:seq`, this.limit, this.windowMs),
    );
    const isAllowed = allowed === 1;
    return { allowed: isAllowed, remaining: Math.max(0, remaining), resetSeconds: Math.max(isAllowed ? 0 : 1, Math.ceil(resetMs / 1000)) };
  }
}
