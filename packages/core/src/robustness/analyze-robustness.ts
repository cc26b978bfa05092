/**
 * FACET robustness analysis of an intervention proposal on a structural causal model: the largest
 * box around the proposal (homothetic to the feasible box, see robust-box.ts) in which every
 * target outcome lands in its range with joint probability ≥ the confidence level at every check
 * point, the fraction of the feasible box that is in target (Monte Carlo with standard error),
 * outcome guarantees over the certified set, and fragility from explicit criteria. All points share
 * one set of exogenous draws (common random numbers); every target is simulated.
 * Complexity: O((2 + log₂(1/tolerance) + 2) · points · samples · equations). Reference: FACET
 * (upstream-algorithms §3.11), with bug #11 fixed: real feasible ranges, relative volumes,
 * probabilities instead of medians, all targets, a seeded per-request stream.
 */
import { IslError } from "../errors.js";
import type { Rng } from "../random/index.js";
import { boxAtScale, largestRobustScale, pointAtScale, unitCheckPoints } from "./robust-box.js";
import { inTargetVolume } from "./in-target-volume.js";
import { createPointEvaluator } from "./point-evaluator.js";
import { outcomeGuarantees, type OutcomeGuarantee } from "./outcome-guarantees.js";
import { resolveRobustnessInput, type RobustnessInput } from "./robustness-input.js";

/** Bisection tolerance on the scale factor: 2⁻¹⁰ of the way from the proposal to the feasible edges. */
export const SCALE_TOLERANCE = 2 ** -10;

/** A certified scale below this makes the proposal fragile. */
export const FRAGILE_SCALE = 0.25;

/** Most sample-equation evaluations one analysis may do (about a second of work). */
export const MAX_ROBUSTNESS_WORK = 2 ** 28;

/** Options of {@link analyzeRobustness}: the request fields plus sampling. */
export interface RobustnessOptions extends RobustnessInput {
  /** Required joint probability p of meeting every target, in [0.5, 0.99]. */
  readonly confidenceLevel: number;
  /** Check points per kind (corners, interior) per box, and uniform points of the volume estimate (upstream `min_samples`). */
  readonly pointsPerBox: number;
  /** Monte Carlo samples per point (forced to 1 when the model has no random exogenous variable). */
  readonly samples: number;
  /** The request's seeded stream. */
  readonly rng: Rng;
  readonly signal?: AbortSignal | undefined;
}

/** The analysis (camelCase; the operation maps it to upstream's `FACETRobustnessAnalysis`). */
export interface RobustnessAnalysis {
  readonly status: "robust" | "fragile";
  /** Intervened variables (sorted) and the resolved feasible ranges. */
  readonly feasibleRanges: Readonly<Record<string, [number, number]>>;
  /** The certified box, or null when no box of positive size passes. */
  readonly robustRegion: Readonly<Record<string, [number, number]>> | null;
  /** Largest certified scale s ∈ [0, 1] (the score). */
  readonly scale: number;
  /** Smallest scale seen to fail (null when the whole feasible box passes). */
  readonly failingScale: number | null;
  /** Volume of the robust region relative to the feasible box: s^d. */
  readonly regionVolume: number;
  /** Estimated in-target fraction of the feasible box and its standard error. */
  readonly inTargetFraction: number;
  readonly inTargetFractionStandardError: number;
  /** Joint in-target probability at the proposal (Monte Carlo). */
  readonly probabilityAtProposal: number;
  /** Check points of the certified box (0 when there is none). */
  readonly pointsChecked: number;
  /** Whether every corner of the box is among its check points. */
  readonly allCornersChecked: boolean;
  /** All point evaluations, and how many passed. */
  readonly pointsEvaluated: number;
  readonly pointsPassed: number;
  /** Guarantees per target over the certified set (box, else the proposal alone when it passes). */
  readonly guarantees: readonly OutcomeGuarantee[];
  readonly isFragile: boolean;
  readonly fragilityReasons: readonly string[];
  /** The best uniformly sampled feasible point and its probability. */
  readonly bestSampledPoint: { readonly values: Readonly<Record<string, number>>; readonly probability: number };
  /** Samples per point actually used. */
  readonly samplesPerPoint: number;
  readonly modelSource: "structural_model" | "causal_model";
  readonly warnings: readonly string[];
  /** Targets, sorted by outcome. */
  readonly targets: readonly { readonly outcome: string; readonly lo: number; readonly hi: number }[];
  /** Proposal values by variable. */
  readonly proposal: Readonly<Record<string, number>>;
  readonly confidenceLevel: number;
}

/**
 * Runs the analysis.
 *
 * @param options - Request fields, confidence, points per box, samples, stream, signal.
 * @returns The analysis.
 * @throws IslError for bad input (see resolveRobustnessInput), ISL_INVALID_INPUT when the work
 *   bound {@link MAX_ROBUSTNESS_WORK} would be exceeded, ISL_VALIDATION_ERROR for non-finite
 *   outcomes, ISL_TIMEOUT on abort.
 */
export function analyzeRobustness(options: RobustnessOptions): RobustnessAnalysis {
  const p = options.confidenceLevel;
  if (!(p >= 0.5 && p <= 0.99)) throw invalid("confidence_level", `confidence_level must be in [0.5, 0.99] (got ${String(p)}).`);
  if (!Number.isInteger(options.pointsPerBox) || options.pointsPerBox < 1 || options.pointsPerBox > 1000) throw invalid("min_samples", `min_samples must be an integer from 1 to 1000 (got ${String(options.pointsPerBox)}).`);
  const input = resolveRobustnessInput(options);
  const { model, variables, proposal, lower, upper, targets, fixed } = input;
  const d = variables.length;
  const random = model.exogenous.some((name) => !fixed.has(name));
  const samples = random ? options.samples : 1;
  const checkPoints = unitCheckPoints(d, options.pointsPerBox, options.rng.fork("check-points"));
  const steps = Math.ceil(Math.log2(1 / SCALE_TOLERANCE));
  const maxPoints = 1 + (steps + 2) * checkPoints.points.length + options.pointsPerBox;
  const work = maxPoints * samples * Math.max(1, model.endogenous.length);
  if (work > MAX_ROBUSTNESS_WORK) {
    const most = Math.max(1, Math.floor(MAX_ROBUSTNESS_WORK / (maxPoints * Math.max(1, model.endogenous.length))));
    throw invalid("samples", `This analysis could evaluate ${maxPoints} points × ${samples} samples × ${model.endogenous.length} equations = ${work} values, more than the ${MAX_ROBUSTNESS_WORK} allowed. Use samples ≤ ${most} or a smaller min_samples.`);
  }
  const evaluator = createPointEvaluator({ model, variables, start: proposal, targets, fixed, samples, rng: options.rng.fork("noise"), signal: options.signal });
  const required = requiredHits(p, samples);
  const search = largestRobustScale({ proposal, lower, upper, checkPoints: checkPoints.points, passes: (x) => evaluator.hits(x) >= required, tolerance: SCALE_TOLERANCE });
  const probabilityAtProposal = evaluator.hits(proposal) / samples;
  const volume = inTargetVolume(lower, upper, options.pointsPerBox, (x) => evaluator.hits(x), required, options.rng.fork("volume-points"));

  const hasRegion = search.proposalPasses && search.scale > 0;
  const certified = !search.proposalPasses ? [] : hasRegion ? [proposal, ...checkPoints.points.map((u) => pointAtScale(u, search.scale, proposal, lower, upper, new Float64Array(d)))] : [proposal];
  const guarantees = outcomeGuarantees(evaluator, certified, targets, p);
  const named = (values: ArrayLike<number>): Record<string, number> => Object.fromEntries(variables.map((name, i) => [name, values[i]!]));
  const box = boxAtScale(search.scale, proposal, lower, upper);
  const fragilityReasons = fragility({ probabilityAtProposal, p, samples, scale: search.scale, proposalPasses: search.proposalPasses, variables, box });
  return {
    status: fragilityReasons.length > 0 ? "fragile" : "robust",
    feasibleRanges: Object.fromEntries(variables.map((name, i) => [name, [lower[i]!, upper[i]!]])),
    robustRegion: hasRegion ? Object.fromEntries(variables.map((name, i) => [name, box[i]!])) : null,
    scale: search.proposalPasses ? search.scale : 0,
    failingScale: search.failingScale,
    regionVolume: hasRegion ? search.scale ** d : 0,
    inTargetFraction: volume.fraction,
    inTargetFractionStandardError: volume.standardError,
    probabilityAtProposal,
    pointsChecked: hasRegion ? certified.length : 0,
    allCornersChecked: checkPoints.allCorners || d === 1,
    pointsEvaluated: search.evaluations + volume.points,
    pointsPassed: search.passedEvaluations + volume.passed,
    guarantees,
    isFragile: fragilityReasons.length > 0,
    fragilityReasons,
    bestSampledPoint: { values: named(volume.best.point), probability: volume.best.hits / samples },
    samplesPerPoint: samples,
    modelSource: input.modelSource,
    warnings: input.warnings,
    targets,
    proposal: named(proposal),
    confidenceLevel: p,
  };
}

/** Smallest hit count h with h / n ≥ p. */
export function requiredHits(p: number, n: number): number {
  let h = Math.ceil(p * n);
  while (h > 0 && (h - 1) / n >= p) h--;
  while (h / n < p) h++;
  return h;
}

interface FragilityFacts {
  readonly probabilityAtProposal: number;
  readonly p: number;
  readonly samples: number;
  readonly scale: number;
  readonly proposalPasses: boolean;
  readonly variables: readonly string[];
  readonly box: readonly [number, number][];
}

/** The fragility criteria that hold (empty = robust). */
function fragility(f: FragilityFacts): string[] {
  const reasons: string[] = [];
  const pct = (x: number): string => `${round(100 * x)}%`;
  if (!f.proposalPasses) {
    reasons.push(`At the proposal the targets are met with probability ${round(f.probabilityAtProposal)}, below the required ${f.p}.`);
    return reasons;
  }
  if (f.scale < FRAGILE_SCALE) {
    const ranges = f.variables.map((name, i) => `${name} ∈ [${round(f.box[i]![0])}, ${round(f.box[i]![1])}]`).join(", ");
    reasons.push(`The certified box reaches only ${pct(f.scale)} of the way from the proposal to the edges of the feasible ranges (${ranges}); larger deviations can miss the target (fragile below ${pct(FRAGILE_SCALE)}).`);
  }
  const se = Math.sqrt((f.p * (1 - f.p)) / f.samples);
  if (f.samples > 1 && f.probabilityAtProposal - f.p < 2 * se) {
    reasons.push(`The probability at the proposal (${round(f.probabilityAtProposal)}) is within two Monte Carlo standard errors (${round(2 * se)}) of the required ${f.p}; more samples are needed to be sure it passes.`);
  }
  return reasons;
}

/** Four significant digits, for text. */
export function round(x: number): number {
  return Number(x.toPrecision(4));
}

function invalid(field: string, message: string): IslError {
  return new IslError("ISL_INVALID_INPUT", message, { details: { field }, recovery: { hints: [`Fix ${field}.`], suggestion: `Fix ${field}.` } });
}

export type { OutcomeGuarantee };
