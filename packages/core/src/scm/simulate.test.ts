/**
 * Simulation: a linear-Gaussian SCM whose means and variances (observational and under do())
 * are closed-form, checked within 5 Monte Carlo standard errors over fixed seeds; every
 * distribution family against its mean; interventions; determinism and fork independence;
 * agreement with the reference interpreter across blocks; non-finite reporting; input errors.
 *
 * Tolerances: for n draws the sample mean has standard error √(Var/n); the sample variance of a
 * normal variable has standard error ≈ Var·√(2/(n−1)). Five standard errors fail a correct
 * implementation with probability < 6·10⁻⁷ per check; the seeds are fixed, so results never flake.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createRng, enableWasmNormalKernel } from "../random/index.js";
import { BLOCK_SIZE, buildStructuralModel, evaluateScalar, requireFiniteColumns, simulate, type StructuralModelInput } from "./index.js";
import { countNonFinite } from "./simulate.js";

const normal = (mean: number, std: number) => ({ type: "normal", parameters: { mean, std } });

/**
 * X ~ N(1, 2²); M = 0.5·X + U_M, U_M ~ N(0, 1); Y = 2·M − X + 3 + U_Y, U_Y ~ N(0, 0.5²).
 * So Y = 3 + 2·U_M + U_Y: E[Y] = 3, Var Y = 4.25, and X has no total effect on Y.
 */
const LINEAR: StructuralModelInput = {
  variables: ["X", "M", "Y"],
  equations: { M: "0.5 * X + U_M", Y: "2 * M - X + 3 + U_Y" },
  distributions: { X: normal(1, 2), U_M: normal(0, 1), U_Y: normal(0, 0.5) },
};

function moments(column: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of column) sum += v;
  const mean = sum / column.length;
  let squares = 0;
  for (const v of column) squares += (v - mean) ** 2;
  return { mean, variance: squares / (column.length - 1) };
}

/** Asserts mean and variance within five standard errors of the closed form. */
function expectNormalMoments(column: Float64Array, mean: number, variance: number): void {
  const n = column.length;
  const sample = moments(column);
  expect(Math.abs(sample.mean - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / n));
  expect(Math.abs(sample.variance - variance)).toBeLessThanOrEqual(5 * variance * Math.sqrt(2 / (n - 1)));
}

const SAMPLES = 20_000;
const SEEDS = [1, 2, 3];

describe("linear-Gaussian SCM against the closed form", () => {
  const model = buildStructuralModel(LINEAR);

  it.each(SEEDS)("observational moments (seed %d)", (seed) => {
    const sim = simulate(model, { samples: SAMPLES, rng: createRng(seed) });
    expectNormalMoments(sim.columns.get("X")!, 1, 4);
    expectNormalMoments(sim.columns.get("M")!, 0.5, 2);
    expectNormalMoments(sim.columns.get("Y")!, 3, 4.25);
    expect(sim.nonFinite.size).toBe(0);
  });

  it.each(SEEDS)("interventional moments (seed %d)", (seed) => {
    // do(M = 2): Y = 7 − X + U_Y, E = 6, Var = 4 + 0.25.
    const doM = simulate(model, { samples: SAMPLES, rng: createRng(seed), interventions: new Map([["M", 2]]) });
    expect(doM.columns.get("M")!.every((v) => v === 2)).toBe(true);
    expectNormalMoments(doM.columns.get("Y")!, 6, 4.25);
    // do(X = 2): M = 1 + U_M, Y = 3 + 2·U_M + U_Y (no total effect of X).
    const doX = simulate(model, { samples: SAMPLES, rng: createRng(seed), interventions: new Map([["X", 2]]) });
    expectNormalMoments(doX.columns.get("M")!, 1, 1);
    expectNormalMoments(doX.columns.get("Y")!, 3, 4.25);
  });

  it("uses common random numbers: the effect of do(M = 2) vs do(M = 1) is exactly 2 per unit", () => {
    const a = simulate(model, { samples: 1000, rng: createRng(9), interventions: new Map([["M", 2]]) });
    const b = simulate(model, { samples: 1000, rng: createRng(9), interventions: new Map([["M", 1]]) });
    const ya = a.columns.get("Y")!;
    const yb = b.columns.get("Y")!;
    for (let i = 0; i < 1000; i++) expect(ya[i]! - yb[i]!).toBeCloseTo(2, 12);
  });
});

describe("distribution families", () => {
  const families: [string, { type: string; parameters: Record<string, number> }, number, number][] = [
    ["normal", normal(2, 3), 2, 9],
    ["uniform", { type: "uniform", parameters: { min: -1, max: 3 } }, 1, 16 / 12],
    ["beta", { type: "beta", parameters: { alpha: 2, beta: 5 } }, 2 / 7, 10 / (49 * 8)],
    ["exponential", { type: "exponential", parameters: { scale: 2 } }, 2, 4],
    ["lognormal", { type: "lognormal", parameters: { mu: 0, sigma: 0.5 } }, Math.exp(0.125), (Math.exp(0.25) - 1) * Math.exp(0.25)],
    ["triangular", { type: "triangular", parameters: { min: 0, mode: 1, max: 4 } }, 5 / 3, 13 / 18],
    ["gamma", { type: "gamma", parameters: { shape: 3, scale: 2 } }, 6, 12],
    ["bernoulli", { type: "bernoulli", parameters: { p: 0.3 } }, 0.3, 0.21],
  ];
  it.each(families)("%s has its mean within 5 standard errors", (_name, distribution, mean, variance) => {
    const sim = simulate(buildStructuralModel({ distributions: { V: distribution } }), { samples: SAMPLES, rng: createRng(11) });
    expect(Math.abs(moments(sim.columns.get("V")!).mean - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / SAMPLES));
  });

  it("point_mass is constant", () => {
    const sim = simulate(buildStructuralModel({ distributions: { V: { type: "point_mass", parameters: { value: 5 } } } }), { samples: 10, rng: createRng(1) });
    expect([...sim.columns.get("V")!]).toEqual(Array(10).fill(5));
  });
});

describe("interventions, determinism and forks", () => {
  const model = buildStructuralModel(LINEAR);
  const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

  it("gives identical columns for the same seed", () => {
    const a = simulate(model, { samples: 5000, rng: createRng("seed-a") });
    const b = simulate(model, { samples: 5000, rng: createRng("seed-a") });
    for (const name of model.order) expect(same(a.columns.get(name)!, b.columns.get(name)!)).toBe(true);
    const c = simulate(model, { samples: 5000, rng: createRng("seed-b") });
    expect(same(a.columns.get("X")!, c.columns.get("X")!)).toBe(false);
  });

  it("leaves other variables' draws unchanged when a variable is added or intervened on", () => {
    const base = simulate(model, { samples: 3000, rng: createRng(5) });
    const extended = buildStructuralModel({
      equations: { ...LINEAR.equations, Z: "Y * W" },
      distributions: { ...LINEAR.distributions, W: normal(0, 1), A_first: normal(0, 1) },
    });
    const more = simulate(extended, { samples: 3000, rng: createRng(5) });
    for (const name of ["X", "U_M", "U_Y", "M", "Y"]) expect(same(base.columns.get(name)!, more.columns.get(name)!)).toBe(true);
    const intervened = simulate(model, { samples: 3000, rng: createRng(5), interventions: new Map([["X", 0]]) });
    for (const name of ["U_M", "U_Y"]) expect(same(base.columns.get(name)!, intervened.columns.get(name)!)).toBe(true);
  });

  it("supplies input variables by intervention, and requires them", () => {
    const model2 = buildStructuralModel({ equations: { Y: "10 + 2 * Price + U" }, distributions: { U: normal(0, 1) } }, { inputs: ["Price"] });
    const sim = simulate(model2, { samples: 100, rng: createRng(1), interventions: new Map([["Price", 15]]) });
    expect(sim.columns.get("Price")!.every((v) => v === 15)).toBe(true);
    expectIslError(() => simulate(model2, { samples: 100, rng: createRng(1) }), "ISL_MISSING_VARIABLE", "Variable 'Price' has no equation or distribution and no intervention sets it.");
  });

  it("agrees with the reference interpreter on every sample, across blocks", () => {
    const nonlinear = buildStructuralModel({
      equations: { A: "exp(0.3 * X) - if(X > 0, X ** 2, -X) // 1", B: "logistic(A - 2) * clip(U, -1, 1) + max(A, U, 0) % 1.5", C: "B * A - sqrt(abs(U)) + A / (U + 2)" },
      distributions: { X: normal(0, 1), U: { type: "uniform", parameters: { min: -3, max: 3 } } },
    });
    const n = 2 * BLOCK_SIZE + 77;
    const sim = simulate(nonlinear, { samples: n, rng: createRng(21) });
    for (let i = 0; i < n; i++) {
      const env = new Map([...sim.columns].map(([name, column]) => [name, column[i]!]));
      for (const [name, equation] of nonlinear.equations) expect(Object.is(evaluateScalar(equation.expression, env), env.get(name))).toBe(true);
    }
  });

  it.each([1, 3, 4, 2 * BLOCK_SIZE + 77])("draws each normal column as fork(name).fillNormal (n = %i), with either kernel", (n) => {
    const sim = simulate(model, { samples: n, rng: createRng("blocked") });
    for (const [name, mean, std] of [["X", 1, 2], ["U_M", 0, 1], ["U_Y", 0, 0.5]] as const) {
      expect(same(sim.columns.get(name)!, createRng("blocked").fork(name).fillNormal(new Float64Array(n), mean, std))).toBe(true);
    }
    const previous = enableWasmNormalKernel(false);
    try {
      const withJs = simulate(model, { samples: n, rng: createRng("blocked") });
      for (const name of model.order) expect(same(withJs.columns.get(name)!, sim.columns.get(name)!)).toBe(true);
    } finally {
      enableWasmNormalKernel(previous);
    }
  });

  it("reuses the columns of a previous simulation and gets the same values", () => {
    const first = simulate(model, { samples: 500, rng: createRng(3) });
    const copy = new Map([...first.columns].map(([k, v]) => [k, v.slice()]));
    const second = simulate(model, { samples: 500, rng: createRng(3), reuse: first });
    for (const name of model.order) {
      expect(second.columns.get(name)).toBe(first.columns.get(name));
      expect(same(second.columns.get(name)!, copy.get(name)!)).toBe(true);
    }
    expect(simulate(model, { samples: 400, rng: createRng(3), reuse: first }).columns.get("X")).not.toBe(first.columns.get("X"));
  });
});

describe("hostile numbers and bad options", () => {
  it("counts non-finite values per variable and refuses them on request", () => {
    const model = buildStructuralModel({ equations: { L: "log(X)", R: "L + 1", D: "1 / (X - X)", Q: "10 ** (abs(X) * 1e9 + 400)" }, distributions: { X: normal(0, 1) } });
    const sim = simulate(model, { samples: 1000, rng: createRng(2) });
    const negatives = sim.columns.get("X")!.filter((v) => v < 0).length;
    expect(sim.nonFinite.get("L")).toBe(negatives);
    expect(sim.nonFinite.get("R")).toBe(negatives);
    expect(sim.nonFinite.get("D")).toBe(1000);
    expect(sim.nonFinite.get("Q")).toBe(1000);
    expect(sim.nonFinite.has("X")).toBe(false);
    expectIslError(() => requireFiniteColumns(model, sim, ["R"]), "ISL_VALIDATION_ERROR", `The equation for 'L' (log(X)) produced ${negatives} non-finite values (NaN or ±Infinity) in 1000 samples.`);
    expectIslError(() => requireFiniteColumns(model, sim), "ISL_VALIDATION_ERROR", "The equation for 'D' (1 / (X - X)) produced 1000 non-finite values (NaN or ±Infinity) in 1000 samples.");
    expect(() => requireFiniteColumns(model, sim, ["X"])).not.toThrow();
  });

  it("still counts the non-finite draws of a normal whose sd overflows (|mean| + 14·sd not finite)", () => {
    const model = buildStructuralModel({ equations: { Y: "X / 1e300" }, distributions: { X: normal(0, 1e308) } });
    const sim = simulate(model, { samples: 5000, rng: createRng(8) });
    const x = sim.columns.get("X")!;
    const infinite = x.filter((v) => !Number.isFinite(v)).length;
    // P(|Z| > 1.7976931348623157) ≈ 0.072, so about 360 of 5,000 draws overflow.
    expect(infinite).toBeGreaterThan(200);
    expect(sim.nonFinite.get("X")).toBe(infinite);
    expect(sim.nonFinite.get("Y")).toBe(infinite);
  });

  it("countNonFinite equals a plain count for NaN and ±Infinity anywhere (every length mod 4)", () => {
    const rng = createRng("count-non-finite");
    for (let trial = 0; trial < 200; trial++) {
      const column = rng.fillUniform(new Float64Array(rng.int(40)), -1, 1);
      for (let k = rng.int(4); k > 0 && column.length > 0; k--) column[rng.int(column.length)] = [Number.NaN, Infinity, -Infinity][rng.int(3)]!;
      const prefix = rng.int(column.length + 1);
      const plain = (m: number): number => Array.from(column.subarray(0, m)).filter((v) => !Number.isFinite(v)).length;
      expect(countNonFinite(column)).toBe(plain(column.length));
      expect(countNonFinite(column, prefix)).toBe(plain(prefix));
    }
  });

  it("rejects bad sample counts and interventions", () => {
    const model = buildStructuralModel(LINEAR);
    const rng = createRng(1);
    for (const samples of [0, -1, 1.5, 1_000_001, Number.NaN]) expectIslError(() => simulate(model, { samples, rng }), "ISL_INVALID_INPUT");
    const wide = buildStructuralModel({ distributions: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`V${i}`, normal(0, 1)])) });
    expectIslError(() => simulate(wide, { samples: 1_000_000, rng }), "ISL_INVALID_INPUT", "1000000 samples of 100 variables need 100000000 values, more than the 67108864 (512 MiB) one simulation may hold. Use at most 671088 samples for this model.");
    expectIslError(() => simulate(model, { samples: 10, rng, interventions: new Map([["Q", 1]]) }), "ISL_INVALID_INTERVENTION", "Cannot intervene on 'Q': it is not a variable of the model. Variables: U_M, U_Y, X, M, Y.");
    expectIslError(() => simulate(model, { samples: 10, rng, interventions: new Map([["X", Number.NaN]]) }), "ISL_INVALID_INTERVENTION", "The intervention on 'X' must be a finite number (got NaN).");
    expectIslError(() => simulate(model, { samples: 10, rng, interventions: new Map([["__proto__", 1]]) }), "ISL_INVALID_INTERVENTION");
    expectIslError(() => simulate(model, { samples: 10, rng, interventions: { X: 1 } as unknown as Map<string, number> }), "ISL_INVALID_INTERVENTION", "interventions must be a Map from variable name to value.");
  });

  it("stops with ISL_TIMEOUT when the signal is aborted", () => {
    const controller = new AbortController();
    controller.abort();
    expectIslError(() => simulate(buildStructuralModel(LINEAR), { samples: 10, rng: createRng(1), signal: controller.signal }), "ISL_TIMEOUT", "The simulation was stopped after 0 of 10 samples (deadline passed or caller gone).");
  });
});
