/**
 * Properties of counterfactual evaluation against independent references:
 * 1. For random SCMs whose equations are affine in their own noise term (with coefficients that
 *    may depend on parents), a fully observed unit's counterfactual equals a scalar reference
 *    (the AST interpreter: abduce each U from the observation, then recompute under do()).
 * 2. With no context, the counterfactual outcome (which analyzeCounterfactual computes with
 *    simulate()) is bit-identical to the abduction evaluator's run over the same draws (shared
 *    forks, bit-identical kernels).
 * 3. With no context, an evaluator run (with a perturbed coefficient, as the elasticities use) gives
 *    the same bits in WebAssembly memory and in JavaScript.
 * 4. A partial run over a copied baseline equals the full run bit for bit, and the analysis's
 *    elasticities and Sobol indices (partial runs on the way to the outcome) equal ones computed
 *    from full runs, also with an observed prefix of the unit in context (abduction); a partial run
 *    refuses to override an equation the abduction uses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, enableWasmNormalKernel } from "../random/index.js";
import { planAbduction } from "./abduction.js";
import { compileExpression } from "./compile.js";
import { createCounterfactualEvaluator, drawExogenous } from "./counterfactual.js";
import { coefficientElasticities, coefficientsOf } from "./elasticity.js";
import { numericLiterals, withLiteral } from "./literals.js";
import { firstOrderSobol } from "./sobol.js";
import { analyzeCounterfactual } from "./counterfactual-analysis.js";
import { buildStructuralModel, evaluateScalar, simulate } from "./index.js";

interface Spec {
  equations: Record<string, string>;
  observed: number[];
  interventions: Map<string, number>;
}

const coefficient = fc.integer({ min: -30, max: 30 }).map((k) => k / 10);
const spec: fc.Arbitrary<Spec> = fc.integer({ min: 2, max: 6 }).chain((k) =>
  fc
    .record({
      terms: fc.array(fc.array(fc.tuple(fc.boolean(), coefficient, fc.constantFrom("lin", "sqrt", "sq")), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
      intercepts: fc.array(coefficient, { minLength: k, maxLength: k }),
      scaled: fc.array(fc.boolean(), { minLength: k, maxLength: k }),
      observed: fc.array(fc.integer({ min: -50, max: 50 }).map((v) => v / 10), { minLength: k, maxLength: k }),
      intervened: fc.array(fc.option(fc.integer({ min: -20, max: 20 }).map((v) => v / 4), { nil: undefined }), { minLength: k, maxLength: k }),
    })
    .map(({ terms, intercepts, scaled, observed, intervened }) => {
      const equations: Record<string, string> = {};
      for (let i = 0; i < k; i++) {
        const parts = [String(intercepts[i])];
        for (let j = 0; j < i; j++) {
          const [on, c, shape] = terms[i]![j]!;
          if (!on) continue;
          const v = `V${j}`;
          parts.push(`(${c}) * ${shape === "lin" ? v : shape === "sqrt" ? `sqrt(abs(${v}))` : `${v} * ${v}`}`);
        }
        const parent = i > 0 ? `V${i - 1}` : "0";
        parts.push(scaled[i] ? `(1 + ${parent} * ${parent}) * U${i}` : `U${i}`);
        equations[`V${i}`] = parts.join(" + ");
      }
      const interventions = new Map<string, number>();
      intervened.slice(0, k - 1).forEach((v, i) => v !== undefined && interventions.set(`V${i}`, v));
      return { equations, observed, interventions };
    }),
);

function reference(spec: Spec): number {
  const model = buildStructuralModel({ equations: spec.equations, distributions: {} }, { inputs: spec.observed.map((_, i) => `U${i}`) });
  const k = spec.observed.length;
  const facts = new Map<string, number>(spec.observed.map((v, i) => [`V${i}`, v]));
  const noise = new Map<string, number>();
  for (let i = 0; i < k; i++) {
    const expression = model.equations.get(`V${i}`)!.expression;
    const a = evaluateScalar(expression, new Map([...facts, [`U${i}`, 0]]));
    const b = evaluateScalar(expression, new Map([...facts, [`U${i}`, 1]])) - a;
    noise.set(`U${i}`, (spec.observed[i]! - a) / b);
  }
  const world = new Map(noise);
  for (let i = 0; i < k; i++) {
    const name = `V${i}`;
    world.set(name, spec.interventions.get(name) ?? evaluateScalar(model.equations.get(name)!.expression, world));
  }
  return world.get(`V${k - 1}`)!;
}

describe("counterfactual properties", () => {
  it("a fully observed unit's counterfactual equals the scalar abduction–action–prediction reference", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const k = s.observed.length;
        const model = noiseModel(s);
        const context = new Map(s.observed.map((v, i) => [`V${i}`, v]));
        const a = analyzeCounterfactual(model, { interventions: s.interventions, context, outcome: `V${k - 1}`, samples: 7, rng: createRng(3), sensitivity: false });
        const expected = reference(s);
        for (const value of a.values) expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { seed: 20261127, numRuns: 150 },
    );
  });

  it("without context, the counterfactual world (computed by simulate()) is bit-identical to the abduction evaluator's with the same draws", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 5000 }), (s, samples) => {
        const k = s.observed.length;
        const outcome = `V${k - 1}`;
        const model = noiseModel(s);
        const a = analyzeCounterfactual(model, { interventions: s.interventions, outcome, samples, rng: createRng(samples), sensitivity: false });
        const plan = planAbduction(model, new Map());
        const evaluator = createCounterfactualEvaluator(model, { plan, interventions: s.interventions, samples });
        const b = evaluator.run(drawExogenous(model, plan.free, createRng(samples), samples)).columns.get(outcome)!;
        expect(Buffer.from(a.values.buffer, a.values.byteOffset, 8 * samples).equals(Buffer.from(b.buffer, b.byteOffset, 8 * samples))).toBe(true);
        const c = simulate(model, { samples, rng: createRng(samples), interventions: s.interventions }).columns.get(outcome)!;
        expect(Buffer.from(c.buffer, c.byteOffset, 8 * samples).equals(Buffer.from(b.buffer, b.byteOffset, 8 * samples))).toBe(true);
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it("without context, a run with a perturbed coefficient gives the same bits in WebAssembly memory and in JavaScript", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 5000 }), fc.nat(), (s, samples, pick) => {
        const k = s.observed.length;
        const model = noiseModel(s);
        const plan = planAbduction(model, new Map());
        const draws = drawExogenous(model, plan.free, createRng(pick), samples);
        const variable = model.endogenous[pick % model.endogenous.length]!;
        const expression = model.equations.get(variable)!.expression;
        const literals = numericLiterals(expression);
        const overrides = literals.length === 0 ? undefined : new Map([[variable, compileExpression(withLiteral(expression, pick % literals.length, literals[pick % literals.length]!.value * 1.01), model.slotOf)]]);
        const run = (): Float64Array[] => {
          const world = createCounterfactualEvaluator(model, { plan, interventions: s.interventions, samples }).run(draws, overrides);
          return model.order.map((name) => world.columns.get(name)!.slice(0, samples));
        };
        expectSameBitsInBothEngines(model.order, run);
        expect(k).toBeGreaterThan(0);
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("a partial run (recomputing the perturbed variable's descendants over a copied baseline) equals the full run bit for bit, and the analysis's elasticities equal full-run ones", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 3000 }), fc.nat(), fc.boolean(), (s, samples, pick, javascript) => {
        withEngine(javascript, () => {
          const k = s.observed.length;
          const outcome = `V${k - 1}`;
          const model = noiseModel(s);
          const plan = planAbduction(model, new Map());
          const draws = drawExogenous(model, plan.free, createRng(pick), samples);
          const evaluator = createCounterfactualEvaluator(model, { plan, interventions: s.interventions, samples });
          const world = evaluator.run(draws);
          const baseline = { ...world, columns: new Map([...world.columns].map(([name, column]) => [name, column.slice()])), nonFinite: new Map(world.nonFinite) };
          const variable = model.endogenous[pick % model.endogenous.length]!;
          // Every descendant of the variable (and itself), by brute force over the equations.
          const recompute = new Set([variable]);
          for (const name of model.endogenous) if (model.equations.get(name)!.parents.some((p) => recompute.has(p))) recompute.add(name);
          const expression = model.equations.get(variable)!.expression;
          const literals = numericLiterals(expression);
          if (literals.length === 0) return;
          const overrides = new Map([[variable, compileExpression(withLiteral(expression, pick % literals.length, literals[pick % literals.length]!.value * 0.99), model.slotOf)]]);
          const full = model.order.map((name) => evaluator.run(draws, overrides).columns.get(name)!.slice());
          const partial = evaluator.run(draws, overrides, { baseline, recompute });
          model.order.forEach((name, i) => expect(Buffer.from(partial.columns.get(name)!.slice().buffer).equals(Buffer.from(full[i]!.buffer)), name).toBe(true));
          // The analysis restricts runs to the way to the outcome; its elasticities equal full runs'.
          const analysis = analyzeCounterfactual(model, { interventions: s.interventions, outcome, samples, rng: createRng(pick) });
          expectElasticitiesOfFullRuns(model, plan, s.interventions, outcome, analysis, createRng(pick), samples);
          // Its Sobol indices (A_B^i runs recompute i's descendants) equal ones from full runs.
          const sobolRunner = createCounterfactualEvaluator(model, { plan, interventions: s.interventions, samples: analysis.sensitivitySamples });
          const sobolA = new Map([...drawExogenous(model, plan.free, createRng(pick), samples)].map(([name, column]) => [name, column.subarray(0, analysis.sensitivitySamples)]));
          const sobolReference = firstOrderSobol({
            inputs: plan.free,
            a: sobolA,
            b: drawExogenous(model, plan.free, createRng(pick).fork("sobol-B"), analysis.sensitivitySamples),
            evaluate: (columns) => sobolRunner.run(columns).columns.get(outcome)!,
          });
          expect([...analysis.sobol].sort((x, y) => x.input.localeCompare(y.input))).toEqual([...sobolReference].sort((x, y) => x.input.localeCompare(y.input)));
        });
      }),
      { seed: 12, numRuns: 50 },
    );
  });
});

describe("counterfactual analysis with an observed prefix of the unit (abduction)", () => {
  it("elasticities (partial runs for coefficients the abduction does not use) equal full-run ones bit for bit", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 2000 }), fc.nat(), fc.boolean(), (s, samples, pick, javascript) => {
        const k = s.observed.length;
        if (k < 2) return;
        withEngine(javascript, () => {
          const outcome = `V${k - 1}`;
          const observedCount = 1 + (pick % (k - 1));
          const context = new Map(s.observed.slice(0, observedCount).map((value, i) => [`V${i}`, value]));
          const model = noiseModel(s);
          const analysis = analyzeCounterfactual(model, { interventions: s.interventions, context, outcome, samples, rng: createRng(pick) });
          const plan = planAbduction(model, context);
          expectElasticitiesOfFullRuns(model, plan, s.interventions, outcome, analysis, createRng(pick), samples);
        });
      }),
      { seed: 13, numRuns: 60 },
    );
  });

  it("a full run with a context gives the same bits in WebAssembly memory (abduction first, then the prediction) and in JavaScript (both per block)", () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(1, 7, 4095, 4097, 9000), fc.nat(), (s, samples, pick) => {
        const k = s.observed.length;
        const observedCount = 1 + (pick % k);
        const context = new Map(s.observed.slice(0, observedCount).map((value, i) => [`V${i}`, value]));
        const model = noiseModel(s);
        const plan = planAbduction(model, context);
        const draws = drawExogenous(model, plan.free, createRng(pick), samples);
        const run = (): Float64Array[] => {
          const world = createCounterfactualEvaluator(model, { plan, interventions: s.interventions, samples }).run(draws);
          return model.order.map((name) => world.columns.get(name)!.slice(0, samples));
        };
        expectSameBitsInBothEngines(model.order, run);
      }),
      { seed: 14, numRuns: 60 },
    );
  });

  it("a partial run refuses to override an equation the abduction uses", () => {
    const model = buildStructuralModel({ equations: { X: "2 * U", Y: "3 * X + V" }, distributions: { U: { type: "normal", parameters: { mean: 0, std: 1 } }, V: { type: "normal", parameters: { mean: 0, std: 1 } } } });
    const plan = planAbduction(model, new Map([["X", 1]]));
    const evaluator = createCounterfactualEvaluator(model, { plan, interventions: new Map(), samples: 10 });
    const draws = drawExogenous(model, plan.free, createRng(1), 10);
    const world = evaluator.run(draws);
    const override = new Map([["X", compileExpression(withLiteral(model.equations.get("X")!.expression, 0, 2.02), model.slotOf)]]);
    expect(() => evaluator.run(draws, override, { baseline: world, recompute: new Set(["X", "Y"]) })).toThrow(/abduction uses it/);
  });
});

/** The model of a spec with standard-normal noise terms U0 … U(k−1). */
function noiseModel(s: Spec) {
  return buildStructuralModel({ equations: s.equations, distributions: Object.fromEntries(s.observed.map((_, i) => [`U${i}`, { type: "normal", parameters: { mean: 0, std: 1 } }])) });
}

/** Runs `run` with the JavaScript implementations (javascript true) or the WebAssembly kernels. */
function withEngine<T>(javascript: boolean, run: () => T): T {
  const previous = enableWasmNormalKernel(!javascript);
  try {
    return run();
  } finally {
    enableWasmNormalKernel(previous);
  }
}

/** `run` gives the same columns, bit for bit, with the WebAssembly kernels and without. */
function expectSameBitsInBothEngines(order: readonly string[], run: () => Float64Array[]): void {
  const wasm = withEngine(false, run);
  const js = withEngine(true, run);
  wasm.forEach((column, i) => expect(Buffer.from(column.buffer).equals(Buffer.from(js[i]!.buffer)), order[i]).toBe(true));
}

/**
 * The analysis's elasticities equal ones computed with full evaluator runs on its draws (the first
 * elasticitySamples of `rng`'s), over the coefficients it perturbs: every literal of the equations
 * not replaced by do(), or used by the abduction.
 */
function expectElasticitiesOfFullRuns(model: ReturnType<typeof buildStructuralModel>, plan: ReturnType<typeof planAbduction>, interventions: ReadonlyMap<string, number>, outcome: string, analysis: ReturnType<typeof analyzeCounterfactual>, rng: ReturnType<typeof createRng>, samples: number): void {
  const m = analysis.elasticitySamples;
  const runner = createCounterfactualEvaluator(model, { plan, interventions, samples: m });
  const a = new Map([...drawExogenous(model, plan.free, rng, samples)].map(([name, column]) => [name, column.subarray(0, m)]));
  const base = runner.run(a).columns.get(outcome)!;
  const abducted = new Set(plan.steps.map((step) => step.variable));
  const reference = coefficientElasticities({
    coefficients: model.endogenous.filter((name) => !interventions.has(name) || abducted.has(name)).flatMap((name) => coefficientsOf(name, numericLiterals(model.equations.get(name)!.expression))),
    baselineMean: base.reduce((x, y) => x + y, 0) / base.length,
    evaluate: (c, value) => {
      const e = model.equations.get(c.variable)!.expression;
      const run = runner.run(a, new Map([[c.variable, compileExpression(withLiteral(e, c.index, value), model.slotOf)]]));
      return run.nonFinite.has(outcome) ? undefined : run.columns.get(outcome)!;
    },
  });
  const key = (e: { variable: string; index: number }) => `${e.variable}#${e.index}`;
  const byKey = new Map(reference.map((e) => [key(e), e]));
  expect(analysis.elasticities.length).toBe(reference.length);
  for (const e of analysis.elasticities) expect(e).toEqual(byKey.get(key(e)));
}
