/**
 * Differential property of the two evaluation paths of `simulate` (fast-check, seeded): on random
 * models — random DAGs whose equations are affine chains (every term form: c·v, v·c, −v, v,
 * constants, subtraction) or nonlinear (exp, log, division, if, powers, min/max, which also produce
 * non-finite values), exogenous variables of every family (normal with tiny and huge scales,
 * uniform, lognormal, bernoulli, point mass), random interventions and sample counts around the
 * block and group boundaries — the WebAssembly path (kernel memory, SIMD affine kernel, streamed
 * normal draws made into columns on read, or copied out with `everyColumn`) gives every column bit
 * for bit (Object.is) and the same non-finite counts as the all-JavaScript path. Also: the block length rule, and reusing a previous
 * simulation's arrays.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, enableWasmNormalKernel } from "../random/index.js";
import { buildStructuralModel, simulate, type Simulation, type StructuralModelInput } from "./index.js";
import { KERNEL_MEMORY_BUDGET, kernelBlockLength } from "./kernel-memory-blocks.js";
import { SimulationColumns } from "./simulation-columns.js";

/** Simulates with the WebAssembly kernels turned off. */
function withJavaScript<T>(run: () => T): T {
  const previous = enableWasmNormalKernel(false);
  try {
    return run();
  } finally {
    enableWasmNormalKernel(previous);
  }
}

/** The first difference between two simulations of the same model, if any. */
function firstDifference(a: Simulation, b: Simulation, order: readonly string[]): string | undefined {
  for (const name of order) {
    const x = a.columns.get(name)!;
    const y = b.columns.get(name)!;
    if (x.length !== y.length) return `${name}: length ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${name}[${i}]: ${x[i]} vs ${y[i]}`;
  }
  const counts = (s: Simulation): string => JSON.stringify([...s.nonFinite]);
  return counts(a) === counts(b) ? undefined : `nonFinite ${counts(a)} vs ${counts(b)}`;
}

const coefficient = fc.oneof(fc.integer({ min: -9, max: 9 }), fc.double({ min: -5, max: 5, noNaN: true }).map((x) => Math.round(x * 1000) / 1000));

/** One affine term over `parent`, as text. */
const affineTerm = (parent: string): fc.Arbitrary<string> =>
  fc.oneof(
    coefficient.map((c) => `${c} * ${parent}`),
    coefficient.map((c) => `${parent} * ${c}`),
    fc.constant(parent),
    fc.constant(`-${parent}`),
    coefficient.map((c) => `${c}`),
  );

/** A nonlinear expression over two parents, as text. */
const nonlinear = (a: string, b: string): fc.Arbitrary<string> =>
  fc.constantFrom(`exp(${a} / 4) + ${b}`, `log(abs(${a})) - ${b}`, `${a} / (${b} - 0.5)`, `if(${a} > 0, ${b}, -${a})`, `max(${a}, 0) ** 2 + 1`, `${a} * ${b} - 3`, `min(${a}, ${b}) % 2`, `sqrt(${a}) + 2 * ${b} - ${a}`);

const distribution = fc.oneof(
  fc.record({ type: fc.constant("normal"), parameters: fc.record({ mean: fc.integer({ min: -5, max: 5 }), std: fc.constantFrom(0, 0.5, 1, 3, 1e308) }) }),
  fc.record({ type: fc.constant("uniform"), parameters: fc.constant({ min: -2, max: 3 }) }),
  fc.record({ type: fc.constant("lognormal"), parameters: fc.constant({ mu: 0, sigma: 1 }) }),
  fc.record({ type: fc.constant("bernoulli"), parameters: fc.constant({ p: 0.3 }) }),
  fc.record({ type: fc.constant("point_mass"), parameters: fc.constant({ value: 2.5 }) }),
);

/** A random model: variables V0 … V(k−1) in order; each is exogenous or an equation of earlier ones. */
const modelArbitrary: fc.Arbitrary<{ input: StructuralModelInput; intervened: string[] }> = fc.integer({ min: 1, max: 9 }).chain((k) =>
  fc
    .tuple(
      ...Array.from({ length: k }, (_, j) => {
        const name = `V${j}`;
        if (j === 0) return distribution.map((d) => ({ name, distribution: d, equation: undefined as string | undefined }));
        const parent = fc.integer({ min: 0, max: j - 1 }).map((p) => `V${p}`);
        const equation = fc.oneof(
          { weight: 3, arbitrary: fc.array(parent.chain(affineTerm), { minLength: 2, maxLength: 7 }).chain((terms) => fc.array(fc.constantFrom(" + ", " - "), { minLength: terms.length - 1, maxLength: terms.length - 1 }).map((ops) => terms.reduce((text, term, i) => `${text}${ops[i - 1]}${term}`))) },
          { weight: 1, arbitrary: fc.tuple(parent, parent).chain(([a, b]) => nonlinear(a, b)) },
        );
        return fc.oneof(
          distribution.map((d) => ({ name, distribution: d, equation: undefined as string | undefined })),
          equation.map((text) => ({ name, distribution: undefined, equation: text as string | undefined })),
        );
      }),
    )
    .chain((variables) =>
      fc.subarray(variables.map((v) => v.name)).map((intervened) => {
        const input: StructuralModelInput = { variables: variables.map((v) => v.name), equations: {}, distributions: {} };
        for (const v of variables) {
          if (v.equation !== undefined) (input.equations as Record<string, string>)[v.name] = v.equation;
          else (input.distributions as Record<string, unknown>)[v.name] = v.distribution;
        }
        return { input, intervened };
      }),
    ),
);

describe("simulate: the WebAssembly path equals the JavaScript path bit for bit", () => {
  it("on random models, interventions and sample counts", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.constantFrom(1, 2, 3, 4, 5, 7, 17, 1001, 4095, 4096, 4097, 9001), fc.integer({ min: 0, max: 1e6 }), ({ input, intervened }, n, seed) => {
        const model = buildStructuralModel(input);
        const interventions = new Map(intervened.map((name, i) => [name, i - 1.5]));
        const wasm = simulate(model, { samples: n, rng: createRng(seed), interventions });
        const js = withJavaScript(() => simulate(model, { samples: n, rng: createRng(seed), interventions }));
        expect(firstDifference(wasm, js, model.order)).toBeUndefined();
        const every = simulate(model, { samples: n, rng: createRng(seed), interventions, everyColumn: true });
        expect(model.order.every((name) => (every.columns as SimulationColumns).isMade(name))).toBe(true);
        expect(firstDifference(every, js, model.order)).toBeUndefined();
      }),
      { seed: 20_261_127, numRuns: 300 },
    );
  });

  it("block length: whole groups of four, at most 4,096, within the memory budget", () => {
    expect([1, 3, 4, 5, 4095, 4096, 4097, 1e6].map((n) => kernelBlockLength(n, 10))).toEqual([4, 4, 4, 8, 4096, 4096, 4096, 4096]);
    const wide = kernelBlockLength(1e6, 2000);
    expect(wide % 4).toBe(0);
    expect(wide).toBeLessThan(4096);
    expect(2000 * 8 * wide).toBeLessThanOrEqual(KERNEL_MEMORY_BUDGET);
    expect(2000 * 8 * (wide + 4)).toBeGreaterThan(KERNEL_MEMORY_BUDGET);
    expect(kernelBlockLength(1e6, 1e7)).toBe(4);
  });

  it("reusing a previous simulation's arrays (read and unread columns) gives the same values", () => {
    const model = buildStructuralModel({ equations: { Y: "2 * X - U + 1", Z: "exp(Y / 10) * U" }, distributions: { X: { type: "normal", parameters: { mean: 1, std: 2 } }, U: { type: "normal", parameters: { mean: 0, std: 1 } } } });
    const first = simulate(model, { samples: 4500, rng: createRng(1) });
    const firstX = first.columns.get("X")!; // U is never read, so its array was never made
    const second = simulate(model, { samples: 4500, rng: createRng(2), reuse: first });
    expect(second.columns.get("X")).toBe(firstX);
    const fresh = simulate(model, { samples: 4500, rng: createRng(2) });
    expect(firstDifference(second, fresh, model.order)).toBeUndefined();
  });
});
