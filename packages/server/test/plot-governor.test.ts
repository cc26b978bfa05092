/** PLoT compute governor, admission gate and `/health.compute_admission` (plot-v2-engine.md §6). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { computeAdmissionBlock, plotCostShapeOf, pricePlotRequest, toErrorEnvelope } from "@olumi/isl-core";
import express, { type NextFunction, type Request, type Response } from "express";
import fc from "fast-check";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { defaultConfig, loadConfig } from "../src/config.js";
import { requestContext, requestIdOf } from "../src/middleware.js";
import { GOVERNOR_RETRY_AFTER_SECONDS, PlotComputeGovernor, plotAnalysisGate, type GovernorRefusalReason } from "../src/plot-governor.js";
import { quietApp } from "./helpers.js";

const FIXTURES = fileURLToPath(new URL("../../core/test/fixtures/plot/", import.meta.url));
const REQUEST_A = JSON.parse(readFileSync(`${FIXTURES}isl-v2-live-20260707__isl-v2-request.json`, "utf8")) as Record<string, unknown>;
const COST_A = pricePlotRequest(plotCostShapeOf(REQUEST_A)!).costUnits;

/** Reference model of §6.3: a list of in-flight (caller, cost) tickets, checked in the spec's order. */
function referenceAdmit(inFlight: { caller: string; cost: number }[], caller: string, cost: number, workers: number, queue: number, max: number): GovernorRefusalReason | "ok" {
  if (inFlight.length >= workers + queue) return "service_busy_queue_full";
  if (inFlight.filter((t) => t.caller === caller).length >= workers) return "caller_concurrency_exceeded";
  if (inFlight.reduce((s, t) => s + t.cost, 0) + cost > workers * max) return "service_busy_cost_budget";
  return "ok";
}

describe("PlotComputeGovernor", () => {
  it("refuses a third concurrent analysis of one caller, admits another caller, and frees slots on release", () => {
    const governor = new PlotComputeGovernor({ workers: 2, maxCostUnits: 100 });
    const a1 = governor.admit("a", 10);
    const a2 = governor.admit("a", 10);
    expect(a1.admitted && a2.admitted).toBe(true);
    expect(governor.admit("a", 10)).toEqual({ admitted: false, reason: "caller_concurrency_exceeded" });
    expect(governor.admit("b", 10).admitted).toBe(true);
    if (a1.admitted) {
      a1.release();
      a1.release();
    }
    expect(governor.inFlight).toBe(2);
    expect(governor.admit("a", 10).admitted).toBe(true);
  });

  it("checks the queue before the caller limit and the cost budget last", () => {
    const governor = new PlotComputeGovernor({ workers: 1, queue: 1, maxCostUnits: 100 });
    expect(governor.admit("a", 60).admitted).toBe(true);
    expect(governor.admit("b", 41)).toEqual({ admitted: false, reason: "service_busy_cost_budget" });
    expect(governor.admit("a", 1)).toEqual({ admitted: false, reason: "caller_concurrency_exceeded" });
    expect(governor.admit("b", 40).admitted).toBe(true);
    expect(governor.admit("a", 0)).toEqual({ admitted: false, reason: "service_busy_queue_full" });
  });

  it("defaults to min(2, cores) workers and a queue of twice that", () => {
    const governor = new PlotComputeGovernor({ maxCostUnits: 24_000_000 });
    expect(governor.workers).toBeGreaterThanOrEqual(1);
    expect(governor.workers).toBeLessThanOrEqual(2);
    expect(governor.capacity).toBe(3 * governor.workers);
    expect(governor.costBudget).toBe(governor.workers * 24_000_000);
    expect(() => new PlotComputeGovernor({ workers: 0, maxCostUnits: 1 })).toThrow(RangeError);
  });

  it("agrees with the reference model on random admit/release sequences", () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("admit" as const), caller: fc.constantFrom("a", "b", "c"), cost: fc.integer({ min: 0, max: 120 }) }),
      fc.record({ kind: fc.constant("release" as const), index: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.array(step, { maxLength: 60 }), (workers, queue, steps) => {
        const governor = new PlotComputeGovernor({ workers, queue, maxCostUnits: 100 });
        const tickets: { caller: string; cost: number; release: () => void }[] = [];
        for (const s of steps) {
          if (s.kind === "release") {
            if (tickets.length === 0) continue;
            const [ticket] = tickets.splice(s.index % tickets.length, 1);
            ticket!.release();
            continue;
          }
          const expected = referenceAdmit(tickets, s.caller, s.cost, workers, queue, 100);
          const decision = governor.admit(s.caller, s.cost);
          if (decision.admitted) tickets.push({ caller: s.caller, cost: s.cost, release: decision.release });
          expect(decision.admitted ? "ok" : decision.reason).toBe(expected);
          expect(governor.inFlight).toBe(tickets.length);
        }
      }),
      { seed: 0x6a7e, numRuns: 300 },
    );
  });
});

/** A deferred promise the slow handler waits on. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A minimal app: the gate in front of an async handler that holds every request until `gate` opens. */
function slowApp(governor: PlotComputeGovernor, maxCostUnits: number) {
  const hold = deferred();
  let arrived = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const app = express();
  app.use(requestContext());
  app.post("/analyze", express.json(), plotAnalysisGate({ maxCostUnits, governor }), async (_req, res) => {
    arrived += 1;
    for (const w of waiters.filter((x) => x.n <= arrived)) w.resolve();
    await hold.promise;
    res.json({ ok: true });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = toErrorEnvelope(error, requestIdOf(res));
    res.status(status).json(body);
  });
  const arrivals = (n: number): Promise<void> =>
    arrived >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
  return { app, open: hold.resolve, arrivals };
}

describe("plotAnalysisGate over HTTP", () => {
  it("answers a caller's third concurrent request with 429 caller_concurrency_exceeded and Retry-After: 5", async () => {
    const governor = new PlotComputeGovernor({ workers: 2, maxCostUnits: 24_000_000 });
    const { app, open, arrivals } = slowApp(governor, 24_000_000);
    const server = app.listen(0, "127.0.0.1");
    try {
      const agent = request(server);
      const first = agent.post("/analyze").set("X-API-Key", "caller-one").send(REQUEST_A).then((r) => r);
      const second = agent.post("/analyze").set("X-API-Key", "caller-one").send(REQUEST_A).then((r) => r);
      await arrivals(2);
      expect(governor.inFlight).toBe(2);
      const third = await agent.post("/analyze").set("X-API-Key", "caller-one").set("X-Request-Id", "third").send(REQUEST_A);
      expect(third.status).toBe(429);
      expect(third.headers["retry-after"]).toBe(String(GOVERNOR_RETRY_AFTER_SECONDS));
      expect(third.body).toMatchObject({
        code: "ISL_RATE_LIMIT_EXCEEDED",
        reason: "caller_concurrency_exceeded",
        message: "Too many concurrent analyses from this caller. Retry shortly.",
        retryable: true,
        source: "isl",
        request_id: "third",
      });
      const other = agent.post("/analyze").set("X-API-Key", "caller-two").send(REQUEST_A).then((r) => r);
      await arrivals(3);
      open();
      const done = await Promise.all([first, second, other]);
      expect(done.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(governor.inFlight).toBe(0);
      const again = await agent.post("/analyze").set("X-API-Key", "caller-one").send(REQUEST_A);
      expect(again.status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("answers 503 service_busy_queue_full with Retry-After when every slot is taken", async () => {
    const governor = new PlotComputeGovernor({ workers: 1, queue: 1, maxCostUnits: 24_000_000 });
    const { app, open, arrivals } = slowApp(governor, 24_000_000);
    const server = app.listen(0, "127.0.0.1");
    try {
      const agent = request(server);
      const held = [agent.post("/analyze").set("X-API-Key", "k1").send(REQUEST_A).then((r) => r), agent.post("/analyze").set("X-API-Key", "k2").send(REQUEST_A).then((r) => r)];
      await arrivals(2);
      const refused = await agent.post("/analyze").set("X-API-Key", "k3").send(REQUEST_A);
      expect(refused.status).toBe(503);
      expect(refused.headers["retry-after"]).toBe("5");
      expect(refused.body).toMatchObject({ code: "ISL_SERVICE_UNAVAILABLE", reason: "service_busy_queue_full", retryable: true });
      open();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      server.close();
    }
  });

  it("refuses a request priced over the ceiling with a 422 naming the cost and the cap, and admits one at the ceiling", async () => {
    const over = slowApp(new PlotComputeGovernor({ workers: 2, maxCostUnits: COST_A - 1 }), COST_A - 1);
    const res = await request(over.app).post("/analyze").send(REQUEST_A);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "ISL_VALIDATION_ERROR", details: { cost_units: COST_A, limit: COST_A - 1, dominant_term: "evpi" } });
    expect(res.body.message).toContain(`${COST_A} cost units > max_cost_units ${COST_A - 1}`);
    const at = slowApp(new PlotComputeGovernor({ workers: 2, maxCostUnits: COST_A }), COST_A);
    at.open();
    expect((await request(at.app).post("/analyze").send(REQUEST_A)).status).toBe(200);
  });

  it("accepts response_version 1 or 2 (query or header) and refuses anything else with 422", async () => {
    const { app, open } = slowApp(new PlotComputeGovernor({ workers: 2, maxCostUnits: 24_000_000 }), 24_000_000);
    open();
    expect((await request(app).post("/analyze?response_version=2").send(REQUEST_A)).status).toBe(200);
    expect((await request(app).post("/analyze").set("X-ISL-Response-Version", "2").send(REQUEST_A)).status).toBe(200);
    const bad = await request(app).post("/analyze?response_version=3").send(REQUEST_A);
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: "ISL_VALIDATION_ERROR", details: { field: "response_version", value: "3" } });
    expect((await request(app).post("/analyze?response_version=2").set("X-ISL-Response-Version", "v9").send(REQUEST_A)).status).toBe(422);
  });
});

describe("GET /health compute_admission", () => {
  it("advertises the block built from the admission constants and the configured ceiling", async () => {
    const res = await request(quietApp()).get("/health");
    expect(res.status).toBe(200);
    expect(res.body.compute_admission).toEqual(computeAdmissionBlock(defaultConfig().maxCostUnits));
    expect(res.body.compute_admission.max_cost_units).toBe(24_000_000);
    const custom = await request(quietApp({ config: { ...loadConfig({ ISL_MAX_COST_UNITS: "5000000" }), rateLimitPerMinute: 1_000_000 } })).get("/health");
    expect(custom.body.compute_admission).toEqual(computeAdmissionBlock(5_000_000));
  });

  it("rejects a malformed ISL_MAX_COST_UNITS at start", () => {
    expect(() => loadConfig({ ISL_MAX_COST_UNITS: "0" })).toThrow(/ISL_MAX_COST_UNITS="0": expected an integer/);
    expect(() => loadConfig({ ISL_MAX_COST_UNITS: "24e6" })).toThrow(/ISL_MAX_COST_UNITS/);
  });

  it("prices a captured request with the advertised numbers exactly as the gate does", async () => {
    const block = (await request(quietApp()).get("/health")).body.compute_admission as ReturnType<typeof computeAdmissionBlock>;
    // PLoT's planner side: the v6 formula evaluated from the advertised block only.
    const shape = plotCostShapeOf(REQUEST_A)!;
    const w = block.weights;
    const p = block.formula_parameters;
    const W = shape.nodes + shape.edges;
    const { nSamples: S, options: O, edges: E, distinctUncertainNodes: U } = shape;
    const advertisedPrice =
      w.base_per_sample_per_option_per_struct * S * O * W +
      (U + 1) * Math.min(S, w.evpi_sample_cap) * O * W +
      w.evppi_full_coef * U * (1 + w.evppi_null_permutations) * S +
      w.sensitivity_coef * E * Math.min(p.sensitivity.subsample_cap, Math.floor(S / p.sensitivity.subsample_divisor)) * W +
      w.influence_walk_pool +
      w.alt_winner_coef * O * (1 + Math.min(E, p.alternative_winners.max_edges) * p.alternative_winners.marginal_k_samples) * W +
      w.evalue_coef * E * O +
      w.bands_coef * E * O;
    expect(advertisedPrice).toBe(COST_A);
  });
});
