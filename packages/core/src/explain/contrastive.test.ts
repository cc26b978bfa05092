import { describe, expect, it } from "vitest";
import { createRng } from "../random/index.js";
import { searchMinimalInterventions, type Lever } from "./contrastive.js";
import { createUnitModel } from "./unit-model.js";

const linear = (intercept: number, coefs: Record<string, number>, current: Record<string, number>) => (changes: ReadonlyMap<string, number>) =>
  intercept + Object.entries(coefs).reduce((s, [v, b]) => s + b * (changes.get(v) ?? current[v]!), 0);

describe("searchMinimalInterventions", () => {
  it("finds the closed-form single change Δ = (target − y0)/coef on a linear model", () => {
    // y = 10 + 3x + 0.5z at x = 2, z = 4 ⇒ y0 = 18; target y ≥ 30 ⇒ Δx = 4 (relative 2), Δz = 24 (relative 6).
    const levers: Lever[] = [
      { variable: "x", current: 2, lower: 0, upper: 10 },
      { variable: "z", current: 4, lower: 0, upper: 40 },
    ];
    const result = searchMinimalInterventions({ outcomeOf: linear(10, { x: 3, z: 0.5 }, { x: 2, z: 4 }), levers, target: { lower: 30, upper: 100 }, maxChanges: 1 });
    expect(result.status).toBe("found");
    expect(result.baseline).toBe(18);
    const [best, second] = result.interventions;
    expect(best!.changes).toHaveLength(1);
    expect(best!.changes[0]!.variable).toBe("x");
    expect(best!.changes[0]!.to - 2).toBeCloseTo(4, 8);
    expect(best!.outcome).toBeGreaterThanOrEqual(30);
    expect(second!.changes[0]!.variable).toBe("z");
    expect(second!.changes[0]!.to - 4).toBeCloseTo(24, 7);
    expect(result.monotone.get("x")).toBe(true);
  });

  it("decreases when the target lies below", () => {
    const result = searchMinimalInterventions({ outcomeOf: linear(0, { x: -2 }, { x: 5 }), levers: [{ variable: "x", current: 5, lower: -20, upper: 20 }], target: { lower: -4, upper: 1e9 }, maxChanges: 1 });
    expect(result.interventions[0]!.changes[0]!.to).toBeCloseTo(2, 8);
  });

  it("reports already_in_target with no change", () => {
    const result = searchMinimalInterventions({ outcomeOf: linear(0, { x: 1 }, { x: 5 }), levers: [{ variable: "x", current: 5, lower: 0, upper: 10 }], target: { lower: 0, upper: 10 }, maxChanges: 1 });
    expect(result.status).toBe("already_in_target");
    expect(result.interventions).toEqual([]);
  });

  it("reports unreachable honestly with the closest outcome and its change", () => {
    // y = x on [0, 10], target [20, 30]: the closest is x = 10 with y = 10, distance 10.
    const result = searchMinimalInterventions({ outcomeOf: linear(0, { x: 1 }, { x: 5 }), levers: [{ variable: "x", current: 5, lower: 0, upper: 10 }], target: { lower: 20, upper: 30 }, maxChanges: 1 });
    expect(result.status).toBe("unreachable");
    expect(result.closest.outcome).toBe(10);
    expect(result.closest.distance).toBe(10);
    expect(result.closest.changes).toEqual([{ variable: "x", from: 5, to: 10 }]);
  });

  it("combines two levers when neither alone suffices, and respects max_changes", () => {
    // y = x + z, each within [0, 10] from 0; target y ≥ 15 needs both.
    const outcomeOf = linear(0, { x: 1, z: 1 }, { x: 0, z: 0 });
    const levers: Lever[] = [
      { variable: "x", current: 0, lower: 0, upper: 10 },
      { variable: "z", current: 0, lower: 0, upper: 10 },
    ];
    const one = searchMinimalInterventions({ outcomeOf, levers, target: { lower: 15, upper: 1e9 }, maxChanges: 1 });
    expect(one.status).toBe("unreachable");
    const two = searchMinimalInterventions({ outcomeOf, levers, target: { lower: 15, upper: 1e9 }, maxChanges: 2 });
    expect(two.status).toBe("found");
    for (const candidate of two.interventions) {
      expect(candidate.changes.length).toBeLessThanOrEqual(2);
      expect(candidate.outcome).toBeGreaterThanOrEqual(15);
      // scale = width 10 for current 0: magnitude = (Δx + Δz)/10 ≥ 1.5, optimum exactly 1.5
      expect(candidate.magnitude).toBeGreaterThanOrEqual(1.5 - 1e-9);
    }
    expect(two.interventions[0]!.magnitude).toBeCloseTo(1.5, 8);
  });

  it("finds a narrow target window of a non-monotone response between grid points", () => {
    // y = −(x − 3.1)² on [0, 10] from x = 0; target [−0.01, 0] is |x − 3.1| ≤ 0.1, narrower than the 10/32 grid step.
    const outcomeOf = (c: ReadonlyMap<string, number>) => -(((c.get("x") ?? 0) - 3.1) ** 2);
    const result = searchMinimalInterventions({ outcomeOf, levers: [{ variable: "x", current: 0, lower: 0, upper: 10 }], target: { lower: -0.01, upper: 0 }, maxChanges: 1, gridPoints: 9 });
    expect(result.monotone.get("x")).toBe(false);
    expect(result.status).toBe("found");
    expect(result.interventions[0]!.changes[0]!.to).toBeCloseTo(3.0, 8);
  });

  it("stops at the evaluation budget and says so", () => {
    const levers: Lever[] = ["a", "b", "c", "d"].map((variable) => ({ variable, current: 0, lower: 0, upper: 1 }));
    const result = searchMinimalInterventions({ outcomeOf: () => 0, levers, target: { lower: 1, upper: 2 }, maxChanges: 4, maxEvaluations: 50 });
    expect(result.truncated).toBe(true);
    expect(result.evaluations).toBeLessThanOrEqual(50);
  });
});

describe("createUnitModel", () => {
  const model = {
    variables: ["Price", "Brand", "Revenue", "baseline_brand"],
    equations: { Brand: "baseline_brand + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
    distributions: { baseline_brand: { type: "normal", parameters: { mean: 50, std: 5 } } },
  };

  it("fixes exogenous state, holds levers, and never lets the state override an intervention", () => {
    const unit = createUnitModel({ model, outcome: "Revenue", state: new Map([["Price", 15], ["baseline_brand", 52]]), levers: ["Price"], samples: 1000, rng: createRng(1) });
    expect(unit.deterministic).toBe(true);
    expect(unit.samples).toBe(1);
    // Revenue = 10000 + 500·15 − 200·(52 + 4.5) = 6200
    expect(unit.evaluate(new Map()).mean).toBeCloseTo(6200, 9);
    // do(Price = 20): 10000 + 10000 − 200·(52 + 6) = 8400, although the state says Price = 15
    expect(unit.evaluate(new Map([["Price", 20]])).mean).toBeCloseTo(8400, 9);
  });

  it("abducts the additive residual of an observed endogenous variable", () => {
    // Brand observed 60 at Price 15 with baseline_brand unknown: residual = 60 − E[baseline_brand + 4.5]; under do(Price = 20), Brand = 60 + 1.5.
    const unit = createUnitModel({ model, outcome: "Revenue", state: new Map([["Price", 15], ["Brand", 60]]), levers: ["Price"], samples: 2000, rng: createRng(3) });
    expect(unit.meanOf("Brand", new Map())).toBeCloseTo(60, 9);
    expect(unit.meanOf("Brand", new Map([["Price", 20]]))).toBeCloseTo(61.5, 9);
    expect(unit.evaluate(new Map([["Price", 20]])).mean).toBeCloseTo(10000 + 10000 - 200 * 61.5, 6);
  });
});
