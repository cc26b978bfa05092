/**
 * The analyze/v2 envelope against the captured request A (hiring graph, 4,000 samples) and the
 * blocked 422 of fixture CVF-C. Sampled numbers are compared within the Monte Carlo tolerances of
 * plot-client.md §7.3 (4 standard errors for means and win probabilities); request-only numbers exactly.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlotAnalyzeResponse, PlotBlockedResponse } from "@olumi/contracts";
import { runOperation } from "../operations/run.js";
import { toErrorEnvelope } from "../operations/error-envelope.js";
import { nonWireMembers } from "./wire.js";

const FIXTURES = new URL("../../test/fixtures/plot/", import.meta.url);
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Record<string, unknown>;

const requestA = load("isl-v2-live-20260707__isl-v2-request.json");
const captureA = load("isl-v2-live-20260707__isl-staging-capture.json") as { options: Array<{ id: string; win_probability: number; outcome: Record<string, number> }> };

type Envelope = Record<string, unknown> & { options: Array<Record<string, any>>; robustness: Record<string, any>; critiques: unknown[]; inference_warnings: unknown[] };
const run = (body: unknown, requestId = "hdr-1"): Envelope => runOperation("robustness/analyze/v2", body, { requestId }) as unknown as Envelope;
const volatile = ({ timestamp: _t, processing_time_ms: _p, ...rest }: Record<string, unknown>) => rest;

/** The 422 body an adapter sends for what `fn` throws. */
function errorBody(fn: () => unknown): { status: number; body: Record<string, any> } {
  try {
    fn();
  } catch (error) {
    return toErrorEnvelope(error, "hdr-1") as { status: number; body: Record<string, any> };
  }
  throw new Error("expected an error");
}

describe("analyze/v2 on captured request A", () => {
  const body = run(requestA);

  it("is a valid V2 envelope with the identity fields and wire rules", () => {
    expect(PlotAnalyzeResponse.safeParse(body).error?.issues ?? []).toEqual([]);
    expect(body).toMatchObject({ version: "2.0", endpoint_version: "analyze/v2", engine_version: "1.0.0", analysis_status: "computed", robustness_status: "computed" });
    expect(body["timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(nonWireMembers(body)).toEqual([]);
    for (const dead of ["edge_e_values", "sensitivity", "validation_status", "computed_at", "factor_evpi", "_metadata", "metadata"]) expect(body).not.toHaveProperty(dead);
    expect(Array.isArray(body.inference_warnings)).toBe(true);
    expect(Array.isArray(body.robustness["edge_e_values"])).toBe(true);
    expect(Array.isArray(body.robustness["edge_sensitivity"])).toBe(true);
  });

  it("echoes the request exactly", () => {
    expect(body["request_id"]).toBe(requestA["request_id"]);
    expect(body["seed_used"]).toBe("2034401427");
    expect(body["seed_source"]).toBe("client_provided");
    expect(body["request_echo"]).toEqual({
      graph_node_count: 9,
      graph_edge_count: 13,
      options_count: 4,
      goal_node_id_hash: "d9f77e1cb872",
      n_samples: 4000,
      response_version_requested: 2,
      include_diagnostics: false,
    });
    expect(Object.keys(body).slice(0, 5)).toEqual(["version", "endpoint_version", "engine_version", "build", "timestamp"]);
    expect(Object.keys(body).slice(-4)).toEqual(["request_id", "processing_time_ms", "seed_used", "seed_source"]);
  });

  it("agrees with the capture's sampled numbers within 4 standard errors", () => {
    const n = 4000;
    for (const captured of captureA.options) {
      const ours = body.options.find((o) => o.id === captured.id)!;
      const se = captured.outcome["std"]! / Math.sqrt(n);
      expect(Math.abs(ours["outcome"].mean - captured.outcome["mean"]!)).toBeLessThan(4 * se + 0.002);
      expect(Math.abs(ours["outcome"].std / captured.outcome["std"]! - 1)).toBeLessThan(0.1);
      const p = captured.win_probability;
      expect(Math.abs(ours["win_probability"] - p)).toBeLessThan(Math.max(4 * Math.sqrt((p * (1 - p)) / n), 0.005));
      for (const q of ["p10", "p50", "p90"]) expect(Math.abs(ours["outcome"][q] - captured.outcome[q]!)).toBeLessThan(0.02);
    }
    const wins = body.options.reduce((s, o) => s + o["win_probability"], 0);
    expect(Math.abs(wins - 1)).toBeLessThan(1e-12);
    const best = body.options.reduce((a, b) => (b["win_probability"] > a["win_probability"] ? b : a));
    expect(best["id"]).toBe("opt_tech_lead");
    expect(body.robustness["recommendation_stability"]).toBe(best["win_probability"]);
    expect(body.robustness["confidence"]).toBe(best["win_probability"]);
    expect(body.robustness).toMatchObject({ level: "low", is_robust: false, confidence_basis: "recommendation_stability_uncalibrated" });
  });

  it("reports downside and decision_evpi = min expected regret", () => {
    for (const o of body.options) {
      expect(o["downside"].cvar_10).toBeLessThanOrEqual(o["downside"].p05 + 1e-12);
      expect(o["downside"].expected_regret).toBeGreaterThanOrEqual(0);
    }
    expect(body["decision_evpi"]).toBe(Math.min(...body.options.map((o) => o["downside"].expected_regret)));
  });

  it("gives the same body twice apart from timestamp and processing_time_ms", () => {
    expect(volatile(run(requestA))).toEqual(volatile(body));
  });

  it("does not change sampled numbers when path decomposition is requested", () => {
    const withPaths = run(load("isl-v2-live-20260707__isl-v2-request-pathdecomp.json"));
    expect(withPaths["path_decomposition"]).toBeDefined();
    expect(body["path_decomposition"]).toBeUndefined();
    expect(withPaths.options).toEqual(body.options);
  });

  it("uses the body's request_id, else the adapter's", () => {
    const { request_id: _omit, ...anonymous } = requestA;
    expect(run(anonymous, "from-header")["request_id"]).toBe("from-header");
  });
});

describe("analyze/v2 refusals", () => {
  it("answers CVF-C (invalid value_frame) with the blocked body naming the field", () => {
    const { status, body } = errorBody(() => run(load("isl-constraint-value-frame-20260807__C-invalid-frame.request.json")));
    expect(status).toBe(422);
    expect(PlotBlockedResponse.safeParse(body).success).toBe(true);
    expect(body["analysis_status"]).toBe("blocked");
    expect(body["critiques"][0]).toMatchObject({ code: "VALIDATION_ERROR", severity: "blocker", source: "validation" });
    expect(body["status_reason"]).toMatch(/^goal_constraints -> 0 -> value_frame: /);
    expect(body["critiques"][0].id).toMatch(/^critique_[0-9a-f]{12}$/);
  });

  it("accepts unknown keys in ignore-extra objects and refuses them in forbid-extra objects", () => {
    const egress = load("isl-pinned-egress__v2-run-accumulation-identity.json")["body"] as Record<string, any>;
    expect(run(egress)["analysis_status"]).toBe("computed");
    const withExtras = structuredClone(egress);
    withExtras["include_diagnostics"] = true;
    withExtras["graph"].nodes[0].surprise = 1;
    expect(run(withExtras)["analysis_status"]).toBe("computed");
    const mutated = structuredClone(egress);
    const node = mutated["graph"].nodes.find((n: Record<string, unknown>) => n["execution_frame"] !== undefined);
    node.execution_frame.surprise = 1;
    const { status, body } = errorBody(() => run(mutated));
    expect(status).toBe(422);
    expect(body["analysis_status"]).toBe("blocked");
    expect(body["status_reason"]).toMatch(/execution_frame/);
  });

  it("blocks empty interventions, identical options and cycles with their codes", () => {
    const cases: Array<[(r: Record<string, any>) => void, string]> = [
      [(r) => (r["options"][1].interventions = {}), "EMPTY_INTERVENTIONS"],
      [(r) => (r["options"][1].interventions = { ...r["options"][0].interventions }), "IDENTICAL_OPTIONS"],
      [(r) => r["graph"].edges.push({ from: "goal_productivity", to: "fac_tech_lead", exists_probability: 0.5, strength: { mean: 0.1, std: 0.1 } }), "GRAPH_CYCLE_DETECTED"],
    ];
    for (const [mutate, code] of cases) {
      const request = structuredClone(requestA) as Record<string, any>;
      mutate(request);
      const { status, body } = errorBody(() => run(request));
      expect(status).toBe(422);
      expect(body["critiques"][0].code).toBe(code);
      expect(body["request_id"]).toBe(requestA["request_id"]);
    }
  });

  it("refuses invalid correlations", () => {
    const egress = structuredClone(load("isl-pinned-egress__v2-run-factor-correlations.json")["body"]) as Record<string, any>;
    expect(run(egress)["analysis_status"]).toBe("computed");
    egress["factor_correlations"][0].rho = 1.5;
    expect(errorBody(() => run(egress)).status).toBe(422);
  });
});

describe("analyze/v2 on the r3b-sized PLoT body (paul-own, parent of the r3b capture)", () => {
  const r3b = load("r3b-goal-derived-withhold-20260929__isl-analyze-v2.response.json") as Record<string, any>;
  const body = run(load("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json"));

  it("reproduces the capture's request-only critiques, warnings and defaulted roots exactly", () => {
    expect(body["seed_used"]).toBe(r3b["seed_used"]);
    expect(body.critiques).toEqual(r3b["critiques"]);
    const codes = (list: unknown[]) => list.map((w) => (w as { code: string }).code);
    expect(codes(body.inference_warnings)).toEqual(codes(r3b["inference_warnings"]));
    const gap = (list: unknown[]) => list.find((w) => (w as { code: string }).code === "GOAL_ANCESTOR_DATA_GAP");
    expect(gap(body.inference_warnings)).toEqual(gap(r3b["inference_warnings"]));
    expect(body.robustness["defaulted_root_node_ids"]).toEqual(["fac_existing_customers_grandfathered"]);
    expect(body.robustness["stability_penalty_factor"]).toBe(0.95);
    expect(body["objective_ranking"]).toEqual(r3b["objective_ranking"]);
    expect(body["sample_population_provenance"]).toEqual(r3b["sample_population_provenance"]);
  });
});

describe("robustness/analyze/unified", () => {
  it("routes graph + options to analyze/v2 and refuses a body of neither kind", () => {
    const viaUnified = runOperation("robustness/analyze/unified", requestA, { requestId: "u" }) as Record<string, unknown>;
    expect(volatile(viaUnified)).toEqual(volatile(run(requestA, "u")));
    expect(() => runOperation("robustness/analyze/unified", { nothing: true }, { requestId: "u" })).toThrow(/graph|causal_model/);
  });

  it("answers the blocked body for an invalid analyze/v2 body", () => {
    const bad = { ...requestA, n_samples: 5 };
    const { status, body } = errorBody(() => runOperation("robustness/analyze/unified", bad, { requestId: "u" }));
    expect(status).toBe(422);
    expect(body["analysis_status"]).toBe("blocked");
    expect(body["status_reason"]).toMatch(/^n_samples: /);
  });
});

