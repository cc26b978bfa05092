/**
 * One counterfactual query, analysed: abduction plan, Monte Carlo prediction of the outcome under
 * the intervention (mean, percentile interval, Monte Carlo standard error, 10th/50th/90th
 * percentiles), first-order Sobol indices of the free exogenous inputs (sobol.ts) and coefficient
 * elasticities (elasticity.ts), on the first min(samples, 4096) and min(samples, 2048) draws, with
 * common random numbers. Draws come from `rng.fork(variable)` (shared with simulate() and across scenarios);
 * Sobol's second matrix from `rng.fork("sobol-B").fork(variable)`.
 * Complexity: O(n · cost of a run) for the prediction, O(m · (k + 2 + 2L) · cost of a run) for the
 * sensitivity analyses (k free inputs, L coefficients, L ≤ 100; m ≤ 4096). Reference: J. Pearl, "Causality"
 * (2nd ed., 2009), §7.1; Saltelli et al. (2010); docs/counterfactual.md.
 */
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import type { Rng } from "../random/index.js";
import { planAbduction, type AbductionPlan } from "./abduction.js";
import { compileExpression } from "./compile.js";
import { createCounterfactualEvaluator, drawExogenous, type CounterfactualEvaluator, type PartialRun } from "./counterfactual.js";
import { coefficientElasticities, coefficientsOf, type Coefficient, type CoefficientElasticity } from "./elasticity.js";
import { numericLiterals, withLiteral } from "./literals.js";
import { percentilesBySelection } from "./order-statistics.js";
import { listVariables, type StructuralCausalModel } from "./model.js";
import { requireFiniteColumns, simulate, type Simulation } from "./simulate.js";
import { firstOrderSobol, type SobolIndex } from "./sobol.js";

/** Samples used at most by the Sobol analysis (k + 2 runs). */
export const SOBOL_SAMPLES = 4096;
/** Samples used at most by the elasticity analysis (2 runs per coefficient; common random numbers keep differences precise). */
export const ELASTICITY_SAMPLES = 2048;
/** Coefficients perturbed at most (in topological order of their equations, then source order). */
export const MAX_COEFFICIENTS = 100;

/** A counterfactual query. */
export interface CounterfactualQuery {
  /** do(): variable → constant. */
  readonly interventions: ReadonlyMap<string, number>;
  /** Observed facts about the unit (variable → value). */
  readonly context?: ReadonlyMap<string, number> | undefined;
  /** The outcome variable. */
  readonly outcome: string;
  /** Monte Carlo samples. */
  readonly samples: number;
  /** The seeded stream (use the same one for scenarios that should share draws). */
  readonly rng: Rng;
  /** Central coverage of the percentile interval (default 0.95). */
  readonly confidenceLevel?: number | undefined;
  /** Run the Sobol and elasticity analyses (default true). */
  readonly sensitivity?: boolean | undefined;
  /** Checked between blocks and runs. */
  readonly signal?: AbortSignal | undefined;
}

/** The analysis of a counterfactual query. */
export interface CounterfactualAnalysis {
  readonly samples: number;
  /** The outcome's counterfactual values, one per sample (a copy). */
  readonly values: Float64Array;
  readonly mean: number;
  /** Population standard deviation of the values. */
  readonly standardDeviation: number;
  /** Monte Carlo standard error of the mean: sd/√n. */
  readonly standardError: number;
  /** Percentile interval of the values at `level`. */
  readonly interval: { readonly lower: number; readonly upper: number; readonly level: number };
  /** 10th, 50th and 90th percentiles (type 7). */
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
  /** First-order Sobol indices of the free exogenous inputs, largest first (ties by name). */
  readonly sobol: readonly SobolIndex[];
  /** Coefficient elasticities, largest |c·∂E/∂c| first. */
  readonly elasticities: readonly CoefficientElasticity[];
  /** Coefficients not analysed because of {@link MAX_COEFFICIENTS}. */
  readonly coefficientsSkipped: number;
  /** Samples used by the Sobol analysis (0 when skipped). */
  readonly sensitivitySamples: number;
  /** Samples used by the elasticity analysis (0 when skipped). */
  readonly elasticitySamples: number;
  /** How the context was used. */
  readonly plan: AbductionPlan;
}

/**
 * Analyses a counterfactual query.
 *
 * @param model - The structural model.
 * @param query - Intervention, context, outcome, samples, stream.
 * @throws IslError ISL_INVALID_INPUT for an unknown outcome or bad samples; errors of planAbduction
 *   and createCounterfactualEvaluator; ISL_VALIDATION_ERROR when the outcome is not finite.
 */
export function analyzeCounterfactual(model: StructuralCausalModel, query: CounterfactualQuery): CounterfactualAnalysis {
  const { outcome, samples: n, rng, signal } = query;
  if (!model.slotOf.has(outcome)) {
    throw new IslError("ISL_INVALID_INPUT", `The outcome '${outcome}' is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
      details: { field: "outcome", variable: outcome, variables: model.order.slice(0, 200) },
      recovery: { hints: ["Name a variable that has an equation or a distribution."], suggestion: "Fix the outcome's name." },
    });
  }
  const level = query.confidenceLevel ?? 0.95;
  const plan = planAbduction(model, query.context ?? new Map());
  const evaluator = createCounterfactualEvaluator(model, { plan, interventions: query.interventions, samples: n, signal });
  // NOTE: with nothing in context the counterfactual world is the interventional one, and
  // simulate() gives the same values (the same forks and bit-identical kernels) faster; its fresh
  // outcome column needs no copy.
  const interventional = plan.steps.length === 0 && plan.fixed.size === 0;
  let draws: Map<string, Float64Array> | undefined;
  let values: Float64Array;
  if (interventional) {
    const simulation = simulate(model, { samples: n, rng, interventions: query.interventions, signal });
    requireFiniteColumns(model, simulation, [outcome]);
    values = simulation.columns.get(outcome)!;
  } else {
    draws = drawExogenous(model, plan.free, rng, n);
    const simulation = evaluator.run(draws);
    requireFiniteColumns(model, simulation, [outcome]);
    values = Float64Array.from(simulation.columns.get(outcome)!);
  }
  const [lower, upper, p10, median, p90] = percentilesBySelection(values, [(100 * (1 - level)) / 2, (100 * (1 + level)) / 2, 10, 50, 90]) as [number, number, number, number, number];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) * (values[i]! - mean);
  const standardDeviation = Math.sqrt(squares / n);

  const m = Math.min(n, SOBOL_SAMPLES);
  const me = Math.min(n, ELASTICITY_SAMPLES);
  let sobol: SobolIndex[] = [];
  let elasticities: CoefficientElasticity[] = [];
  let coefficientsSkipped = 0;
  if (query.sensitivity !== false) {
    const sized = (samples: number): CounterfactualEvaluator => (samples === n ? evaluator : createCounterfactualEvaluator(model, { plan, interventions: query.interventions, samples, signal }));
    const exogenous = draws ?? drawExogenous(model, plan.free, rng, n);
    const head = (samples: number): Map<string, Float64Array> => new Map([...exogenous].map(([name, column]) => [name, column.subarray(0, samples)]));
    const sobolRunner = sized(m);
    const b = drawExogenous(model, plan.free, rng.fork("sobol-B"), m);
    // NOTE: A_B^i differs from A only in input i, so with nothing observed its run recomputes only
    // i's descendants on the way to the outcome over a copy of A's world (the same bits).
    const sobolA = head(m);
    let sobolPartial: ((variable: string) => PartialRun) | undefined;
    const sobolEvaluate = (columns: ReadonlyMap<string, Float64Array>, changed?: string): Float64Array => {
      const partial = changed === undefined ? undefined : sobolPartial?.(changed);
      const world = sobolRunner.run(columns, undefined, partial);
      requireFiniteColumns(model, world, [outcome]);
      if (columns === sobolA && plan.steps.length === 0) sobolPartial = partialRunsTo(model, outcome, query.interventions, world);
      return world.columns.get(outcome)!;
    };
    sobol = firstOrderSobol({ inputs: plan.free, a: sobolA, b, evaluate: sobolEvaluate, signal }).sort((x, y) => y.index - x.index || compareNames(x.input, y.input));
    const coefficients = modelCoefficients(model, plan, query.interventions);
    coefficientsSkipped = Math.max(0, coefficients.length - MAX_COEFFICIENTS);
    const elasticityRunner = me === m ? sobolRunner : sized(me);
    const a = head(me);
    const baselineWorld = elasticityRunner.run(a);
    requireFiniteColumns(model, baselineWorld, [outcome]);
    const baseline = baselineWorld.columns.get(outcome)!;
    let baselineSum = 0;
    for (let j = 0; j < me; j++) baselineSum += baseline[j]!;
    // NOTE: a perturbed coefficient changes only its equation's variable and that variable's
    // descendants, unless the abduction uses the equation (then the inferred exogenous terms move
    // too): other runs recompute those on the way to the outcome (the same bits as a full run) and
    // take the rest from a copy of the baseline world.
    const partialRuns = partialRunsTo(model, outcome, query.interventions, baselineWorld);
    const abducted = new Set(plan.steps.map((step) => step.variable));
    elasticities = coefficientElasticities({
      coefficients: coefficients.slice(0, MAX_COEFFICIENTS),
      baselineMean: baselineSum / me,
      evaluate: (coefficient, value) => perturbedOutcome(model, elasticityRunner, a, outcome, coefficient, value, signal, abducted.has(coefficient.variable) ? undefined : partialRuns(coefficient.variable)),
    }).sort((x, y) => Math.abs(y.sensitivity ?? 0) - Math.abs(x.sensitivity ?? 0) || compareNames(x.variable, y.variable) || x.index - y.index);
  }
  return {
    samples: n,
    values,
    mean,
    standardDeviation,
    standardError: standardDeviation / Math.sqrt(n),
    interval: { lower, upper, level },
    p10,
    median,
    p90,
    sobol,
    elasticities,
    coefficientsSkipped,
    sensitivitySamples: query.sensitivity === false ? 0 : m,
    elasticitySamples: query.sensitivity === false ? 0 : me,
    plan,
  };
}

/** Coefficients of the equations that can matter: not replaced by do(), or used by abduction. */
function modelCoefficients(model: StructuralCausalModel, plan: AbductionPlan, interventions: ReadonlyMap<string, number>): Coefficient[] {
  const factual = new Set(plan.steps.map((s) => s.variable));
  return model.endogenous
    .filter((name) => !interventions.has(name) || factual.has(name))
    .flatMap((name) => coefficientsOf(name, numericLiterals(model.equations.get(name)!.expression)));
}

/**
 * For each variable V, the partial run that recomputes V's descendants (V included) that are the
 * outcome or its ancestors, not intervened, over a copy of the baseline world (copied now: the
 * evaluator's runs overwrite its columns).
 */
function partialRunsTo(model: StructuralCausalModel, outcome: string, interventions: ReadonlyMap<string, number>, world: Simulation): (variable: string) => PartialRun {
  const baseline: Simulation = { ...world, columns: new Map([...world.columns].map(([name, column]) => [name, column.slice()])), nonFinite: new Map(world.nonFinite) };
  const onTheWay = new Set<string>();
  const stack = [outcome];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (onTheWay.has(name)) continue;
    onTheWay.add(name);
    if (!interventions.has(name)) stack.push(...(model.equations.get(name)?.parents ?? []));
  }
  const children = new Map<string, string[]>();
  for (const name of model.endogenous) for (const parent of model.equations.get(name)!.parents) children.set(parent, [...(children.get(parent) ?? []), name]);
  return (variable) => {
    const recompute = new Set<string>();
    const pending = [variable];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (recompute.has(name) || interventions.has(name) || !onTheWay.has(name)) continue;
      recompute.add(name);
      pending.push(...(children.get(name) ?? []));
    }
    return { baseline, recompute };
  };
}

/** The outcome column with one coefficient changed (same draws), or undefined when not finite. */
function perturbedOutcome(model: StructuralCausalModel, evaluator: CounterfactualEvaluator, draws: ReadonlyMap<string, Float64Array>, outcome: string, coefficient: Coefficient, value: number, signal: AbortSignal | undefined, partial?: PartialRun): Float64Array | undefined {
  if (signal?.aborted === true) {
    throw new IslError("ISL_TIMEOUT", "The coefficient sensitivity analysis was stopped (deadline passed or caller gone).", {
      details: { stage: "elasticities" },
      recovery: { hints: ["Use fewer samples or a smaller model."], suggestion: "Retry with fewer samples." },
    });
  }
  const equation = model.equations.get(coefficient.variable)!;
  const compiled = compileExpression(withLiteral(equation.expression, coefficient.index, value), model.slotOf);
  const run = evaluator.run(draws, new Map([[coefficient.variable, compiled]]), partial);
  return run.nonFinite.has(outcome) ? undefined : run.columns.get(outcome)!;
}
