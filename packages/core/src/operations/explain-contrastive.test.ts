/**
 * `explain/contrastive` end to end: closed-form minimal changes on linear models, fixed variables,
 * unreachable targets, max_changes, the current state never overriding an intervention (upstream
 * bug #3), seeded determinism, and input errors.
 */
import { describe, expect, test } from "vitest";
import { ContrastiveExplanationResponse } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

const linear = {
  variables: ["Price", "Quality", "Revenue"],
  equations: { Revenue: "10000 + 500*Price + 2000*Quality" },
  distributions: {},
};

describe("explain/contrastive", () => {
  test("upstream's example finds an intervention (the state no longer resets the change)", () => {
    const r = runOperation("explain/contrastive", {
      model: linear,
      current_state: { Price: 40, Quality: 7 },
      observed_outcome: { Revenue: 44000 },
      target_outcome: { Revenue: [50000, 60000] },
      constraints: { feasible: ["Price", "Quality"], max_changes: 1 },
    });
    expect(ContrastiveExplanationResponse.safeParse(r).success).toBe(true);
    expect(r.status).toBe("found");
    expect(r.baseline_outcome).toBe(44000);
    // ΔPrice = 6000/500 = 12 (relative 0.3); ΔQuality = 6000/2000 = 3 (relative 0.43): Price first.
    const [first, second] = r.minimal_interventions;
    expect(first!.changes["Price"]!.delta).toBeCloseTo(12, 7);
    expect(first!.changes["Price"]!.relative_change).toBeCloseTo(30, 5);
    expect(first!.expected_outcome["Revenue"]).toBeGreaterThanOrEqual(50000);
    expect(first!.robustness_score).toBe(1);
    expect(second!.changes["Quality"]!.delta).toBeCloseTo(3, 7);
    expect(r.samples).toBe(1);
    expect(r._metadata?.seed).toBe(r.seed);
  });

  test("fixed variables stay untouched", () => {
    const r = runOperation("explain/contrastive", {
      model: linear,
      current_state: { Price: 40, Quality: 7 },
      observed_outcome: { Revenue: 44000 },
      target_outcome: { Revenue: [50000, 60000] },
      constraints: { feasible: ["Quality"], fixed: ["Price"], max_changes: 2 },
    });
    for (const m of r.minimal_interventions) expect(Object.keys(m.changes)).toEqual(["Quality"]);
  });

  test("unreachable targets report the closest achievable outcome", () => {
    const r = runOperation("explain/contrastive", {
      model: linear,
      current_state: { Price: 40, Quality: 7 },
      observed_outcome: { Revenue: 44000 },
      target_outcome: { Revenue: [200000, 300000] },
      constraints: { feasible: ["Price"], variable_bounds: { Price: [10, 100] } },
    });
    expect(r.status).toBe("unreachable");
    expect(r.minimal_interventions).toEqual([]);
    // best: Price = 100 ⇒ 10000 + 50000 + 14000 = 74000
    expect(r.closest_achievable).toMatchObject({ expected_outcome: 74000, distance_to_target: 126000 });
    expect(r.closest_achievable!.changes["Price"]!.to_value).toBe(100);
  });

  test("max_changes bounds the number of changed variables", () => {
    const base = {
      model: { variables: [], equations: { Y: "A + B + C" }, distributions: {} },
      current_state: { A: 1, B: 1, C: 1 },
      observed_outcome: { Y: 3 },
      target_outcome: { Y: [7.5, 100] },
      constraints: { feasible: ["A", "B", "C"], variable_bounds: { A: [0, 3], B: [0, 3], C: [0, 3] } },
    };
    const one = runOperation("explain/contrastive", { ...base, constraints: { ...base.constraints, max_changes: 1 } });
    expect(one.status).toBe("unreachable");
    const two = runOperation("explain/contrastive", { ...base, constraints: { ...base.constraints, max_changes: 2 } });
    expect(two.status).toBe("unreachable");
    const three = runOperation("explain/contrastive", { ...base, constraints: { ...base.constraints, max_changes: 3 } });
    expect(three.status).toBe("found");
    for (const m of three.minimal_interventions) {
      expect(Object.keys(m.changes).length).toBeLessThanOrEqual(3);
      expect(m.change_magnitude).toBeGreaterThanOrEqual(4.5 - 1e-6);
    }
    expect(three.minimal_interventions[0]!.change_magnitude).toBeCloseTo(4.5, 6);
  });

  test("stochastic models: seeded, deterministic bytes, samples echoed", () => {
    const request = {
      model: {
        variables: [],
        equations: { Brand: "base + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
        distributions: { base: { type: "normal", parameters: { mean: 50, std: 5 } } },
      },
      current_state: { Price: 15 },
      observed_outcome: {},
      target_outcome: { Revenue: [9000, 20000] },
      constraints: { feasible: ["Price"] },
      samples: 2000,
      seed: 7,
    };
    const a = runOperation("explain/contrastive", request);
    const b = runOperation("explain/contrastive", request);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.samples).toBe(2000);
    expect(a.seed).toBe("7");
    // E[Revenue | do(Price = p)] = 10000 + 440p − 10000 = 440p ⇒ p = 9000/440 (CRN mean of base ≈ 50 only shifts it slightly)
    const to = a.minimal_interventions[0]!.changes["Price"]!.to_value;
    expect(Math.abs(to - 9000 / 440)).toBeLessThan(0.5);
    expect(a.minimal_interventions[0]!.expected_outcome["Revenue"]).toBeGreaterThanOrEqual(9000);
  });

  test("rejects overlapping feasible and fixed, and the outcome as a lever", () => {
    const base = { model: linear, current_state: { Price: 40, Quality: 7 }, observed_outcome: {}, target_outcome: { Revenue: [5e4, 6e4] } };
    const e = expectIslError(() => runOperation("explain/contrastive", { ...base, constraints: { feasible: ["Price"], fixed: ["Price"] } }), "ISL_VALIDATION_ERROR");
    expect(e.details).toMatchObject({ field: "constraints.fixed" });
    expectIslError(() => runOperation("explain/contrastive", { ...base, constraints: { feasible: ["Revenue"] } }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("explain/contrastive", { ...base, target_outcome: { Revenue: [5, 6], Price: [1, 2] }, constraints: { feasible: ["Price"] } }), "ISL_VALIDATION_ERROR");
  });
});

describe("explain/contrastive hostile input", () => {
  test("bounds too wide to search, unknown variables and non-finite outcomes get 4xx errors", () => {
    const base = { model: linear, current_state: { Price: 40, Quality: 7 }, observed_outcome: {}, target_outcome: { Revenue: [5e4, 6e4] } };
    const wide = expectIslError(() => runOperation("explain/contrastive", { ...base, constraints: { feasible: ["Price"], variable_bounds: { Price: [-1e308, 1e308] } } }), "ISL_VALIDATION_ERROR");
    expect(wide.details).toMatchObject({ field: "constraints.variable_bounds.Price" });
    expectIslError(() => runOperation("explain/contrastive", { ...base, current_state: { Nope: 1 }, constraints: { feasible: ["Price"] } }), "ISL_INVALID_INPUT");
    const log = { variables: [], equations: { Y: "log(X)" }, distributions: {} };
    expectIslError(() => runOperation("explain/contrastive", { model: log, current_state: { X: 1 }, observed_outcome: {}, target_outcome: { Y: [5, 6] }, constraints: { feasible: ["X"], variable_bounds: { X: [-1, 2] } } }), "ISL_VALIDATION_ERROR");
  });

  test("__proto__ and constructor as variable names are handled as names", () => {
    const model = { variables: [], equations: { Y: "2 * constructor" }, distributions: {} };
    const r = runOperation("explain/contrastive", { model, current_state: { constructor: 1 }, observed_outcome: {}, target_outcome: { Y: [4, 5] }, constraints: { feasible: ["constructor"], variable_bounds: { constructor: [0, 10] } } });
    expect(r.minimal_interventions[0]!.changes["constructor"]!.to_value).toBe(2);
  });
});
