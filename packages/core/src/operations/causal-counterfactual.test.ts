/**
 * causal/counterfactual and batch/counterfactual through runOperation: upstream's worked example,
 * determinism of the bytes, samples/seed echo, and hostile input (unknown variables, contradicting
 * context, NaN from the model, prototype names, schema limits).
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

const upstreamModel = {
  variables: ["Price", "Brand", "Revenue", "baseline_brand"],
  equations: { Brand: "baseline_brand + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
  distributions: { baseline_brand: { type: "normal" as const, parameters: { mean: 50, std: 5 } } },
};

describe("causal/counterfactual", () => {
  it("reproduces upstream's deterministic example: 10000 + 7500 − 200·(52 + 4.5) = 6200", () => {
    const r = runOperation("causal/counterfactual", { model: upstreamModel, intervention: { Price: 15 }, outcome: "Revenue", context: { baseline_brand: 52 }, samples: 500 });
    expect(r.prediction.point_estimate).toBe(6200);
    expect(r.prediction.confidence_interval).toEqual({ lower: 6200, upper: 6200, confidence_level: 0.95 });
    expect(r.prediction.monte_carlo_standard_error).toBe(0);
    expect(r.uncertainty).toEqual({ overall: "low", sources: [] });
    // Elasticity of the 200 in −200·Brand: −200·56.5/6200.
    expect(r.robustness.critical_assumptions[0]!.elasticity).toBeCloseTo((-200 * 56.5) / 6200, 9);
    expect(r.robustness.score).toBe("moderate");
    expect(r.samples).toBe(500);
  });

  it("without context, E[Revenue | do(Price = 15)] = 17500 − 200·54.5 = 6600 within 5 standard errors", () => {
    const r = runOperation("causal/counterfactual", { model: upstreamModel, intervention: { Price: 15 }, outcome: "Revenue", seed: 4 });
    expect(Math.abs(r.prediction.point_estimate - 6600)).toBeLessThan(5 * r.prediction.monte_carlo_standard_error);
    expect(Math.abs(r.prediction.monte_carlo_standard_error - 1000 / Math.sqrt(10_000))).toBeLessThan(1);
    expect(r.uncertainty.sources[0]!.factor).toBe("baseline_brand");
    expect(r.samples).toBe(10_000);
    expect(r.seed).toBe("4");
  });

  it("uncertainty sources leave out inputs without influence (an intervened exogenous variable)", () => {
    const model = { variables: [], equations: { Y: "2*A + B" }, distributions: { A: { type: "normal" as const, parameters: { mean: 0, std: 1 } }, B: { type: "normal" as const, parameters: { mean: 0, std: 1 } } } };
    const r = runOperation("causal/counterfactual", { model, intervention: { A: 1 }, outcome: "Y", samples: 2000, seed: 1 });
    expect(r.uncertainty.sources.map((s) => s.factor)).toEqual(["B"]);
    expect(Math.abs(r.uncertainty.sources[0]!.impact - 1)).toBeLessThanOrEqual(5 * r.uncertainty.sources[0]!.monte_carlo_standard_error + 1e-12);
  });

  it("same request twice ⇒ identical bytes; the seed changes the draws", () => {
    const request = { model: upstreamModel, intervention: { Price: 12 }, outcome: "Revenue", samples: 2000 };
    const a = JSON.stringify(runOperation("causal/counterfactual", request));
    expect(JSON.stringify(runOperation("causal/counterfactual", request))).toBe(a);
    expect(JSON.stringify(runOperation("causal/counterfactual", { ...request, seed: 1 }))).not.toBe(a);
  });

  it("an unknown variable in the intervention is a 400 naming it", () => {
    const error = expectIslError(() => runOperation("causal/counterfactual", { model: upstreamModel, intervention: { Prise: 15 }, outcome: "Revenue" }), "ISL_INVALID_INTERVENTION");
    expect(error.message).toContain("'Prise'");
    expect(error.details.field).toBe("intervention");
  });

  it("context contradicting a deterministic equation is a 422 naming the equation", () => {
    const error = expectIslError(
      () => runOperation("causal/counterfactual", { model: upstreamModel, intervention: { Price: 15 }, outcome: "Revenue", context: { Price: 10, baseline_brand: 50, Brand: 60 } }),
      "ISL_VALIDATION_ERROR",
    );
    expect(error.message).toContain("Brand = baseline_brand + 0.3*Price");
  });

  it("NaN produced by the model is a 422 naming the equation", () => {
    const model = { variables: [], equations: { Y: "log(X - 20)" }, distributions: {} };
    const error = expectIslError(() => runOperation("causal/counterfactual", { model, intervention: { X: 10 }, outcome: "Y", samples: 10 }), "ISL_VALIDATION_ERROR");
    expect(error.message).toContain("The equation for 'Y' (log(X - 20))");
  });

  it("an input that neither the intervention nor the context sets is a 400 naming it", () => {
    const error = expectIslError(() => runOperation("causal/counterfactual", { model: upstreamModel, intervention: { Brand: 3 }, outcome: "Revenue" }), "ISL_MISSING_VARIABLE");
    expect(error.message).toContain("'Price'");
  });

  it("prototype names and out-of-range samples never crash", () => {
    const model = { variables: [], equations: { Y: "2 * constructor + 1" }, distributions: { constructor: { type: "normal" as const, parameters: { mean: 0, std: 1 } } } };
    const r = runOperation("causal/counterfactual", { model, intervention: { constructor: 1 }, outcome: "Y", samples: 10 });
    expect(r.prediction.point_estimate).toBe(3);
    expectIslError(() => runOperation("causal/counterfactual", { model, intervention: { constructor: 1 }, outcome: "Y", samples: 2_000_000 }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("causal/counterfactual", { model, intervention: { constructor: Number.NaN }, outcome: "Y" }), "ISL_VALIDATION_ERROR");
  });
});

describe("batch/counterfactual", () => {
  it("each item equals the single call; a failing item is reported inline", () => {
    const good = { model: upstreamModel, intervention: { Price: 15 }, outcome: "Revenue", samples: 300 };
    const bad = { ...good, intervention: { Nope: 1 } };
    const r = runOperation("batch/counterfactual", { requests: [good, bad] });
    const { _metadata: _ignored, ...single } = runOperation("causal/counterfactual", good);
    expect(r.results[0]).toEqual({ index: 0, success: true, result: single });
    expect(r.results[1]!.success).toBe(false);
    expect(r.results[1]!.error).toContain("'Nope'");
    expect(r.results[1]!.error_envelope!.code).toBe("ISL_INVALID_INTERVENTION");
    expect(r.summary).toEqual({ total_requests: 2, successful: 1, failed: 1 });
  });
});
