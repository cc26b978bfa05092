/**
 * causal/counterfactual/batch: shared draws (differences between scenarios carry no input noise),
 * the interaction contrast Y(ab) − Y(a) − Y(b) + Y(∅) against closed forms (additive model → 0 and
 * "additive"; product term → exact contrast; random baselines → E[contrast] within 5 standard
 * errors), the simulated (∅, ∅) corner, and the error naming an undefined input and its scenarios.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { estimateInteraction, findInteractionDesigns } from "./counterfactual-interactions.js";
import { runOperation } from "./run.js";

const noise = { Demand_noise: { type: "normal" as const, parameters: { mean: 0, std: 100 } } };
const factorial = [
  { id: "base", intervention: { Price: 10, Quality: 5 } },
  { id: "price", intervention: { Price: 12, Quality: 5 } },
  { id: "quality", intervention: { Price: 10, Quality: 7 } },
  { id: "both", intervention: { Price: 12, Quality: 7 } },
];
const batch = (equation: string, scenarios: { id: string; intervention: Record<string, number> }[] = factorial, distributions: Record<string, unknown> = noise) =>
  runOperation("causal/counterfactual/batch", { model: { variables: [], equations: { Revenue: equation }, distributions }, scenarios, outcome: "Revenue", samples: 4000, seed: 3 } as never);

describe("causal/counterfactual/batch", () => {
  it("an additive model has zero interaction, called additive; gains are exact under shared draws", () => {
    const r = batch("1000 + 50*Price + 80*Quality + Demand_noise");
    expect(r.interactions!.pairwise).toHaveLength(1);
    const p = r.interactions!.pairwise[0]!;
    expect(p.variables).toEqual(["Price", "Quality"]);
    expect(p.type).toBe("additive");
    expect(Math.abs(p.effect_size)).toBeLessThan(1e-9);
    expect(p.significance).toBe(0);
    expect(r.comparison.marginal_gains.price).toBeCloseTo(100, 9);
    expect(r.comparison.marginal_gains.both).toBeCloseTo(260, 9);
    expect(r.comparison.ranking).toEqual(["both", "quality", "price", "base"]);
    expect(r.comparison.best_outcome).toBe("both");
  });

  it.each([
    [4, "synergistic"],
    [-4, "antagonistic"],
  ] as const)("a product term c·Price·Quality gives the contrast c·2·2 exactly (c = %i: %s)", (c, type) => {
    const r = batch(`1000 + 50*Price + 80*Quality + (${c})*Price*Quality + Demand_noise`);
    const p = r.interactions!.pairwise[0]!;
    expect(p.effect_size).toBeCloseTo(4 * c, 8);
    expect(p.type).toBe(type);
    expect(p.scenarios).toEqual({ both: "both", first: "price", second: "quality", baseline: "base" });
  });

  it("upstream-style scenarios {a}, {b}, {a, b} get a simulated baseline; E[contrast] = 2·E[12 − P]·E[7 − Q] = 8", () => {
    const distributions = { P: { type: "normal", parameters: { mean: 10, std: 1 } }, Q: { type: "normal", parameters: { mean: 5, std: 1 } } };
    const scenarios = [
      { id: "p", intervention: { P: 12 } },
      { id: "q", intervention: { Q: 7 } },
      { id: "pq", intervention: { P: 12, Q: 7 } },
    ];
    const r = runOperation("causal/counterfactual/batch", { model: { variables: [], equations: { Y: "2*P*Q" }, distributions }, scenarios, outcome: "Y", samples: 20_000, seed: 5 });
    const p = r.interactions!.pairwise[0]!;
    expect(p.scenarios.baseline).toBe("(model)");
    expect(Math.abs(p.effect_size - 8)).toBeLessThan(5 * p.monte_carlo_standard_error);
    expect(p.type).toBe("synergistic");
    // Per-sample contrast 2AB with A = 12 − P, B = 7 − Q ~ N(2, 1): Var = 4·(E[A²]E[B²] − (E[A]E[B])²) = 4·(25 − 16) = 36.
    expect(Math.abs(p.monte_carlo_standard_error / Math.sqrt(36 / 20_000) - 1)).toBeLessThan(0.1);
  });

  it("an input that a scenario leaves undefined is an error naming it and the scenarios", () => {
    const scenarios: { id: string; intervention: Record<string, number> }[] = [
      { id: "price_only", intervention: { Price: 12 } },
      { id: "both", intervention: { Price: 12, Quality: 7 } },
    ];
    const error = expectIslError(() => batch("50*Price + 80*Quality", scenarios, {}), "ISL_MISSING_VARIABLE");
    expect(error.message).toContain("'Quality'");
    expect(error.details.scenarios).toEqual(["price_only"]);
  });

  it("duplicate scenario ids are refused by the schema", () => {
    expectIslError(() => batch("Price + Quality", [factorial[0]!, factorial[0]!]), "ISL_VALIDATION_ERROR");
  });

  it("same request twice ⇒ identical bytes", () => {
    expect(JSON.stringify(batch("Price*Quality + Demand_noise"))).toBe(JSON.stringify(batch("Price*Quality + Demand_noise")));
  });
});

describe("interaction designs", () => {
  it("finds 2×2 designs with 'not intervened' as the baseline level and the missing corner flagged", () => {
    const designs = findInteractionDesigns([new Map([["a", 1]]), new Map([["b", 2]]), new Map([["a", 1], ["b", 2]])]);
    expect(designs).toEqual([{ variables: ["a", "b"], both: 2, first: 0, second: 1, baseline: undefined, baselineIntervention: new Map() }]);
    expect(findInteractionDesigns([new Map([["a", 1]]), new Map([["a", 2]])])).toEqual([]);
  });

  it("the estimate's interval is the normal-approximation interval of the paired differences", () => {
    const zero = new Float64Array(4);
    const est = estimateInteraction(Float64Array.of(1, 2, 3, 4), zero, zero, zero);
    expect(est.mean).toBe(2.5);
    expect(est.standardError).toBeCloseTo(Math.sqrt(1.25 / 4), 12);
    expect(est.lower).toBeCloseTo(2.5 - 1.959963985 * Math.sqrt(1.25 / 4), 6);
    expect(est.type).toBe("synergistic");
  });
});
