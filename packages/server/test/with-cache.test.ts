/**
 * The result cache in memory (no Redis): keys, hit/miss marking per `metadataKey`, request ids,
 * which operations are cached, and the app wiring (`cache_hit` on the wire, `/cache/stats`,
 * `isl_cache_*` metrics).
 */
import { operations } from "@olumi/contracts";
import { runOperation } from "@olumi/isl-core";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config.js";
import { ResultCache, resultCacheKey } from "../src/result-cache.js";
import { describeRedisTarget, errorLabel } from "../src/redis-connection.js";
import { markCacheHit, withCache, type AnyOperationRunner } from "../src/with-cache.js";
import { quietApp } from "./helpers.js";

const validate = {
  dag: { nodes: ["Price", "Brand", "Revenue"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]] },
  treatment: "Price",
  outcome: "Revenue",
};
const abort = new AbortController().signal;

describe("resultCacheKey", () => {
  it("is the same for the same content in any key order, and differs by operation and content", () => {
    const a = resultCacheKey("causal/validate", { treatment: "X", outcome: "Y", dag: { edges: [], nodes: ["X", "Y"] } });
    const b = resultCacheKey("causal/validate", { dag: { nodes: ["X", "Y"], edges: [] }, outcome: "Y", treatment: "X" });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(resultCacheKey("causal/d-separation", { treatment: "X", outcome: "Y", dag: { edges: [], nodes: ["X", "Y"] } })).not.toBe(a);
    expect(resultCacheKey("causal/validate", { treatment: "Y", outcome: "X", dag: { edges: [], nodes: ["X", "Y"] } })).not.toBe(a);
  });

  it("yields no key for a request without a canonical JSON form (it is then not cached)", () => {
    expect(new ResultCache().keyFor("causal/validate", { x: Number.NaN })).toBeUndefined();
  });
});

describe("markCacheHit", () => {
  it("sets cache_hit under the metadata key and rewrites request ids, batch item suffixes included", () => {
    const body = {
      results: [{ index: 0, success: false, error_envelope: { request_id: "req_old#0", message: "bad" } }],
      note: "req_old",
      metadata: { request_id: "req_old", cache_hit: false },
    };
    expect(markCacheHit(body, "metadata", true, "req_old", "req_new")).toEqual({
      results: [{ index: 0, success: false, error_envelope: { request_id: "req_new#0", message: "bad" } }],
      note: "req_old",
      metadata: { request_id: "req_new", cache_hit: true },
    });
    expect(body.metadata.request_id).toBe("req_old");
    expect(markCacheHit({ _metadata: { request_id: "r" } }, "_metadata", false)).toEqual({ _metadata: { request_id: "r", cache_hit: false } });
    expect(markCacheHit({ other: 1 }, "_metadata", true)).toEqual({ other: 1 });
  });
});

describe("withCache", () => {
  const table = [
    { id: "causal/validate", deterministic: true, metadataKey: "_metadata" as const },
    { id: "causal/d-separation", deterministic: false, metadataKey: "_metadata" as const },
  ];
  function counting(): { run: AnyOperationRunner; calls: () => number } {
    let calls = 0;
    return {
      run: (id, input, options) => {
        calls += 1;
        return runOperation(id, input, options);
      },
      calls: () => calls,
    };
  }

  it("runs a deterministic operation once for identical requests and returns the same result", async () => {
    const inner = counting();
    const run = withCache(inner.run, new ResultCache(), table);
    const first = (await run("causal/validate", validate, { requestId: "req_a", signal: abort })) as Record<string, Record<string, unknown>>;
    const second = (await run("causal/validate", structuredClone(validate), { requestId: "req_b", signal: abort })) as Record<string, Record<string, unknown>>;
    expect(inner.calls()).toBe(1);
    expect(first._metadata).toMatchObject({ request_id: "req_a" });
    expect(first._metadata).not.toHaveProperty("cache_hit"); // a computed legacy body is exactly what `isl run` prints
    expect(second._metadata).toMatchObject({ cache_hit: true, request_id: "req_b" });
    const strip = (b: Record<string, Record<string, unknown>>) => ({ ...b, _metadata: { ...b._metadata, cache_hit: null, request_id: null } });
    expect(strip(second)).toEqual(strip(first));
    await run("causal/validate", { ...validate, treatment: "Brand" }, { requestId: "req_c", signal: abort });
    expect(inner.calls()).toBe(2);
  });

  it("never caches non-deterministic operations or failures", async () => {
    const inner = counting();
    const cache = new ResultCache();
    const run = withCache(inner.run, cache, table);
    const dsep = { dag: validate.dag, x: ["Price"], y: ["Revenue"], z: ["Brand"] };
    await run("causal/d-separation", dsep, { requestId: "r1", signal: abort }).catch(() => undefined);
    await run("causal/d-separation", dsep, { requestId: "r2", signal: abort }).catch(() => undefined);
    expect(inner.calls()).toBe(2);
    await expect(run("causal/validate", { dag: validate.dag }, { requestId: "r3", signal: abort })).rejects.toThrow();
    await expect(run("causal/validate", { dag: validate.dag }, { requestId: "r4", signal: abort })).rejects.toThrow();
    expect(inner.calls()).toBe(4);
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 0, misses: 2 });
  });
});

describe("the app's result cache (memory only)", () => {
  it("answers the second identical request from the cache with cache_hit true and an identical result", async () => {
    const app = quietApp();
    const first = await request(app).post("/api/v1/causal/validate").set("X-Request-Id", "first-call").send(validate).expect(200);
    const second = await request(app).post("/api/v1/causal/validate").set("X-Request-Id", "second-call").send(validate).expect(200);
    expect(first.body._metadata).toMatchObject({ request_id: "first-call" });
    expect(first.body._metadata.cache_hit).toBeUndefined();
    expect(second.body._metadata).toMatchObject({ cache_hit: true, request_id: "second-call" });
    const { _metadata: m1, ...rest1 } = first.body as Record<string, unknown>;
    const { _metadata: m2, ...rest2 } = second.body as Record<string, unknown>;
    expect(rest2).toEqual(rest1);
    expect({ ...(m2 as object), request_id: "", cache_hit: undefined }).toEqual({ ...(m1 as object), request_id: "", cache_hit: undefined });

    const stats = await request(app).get("/cache/stats").expect(200);
    expect(stats.body).toMatchObject({ hits: 1, misses: 1, entries: 1, total_requests: 2, hit_rate_percent: 50, redis: { configured: false, state: "not_configured" } });
    expect(stats.body.size_bytes).toBeGreaterThan(JSON.stringify(first.body).length / 2);
    const metrics = await request(app).get("/metrics").expect(200);
    expect(metrics.text).toMatch(/^isl_cache_hits_total 1$/m);
    expect(metrics.text).toMatch(/^isl_cache_misses_total 1$/m);
    expect(metrics.text).toMatch(/^isl_redis_connected 0$/m);
    expect(metrics.text).not.toMatch(/^isl_redis_operations_total\{/m); // no series without Redis
  });

  it("marks `metadata` operations too, and keeps batch item request ids per request", async () => {
    const op = operations.find((o) => o.id === "batch/validate");
    expect(op?.metadataKey).toBe("metadata");
    const app = quietApp();
    const batch = { requests: [validate, { dag: validate.dag, treatment: "Nope", outcome: "Revenue" }] };
    const first = await request(app).post(op!.path).set("X-Request-Id", "batch-one").send(batch).expect(200);
    const second = await request(app).post(op!.path).set("X-Request-Id", "batch-two").send(batch).expect(200);
    expect(first.body.metadata).toMatchObject({ cache_hit: false, request_id: "batch-one" });
    expect(second.body.metadata).toMatchObject({ cache_hit: true, request_id: "batch-two" });
    const failed = (b: { results: { success: boolean; error_envelope?: { request_id: string } }[] }) => b.results.find((r) => !r.success)?.error_envelope?.request_id;
    expect(failed(first.body)).toBe("batch-one#1");
    expect(failed(second.body)).toBe("batch-two#1");
  });

  it("CACHE_ENABLED=false turns the cache off", async () => {
    let calls = 0;
    const app = quietApp({
      config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, cacheEnabled: false },
      runOperation: (id, input, options) => {
        calls += 1;
        return runOperation(id, input, options);
      },
    });
    await request(app).post("/api/v1/causal/validate").send(validate).expect(200);
    const second = await request(app).post("/api/v1/causal/validate").send(validate).expect(200);
    expect(calls).toBe(2);
    expect(second.body._metadata.cache_hit).toBeUndefined();
    expect((await request(app).get("/cache/stats").expect(200)).body).toMatchObject({ enabled: false });
  });

  it("serves /cache/stats behind the API key like upstream, and the /health/* endpoints publicly; other methods get 405", async () => {
    const app = quietApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, apiKeys: ["secret-key-1"], authEnabled: true } });
    await request(app).get("/cache/stats").expect(401);
    await request(app).get("/cache/stats").set("X-API-Key", "secret-key-1").expect(200);
    expect((await request(app).get("/health/redis").expect(200)).body).toMatchObject({ status: "not_configured", configured: false, circuit_breaker: null });
    expect((await request(app).get("/health/circuit-breakers").expect(200)).body).toMatchObject({ overall_status: "operational", circuit_breakers: {} });
    const post = await request(app).post("/health/redis").expect(405);
    expect(post.headers.allow).toBe("GET, HEAD, OPTIONS");
  });
});

describe("errorLabel", () => {
  it("names Redis failures without echoing messages", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:6379"), { code: "ECONNREFUSED" });
    const reply = Object.assign(new Error("OOM command not allowed when used memory > 'maxmemory'."), { name: "ReplyError" });
    expect(errorLabel(refused)).toBe("ECONNREFUSED");
    expect(errorLabel(reply)).toBe("OOM");
    expect(errorLabel(new Error("Command timed out"))).toBe("COMMAND_TIMEOUT");
    expect(errorLabel(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe("NOT_CONNECTED");
    expect(errorLabel(new Error("Connection is closed."))).toBe("CONNECTION_CLOSED");
    expect(errorLabel(new TypeError("secret password in text"))).toBe("TypeError");
    expect(errorLabel("x")).toBe("unknown");
  });
});

describe("describeRedisTarget", () => {
  it("shows host:port and never credentials", () => {
    expect(describeRedisTarget({ url: "redis://user:s3cret@cache.internal:6380/2" })).toBe("cache.internal:6380");
    expect(describeRedisTarget({ url: "rediss://:s3cret@cache.internal" })).toBe("cache.internal:6379");
    expect(describeRedisTarget({ host: "::1", port: 7000 })).toBe("[::1]:7000");
  });
});
