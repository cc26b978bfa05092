/**
 * `analysis/sensitivity` and `causal/sensitivity/detailed` end to end on linear models whose
 * elasticities and tipping points are closed-form, plus E-values, determinism and input errors.
 */
import { describe, expect, test } from "vitest";
import { SensitivityAnalysisResponse, SensitivityReport } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

const model = { variables: ["Price", "Quality", "Revenue"], equations: { Revenue: "100 * Price + 5000 * Quality - 200" }, distributions: {} };

describe("analysis/sensitivity", () => {
  test("elasticities, ranges and tipping points match the closed form", () => {
    const r = runOperation("analysis/sensitivity", {
      model,
      baseline_result: 44300,
      intervention: { Price: 45, Quality: 8 },
      threshold: 40000,
      assumptions: [
        { name: "Revenue.Price", current_value: 100, type: "parametric", variation_range: { min: 0, max: 200 } },
        { name: "Revenue.Quality", current_value: "5000", type: "parametric" },
      ],
    });
    expect(SensitivityAnalysisResponse.safeParse(r).success).toBe(true);
    // Y = a·45 + b·8 − 200 = 44300 at (100, 5000)
    expect(r.model_result).toBeCloseTo(44300, 9);
    const price = r.assumptions.find((a) => a.name === "Revenue.Price")!;
    const quality = r.assumptions.find((a) => a.name === "Revenue.Quality")!;
    expect(price.elasticity).toBeCloseTo((45 * 100) / 44300, 9);
    expect(quality.elasticity).toBeCloseTo((8 * 5000) / 44300, 9);
    expect(price.outcome_range.min).toBeCloseTo(39800, 9);
    expect(price.outcome_range.max).toBeCloseTo(48800, 9);
    // crosses 40000 at a = (40000 − 39800)/45
    expect(price.tipping_point).toBeCloseTo(200 / 45, 8);
    // quality default range ±30%: [3500, 6500]; crosses 40000 at b = 40200/8 = 5025·... = 5025? (40000 + 200 − 4500)/8
    expect(quality.variation_range).toEqual({ min: 3500, max: 6500 });
    expect(quality.tipping_point).toBeCloseTo((40000 + 200 - 4500) / 8, 8);
    expect(r.robustness.overall).toBe("fragile");
    expect(r.robustness.breakpoints.map((b) => b.assumption).sort()).toEqual(["Revenue.Price", "Revenue.Quality"]);
    // ranked by impact: quality moves the outcome by 12000, price by 4500
    expect(r.assumptions.map((a) => a.name)).toEqual(["Revenue.Quality", "Revenue.Price"]);
    expect(r.assumptions[0]!.impact.percentage + r.assumptions[1]!.impact.percentage).toBeCloseTo(100, 9);
    expect(r.samples).toBe(1);
    expect(r.e_value).toBeNull();
  });

  test("E-values for a given effect estimate; identical bytes on repeat", () => {
    const request = {
      model,
      baseline_result: 1,
      intervention: { Price: 45, Quality: 8 },
      assumptions: [{ name: "Revenue.Price", current_value: 100, type: "parametric" }],
      effect_estimate: { measure: "risk_ratio", estimate: 3.9, lower: 1.8, upper: 8.7 },
    };
    const r = runOperation("analysis/sensitivity", request);
    expect(r.e_value!.e_value).toBeCloseTo(7.26, 2);
    expect(r.e_value!.e_value_confidence_limit).toBeCloseTo(1.8 + Math.sqrt(1.8 * 0.8), 12);
    expect(JSON.stringify(runOperation("analysis/sensitivity", request))).toBe(JSON.stringify(r));
  });

  test("rejects assumptions that cannot be mapped, with the field", () => {
    const e = expectIslError(
      () => runOperation("analysis/sensitivity", { model, baseline_result: 1, intervention: { Price: 1, Quality: 1 }, assumptions: [{ name: "Revenue.Price", current_value: 1, type: "p" }, { name: "linear_effects", current_value: "yes", type: "structural" }] }),
      "ISL_VALIDATION_ERROR",
    );
    expect(e.details).toMatchObject({ field: "assumptions[1].name" });
    const f = expectIslError(
      () => runOperation("analysis/sensitivity", { model, baseline_result: 1, intervention: { Price: 1, Quality: 1 }, assumptions: [{ name: "Revenue.Price", current_value: 1, type: "p", variation_range: { min: 2 } }] }),
      "ISL_VALIDATION_ERROR",
    );
    expect(f.details).toMatchObject({ field: "assumptions[0].variation_range" });
  });
});

describe("causal/sensitivity/detailed", () => {
  test("upstream's example: real predictions, elasticities and violation details", () => {
    const r = runOperation("causal/sensitivity/detailed", {
      model: { type: "linear", equations: { Revenue: "100 * Price + 5000 * Quality - 200" } },
      intervention: { Price: 45, Quality: 8 },
      assumptions: ["Revenue.Price", "Revenue.Quality"],
    });
    expect(SensitivityReport.safeParse(r).success).toBe(true);
    const price = r.sensitivities["Revenue.Price"]!;
    // baseline 4500 + 40000 − 200 = 44300 (upstream's intercept-sum parser said 5300)
    expect(price.baseline_outcome).toBeCloseTo(44300, 9);
    expect(price.elasticity).toBeCloseTo(4500 / 44300, 9);
    // a ∈ 100·(1 ± 0.5) ⇒ Revenue ∈ 44300 ∓ 2250
    expect(price.outcome_range[0]).toBeCloseTo(42050, 9);
    expect(price.outcome_range[1]).toBeCloseTo(46550, 9);
    expect(price.violation_details.map((d) => d.level)).toEqual([0.1, 0.2, 0.3, 0.5]);
    expect(price.violation_details[0]!.deviation_percent).toBeCloseTo((100 * 450) / 44300, 9);
    expect(price.robustness_score).toBeCloseTo(1 / (1 + 4500 / 44300), 9);
    expect(price.critical).toBe(false);
    const quality = r.sensitivities["Revenue.Quality"]!;
    // 50% error in b moves Revenue by 20000 = 45% ⇒ critical
    expect(quality.critical).toBe(true);
    expect(r.most_critical).toEqual(["Revenue.Quality"]);
    expect(r.metadata).toBeDefined();
    expect(r.samples).toBe(1);
  });

  test("tipping point within the violation range", () => {
    const r = runOperation("causal/sensitivity/detailed", {
      model: { equations: { Y: "2 * X - 10" } },
      intervention: { X: 6 },
      assumptions: ["Y.X"],
      violation_levels: [0.5],
    });
    // Y = 2 at a = 2; crosses 0 at a = 10/6 within [1, 3]
    expect(r.sensitivities["Y.X"]!.tipping_point).toBeCloseTo(10 / 6, 9);
    expect(r.sensitivities["Y.X"]!.critical).toBe(true);
  });

  test("rejects upstream's named assumption types that are not model parameters", () => {
    const e = expectIslError(() => runOperation("causal/sensitivity/detailed", { model: { equations: { Y: "2 * X" } }, intervention: { X: 1 }, assumptions: ["Y.X", "no_unobserved_confounding"] }), "ISL_VALIDATION_ERROR");
    expect(e.details).toMatchObject({ field: "assumptions[1]" });
  });
});
