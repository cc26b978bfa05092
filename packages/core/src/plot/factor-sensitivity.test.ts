import { describe, expect, it } from "vitest";
import { mean } from "../numeric/index.js";
import { loadPlotFixture, modelOfRequest } from "../../test/plot/request-graph.js";
import { attributionConfidence, attributionStability, stabilityThresholds } from "./attribution-stability.js";
import { factorSensitivity } from "./factor-sensitivity.js";
import { graphViewOfModel } from "./plot-graph.js";
import { sensitivityReferenceOptionId } from "./sensitivity-reference.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { createPlotStreams } from "./streams.js";
import { structuralInfluence } from "./structural-influence.js";

type Row = Record<string, unknown>;

describe("factorSensitivity on the hiring graph (capture P3)", () => {
  const request = loadPlotFixture<{ parameter_uncertainties: { node_id: string }[] }>("isl-v2-live-20260707__isl-v2-request.json");
  const capture = loadPlotFixture<{ factor_sensitivity: Row[]; stability_thresholds: unknown }>("isl-v2-live-20260707__isl-staging-capture.json");
  const model = modelOfRequest(request);
  const streams = createPlotStreams(2034401427);
  const draws = runMainMonteCarlo(model, 4000, streams);
  const bm = mean(draws.outcome[0]!);
  const influence = structuralInfluence({ graph: graphViewOfModel(model), uncertainFactorIds: request.parameter_uncertainties.map((p) => p.node_id), aggregation: "absolute_paths" });
  const rows = factorSensitivity({ model, referenceMean: bm, streams, influence });

  it("matches every request-determined member of the captured rows exactly, in the captured order", () => {
    const exactKeys = ["node_id", "label", "importance_score", "direction", "importance_rank", "observed_value", "interpretation", "value_defaulted", "zero_reason", "baseline_near_zero", "influence_score", "influence_rank", "stability_method"];
    expect(rows.map((r) => r.node_id)).toEqual(capture.factor_sensitivity.map((r) => r.node_id));
    rows.forEach((row, i) => {
      const captured = capture.factor_sensitivity[i]!;
      for (const key of exactKeys) expect((row as unknown as Row)[key], key).toEqual(captured[key]);
      expect(Object.keys(row).filter((k) => !(k in captured))).toEqual(["confidence_provenance"]);
    });
  });

  it("reproduces the sensitivity score exactly (a ratio free of the sampled baseline) and the elasticity given our baseline", () => {
    // hiring cost: goal slope 0.7·0.95·(−0.25·0.9) per unit, δ = 0.5, centre 0 ⇒ el = slope·0.01/bm.
    expect(rows[0]!.elasticity).toBeCloseTo((0.7 * 0.95 * -0.25 * 0.9 * 0.01) / bm, 14);
    expect(rows[1]!.sensitivity_score).toBeCloseTo(capture.factor_sensitivity[1]!.sensitivity_score as number, 12);
    expect(Math.abs(rows[0]!.elasticity / (capture.factor_sensitivity[0]!.elasticity as number) - 1)).toBeLessThan(0.05);
  });

  it("gives the intervention-override rows their exact zero statistics", () => {
    for (const row of rows.slice(2)) {
      expect(row).toMatchObject({ elasticity: 0, elasticity_std: 0, attribution_stability: "negligible", rank_flip_rate: 0, confidence: 0.1, zero_reason: "intervention_override", sensitivity_score: 0 });
    }
  });

  it("bands the sampled factors' bootstrap variation like the capture (CV ≫ 0.3 ⇒ low)", () => {
    for (const row of rows.slice(0, 2)) {
      expect(row.attribution_stability).toBe("low");
      expect(row.elasticity_std).toBeGreaterThan(0.3 * Math.abs(row.elasticity));
      expect(row.rank_flip_rate).toBeGreaterThanOrEqual(0);
      expect(row.rank_flip_rate).toBeLessThanOrEqual(1);
    }
    expect(factorSensitivity({ model, referenceMean: bm, streams, influence })).toEqual(rows);
    expect(stabilityThresholds()).toEqual(capture.stability_thresholds);
  });

  it("measures against the first option, as the capture's sensitivity_reference_option_id says", () => {
    const pathCapture = loadPlotFixture<{ sensitivity_reference_option_id: string }>("isl-v2-live-20260707__isl-staging-capture-pathdecomp.json");
    expect(sensitivityReferenceOptionId(model)).toBe(pathCapture.sensitivity_reference_option_id);
  });
});

describe("attribution stability and confidence", () => {
  it("bands CV at 0.1 and 0.3 and a vanishing elasticity as negligible", () => {
    expect(attributionStability(1, 0.1)).toBe("high");
    expect(attributionStability(-1, 0.3)).toBe("moderate");
    expect(attributionStability(1, 0.31)).toBe("low");
    expect(attributionStability(5e-7, 0)).toBe("negligible");
  });

  it("reproduces the P3 confidences with that build's 1/(1 + CV) blend and applies the late 1 − CV blend", () => {
    expect(attributionConfidence(-0.014698333393406733, 0.01101973, "low", "reciprocal_one_plus_cv")).toBe(0.3815);
    expect(attributionConfidence(0.00973884763603252, 0.00657316, "low", "reciprocal_one_plus_cv")).toBe(0.3891);
    expect(attributionConfidence(1, 0.2, "moderate")).toBe(0.66);
    expect(attributionConfidence(1, 2, "low")).toBe(0.21);
    expect(attributionConfidence(0, 0, "negligible")).toBe(0.1);
  });
});

describe("factorSensitivity with a non-finite reference mean", () => {
  it("emits no non-finite numbers", () => {
    const model = modelOfRequest(loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json"));
    const rows = factorSensitivity({ model, referenceMean: Number.NaN, streams: createPlotStreams(1) });
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  });
});
