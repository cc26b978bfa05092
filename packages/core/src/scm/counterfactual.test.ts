/**
 * Counterfactual analysis against closed forms on a linear-Gaussian SCM:
 *   X = 1 + Ux, M = 2·X + Um, Y = 3 + 0.5·X + 1.5·M + Uy,  Ux ~ N(0,1), Um ~ N(0,0.5²), Uy ~ N(0,2²).
 * Under do(X = 2): Y = 10 + 1.5·Um + Uy, so E = 10, Var = 0.5625 + 4 = 4.5625, first-order Sobol
 * indices Um: 0.5625/4.5625, Uy: 4/4.5625, Ux: 0; elasticities of E[Y] w.r.t. the literals
 * 3, 0.5, 1.5 (in Y) and 2 (in M) are 0.3, 0.1, 0.6, 0.6.
 * Tolerances: 5 Monte Carlo standard errors (the mean's sd/√n, the variance's ≈ Var·√(2/n), and
 * the estimators' own reported standard errors) over fixed seeds, so nothing flakes.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createRng } from "../random/index.js";
import { analyzeCounterfactual } from "./counterfactual-analysis.js";
import { buildStructuralModel } from "./index.js";

const normal = (std: number) => ({ type: "normal", parameters: { mean: 0, std } });
const linear = buildStructuralModel({
  equations: { X: "1 + Ux", M: "2*X + Um", Y: "3 + 0.5*X + 1.5*M + Uy" },
  distributions: { Ux: normal(1), Um: normal(0.5), Uy: normal(2) },
});
const run = (interventions: Record<string, number>, context: Record<string, number> = {}, samples = 20_000, seed = 7) =>
  analyzeCounterfactual(linear, { interventions: new Map(Object.entries(interventions)), context: new Map(Object.entries(context)), outcome: "Y", samples, rng: createRng(seed) });

describe("counterfactual analysis: closed forms", () => {
  it.each([1, 2, 3])("E[Y | do(X = 2)] and Var match within 5 standard errors (seed %i)", (seed) => {
    const a = run({ X: 2 }, {}, 20_000, seed);
    const variance = 4.5625;
    expect(Math.abs(a.mean - 10)).toBeLessThan(5 * Math.sqrt(variance / a.samples));
    expect(a.standardError).toBeCloseTo(a.standardDeviation / Math.sqrt(a.samples), 12);
    expect(Math.abs(a.standardDeviation ** 2 - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / a.samples));
    // 95% interval of N(10, 4.5625): 10 ± 1.96·2.136; percentiles have sd ≈ 0.03 at this n.
    expect(Math.abs(a.interval.lower - (10 - 1.959964 * Math.sqrt(variance)))).toBeLessThan(0.2);
    expect(Math.abs(a.interval.upper - (10 + 1.959964 * Math.sqrt(variance)))).toBeLessThan(0.2);
    expect(a.p10).toBeLessThan(a.median);
    expect(a.median).toBeLessThan(a.p90);
  });

  it("first-order Sobol shares equal a²σ²/Var within 5 standard errors", () => {
    const a = run({ X: 2 }, {}, 10_000, 11);
    const expected = new Map([["Um", 0.5625 / 4.5625], ["Uy", 4 / 4.5625], ["Ux", 0]]);
    expect(a.sobol.map((s) => s.input)).toEqual(["Uy", "Um", "Ux"]);
    for (const s of a.sobol) {
      expect(Math.abs(s.index - expected.get(s.input)!)).toBeLessThanOrEqual(5 * s.standardError + 1e-12);
    }
    // Ux has no effect under do(X): its pick-freeze difference is exactly zero.
    expect(a.sobol.find((s) => s.input === "Ux")!.index).toBe(0);
  });

  it("coefficient elasticities equal c·∂E/∂c / E of the linear model", () => {
    const a = run({ X: 2 }, {}, 10_000, 5);
    const exact = new Map([["Y:0", 0.3], ["Y:1", 0.1], ["Y:2", 0.6], ["M:0", 0.6]]);
    expect(a.elasticities.map((e) => `${e.variable}:${e.index}`).sort()).toEqual([...exact.keys()].sort());
    const meanError = a.standardError / Math.abs(a.mean);
    for (const e of a.elasticities) {
      const target = exact.get(`${e.variable}:${e.index}`)!;
      expect(Math.abs(e.elasticity! - target)).toBeLessThanOrEqual(5 * (e.standardError! + Math.abs(target) * meanError) + 1e-12);
    }
    // Literals that enter additively have a deterministic derivative: no Monte Carlo error beyond rounding.
    expect(a.elasticities.find((e) => e.variable === "Y" && e.index === 0)!.standardError).toBeLessThan(1e-9);
  });

  it("a fully observed unit's counterfactual is exact (abduction of all three noise terms)", () => {
    // Ux = 0.5, Um = 3.2 − 3 = 0.2, Uy = 9 − 3 − 0.75 − 4.8 = 0.45; do(X = 2): M = 4.2, Y = 3 + 1 + 6.3 + 0.45.
    const a = run({ X: 2 }, { X: 1.5, M: 3.2, Y: 9 }, 1000);
    expect(a.mean).toBeCloseTo(10.75, 10);
    expect(a.standardDeviation).toBeLessThan(1e-9);
    expect(a.sobol).toEqual([]);
  });

  it("with only Y observed, the other noise terms keep their prior draws: Y' = 12.5 − 3.5·Ux", () => {
    // Uy = 9 − 3 − 0.5X − 1.5M per sample; Y' = 4 + 1.5(4 + Um) + Uy = 16 − 3.5X = 12.5 − 3.5·Ux.
    const a = run({ X: 2 }, { Y: 9 }, 20_000, 3);
    expect(Math.abs(a.mean - 12.5)).toBeLessThan(5 * 3.5 / Math.sqrt(a.samples));
    expect(Math.abs(a.standardDeviation ** 2 - 12.25)).toBeLessThan(5 * 12.25 * Math.sqrt(2 / a.samples));
    expect([...a.plan.solvedBy]).toEqual([["Uy", "Y"]]);
  });

  it("a context value never overrides the intervention (upstream bug #9)", () => {
    const a = run({ X: 2 }, { X: 40, M: 80, Y: 3 + 20 + 120 }, 100);
    // Ux = 39, Um = 0, Uy = 0: under do(X = 2) Y = 3 + 1 + 6 = 10, not the observed 143.
    expect(a.mean).toBeCloseTo(10, 10);
  });

  it("an exogenous context value is fixed: do(X = 2) with Uy = 1 gives E = 11, Var = 0.5625", () => {
    const a = run({ X: 2 }, { Uy: 1 }, 20_000, 9);
    expect(Math.abs(a.mean - 11)).toBeLessThan(5 * 0.75 / Math.sqrt(a.samples));
    expect(a.sobol.map((s) => s.input)).toEqual(["Um", "Ux"]);
  });

  it("solves equations with a sample-dependent coefficient: Y = X + (1 + X²)·U", () => {
    const m = buildStructuralModel({ equations: { Y: "X + (1 + X*X) * U" }, distributions: { U: normal(1), X: normal(1) } });
    const a = analyzeCounterfactual(m, { interventions: new Map([["X", 2]]), context: new Map([["X", 1], ["Y", 5]]), outcome: "Y", samples: 50, rng: createRng(1) });
    // U = (5 − 1)/2 = 2; do(X = 2): Y = 2 + 5·2 = 12.
    expect(a.mean).toBeCloseTo(12, 12);
  });

  it("same seed ⇒ identical values; different seeds ⇒ different draws", () => {
    const a = run({ X: 2 }, {}, 5000, 4);
    const b = run({ X: 2 }, {}, 5000, 4);
    const c = run({ X: 2 }, {}, 5000, 5);
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
    expect(a.sobol).toEqual(b.sobol);
    expect(a.mean).not.toBe(c.mean);
  });
});

describe("counterfactual analysis: refusals", () => {
  it("an observation contradicting a deterministic equation is 422, naming the equation", () => {
    const m = buildStructuralModel({ equations: { Y: "2*X" }, distributions: { X: normal(1) } });
    const error = expectIslError(() => analyzeCounterfactual(m, { interventions: new Map(), context: new Map([["X", 1], ["Y", 3]]), outcome: "Y", samples: 10, rng: createRng(1) }), "ISL_VALIDATION_ERROR");
    expect(error.message).toContain("contradicts its equation (Y = 2*X)");
  });

  it("an observation whose equation does not depend on its term in a sample is 422", () => {
    const m = buildStructuralModel({ equations: { Y: "X * U" }, distributions: { U: normal(1), X: normal(1) } });
    const error = expectIslError(() => analyzeCounterfactual(m, { interventions: new Map(), context: new Map([["X", 0], ["Y", 3]]), outcome: "Y", samples: 10, rng: createRng(1) }), "ISL_VALIDATION_ERROR");
    expect(error.details.exogenous).toBe("U");
  });

  it("NaN produced by the model is a clear 422 naming the equation", () => {
    const m = buildStructuralModel({ equations: { Y: "log(X) + U" }, distributions: { U: normal(1) } }, { inputs: ["X"] });
    const error = expectIslError(() => analyzeCounterfactual(m, { interventions: new Map([["X", -1]]), outcome: "Y", samples: 10, rng: createRng(1) }), "ISL_VALIDATION_ERROR");
    expect(error.message).toContain("The equation for 'Y'");
  });

  it("an unknown outcome or intervention variable is a 4xx naming it", () => {
    expect(expectIslError(() => run({ X: 2, Nope: 1 }), "ISL_INVALID_INTERVENTION").message).toContain("'Nope'");
    expect(expectIslError(() => analyzeCounterfactual(linear, { interventions: new Map(), outcome: "Z", samples: 10, rng: createRng(1) }), "ISL_INVALID_INPUT").message).toContain("'Z'");
  });

  it("an aborted signal stops the run with ISL_TIMEOUT", () => {
    const controller = new AbortController();
    controller.abort();
    expectIslError(() => analyzeCounterfactual(linear, { interventions: new Map(), outcome: "Y", samples: 10, rng: createRng(1), signal: controller.signal }), "ISL_TIMEOUT");
  });
});
