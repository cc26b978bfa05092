/**
 * The main Monte Carlo loop of analyze/v2: per draw one edge configuration and one set of factor
 * draws (and structural noise), shared by every option (common random numbers); each option's goal
 * value; the draw's winners among the options with a finite value (max, min or nearest to the
 * target; exact ties split the credit 1/k and one tied option is drawn as the draw's winner).
 * win_probability = wins / S, so the probabilities sum to the informative fraction (1 when every
 * draw has a finite option).
 * Complexity: O(S·O·(N + E)) time, O(S·(E + F + O)) memory.
 * Reference: plot-v2-engine.md §3.3–§3.6.
 */
import { IslError } from "../errors.js";
import type { CorrelationPlan } from "./correlation.js";
import { evaluateAll, STATUS_QUO_OPTION, type PlotWorld } from "./evaluate.js";
import type { PlotModel } from "./model.js";
import type { RankingRule } from "./objective.js";
import { sampleEdgeColumns, sampleFactorColumns } from "./samplers.js";
import type { PlotStreams } from "./streams.js";

/** Everything later phases need from the main Monte Carlo. */
export interface PlotDraws {
  /** Number of draws S. */
  readonly n: number;
  /** Per edge: strength per draw (0 when absent). */
  readonly edgeStrength: Float64Array[];
  /** Per edge: existence per draw. */
  readonly edgeExists: Uint8Array[];
  /** Per parameter-uncertain factor (model.factors order): value per draw. */
  readonly factorValue: Float64Array[];
  /** Per option: the goal value per draw (pre-noise population of §3.10; auto-noise is off). */
  readonly outcome: Float64Array[];
  /** The goal's status-quo reading per draw, when some option or the ranking needs it. */
  readonly statusQuoGoal: Float64Array | undefined;
  /** Winner option index per draw (−1 when no option is finite or the ranking is withheld). */
  readonly winner: Int32Array;
  /** Per option: wins with ties split 1/k. */
  readonly wins: Float64Array;
  /** Draws on which ≥ 2 options tied for the win. */
  readonly tieCount: number;
}

/** Options of {@link runMainMonteCarlo}. */
export interface MainMonteCarloOptions {
  /** The ranking rule; default maximise. */
  readonly ranking?: RankingRule;
  /** Correlation plan of the factors. */
  readonly correlation?: CorrelationPlan;
  /** Checked every 512 draws. */
  readonly signal?: AbortSignal;
  /** Record the goal's status-quo reading per draw (needed for an anchored goal). */
  readonly recordStatusQuo?: boolean;
}

const MAXIMISE: RankingRule = { wire: { direction: "maximise", attested: false, status: "computed" }, mode: "max", target: 0, baseline: 0 };

/** Throws ISL_TIMEOUT when the caller gave up. */
function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IslError("ISL_TIMEOUT", "The analysis was cancelled before the Monte Carlo finished", { details: { phase: "main_monte_carlo" } });
}

/** Noise columns per node with epsilon_std > 0 (undefined for the others). */
function noiseColumns(model: PlotModel, n: number, streams: PlotStreams): Array<Float64Array | undefined> {
  return model.nodes.map((node) => (node.epsilonStd > 0 ? streams.epsilon.fork(node.id).fillNormal(new Float64Array(n), 0, node.epsilonStd) : undefined));
}

/** Score of a value under the rule: larger is better; NaN = not comparable. */
function score(rule: RankingRule, value: number, statusQuo: number): number {
  switch (rule.mode) {
    case "max":
      return value;
    case "min":
      return -value;
    case "target_delta":
      return -Math.abs(value - rule.target);
    case "target_level":
      return -Math.abs(rule.baseline + (value - statusQuo) - rule.target);
    default:
      return Number.NaN;
  }
}

/**
 * Runs the main Monte Carlo.
 *
 * @param model - The compiled model.
 * @param samples - Number of draws S ≥ 1.
 * @param streams - The run's streams (edge, factor, epsilon, tie are used).
 * @param options - Ranking rule, correlation plan, abort signal.
 * @returns The draws, outcomes, winners and win counts.
 */
export function runMainMonteCarlo(model: PlotModel, samples: number, streams: PlotStreams, options: MainMonteCarloOptions = {}): PlotDraws {
  const rule = options.ranking ?? MAXIMISE;
  const n = samples;
  const { strength, exists } = sampleEdgeColumns(model, n, streams.edge);
  const factorColumns = sampleFactorColumns(model, n, streams.factor, options.correlation);
  const noise = model.hasEpsilon ? noiseColumns(model, n, streams) : undefined;
  const optionCount = model.options.length;
  const outcome = model.options.map(() => new Float64Array(n));
  const needsStatusQuo = options.recordStatusQuo === true || rule.mode === "target_level" || model.options.some((o) => o.needsStatusQuo);
  const statusQuoGoal = needsStatusQuo ? new Float64Array(n) : undefined;
  const world: PlotWorld = { edgeStrength: new Float64Array(model.edges.length), factorValue: new Float64Array(model.nodes.length).fill(Number.NaN) };
  const noiseRow = noise ? new Float64Array(model.nodes.length) : undefined;
  const values = new Float64Array(model.nodes.length);
  const scratch = new Float64Array(model.nodes.length);
  const winner = new Int32Array(n).fill(-1);
  const wins = new Float64Array(optionCount);
  const scores = new Float64Array(optionCount);
  const tied = new Int32Array(optionCount);
  let tieCount = 0;
  const goal = model.goalIndex;
  for (let i = 0; i < n; i++) {
    if ((i & 511) === 0) checkAborted(options.signal);
    for (let e = 0; e < strength.length; e++) world.edgeStrength[e] = strength[e]![i]!;
    for (let f = 0; f < factorColumns.length; f++) world.factorValue[model.factors[f]!.nodeIndex] = factorColumns[f]![i]!;
    if (noise && noiseRow) for (let v = 0; v < noise.length; v++) noiseRow[v] = noise[v]?.[i] ?? 0;
    const sq = statusQuoGoal ? evaluateAll(model, world, STATUS_QUO_OPTION, { out: scratch })[goal]! : 0;
    if (statusQuoGoal) statusQuoGoal[i] = sq;
    let best = Number.NEGATIVE_INFINITY;
    let k = 0;
    for (let o = 0; o < optionCount; o++) {
      const y = evaluateAll(model, world, o, noiseRow ? { noise: noiseRow, out: values, scratch } : { out: values, scratch })[goal]!;
      outcome[o]![i] = y;
      const s = Number.isFinite(y) ? score(rule, y, sq) : Number.NaN;
      scores[o] = s;
      if (s > best) {
        best = s;
        k = 0;
      }
      if (s === best) tied[k++] = o;
    }
    if (k === 0 || !(best > Number.NEGATIVE_INFINITY) || Number.isNaN(best)) continue;
    if (k === 1) {
      wins[tied[0]!]! += 1;
      winner[i] = tied[0]!;
    } else {
      tieCount++;
      for (let t = 0; t < k; t++) wins[tied[t]!]! += 1 / k;
      winner[i] = tied[streams.tie.int(k)]!;
    }
  }
  return { n, edgeStrength: strength, edgeExists: exists, factorValue: factorColumns, outcome, statusQuoGoal, winner, wins, tieCount };
}

/**
 * Win probability per option: wins / S.
 *
 * @param draws - The main Monte Carlo.
 */
export function winProbabilities(draws: PlotDraws): Float64Array {
  return draws.wins.map((w) => w / draws.n);
}
