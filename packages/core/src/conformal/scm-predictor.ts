/**
 * The point predictor of conformal prediction on a structural causal model: μ(x) = E[Y | do(x)],
 * estimated as the mean of the outcome column of a seeded simulation under do(x). Every call uses
 * the same random stream (common random numbers), so μ is one fixed deterministic function of x,
 * as split conformal requires of a predictor chosen before calibration. When no exogenous variable
 * reaches the outcome once the intervened variables are cut, μ is exact and one sample suffices.
 * Complexity: O(samples · model size) per distinct x (results are memoised by x).
 * Reference: J. Pearl, "Causality" (2nd ed., 2009), §3.2 (do()); Monte Carlo mean.
 */
import { mean } from "../numeric/index.js";
import type { Rng } from "../random/index.js";
import { requireFiniteColumns, simulate, type Simulation } from "../scm/simulate.js";
import type { StructuralCausalModel } from "../scm/model.js";

/** Options of {@link createOutcomePredictor}. */
export interface OutcomePredictorOptions {
  /** Monte Carlo samples per prediction when the outcome is random. */
  readonly samples: number;
  /** The stream every prediction draws from (the same draws each time). */
  readonly rng: Rng;
  /** The variables every prediction intervenes on (they cut the outcome from their causes). */
  readonly intervened: readonly string[];
  /** Checked by the simulation between blocks. */
  readonly signal?: AbortSignal | undefined;
}

/** μ(x) = E[outcome | do(x)], memoised. */
export interface OutcomePredictor {
  /** True when an exogenous variable still reaches the outcome under the interventions. */
  readonly stochastic: boolean;
  /** Samples each prediction simulates (1 when not stochastic). */
  readonly samples: number;
  /** The mean of the outcome under do(interventions). */
  predict(interventions: ReadonlyMap<string, number>): number;
}

/**
 * Builds the predictor of `outcome` for a model.
 *
 * @param model - The structural model.
 * @param outcome - The predicted variable.
 * @param options - Samples, stream, intervened variables, signal.
 */
export function createOutcomePredictor(model: StructuralCausalModel, outcome: string, options: OutcomePredictorOptions): OutcomePredictor {
  const stochastic = reachedByExogenous(model, outcome, new Set(options.intervened));
  const samples = stochastic ? options.samples : 1;
  const memo = new Map<string, number>();
  let previous: Simulation | undefined;
  return {
    stochastic,
    samples,
    predict(interventions) {
      const key = [...interventions].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(",");
      const known = memo.get(key);
      if (known !== undefined) return known;
      const simulation = simulate(model, { samples, rng: options.rng, interventions, signal: options.signal, reuse: previous });
      previous = simulation;
      requireFiniteColumns(model, simulation, [outcome]);
      const value = mean(simulation.columns.get(outcome)!);
      memo.set(key, value);
      return value;
    },
  };
}

/** Whether an exogenous variable is an ancestor of `outcome` once `cut` variables lose their causes. */
export function reachedByExogenous(model: StructuralCausalModel, outcome: string, cut: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [outcome];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (cut.has(name)) continue;
    if (model.distributions.has(name)) return true;
    stack.push(...(model.equations.get(name)?.parents ?? []));
  }
  return false;
}
