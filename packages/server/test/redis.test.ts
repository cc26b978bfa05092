/**
 * The cache, the shared rate limiter and the circuit breaker against a real redis-server (Debian's,
 * started by the harness on a free loopback port): connection state and metrics, two app instances
 * sharing one cache and one rate limit, an atomic limit under concurrency, Redis unreachable from
 * the start, and Redis killed mid-run then restarted with no failed request.
 */
import { Redis } from "ioredis";
import request from "supertest";
import type { Express } from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeCacheServices, cacheServicesOf } from "../src/cache-services.js";
import { defaultConfig, type ServerConfig } from "../src/config.js";
import { RedisConnection } from "../src/redis-connection.js";
import { RedisSlidingWindow } from "../src/redis-rate-limit.js";
import { quietApp } from "./helpers.js";
import { freePort } from "./free-port.js";
import { startRedis, stopAllRedis, type TestRedis } from "./redis-harness.js";

const validate = (treatment = "Price") => ({
  dag: { nodes: ["Price", "Brand", "Revenue", "Ads"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"], ["Ads", "Revenue"]] },
  treatment,
  outcome: "Revenue",
});

let redis: TestRedis;
let admin: Redis;
const apps: Express[] = [];

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url, { lazyConnect: true });
  admin.on("error", () => undefined); // the kill test takes this client's server away too
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => closeCacheServices(app)));
});
afterAll(async () => {
  admin.disconnect();
  await stopAllRedis();
});
beforeEach(async () => {
  if (admin.status === "ready") await admin.flushall();
});

function configFor(url: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...defaultConfig(), rateLimitPerMinute: 1_000_000, redis: { url }, ...overrides };
}

/** An app on `url` with fast reconnects and a short breaker period, registered for cleanup. */
function redisApp(url: string, overrides: Partial<ServerConfig> = {}): Express {
  const app = quietApp({ config: configFor(url, overrides), redis: { maxReconnectDelayMs: 100, commandTimeoutMs: 200, breaker: { failureThreshold: 3, openMs: 400 } } });
  apps.push(app);
  return app;
}

async function connected(app: Express): Promise<void> {
  const ok = await cacheServicesOf(app)!.redis!.waitUntilConnected(5_000);
  expect(ok).toBe(true);
}

/** The value of one sample in the app's /metrics text. */
async function sample(app: Express, pattern: RegExp): Promise<number | undefined> {
  const text = (await request(app).get("/metrics").expect(200)).text;
  const line = text.split("\n").find((l) => pattern.test(l));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("Redis connection", () => {
  it("reports a live connection on /health/redis, the gauge and /health/circuit-breakers", async () => {
    const app = redisApp(redis.url);
    await connected(app);
    const health = await request(app).get("/health/redis").expect(200);
    expect(health.body).toMatchObject({ status: "healthy", configured: true, connection: "connected", connected: true, target: `127.0.0.1:${redis.port}`, connections: 1 });
    expect(health.body.ping_ms).toBeGreaterThanOrEqual(0);
    expect(await sample(app, /^isl_redis_connected /)).toBe(1);
    expect(await sample(app, /^isl_redis_operations_total\{operation="ping",status="success"\}/)).toBe(1);
    expect(await sample(app, /^isl_redis_operations_total\{operation="set",status="circuit_open"\}/)).toBe(0); // every series exists once Redis is configured
    const breakers = await request(app).get("/health/circuit-breakers").expect(200);
    expect(breakers.body).toMatchObject({ overall_status: "operational", circuit_breakers: { redis: { state: "closed", failure_threshold: 3, timeout_seconds: 0.4 } } });
  });

  it("keeps answering when Redis is unreachable from the start: misses computed, gauge 0, /health/redis 200 unavailable", async () => {
    const app = redisApp(`redis://127.0.0.1:${await freePort()}`);
    for (let i = 0; i < 6; i++) await request(app).post("/api/v1/causal/validate").send(validate()).expect(200);
    const body = (await request(app).post("/api/v1/causal/validate").send(validate()).expect(200)).body;
    expect(body._metadata.cache_hit).toBe(true); // served from the memory level
    expect(await sample(app, /^isl_redis_connected /)).toBe(0);
    const health = await request(app).get("/health/redis").expect(200);
    expect(health.body).toMatchObject({ status: "unavailable", connected: false, ping_ms: null });
    expect(health.body.circuit_breaker.state).toBe("open");
    expect((await request(app).get("/health/circuit-breakers").expect(200)).body.overall_status).toBe("some_circuits_open");
  });
});

describe("rate limit when Redis cannot answer", () => {
  it("falls back to the memory limiter: same 429 and headers, never a failed request", async () => {
    const app = redisApp(`redis://127.0.0.1:${await freePort()}`, { rateLimitPerMinute: 2 });
    await request(app).get("/cache/stats").expect(200);
    const second = await request(app).get("/cache/stats").expect(200);
    expect(second.headers.ratelimit).toMatch(/^"2-in-1min"; r=0; t=60$/);
    const limited = await request(app).get("/cache/stats").expect(429);
    expect(limited.body).toMatchObject({ code: "ISL_RATE_LIMIT_EXCEEDED" });
    expect(limited.headers["retry-after"]).toBe("60");
    expect(await sample(app, /^isl_redis_operations_total\{operation="rate_limit",status="error"\}/)).toBeGreaterThan(0);
  });
});

describe("two instances sharing one Redis", () => {
  it("share the result cache: a result computed by one is a hit on the other", async () => {
    const a = redisApp(redis.url);
    const b = redisApp(redis.url);
    await Promise.all([connected(a), connected(b)]);
    const first = await request(a).post("/api/v1/causal/validate").set("X-Request-Id", "on-a").send(validate()).expect(200);
    const second = await request(b).post("/api/v1/causal/validate").set("X-Request-Id", "on-b").send(validate()).expect(200);
    expect(first.body._metadata).toMatchObject({ request_id: "on-a" });
    expect(first.body._metadata.cache_hit).toBeUndefined();
    expect(second.body._metadata).toMatchObject({ cache_hit: true, request_id: "on-b" });
    const { _metadata: _m1, ...r1 } = first.body as Record<string, unknown>;
    const { _metadata: _m2, ...r2 } = second.body as Record<string, unknown>;
    expect(r2).toEqual(r1);
    expect((await request(b).get("/cache/stats").expect(200)).body).toMatchObject({ hits: 1, misses: 0, redis_hits: 1, entries: 1, redis: { configured: true, state: "connected", circuit_breaker: "closed" } });
    expect((await request(a).get("/cache/stats").expect(200)).body).toMatchObject({ hits: 0, misses: 1, redis: { writes: 1 } });
    expect(await admin.keys("isl:cache:v1:*")).toHaveLength(1);
    expect(await sample(b, /^isl_redis_operations_total\{operation="get",status="success"\}/)).toBe(1);
    expect(await sample(a, /^isl_redis_operations_total\{operation="set",status="success"\}/)).toBe(1);
    expect(await sample(b, /^isl_cache_hits_total /)).toBe(1);
    expect(await sample(a, /^isl_cache_misses_total /)).toBe(1);
  });

  it("share the rate limit: the limit holds across instances, with the same 429 and headers as the memory limiter", async () => {
    const a = redisApp(redis.url, { rateLimitPerMinute: 3 });
    const b = redisApp(redis.url, { rateLimitPerMinute: 3 });
    await Promise.all([connected(a), connected(b)]);
    const r1 = await request(a).post("/api/v1/causal/validate").send(validate()).expect(200);
    expect(r1.headers["ratelimit-policy"]).toBe('"3-in-1min"; q=3; w=60');
    expect(r1.headers.ratelimit).toMatch(/^"3-in-1min"; r=2; t=\d+$/);
    await request(b).post("/api/v1/causal/validate").send(validate()).expect(200);
    const r3 = await request(a).post("/api/v1/causal/validate").send(validate()).expect(200);
    expect(r3.headers.ratelimit).toMatch(/; r=0; t=(59|60)$/);
    const limited = await request(b).post("/api/v1/causal/validate").send(validate()).expect(429);
    expect(limited.body).toMatchObject({ code: "ISL_RATE_LIMIT_EXCEEDED", reason: "too_many_requests" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(59);
    expect(limited.headers.ratelimit).toMatch(/; r=0; t=(59|60)$/);
    expect(await sample(b, /^isl_redis_operations_total\{operation="rate_limit",status="success"\}/)).toBe(2);
  });

  it("admits exactly `limit` of many concurrent requests across instances (the Lua script is atomic)", async () => {
    const a = redisApp(redis.url, { rateLimitPerMinute: 7 });
    const b = redisApp(redis.url, { rateLimitPerMinute: 7 });
    await Promise.all([connected(a), connected(b)]);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => request(i % 2 === 0 ? a : b).get("/cache/stats")));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(7);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(13);
  });
});

describe("RedisSlidingWindow", () => {
  it("is a sliding window on Redis's clock: a slot frees when the oldest request leaves the window", async () => {
    const connection = new RedisConnection({ target: { url: redis.url } });
    try {
      expect(await connection.waitUntilConnected(5_000)).toBe(true);
      const limiter = new RedisSlidingWindow(connection, 2, 1500);
      expect(await limiter.hit("ip:a")).toEqual({ allowed: true, remaining: 1, resetSeconds: 2 });
      await new Promise((resolve) => setTimeout(resolve, 750));
      expect((await limiter.hit("ip:a")).allowed).toBe(true);
      expect(await limiter.hit("ip:a")).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 1 });
      expect((await limiter.hit("ip:b")).allowed).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 900)); // the first request has left, the second has not
      expect(await limiter.hit("ip:a")).toMatchObject({ allowed: true, remaining: 0 });
      expect((await limiter.hit("ip:a")).allowed).toBe(false);
      expect(await admin.zcard("isl:ratelimit:v1:ip:a")).toBe(2);
    } finally {
      await connection.close();
    }
  });
});

describe("Redis killed mid-run, then restarted", () => {
  it("serves every request, drops the gauge to 0, opens the breaker, reconnects by itself and the gauge returns to 1", async () => {
    const app = redisApp(redis.url, { rateLimitPerMinute: 100_000 });
    await connected(app);
    const statuses: number[] = [];
    let n = 0;
    const burst = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        n += 1;
        // Alternate new requests (misses) with a repeated one (hits), so both paths run throughout.
        const fresh = validate();
        const body = n % 2 === 0 ? validate() : { ...fresh, dag: { ...fresh.dag, nodes: [...fresh.dag.nodes, `Extra${n}`] } };
        statuses.push((await request(app).post("/api/v1/causal/validate").send(body)).status);
      }
    };
    await burst(10);
    expect(await sample(app, /^isl_redis_connected /)).toBe(1);

    await redis.kill();
    await burst(10);
    await until("gauge 0", async () => (await sample(app, /^isl_redis_connected /)) === 0);
    await burst(10);
    const open = await request(app).get("/health/circuit-breakers").expect(200);
    expect(open.body.circuit_breakers.redis.times_opened).toBeGreaterThanOrEqual(1);
    expect((await request(app).get("/health/redis").expect(200)).body).toMatchObject({ status: "unavailable", connected: false });
    expect(await sample(app, /^isl_redis_operations_total\{operation="get",status="circuit_open"\}/)).toBeGreaterThan(0);

    await redis.restart();
    await until("gauge 1", async () => {
      await burst(1);
      return (await sample(app, /^isl_redis_connected /)) === 1;
    });
    await until("breaker closed", async () => {
      await burst(2);
      return (await request(app).get("/health/circuit-breakers")).body.circuit_breakers.redis.state === "closed";
    });
    const limiterCalls = await sample(app, /^isl_redis_operations_total\{operation="rate_limit",status="success"\}/);
    await burst(10);
    expect(await sample(app, /^isl_redis_operations_total\{operation="rate_limit",status="success"\}/)).toBeGreaterThan(limiterCalls!); // the script is reloaded after the restart
    expect(statuses.length).toBeGreaterThanOrEqual(43);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const health = (await request(app).get("/health/redis").expect(200)).body;
    expect(health).toMatchObject({ status: "healthy", connected: true, disconnections: 1 });
    expect(health.connections).toBeGreaterThanOrEqual(2);
    expect(await admin.keys("isl:cache:v1:*")).not.toHaveLength(0);
  });
});

describe("Redis hung (frozen) mid-run", () => {
  it("answers every request within the command timeout, the breaker opens and then stops the waiting, and it recovers after", async () => {
    const app = quietApp({
      config: configFor(redis.url),
      redis: { commandTimeoutMs: 1000, maxReconnectDelayMs: 100, breaker: { failureThreshold: 3, openMs: 3000 } },
    });
    apps.push(app);
    await connected(app);
    const slowest: number[] = [];
    const timed = async (count: number, from: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const fresh = validate();
        const started = performance.now();
        await request(app).post("/api/v1/causal/validate").send({ ...fresh, dag: { ...fresh.dag, nodes: [...fresh.dag.nodes, `Hung${from + i}`] } }).expect(200);
        slowest.push(performance.now() - started);
      }
    };
    redis.pause();
    try {
      await timed(4, 0);
      const breaker = (await request(app).get("/health/circuit-breakers").expect(200)).body.circuit_breakers.redis;
      expect(breaker.state).toBe("open");
      expect(await sample(app, /^isl_redis_operations_total\{operation="get",status="error"\}/)).toBeGreaterThan(0);
      slowest.length = 0;
      await timed(5, 10); // while open: no Redis call is waited for (each would cost the 1 s timeout)
      expect(Math.max(...slowest)).toBeLessThan(500);
      expect(await sample(app, /^isl_redis_connected /)).toBe(1); // the socket itself stayed up
    } finally {
      redis.resume();
    }
    await until("breaker closed", async () => {
      await timed(2, 100 + slowest.length);
      return (await request(app).get("/health/circuit-breakers")).body.circuit_breakers.redis.state === "closed";
    });
  });
});
