/** `/health` (uptime, Redis state), `/ready` (workers started, Redis when required, not draining) and `/health/services`. */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { checkReadiness, healthReporter, REDIS_NOT_CONFIGURED, servicesHealth, WorkerPool, type ServiceSources } from "../src/index.js";
import { quietApp } from "./helpers.js";

const connectedRedis = { configured: true, state: "connected" as const, connected: true, circuit_breaker: "closed" as const };
const downRedis = { configured: true, state: "disconnected" as const, connected: false, circuit_breaker: "open" as const };

function sources(overrides: Partial<ServiceSources> = {}): ServiceSources {
  return { redis: () => REDIS_NOT_CONFIGURED, redisRequired: false, draining: () => false, sentryConfigured: false, tracingConfigured: false, timestamp: () => "2026-01-01T00:00:00.000Z", ...overrides };
}

describe("GET /health", () => {
  it("adds uptime in seconds from a monotonic clock and the Redis state", () => {
    let now = 1_000;
    const health = healthReporter("abcdef1234", undefined, { now: () => now, redis: () => connectedRedis });
    expect(health()).toMatchObject({ status: "healthy", build: "abcdef1", uptime_seconds: 0, redis: connectedRedis });
    now += 2_500;
    expect(health().uptime_seconds).toBe(2.5);
  });

  it("reports Redis as not configured when the app has none", async () => {
    const res = await request(quietApp()).get("/health");
    expect(res.status).toBe(200);
    expect(res.body.redis).toEqual(REDIS_NOT_CONFIGURED);
    expect(res.body.uptime_seconds).toBeGreaterThanOrEqual(0);
  });
});

describe("readiness", () => {
  it("is ready with no pool, no Redis requirement and no drain", () => {
    expect(checkReadiness(sources())).toEqual({ ready: true, checks: { accepting: true, workers_started: true, redis_reachable: null, custom: true } });
  });

  it.each([
    ["draining", sources({ draining: () => true }), "accepting"],
    ["Redis required and down", sources({ redisRequired: true, redis: () => downRedis }), "redis_reachable"],
    ["the embedding probe says no", sources({ extra: () => false }), "custom"],
  ])("is not ready when %s", (_name, s, failing) => {
    const report = checkReadiness(s);
    expect(report.ready).toBe(false);
    expect(report.checks[failing as keyof typeof report.checks]).toBe(false);
  });

  it("needs Redis only when required", () => {
    expect(checkReadiness(sources({ redis: () => downRedis })).ready).toBe(true);
    expect(checkReadiness(sources({ redisRequired: true, redis: () => connectedRedis })).checks.redis_reachable).toBe(true);
  });

  it("GET /ready answers 503 until the pool's workers have started, then 200; and 503 again while draining", async () => {
    const pool = new WorkerPool({ threads: 1 });
    const app = quietApp({ workerPool: pool });
    try {
      const before = await request(app).get("/ready");
      expect(before.status).toBe(503);
      expect(before.body).toMatchObject({ code: "ISL_SERVICE_UNAVAILABLE", details: { checks: { workers_started: false } } });
      expect(before.body.message).toMatch(/failing: workers_started/);
      await pool.start();
      const after = await request(app).get("/ready");
      expect(after.status).toBe(200);
      expect(after.body.status).toBe("healthy");
      app.locals.draining = true;
      const draining = await request(app).get("/ready");
      expect(draining.status).toBe(503);
      expect(draining.body.details.checks.accepting).toBe(false);
      expect(draining.headers.connection).toBe("close");
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("GET /health/services", () => {
  it("answers 200 with each dependency when nothing is configured", async () => {
    const res = await request(quietApp()).get("/health/services");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      overall_status: "healthy",
      services: { worker_pool: { status: "inline" }, redis: { status: "not_configured" }, sentry: { status: "not_configured" }, opentelemetry: { status: "not_configured" } },
    });
  });

  it("degrades when configured Redis is down, and shows what is configured", () => {
    const body = servicesHealth(sources({ redis: () => downRedis, sentryConfigured: true, tracingConfigured: true }));
    expect(body.overall_status).toBe("degraded");
    expect(body.services.redis).toMatchObject({ status: "unhealthy", state: "disconnected", circuit_breaker: "open" });
    expect(body.services.sentry.status).toBe("configured");
    expect(body.services.opentelemetry.status).toBe("configured");
    expect(servicesHealth(sources({ redis: () => connectedRedis })).services.redis.status).toBe("healthy");
  });

  it("reports a pool that cannot start as unhealthy, with the reason, and never fails itself", async () => {
    const pool = new WorkerPool({ threads: 1, entry: { filename: "/nonexistent/isl-pool-worker.js", execArgv: undefined } });
    const app = quietApp({ workerPool: pool });
    try {
      await expect(pool.start()).rejects.toThrow();
      const res = await request(app).get("/health/services");
      expect(res.status).toBe(200);
      expect(res.body.overall_status).toBe("degraded");
      expect(res.body.services.worker_pool).toMatchObject({ status: "unhealthy", started: false });
      expect(typeof res.body.services.worker_pool.start_error).toBe("string");
      expect((await request(app).get("/ready")).status).toBe(503);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
