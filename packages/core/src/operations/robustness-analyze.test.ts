/**
 * `robustness/analyze` end to end: the response matches its schema, echoes samples and seed,
 * gives identical bytes for the same request, accepts causal_model of the StructuralModel shape,
 * and maps bad input to 4xx codes (schema failures 422, domain failures 400).
 */
import { describe, expect, test } from "vitest";
import { RobustnessResponse, robustnessAnalyze } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

const MODEL = {
  variables: ["Price", "Revenue", "Noise"],
  equations: { Revenue: "2000 * Price + Noise" },
  distributions: { Noise: { type: "normal", parameters: { mean: 0, std: 1000 } } },
};
const REQUEST = { causal_model: {}, structural_model: MODEL, intervention_proposal: { Price: 52.5 }, target_outcome: { Revenue: [95000, 115000] as [number, number] }, samples: 2000, seed: 42 };

describe("robustness/analyze", () => {
  test("the example runs, matches the schema and echoes samples and seed", () => {
    const r = runOperation("robustness/analyze", robustnessAnalyze.example);
    expect(RobustnessResponse.safeParse(r).success).toBe(true);
    expect(r.samples).toBe(2000);
    expect(r.seed).toBe("42");
    expect(r._metadata?.seed).toBe("42");
    expect(r.analysis.region_count).toBe(r.analysis.robust_regions.length);
    expect(r.analysis.total_volume).toBeLessThanOrEqual(1);
    expect(r.analysis.samples_successful).toBeLessThanOrEqual(r.analysis.samples_tested);
    expect(Object.keys(r.analysis.outcome_guarantees)).toEqual(["Revenue"]);
  });

  test("the same request gives identical bytes; a derived seed is reported", () => {
    expect(JSON.stringify(runOperation("robustness/analyze", REQUEST))).toBe(JSON.stringify(runOperation("robustness/analyze", REQUEST)));
    const { seed: _seed, ...unseeded } = REQUEST;
    const r = runOperation("robustness/analyze", unseeded);
    expect(r._metadata?.seed_source).toBe("derived");
    expect(r.seed).toBe(r._metadata?.seed);
  });

  test("causal_model with equations is used when structural_model is absent", () => {
    const { structural_model: _m, ...rest } = REQUEST;
    const r = runOperation("robustness/analyze", { ...rest, causal_model: MODEL });
    expect(r.analysis.model_source).toBe("causal_model");
    const same = runOperation("robustness/analyze", REQUEST);
    expect(r.analysis.robustness_score).toBe(same.analysis.robustness_score);
  });

  test("a deterministic model: exact interval to the bisection tolerance, one sample per point", () => {
    const r = runOperation("robustness/analyze", {
      causal_model: { variables: ["Price", "Revenue"], equations: { Revenue: "2000 * Price" }, distributions: {} },
      intervention_proposal: { Price: 55 },
      target_outcome: { Revenue: [100000, 115000] },
    });
    expect(r.analysis.samples_per_point).toBe(1);
    const [lo, hi] = r.analysis.robust_regions[0]!.variable_ranges.Price!;
    expect(hi).toBeLessThanOrEqual(57.5);
    expect(hi).toBeGreaterThan(57.5 - 5.5 / 1024);
    expect(55 - lo).toBeCloseTo(hi - 55, 9);
  });

  test("bad input: schema failures are 422, domain failures 400", () => {
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, perturbation_radius: 1.5 }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, min_samples: 5 }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, target_outcome: { Revenue: [1, 2, 3] } }), "ISL_VALIDATION_ERROR");
    const e = expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, feasible_ranges: { Price: [60, 70] } }), "ISL_INVALID_INPUT");
    expect(e.details.field).toBe("feasible_ranges.Price");
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, intervention_proposal: { Prise: 50 } }), "ISL_INVALID_INTERVENTION");
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, target_outcome: { Revenue: [115000, 95000] } }), "ISL_INVALID_INPUT");
    expectIslError(() => runOperation("robustness/analyze", { ...REQUEST, structural_model: null, causal_model: { nodes: ["a"], edges: [] } }), "ISL_INVALID_MODEL");
  });
});
