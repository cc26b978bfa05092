/**
 * The piscina worker pool on the TypeScript sources (the `@olumi/source` condition and tsx's
 * loader inside each worker thread): same answers as inline, typed errors across the thread
 * boundary, cooperative cancellation of a long Monte Carlo, forced termination of a task that
 * ignores its flag, queued tasks dropped, and a usable pool after every kind of stop.
 */
import { fileURLToPath } from "node:url";
import { runOperation } from "@olumi/isl-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultWorkerEntry, defaultWorkerThreads, WorkerPool } from "../src/index.js";
import { counterfactualRequest } from "./long-monte-carlo.js";

const never = (): AbortSignal => new AbortController().signal;

/** Rejection of `promise`, or a failure when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected a rejection");
}

describe("defaultWorkerThreads", () => {
  it.each([
    [1, 1, 1],
    [2, 1, 1],
    [8, 1, 7],
    [8, 2, 3],
    [2, 4, 1],
  ])("%d cores, %d processes → %d threads", (cores, processes, threads) => {
    expect(defaultWorkerThreads(processes, cores)).toBe(threads);
  });
});

describe("defaultWorkerEntry", () => {
  it("runs the .ts entry through tsx with the source condition, and the built entry beside a built module", () => {
    const source = defaultWorkerEntry(fileURLToPath(new URL("../src/worker-pool.ts", import.meta.url)));
    expect(source.filename.endsWith("/src/pool-worker.ts")).toBe(true);
    expect(source.execArgv).toContain("--conditions=@olumi/source");
    expect(source.execArgv?.[source.execArgv.indexOf("--import") + 1]).toMatch(/^file:.*tsx.*loader\.mjs$/);
    expect(defaultWorkerEntry("/opt/isl/dist/index.js")).toEqual({ filename: "/opt/isl/dist/pool-worker.js", execArgv: undefined });
    expect(defaultWorkerEntry("/opt/isl/dist/index.cjs")).toEqual({ filename: "/opt/isl/dist/pool-worker.cjs", execArgv: undefined });
  });
});

describe("WorkerPool (one thread, TypeScript sources)", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = new WorkerPool({ threads: 1, abortGraceMs: 20_000 });
    await pool.start();
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it("starts its workers and reports them", () => {
    expect(pool.started).toBe(true);
    expect(pool.stats()).toMatchObject({ threads: 1, started: true, closed: false, busy: 0 });
  });

  it("answers exactly as the inline engine does", async () => {
    const input = counterfactualRequest(2_000);
    const inWorker = await pool.run("causal/counterfactual", input, { requestId: "req_same", signal: never() });
    const inline = runOperation("causal/counterfactual", input, { requestId: "req_same" });
    expect(inWorker).toEqual(inline);
  });

  it("rebuilds an IslError thrown in the worker, code and failures included", async () => {
    const error = await rejectionOf(pool.run("causal/counterfactual", { model: {}, outcome: "Y" }, { requestId: "req_bad", signal: never() }));
    expect(error).toMatchObject({ name: "IslError", code: "ISL_VALIDATION_ERROR" });
    expect((error as { validationFailures?: string[] }).validationFailures?.length).toBeGreaterThan(0);
  });

  let stoppedAfterMs = Number.NaN;

  it("stops a 1,000,000-sample Monte Carlo on a 50-variable model at the next block once the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = pool.run("causal/counterfactual", counterfactualRequest(1_000_000), { requestId: "req_long", signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = (await rejectionOf(run)) as { code?: string; message: string; details?: { completedSamples?: number } };
    stoppedAfterMs = performance.now() - started;
    // Core's own timeout, raised inside the worker at a block boundary (not the pool's rejection).
    expect(error.code).toBe("ISL_TIMEOUT");
    expect(error.message).toMatch(/was stopped/);
    if (error.details?.completedSamples !== undefined) expect(error.details.completedSamples).toBeLessThan(1_000_000);
    // Stopped by the shared flag, not by terminating the thread (the grace period is 20 s here).
    expect(pool.stats()).toMatchObject({ terminated: 0, busy: 0 });
    expect(pool.stats().cancelled).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it("takes longer when nothing aborts it (so the stop above cut the work short), and the pool is usable after", async () => {
    const started = performance.now();
    const body = (await pool.run("causal/counterfactual", counterfactualRequest(1_000_000), { requestId: "req_full", signal: never() })) as { samples: number };
    expect(body.samples).toBe(1_000_000);
    expect(performance.now() - started).toBeGreaterThan(stoppedAfterMs + 100);
  }, 60_000);

  it("drops a queued task whose signal aborts before a worker picks it up", async () => {
    const first = pool.run("causal/counterfactual", counterfactualRequest(300_000), { requestId: "req_first", signal: never() });
    const controller = new AbortController();
    const queued = pool.run("causal/counterfactual", counterfactualRequest(300_000), { requestId: "req_queued", signal: controller.signal });
    const before = performance.now();
    controller.abort();
    const error = await rejectionOf(queued);
    expect(error.code).toBe("ISL_TIMEOUT");
    expect(performance.now() - before).toBeLessThan(200);
    await expect(first).resolves.toMatchObject({ samples: 300_000 });
    expect(pool.stats().terminated).toBe(0);
  }, 60_000);

  it("rejects with ISL_TIMEOUT at once when the signal has already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(pool.run("causal/validate", {}, { requestId: "req_x", signal: controller.signal }));
    expect(error.code).toBe("ISL_TIMEOUT");
  });
});

describe("WorkerPool forced termination", () => {
  it("terminates a worker whose task ignores its flag after the grace period, and replaces it", async () => {
    const entry = { filename: fileURLToPath(new URL("./fixtures/spin-worker.ts", import.meta.url)), execArgv: defaultWorkerEntry().execArgv };
    const pool = new WorkerPool({ threads: 1, abortGraceMs: 300, entry });
    try {
      await pool.start();
      const controller = new AbortController();
      const started = performance.now();
      const run = pool.run("causal/validate", { ms: 30_000 }, { requestId: "req_spin", signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const error = await rejectionOf(run);
      expect(error.code).toBe("ISL_TIMEOUT");
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(pool.stats().terminated).toBe(1);
      await expect(pool.run("causal/validate", { ms: 1 }, { requestId: "req_after", signal: never() })).resolves.toEqual({ spun: 1 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("rejects a task still running when the pool closes with ISL_SERVICE_UNAVAILABLE", async () => {
    const entry = { filename: fileURLToPath(new URL("./fixtures/spin-worker.ts", import.meta.url)), execArgv: defaultWorkerEntry().execArgv };
    const pool = new WorkerPool({ threads: 1, entry });
    await pool.start();
    const run = pool.run("causal/validate", { ms: 30_000 }, { requestId: "req_closing", signal: never() });
    const outcome = rejectionOf(run);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pool.close();
    const error = await outcome;
    expect(error.code).toBe("ISL_SERVICE_UNAVAILABLE");
  }, 60_000);

  it("refuses work once closed", async () => {
    const pool = new WorkerPool({ threads: 1 });
    await pool.close();
    const error = await rejectionOf(pool.run("causal/validate", {}, { requestId: "req_closed", signal: never() }));
    expect(error.code).toBe("ISL_SERVICE_UNAVAILABLE");
    expect(pool.stats()).toMatchObject({ closed: true, started: false });
  });
});
