import { describe, expect, it } from "vitest";
import { createRng } from "../random/index.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { eValueRiskRatio, eValues, riskRatioFromStandardizedDifference } from "./e-value.js";
import { mapModelParameter } from "./model-parameter.js";
import { parameterOutcome, resolveOutcome } from "./parameter-outcome.js";
import { sweepParameter } from "./parameter-sweep.js";

describe("E-values (VanderWeele & Ding 2017)", () => {
  it("matches the published examples", () => {
    expect(eValueRiskRatio(3.9)).toBeCloseTo(3.9 + Math.sqrt(3.9 * 2.9), 12);
    expect(eValueRiskRatio(3.9)).toBeCloseTo(7.26, 2);
    // RR = 0.8 ⇒ 1/0.8 = 1.25 ⇒ 1.25 + √(1.25·0.25) = 1.809
    expect(eValueRiskRatio(0.8)).toBeCloseTo(1.809, 3);
    expect(eValueRiskRatio(1)).toBe(1);
  });
  it("uses the confidence limit closest to 1", () => {
    const e = eValues("risk_ratio", 3.9, 1.8, 8.7);
    expect(e.confidenceLimit).toBeCloseTo(1.8 + Math.sqrt(1.8 * 0.8), 12);
    expect(eValues("risk_ratio", 1.5, 0.9, 2.1).confidenceLimit).toBe(1);
    expect(eValues("risk_ratio", 0.5, 0.3, 0.8).confidenceLimit).toBeCloseTo(eValueRiskRatio(0.8), 12);
    expect(eValues("risk_ratio", 2).confidenceLimit).toBeNull();
  });
  it("converts a standardised difference with RR ≈ exp(0.91·d)", () => {
    expect(riskRatioFromStandardizedDifference(0.5)).toBeCloseTo(Math.exp(0.455), 14);
    const e = eValues("standardized_mean_difference", 0.5);
    expect(e.point).toBeCloseTo(eValueRiskRatio(Math.exp(0.455)), 12);
  });
  it("rejects non-positive risk ratios", () => {
    expectIslError(() => eValueRiskRatio(0), "ISL_INVALID_INPUT");
    expectIslError(() => eValueRiskRatio(-2), "ISL_INVALID_INPUT");
  });
});

describe("sweepParameter on closed forms", () => {
  it("linear outcome: exact elasticity and tipping point", () => {
    // y = a·θ − 2000 at θ₀ = 100 (y₀ = 2500 with a = 45): elasticity = 45·100/2500 = 1.8; tip at θ = 2000/45.
    const result = sweepParameter({ outcomeOf: (t) => 45 * t - 2000, current: 100, lower: 0, upper: 200, threshold: 0 });
    expect(result.baseline).toBe(2500);
    expect(result.slope).toBeCloseTo(45, 9);
    expect(result.elasticity).toBeCloseTo(1.8, 9);
    expect(result.tippingPoint).toBeCloseTo(2000 / 45, 9);
    expect(result.monotone).toBe(true);
    expect(result.outcomeMin).toBe(-2000);
    expect(result.outcomeMax).toBe(7000);
  });
  it("no tipping point when the conclusion holds over the range", () => {
    expect(sweepParameter({ outcomeOf: (t) => 3 * t + 1, current: 1, lower: 0.5, upper: 2, threshold: 0 }).tippingPoint).toBeNull();
  });
  it("picks the flip nearest the current value on a non-monotone outcome", () => {
    // y = (θ − 1)(θ − 4) at θ₀ = 2.5 (y < 0): roots 1 and 4; nearest equal, smaller chosen → 1.
    const r = sweepParameter({ outcomeOf: (t) => (t - 1) * (t - 4), current: 2.2, lower: 0, upper: 5, threshold: 0 });
    expect(r.monotone).toBe(false);
    expect(r.tippingPoint).toBeCloseTo(1, 9);
  });
});

describe("mapModelParameter", () => {
  const model = {
    variables: [],
    equations: { Brand: "base + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
    distributions: { base: { type: "normal", parameters: { mean: 50, std: 5 } } },
  };
  it("maps coefficients, distribution parameters and free parameters", () => {
    const coef = mapModelParameter(model, "Revenue.Price", "assumptions[0].name");
    expect(coef.kind).toBe("coefficient");
    expect(coef.modelValue).toBe(500);
    const mean = mapModelParameter(model, "base.mean", "x");
    expect(mean.kind).toBe("distribution_parameter");
    expect(mean.modelValue).toBe(50);
    const unit = mapModelParameter({ variables: [], equations: { Y: "X + k" }, distributions: {} }, "Y.X", "x");
    expect(unit.modelValue).toBe(1);
    expect(mapModelParameter({ variables: [], equations: { Y: "X * k" }, distributions: {} }, "k", "x").kind).toBe("free_parameter");
  });
  it("rejects what cannot be mapped, naming the field", () => {
    const e = expectIslError(() => mapModelParameter(model, "no_unobserved_confounding", "assumptions[3].name"), "ISL_VALIDATION_ERROR");
    expect(e.details).toMatchObject({ field: "assumptions[3].name" });
    expect(expectIslError(() => mapModelParameter({ variables: [], equations: { Y: "X * X" }, distributions: {} }, "Y.X", "assumptions[0].name"), "ISL_VALIDATION_ERROR").message).toContain("occurs 2 times");
    expectIslError(() => mapModelParameter(model, "base.sigma", "f"), "ISL_VALIDATION_ERROR");
  });
  it("evaluates the model with the coefficient set (linear closed form)", () => {
    const p = mapModelParameter(model, "Revenue.Price", "f");
    const { outcomeOf, deterministic } = parameterOutcome({ parameter: p, outcome: "Revenue", intervention: new Map([["Price", 15], ["base", 52]]), samples: 100, rng: createRng(1) });
    expect(deterministic(500)).toBe(true);
    // Revenue = 10000 + a·15 − 200·(52 + 4.5)
    expect(outcomeOf(500)).toBeCloseTo(6200, 9);
    expect(outcomeOf(300)).toBeCloseTo(3200, 9);
    const sweep = sweepParameter({ outcomeOf, current: 500, lower: 0, upper: 1000, threshold: 0 });
    expect(sweep.elasticity).toBeCloseTo((15 * 500) / 6200, 9);
    // 10000 + 15a − 11300 = 0 ⇒ a = 1300/15
    expect(sweep.tippingPoint).toBeCloseTo(1300 / 15, 8);
  });
  it("varies a distribution parameter with common random numbers", () => {
    const p = mapModelParameter(model, "base.mean", "f");
    const { outcomeOf } = parameterOutcome({ parameter: p, outcome: "Revenue", intervention: new Map([["Price", 15]]), samples: 1000, rng: createRng(9) });
    // dRevenue/dmean = −200 exactly under common random numbers
    expect(outcomeOf(51) - outcomeOf(50)).toBeCloseTo(-200, 6);
  });
  it("resolves the default outcome as the unique sink", () => {
    expect(resolveOutcome(model, undefined)).toBe("Revenue");
    expect(expectIslError(() => resolveOutcome({ equations: { A: "x", B: "x" } }, undefined), "ISL_VALIDATION_ERROR").details).toMatchObject({ field: "outcome" });
  });
});
