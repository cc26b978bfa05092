/**
 * Per-route deadlines: upstream's prefix table, its configuration, and the real thing over HTTP
 * with the worker pool on the TypeScript sources: a long Monte Carlo gets 504 in the error
 * envelope at its deadline, `/health` keeps answering in milliseconds meanwhile, the computation
 * stops, and the pool serves the next request. (Client and server share this process's event
 * loop, so a computation on the main thread would also delay the client's /health probes: the
 * latency bounds below fail unless the work runs off the loop.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, deadlineSecondsFor, defaultConfig, loadConfig, parseRouteTimeouts, routeTimeoutTable, startServer, UPSTREAM_ROUTE_TIMEOUTS, WorkerPool, type RunningServer } from "../src/index.js";
import { recordingLogger } from "./helpers.js";
import { counterfactualBatchRequest, counterfactualRequest } from "./long-monte-carlo.js";

describe("route deadline table", () => {
  const table = routeTimeoutTable();
  it.each([
    ["/api/v1/validation/strategies", 30],
    ["/api/v1/utility/x", 30],
    ["/api/v1/outcomes/log", 30],
    ["/api/v1/explain/contrastive", 60],
    ["/api/v1/teaching/examples", 60],
    ["/api/v1/team/align", 60],
    ["/api/v1/aggregation/multi-criteria", 60],
    ["/api/v1/causal/counterfactual", 90],
    ["/api/v1/robustness/analyze", 90],
    ["/api/v1/analysis/sensitivity", 120],
    ["/api/v1/batch/counterfactual", 180],
    ["/api/v1/conformal", 60],
    ["/api/v1/causalx", 60],
  ])("%s → %d s (upstream, default 60)", (path, seconds) => {
    expect(deadlineSecondsFor(path, table, 60)).toBe(seconds);
  });

  it("applies overrides by prefix, the longest matching prefix winning", () => {
    const custom = routeTimeoutTable([
      { prefix: "/api/v1/causal/", seconds: 10 },
      { prefix: "/api/v1/causal/counterfactual", seconds: 0.5 },
    ]);
    expect(deadlineSecondsFor("/api/v1/causal/counterfactual/conformal", custom, 60)).toBe(0.5);
    expect(deadlineSecondsFor("/api/v1/causal/validate", custom, 60)).toBe(10);
    expect(deadlineSecondsFor("/api/v1/batch/validate", custom, 60)).toBe(180);
    expect(custom).toHaveLength(UPSTREAM_ROUTE_TIMEOUTS.length + 1);
  });

  it("parses ISL_ROUTE_TIMEOUTS and rejects malformed entries with the entry named", () => {
    expect(parseRouteTimeouts(" /api/v1/causal/=0.25, /api/v1/batch/=600 ")).toEqual([
      { prefix: "/api/v1/causal/", seconds: 0.25 },
      { prefix: "/api/v1/batch/", seconds: 600 },
    ]);
    expect(() => parseRouteTimeouts("/api/v1/causal/")).toThrow(/"\/api\/v1\/causal\/" must be/);
    expect(() => parseRouteTimeouts("api/v1=5")).toThrow(/must be \/path\/prefix=seconds/);
    expect(() => parseRouteTimeouts("/api/v1/=0")).toThrow(/must be/);
    expect(() => parseRouteTimeouts("/api/v1/=abc")).toThrow(/must be/);
  });

  it("reads the pool, deadline and shutdown variables with clear messages", () => {
    const config = loadConfig({ ISL_ROUTE_TIMEOUTS: "/api/v1/causal/=2", ISL_WORKER_THREADS: "3", ISL_SHUTDOWN_TIMEOUT_SECONDS: "5" });
    expect(config).toMatchObject({ routeTimeouts: [{ prefix: "/api/v1/causal/", seconds: 2 }], workerThreads: 3, shutdownTimeoutSeconds: 5 });
    expect(defaultConfig()).toMatchObject({ routeTimeouts: [], workerThreads: undefined, shutdownTimeoutSeconds: 30, requestTimeoutSeconds: 60, clusterProcesses: 1 });
    expect(loadConfig({ ISL_CLUSTER_PROCESSES: "2" }).clusterProcesses).toBe(2);
    for (const [name, value, pattern] of [
      ["ISL_WORKER_THREADS", "0", /ISL_WORKER_THREADS="0": expected an integer from 1 to 256/],
      ["ISL_SHUTDOWN_TIMEOUT_SECONDS", "-1", /ISL_SHUTDOWN_TIMEOUT_SECONDS="-1": expected an integer from 0 to 3600/],
      ["ISL_ROUTE_TIMEOUTS", "causal=5", /ISL_ROUTE_TIMEOUTS="causal=5": "causal=5" must be/],
      ["ISL_CLUSTER_PROCESSES", "0", /ISL_CLUSTER_PROCESSES="0": expected an integer from 1 to 64/],
    ] as const) {
      let thrown: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).problems.join("\n")).toMatch(pattern);
    }
  });
});

async function timedGet(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

/** Polls `url` every `everyMs` until `done` settles; returns each answer's latency. */
async function pollWhile(url: string, done: Promise<unknown>, everyMs: number): Promise<{ status: number; ms: number }[]> {
  let settled = false;
  void done.finally(() => {
    settled = true;
  });
  const samples: { status: number; ms: number }[] = [];
  while (!settled) {
    samples.push(await timedGet(url));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return samples;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "req_deadline_test" }, body: JSON.stringify(body) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe("deadline over HTTP with the worker pool", () => {
  let running: RunningServer;
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = new WorkerPool({ threads: 1, abortGraceMs: 20_000 });
    const config = { ...defaultConfig(), rateLimitPerMinute: 1_000_000, routeTimeouts: [{ prefix: "/api/v1/causal/", seconds: 0.5 }] };
    running = await startServer({ port: 0, log: () => undefined, config, workerPool: pool, appOptions: { logger: recordingLogger() } });
    await pool.start();
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  it("answers 504 in the envelope at the deadline while /health answers in milliseconds, stops the work, and serves the next request", async () => {
    for (let i = 0; i < 5; i += 1) await timedGet(`${running.url}/health`);
    const started = performance.now();
    const long = post(`${running.url}/api/v1/causal/counterfactual/batch`, counterfactualBatchRequest(10, 1_000_000));
    const health = await pollWhile(`${running.url}/health`, long, 10);
    const res = await long;
    const answeredAfter = performance.now() - started;
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({
      code: "ISL_TIMEOUT",
      reason: "processing_timeout",
      retryable: true,
      message: "Request processing timed out after 0.5 seconds.",
      request_id: "req_deadline_test",
      source: "isl",
      details: { timeout_seconds: 0.5 },
    });
    expect(answeredAfter).toBeGreaterThanOrEqual(490);
    expect(answeredAfter).toBeLessThan(3_000);
    // The event loop kept answering: every /health during the Monte Carlo came back fast.
    expect(health.every((h) => h.status === 200)).toBe(true);
    // Bounds leave room for a 2-core CI machine running other test files at the same time (alone:
    // median 4–9 ms); a blocked loop would hold the first probe for the whole computation
    // (10 × 1,000,000 samples, many seconds) and answer no other.
    expect(health.length).toBeGreaterThanOrEqual(3);
    expect(median(health.map((h) => h.ms))).toBeLessThan(150);
    expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(1_500);
    // The computation stops at its next block (cooperatively: no thread was terminated).
    const stopDeadline = performance.now() + 5_000;
    while (pool.stats().busy > 0 && performance.now() < stopDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pool.stats()).toMatchObject({ busy: 0, terminated: 0 });
    // And the one worker is free for the next request.
    const next = await post(`${running.url}/api/v1/causal/counterfactual`, counterfactualRequest(1_000));
    expect(next.status).toBe(200);
    expect(((await next.json()) as { samples: number }).samples).toBe(1_000);
  }, 60_000);

  it("the pool gauges in /metrics show the busy thread and a queued task, then an idle pool", async () => {
    const gauge = async (name: string): Promise<number> => {
      const text = await (await fetch(`${running.url}/metrics`)).text();
      const line = text.split("\n").find((l) => l.startsWith(`${name} `));
      return Number(line?.split(" ")[1]);
    };
    expect(await gauge("isl_worker_pool_threads")).toBe(1);
    const first = post(`${running.url}/api/v1/causal/counterfactual/batch`, counterfactualBatchRequest(10, 1_000_000));
    const second = post(`${running.url}/api/v1/causal/counterfactual/batch`, counterfactualBatchRequest(10, 1_000_000));
    let seen = { busy: 0, queued: 0 };
    const until = performance.now() + 450;
    while (performance.now() < until && !(seen.busy === 1 && seen.queued === 1)) {
      seen = { busy: await gauge("isl_worker_pool_busy"), queued: await gauge("isl_worker_pool_queued") };
    }
    expect(seen).toEqual({ busy: 1, queued: 1 });
    expect([(await first).status, (await second).status]).toEqual([504, 504]);
    const idleBy = performance.now() + 5_000;
    while ((await gauge("isl_worker_pool_busy")) + (await gauge("isl_worker_pool_queued")) > 0 && performance.now() < idleBy) await new Promise((resolve) => setTimeout(resolve, 20));
    expect([await gauge("isl_worker_pool_busy"), await gauge("isl_worker_pool_queued")]).toEqual([0, 0]);
  }, 60_000);

  it("reports the pool in /health/services and /ready", async () => {
    const ready = await fetch(`${running.url}/ready`);
    expect(ready.status).toBe(200);
    const services = (await (await fetch(`${running.url}/health/services`)).json()) as { overall_status: string; services: { worker_pool: Record<string, unknown> } };
    expect(services.overall_status).toBe("healthy");
    expect(services.services.worker_pool).toMatchObject({ status: "healthy", threads: 1, started: true });
    expect(services.services.worker_pool.cancelled).toBeGreaterThanOrEqual(1);
  });
});
