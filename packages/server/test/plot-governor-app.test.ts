/** The PLoT gate and governor wired into createApp on `POST /api/v1/robustness/analyze/v2` (PLoT's headers). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { operations } from "@olumi/contracts";
import { plotCostShapeOf, pricePlotRequest } from "@olumi/isl-core";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { defaultConfig, loadConfig } from "../src/config.js";
import { PlotComputeGovernor } from "../src/plot-governor.js";
import { CAPTURE_FIXTURES, fixtureRequest } from "../../core/test/plot/capture-fixtures.js";
import { quietApp } from "./helpers.js";

/**
 * Statuses the server gives today where they differ from the fixture's: the dead-no-caller
 * `factor-sensitivity` egress body has edges without `strength`, which the request model requires
 * (plot-v2-engine.md §1.3), so it is a 422 blocked body rather than plot-client.md §7.1's 200.
 */
const EXPECTED_HTTP_STATUS: Record<string, number> = { "egress:factor-sensitivity-dead": 422 };

const FIXTURES = fileURLToPath(new URL("../../core/test/fixtures/plot/", import.meta.url));
const REQUEST_A = JSON.parse(readFileSync(`${FIXTURES}isl-v2-live-20260707__isl-v2-request.json`, "utf8")) as Record<string, unknown>;
const COST_A = pricePlotRequest(plotCostShapeOf(REQUEST_A)!).costUnits;
const ANALYZE = operations.find((op) => op.id === "robustness/analyze/v2")!;
const PATH = `${ANALYZE.path}?response_version=2`;

/** PLoT's transport headers (plot-client.md §1.1). */
function plotHeaders(test: request.Test, key: string, requestId: string): request.Test {
  return test.set("X-API-Key", key).set("X-Request-Id", requestId).set("X-ISL-Response-Version", "2").set("x-olumi-payload-hash", "ignored");
}

describe("PLoT gate and governor in createApp", () => {
  it("a caller's third concurrent analysis gets 429 caller_concurrency_exceeded with Retry-After: 5; others go through", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    let onStarted = (): void => undefined;
    const twoStarted = new Promise<void>((resolve) => {
      onStarted = () => {
        started += 1;
        if (started === 2) resolve();
      };
    });
    const app = quietApp({
      plotGovernor: new PlotComputeGovernor({ workers: 2, maxCostUnits: 24_000_000 }),
      runOperation: async (_id, input) => {
        onStarted();
        await gate;
        return { echoed: (input as { request_id?: string }).request_id };
      },
    });
    const server = app.listen(0, "127.0.0.1");
    try {
      const agent = request(server);
      const first = plotHeaders(agent.post(PATH), "plot-key", "r1").send(REQUEST_A).then((r) => r);
      const second = plotHeaders(agent.post(PATH), "plot-key", "r2").send(REQUEST_A).then((r) => r);
      await twoStarted;
      const third = await plotHeaders(agent.post(PATH), "plot-key", "r3").send(REQUEST_A);
      expect(third.status).toBe(429);
      expect(third.headers["retry-after"]).toBe("5");
      expect(third.headers["x-request-id"]).toBe("r3");
      expect(third.body).toMatchObject({ code: "ISL_RATE_LIMIT_EXCEEDED", reason: "caller_concurrency_exceeded", retryable: true, request_id: "r3" });
      release();
      const done = await Promise.all([first, second]);
      expect(done.map((r) => r.status)).toEqual([200, 200]);
      expect((await plotHeaders(agent.post(PATH), "plot-key", "r4").send(REQUEST_A)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("a request priced over ISL_MAX_COST_UNITS gets a 422 naming the cost and the cap, before the engine runs", async () => {
    let ran = 0;
    const app = quietApp({
      config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, maxCostUnits: COST_A - 1 },
      runOperation: () => {
        ran += 1;
        return {};
      },
    });
    const res = await plotHeaders(request(app).post(PATH), "plot-key", "over").send(REQUEST_A);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "ISL_VALIDATION_ERROR", request_id: "over", details: { cost_units: COST_A, limit: COST_A - 1 } });
    expect(ran).toBe(0);
    const health = await request(app).get("/health");
    expect(health.body.compute_admission.max_cost_units).toBe(COST_A - 1);
    const atCap = quietApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, maxCostUnits: COST_A }, runOperation: () => ({ ok: true }) });
    expect((await plotHeaders(request(atCap).post(PATH), "plot-key", "at").send(REQUEST_A)).status).toBe(200);
  });

  it("serves a captured PLoT request end to end: 200, x-request-id echoed, body request_id = the one sent", async () => {
    const res = await plotHeaders(request(quietApp()).post(PATH), "plot-key", String(REQUEST_A.request_id)).send(REQUEST_A);
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toBe(REQUEST_A.request_id);
    expect(res.body.request_id).toBe(REQUEST_A.request_id);
    expect(res.body.version).toMatch(/^2\./);
    expect(Array.isArray(res.body.inference_warnings)).toBe(true);
  });

  it("with API keys: no key is 401 before the gate; each authenticated key has its own concurrency share", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    let onStarted = (): void => undefined;
    const fourStarted = new Promise<void>((resolve) => {
      onStarted = () => {
        started += 1;
        if (started === 4) resolve();
      };
    });
    const app = quietApp({
      config: { ...loadConfig({ ISL_API_KEYS: "key-one-0123456789,key-two-0123456789" }), rateLimitPerMinute: 1_000_000 },
      plotGovernor: new PlotComputeGovernor({ workers: 2, maxCostUnits: 24_000_000 }),
      runOperation: async () => {
        onStarted();
        await gate;
        return { ok: true };
      },
    });
    const missing = await request(app).post(PATH).send(REQUEST_A);
    expect(missing.status).toBe(401);
    const server = app.listen(0, "127.0.0.1");
    try {
      const agent = request(server);
      const held = ["key-one-0123456789", "key-one-0123456789", "key-two-0123456789", "key-two-0123456789"].map((key, i) =>
        plotHeaders(agent.post(PATH), key, `h${i}`).send(REQUEST_A).then((r) => r),
      );
      await fourStarted;
      for (const key of ["key-one-0123456789", "key-two-0123456789"]) {
        const refused = await plotHeaders(agent.post(PATH), key, "extra").send(REQUEST_A);
        expect(refused.status).toBe(429);
      }
      release();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    } finally {
      server.close();
    }
  });

  it("serves every captured analyze/v2 request over HTTP with its recorded status, one caller in sequence (slots are released)", async () => {
    const app = quietApp();
    const analyzeFixtures = CAPTURE_FIXTURES.filter((f) => f.operation === "robustness/analyze/v2");
    expect(analyzeFixtures.length).toBeGreaterThanOrEqual(30);
    for (const fixture of analyzeFixtures) {
      const body = fixtureRequest(fixture);
      const requestId = typeof body.request_id === "string" ? body.request_id : `capture-${fixture.name.replace(/[^A-Za-z0-9._:-]/g, "-")}`;
      const res = await plotHeaders(request(app).post(PATH), "plot-key", requestId).send(body);
      expect([fixture.name, res.status]).toEqual([fixture.name, EXPECTED_HTTP_STATUS[fixture.name] ?? fixture.status]);
      expect(res.headers["x-request-id"]).toBe(requestId);
      if (res.status === 200) expect(res.body.request_id).toBe(requestId);
      if (res.status === 422) expect(res.body.analysis_status).toBe("blocked");
    }
  });

  it("refuses response_version=3 with 422", async () => {
    const app = quietApp({ runOperation: () => ({ ok: true }) });
    const res = await request(app).post(`${ANALYZE.path}?response_version=3`).send(REQUEST_A);
    expect(res.status).toBe(422);
    expect(res.body.details).toMatchObject({ field: "response_version" });
  });
});
