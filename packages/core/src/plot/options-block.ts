/**
 * The `options[]` block of the analyze/v2 envelope, one row per request option in request order:
 * `outcome` (mean, population std, numpy-linear p10/p50/p90 of the finite reported values, counts),
 * `downside` (cvar_10 = mean of the ⌊0.1·n⌋ (≥ 1) smallest reported values, p05, expected_regret =
 * mean over draws where the option is finite of best_i − y_i on the pre-noise outcomes),
 * `win_probability` = wins/S (ties 1/k; omitted when the ranking is withheld), and `status`
 * (failed when no sample is finite, partial below 80 % valid), plus the per-option sample critiques
 * (NUMERICAL_INSTABILITY, LOW_EFFECTIVE_SAMPLES, MONTE_CARLO_FAILED). The reported values are the
 * goal's draws, or for an anchored goal the level L + (y − sq) around today's level.
 * `decision_evpi` = min over options of expected_regret.
 * Complexity: O(O·S log S) (one sort per option).
 * Reference: plot-v2-engine.md §4.1, §4.2, §4.10.
 */
import { percentileSorted } from "../numeric/index.js";
import { makeCritique, type PlotCritique } from "./critique.js";
import type { GoalAnchor } from "./goal-anchor.js";
import type { PlotModel } from "./model.js";
import type { PlotDraws } from "./monte-carlo.js";

/** Wire `outcome` of one option. */
export interface OptionOutcome {
  mean?: number;
  std?: number;
  p10?: number;
  p50?: number;
  p90?: number;
  n_samples: number;
  n_valid_samples: number;
  validity_ratio: number;
  percentiles_source: "samples" | "unavailable";
}

/** Wire `downside` of one option. */
export interface OptionDownside {
  cvar_10: number;
  p05: number;
  expected_regret: number;
}

/** One wire row of `options[]`. */
export interface OptionRow {
  id: string;
  label: string;
  outcome: OptionOutcome;
  downside?: OptionDownside;
  win_probability?: number;
  status: "computed" | "partial" | "failed";
  status_reason?: string;
}

/** The block, the per-option critiques and decision_evpi. */
export interface OptionsBlock {
  readonly rows: OptionRow[];
  readonly critiques: PlotCritique[];
  /** min over options of expected_regret, when every computed option has one. */
  readonly decisionEvpi: number | undefined;
  /** Reported values per option (finite ones sorted ascending), for later blocks. */
  readonly reported: Float64Array[];
}

/** The reported series of one option: y, or L + (y − sq) for an anchored goal. */
function reportedSeries(y: Float64Array, draws: PlotDraws, anchor: GoalAnchor | undefined): Float64Array {
  if (!anchor || !draws.statusQuoGoal) return y;
  const sq = draws.statusQuoGoal;
  return y.map((v, i) => anchor.level + (v - sq[i]!));
}

/** Expected regret per option: mean over finite draws of (best finite value on the draw − y). */
function expectedRegrets(outcome: readonly Float64Array[], n: number): Array<number | undefined> {
  const sums = new Float64Array(outcome.length);
  const counts = new Float64Array(outcome.length);
  for (let i = 0; i < n; i++) {
    let best = Number.NEGATIVE_INFINITY;
    for (const col of outcome) if (Number.isFinite(col[i]!) && col[i]! > best) best = col[i]!;
    if (best === Number.NEGATIVE_INFINITY) continue;
    outcome.forEach((col, o) => {
      if (Number.isFinite(col[i]!)) {
        sums[o]! += best - col[i]!;
        counts[o]!++;
      }
    });
  }
  return Array.from(sums, (s, o) => (counts[o]! > 0 ? s / counts[o]! : undefined));
}

/** Mean of an array (plain summation, as numpy). */
function plainMean(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/**
 * Builds the options block.
 *
 * @param model - The compiled model.
 * @param draws - The main Monte Carlo.
 * @param rankingWithheld - True when the objective ranking is withheld (no win probabilities).
 * @param anchor - The goal's level anchor, if the goal is anchored.
 */
export function optionsBlock(model: PlotModel, draws: PlotDraws, rankingWithheld: boolean, anchor: GoalAnchor | undefined): OptionsBlock {
  const S = draws.n;
  const regrets = expectedRegrets(draws.outcome, S);
  const rows: OptionRow[] = [];
  const critiques: PlotCritique[] = [];
  const reported: Float64Array[] = [];
  model.options.forEach((option, o) => {
    const series = reportedSeries(draws.outcome[o]!, draws, anchor);
    const finite = series.filter((v) => Number.isFinite(v)).sort();
    reported.push(finite);
    const valid = finite.length;
    const outcome: OptionOutcome = { n_samples: S, n_valid_samples: valid, validity_ratio: valid / S, percentiles_source: valid > 0 ? "samples" : "unavailable" };
    let row: OptionRow;
    if (valid > 0) {
      const mean = plainMean(finite);
      let ss = 0;
      for (const v of finite) ss += (v - mean) * (v - mean);
      const clampLow = (v: number): number => (anchor?.domainMin !== undefined && v < anchor.domainMin ? anchor.domainMin : v);
      const full: OptionOutcome = {
        mean,
        std: Math.sqrt(ss / valid),
        p10: clampLow(percentileSorted(finite, 10)),
        p50: clampLow(percentileSorted(finite, 50)),
        p90: clampLow(percentileSorted(finite, 90)),
        ...outcome,
      };
      row = { id: option.id, label: option.label, outcome: full, status: "computed" };
      const k = Math.max(1, Math.floor(0.1 * valid));
      const cvar = plainMean(finite.subarray(0, k));
      const p05 = percentileSorted(finite, 5);
      const regret = regrets[o];
      if (regret !== undefined && Number.isFinite(regret) && Number.isFinite(cvar) && Number.isFinite(p05)) row.downside = { cvar_10: cvar, p05, expected_regret: regret };
    } else {
      row = { id: option.id, label: option.label, outcome, status: "computed" };
    }
    if (!rankingWithheld) row.win_probability = draws.wins[o]! / S;
    if (valid === 0) row.status = "failed";
    else if (valid / S < 0.8) row.status = "partial";
    if (row.status !== "computed") row.status_reason = "Numerical issues in sampling";
    // NOTE: status is serialised after the optional members, as on the wire.
    const { status, status_reason, ...rest } = row;
    rows.push(status_reason === undefined ? { ...rest, status } : { ...rest, status, status_reason });
    if (valid < S) {
      critiques.push(makeCritique({ code: "NUMERICAL_INSTABILITY", severity: "warning", source: "analysis", message: `Numerical instability detected in ${S - valid} of ${S} samples`, affectedOptionIds: [option.id] }));
    }
    if (valid === 0) critiques.push(makeCritique({ code: "MONTE_CARLO_FAILED", severity: "blocker", source: "analysis", message: `All ${S} samples were numerically invalid for option '${option.label}'`, affectedOptionIds: [option.id] }));
    else if (valid / S < 0.8) critiques.push(makeCritique({ code: "LOW_EFFECTIVE_SAMPLES", severity: "warning", source: "analysis", message: `Only ${valid} of ${S} samples were numerically valid`, affectedOptionIds: [option.id] }));
  });
  const withRegret = rows.filter((r) => r.downside !== undefined);
  const sampledWithout = rows.some((r) => r.outcome.n_valid_samples > 0 && r.downside === undefined);
  const decisionEvpi = withRegret.length > 0 && !sampledWithout ? Math.min(...withRegret.map((r) => r.downside!.expected_regret)) : undefined;
  return { rows, critiques, decisionEvpi, reported };
}
