/**
 * A structural model conditioned on one unit's current state, with an outcome evaluator that uses
 * common random numbers: every evaluation draws the same exogenous columns (the simulation forks
 * the stream by variable name), so two candidate interventions differ only by their effect.
 * Current-state semantics (docs/contrastive.md): an exogenous or input variable in the state is
 * fixed at its value; an observed endogenous variable gets an additive residual r_V (abduction for
 * additive noise) chosen so the model reproduces the observation when no lever changes — exact when
 * the unit's exogenous parents are all given, otherwise the residual of the mean. Interventions
 * always override the state (upstream bug #3). A model with no free exogenous variable is
 * deterministic and evaluated with one sample.
 * Complexity: O(k · n · (V + equation size)) to abduct k observed variables, then the same per
 * evaluation. Reference: J. Pearl, "Causality" (2nd ed., 2009), §7.1 (abduction, action, prediction).
 */
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { mean } from "../numeric/index.js";
import type { Rng } from "../random/index.js";
import { buildStructuralModel, countNonFinite, parseExpression, referencedVariables, simulate, type Simulation, type StructuralCausalModel, type StructuralModelInput } from "../scm/index.js";

/** Options of {@link createUnitModel}. */
export interface UnitModelOptions {
  /** The model JSON. */
  readonly model: StructuralModelInput;
  /** The variable whose expected value is evaluated. */
  readonly outcome: string;
  /** The unit's known values (exogenous: fixed; endogenous: abducted residual). */
  readonly state: ReadonlyMap<string, number>;
  /** Variables that interventions will set (levers); their state values are held, not abducted. */
  readonly levers: readonly string[];
  /** Monte Carlo samples for a stochastic model (a deterministic one uses 1). */
  readonly samples: number;
  /** The stream; every evaluation passes the same one (common random numbers). */
  readonly rng: Rng;
  /** Checked by the simulation between blocks. */
  readonly signal?: AbortSignal | undefined;
}

/** One evaluation of the outcome. */
export interface OutcomeEvaluation {
  /** Mean of the outcome column: the expected outcome under the interventions. */
  readonly mean: number;
  /** The outcome column (valid until the next evaluation). */
  readonly column: Float64Array;
}

/** A model conditioned on a unit, ready to evaluate interventions. */
export interface UnitModel {
  /** The compiled model (with residual inputs for observed endogenous variables). */
  readonly model: StructuralCausalModel;
  /** Samples per evaluation (1 when deterministic). */
  readonly samples: number;
  /** True when no exogenous variable is left random. */
  readonly deterministic: boolean;
  /** Fixed values: exogenous state, held levers and residuals. */
  readonly fixed: ReadonlyMap<string, number>;
  /** Abducted residual of each observed endogenous variable, by variable name. */
  readonly residuals: ReadonlyMap<string, number>;
  /** Number of simulations run so far. */
  readonly evaluations: () => number;
  /** Expected outcome under `interventions` (which override the fixed values). */
  readonly evaluate: (interventions: ReadonlyMap<string, number>) => OutcomeEvaluation;
  /** Mean of any variable under `interventions` (one simulation). */
  readonly meanOf: (variable: string, interventions: ReadonlyMap<string, number>) => number;
}

/**
 * Builds the unit-conditioned model.
 *
 * @param options - Model, outcome, state, levers, samples, stream.
 * @returns The model and its common-random-number evaluator.
 * @throws IslError ISL_INVALID_INPUT when the outcome or a state variable is not in the model, or
 *   the outcome is non-finite; the model builder's errors for a bad model.
 */
export function createUnitModel(options: UnitModelOptions): UnitModel {
  const source = options.model;
  const equations: Record<string, string> = { ...(source.equations ?? {}) };
  const distributions = (source.distributions ?? {}) as Record<string, unknown>;
  const defined = new Set([...Object.keys(equations), ...Object.keys(distributions), ...(source.variables ?? [])]);
  const levers = new Set(options.levers);
  const has = (record: object, name: string): boolean => Object.hasOwn(record, name);
  const read = new Set<string>();
  for (const [variable, text] of Object.entries(equations)) for (const r of referencedVariables(parseExpression(text, { variable }))) read.add(r.name);
  const inputs = new Set<string>([...options.levers, ...options.state.keys()].filter((v) => !has(equations, v) && !has(distributions, v)));
  for (const name of [options.outcome, ...options.state.keys()]) {
    if (!defined.has(name) && !read.has(name) && !options.levers.includes(name)) {
      throw new IslError("ISL_INVALID_INPUT", `Variable '${name}' is not in the model.`, {
        details: { field: name === options.outcome ? "outcome" : "current_state", variable: name },
        recovery: { hints: ["Use a variable that has an equation or a distribution."], suggestion: `Remove '${name}' or add it to the model.` },
      });
    }
  }
  const observedEndogenous = [...options.state.keys()].filter((v) => has(equations, v) && !levers.has(v)).sort(compareNames);
  const residualName = new Map<string, string>();
  for (const variable of observedEndogenous) {
    let name = `isl_residual_${variable}`;
    while (defined.has(name) || inputs.has(name)) name += "_";
    residualName.set(variable, name);
    inputs.add(name);
    Object.defineProperty(equations, variable, { value: `(${equations[variable]!}) + ${name}`, enumerable: true, writable: true, configurable: true });
  }
  const model = buildStructuralModel({ variables: source.variables, equations, distributions }, { inputs });

  const fixed = new Map<string, number>();
  for (const [name, value] of options.state) if (!has(equations, name) || levers.has(name)) fixed.set(name, value);
  for (const name of residualName.values()) fixed.set(name, 0);
  const deterministic = model.exogenous.every((name) => fixed.has(name));
  const samples = deterministic ? 1 : options.samples;
  let count = 0;
  let previous: Simulation | undefined;
  const run = (interventions: ReadonlyMap<string, number>): Simulation => {
    const merged = new Map(fixed);
    for (const [name, value] of interventions) merged.set(name, value);
    count += 1;
    previous = simulate(model, { samples, rng: options.rng, interventions: merged, signal: options.signal, reuse: previous });
    return previous;
  };
  const meanOf = (variable: string, interventions: ReadonlyMap<string, number>): number => finiteMean(run(interventions).columns.get(variable)!, variable, interventions);

  const residuals = new Map<string, number>();
  for (const variable of model.order) {
    const name = residualName.get(variable);
    if (name === undefined) continue;
    const residual = options.state.get(variable)! - meanOf(variable, new Map());
    fixed.set(name, residual);
    residuals.set(variable, residual);
  }

  const evaluate = (interventions: ReadonlyMap<string, number>): OutcomeEvaluation => {
    const column = run(interventions).columns.get(options.outcome)!;
    return { mean: finiteMean(column, options.outcome, interventions), column };
  };
  return { model, samples, deterministic, fixed, residuals, evaluations: () => count, evaluate, meanOf };
}

/** The column's mean; a clear 422 when any value is NaN or infinite. */
function finiteMean(column: Float64Array, variable: string, interventions: ReadonlyMap<string, number>): number {
  if (countNonFinite(column) > 0) {
    throw new IslError("ISL_VALIDATION_ERROR", `'${variable}' is not finite under ${describe(interventions)} (division by zero, log of a non-positive number or overflow).`, {
      details: { field: "model", variable, interventions: Object.fromEntries(interventions) },
      recovery: { hints: ["Narrow variable_bounds / variation_range to where the equations are defined."], suggestion: "Restrict the ranges searched." },
    });
  }
  return mean(column);
}

function describe(interventions: ReadonlyMap<string, number>): string {
  return interventions.size === 0 ? "no intervention" : [...interventions].map(([k, v]) => `do(${k} = ${v})`).join(", ");
}
