/**
 * Handler of `analysis/sensitivity`: maps each assumption to a model parameter, sweeps it over its
 * range (sensitivity/parameter-sweep.ts) and ranks the assumptions by impact. Importance: critical
 * when the conclusion flips within the range or the impact is ≥ 30% of the model result, moderate
 * at ≥ 10%, else minor. Overall: fragile when any conclusion flips or the largest impact ratio is
 * ≥ 0.35, moderate at ≥ 0.15, else robust.
 */
import type { RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { mapModelParameter, type ModelParameter } from "../sensitivity/model-parameter.js";
import { parameterOutcome, resolveOutcome } from "../sensitivity/parameter-outcome.js";
import { sweepParameter, type SweepResult } from "../sensitivity/parameter-sweep.js";
import { eValues } from "../sensitivity/e-value.js";
import type { HandlerContext } from "./context.js";
import type { Handler } from "./handlers.js";

type Request = RequestOf<"analysis/sensitivity">;

/** An assumption mapped, valued and swept. */
export interface SweptAssumption {
  readonly parameter: ModelParameter;
  readonly value: number;
  readonly range: { readonly min: number; readonly max: number };
  readonly sweep: SweepResult;
}

/**
 * The numeric value of an assumption: `current_value` when it is a number or a numeric string, else
 * the model's value of the parameter.
 *
 * @throws IslError ISL_VALIDATION_ERROR when neither gives a number.
 */
export function assumptionValue(currentValue: unknown, parameter: ModelParameter, field: string): number {
  if (typeof currentValue === "number" && Number.isFinite(currentValue)) return currentValue;
  if (typeof currentValue === "string" && currentValue.trim() !== "" && Number.isFinite(Number(currentValue))) return Number(currentValue);
  if (parameter.modelValue !== null) return parameter.modelValue;
  throw new IslError("ISL_VALIDATION_ERROR", `${field} must be a number for the free parameter '${parameter.name}' (got ${JSON.stringify(currentValue)}).`, {
    details: { field, value: JSON.stringify(currentValue) },
    recovery: { hints: ["A free parameter has no value in the model; the assumption supplies it."], suggestion: "Send a numeric current_value." },
  });
}

/** `analysis/sensitivity`. */
export const analysisSensitivityHandler: Handler<"analysis/sensitivity"> = (request: Request, ctx: HandlerContext) => {
  const outcome = resolveOutcome(request.model, request.outcome);
  const intervention = new Map(Object.entries(request.intervention ?? {}));
  const rng = ctx.rng.fork("sensitivity");
  const swept: SweptAssumption[] = request.assumptions.map((assumption, index) => {
    const field = `assumptions[${index}]`;
    const parameter = mapModelParameter(request.model, assumption.name, `${field}.name`);
    const value = assumptionValue(assumption.current_value, parameter, `${field}.current_value`);
    const given = assumption.variation_range;
    let range: { min: number; max: number };
    if (given != null) {
      if (given["min"] === undefined || given["max"] === undefined || !(given["min"] < given["max"])) {
        throw new IslError("ISL_VALIDATION_ERROR", `${field}.variation_range must be {"min": a, "max": b} with a < b (got ${JSON.stringify(given)}).`, {
          details: { field: `${field}.variation_range`, value: JSON.stringify(given) },
          recovery: { hints: ["Both keys are required."], suggestion: 'Send e.g. {"min": 0.5, "max": 1.5}.' },
        });
      }
      range = { min: given["min"], max: given["max"] };
    } else if (value !== 0) {
      range = { min: value - 0.3 * Math.abs(value), max: value + 0.3 * Math.abs(value) };
    } else {
      throw new IslError("ISL_VALIDATION_ERROR", `${field}.variation_range is required when the current value is 0 (the default range is ±30% of the value).`, {
        details: { field: `${field}.variation_range` },
        recovery: { hints: ["Give the plausible range of the parameter."], suggestion: 'Add "variation_range": {"min": -1, "max": 1}.' },
      });
    }
    const { outcomeOf } = parameterOutcome({ parameter, outcome, intervention, samples: request.samples, rng, signal: ctx.signal });
    const sweep = sweepParameter({ outcomeOf, current: value, lower: range.min, upper: range.max, threshold: request.threshold });
    return { parameter, value, range, sweep };
  });
  const samplesUsed = parameterOutcome({ parameter: swept[0]!.parameter, outcome, intervention, samples: request.samples, rng, signal: ctx.signal }).deterministic(swept[0]!.value) ? 1 : request.samples;

  const modelResult = swept[0]!.sweep.baseline;
  const impacts = swept.map((s) => Math.max(Math.abs(s.sweep.outcomeMax - s.sweep.baseline), Math.abs(s.sweep.outcomeMin - s.sweep.baseline)));
  const totalImpact = impacts.reduce((a, b) => a + b, 0);
  const ratioOf = (impact: number): number => (modelResult !== 0 ? impact / Math.abs(modelResult) : impact > 0 ? Infinity : 0);
  const order = swept.map((_, i) => i).sort((a, b) => impacts[b]! - impacts[a]! || (request.assumptions[a]!.name < request.assumptions[b]!.name ? -1 : 1));
  const side = modelResult > request.threshold ? "above" : modelResult < request.threshold ? "below" : "at";
  const assumptions = order.map((i, position) => {
    const s = swept[i]!;
    const a = request.assumptions[i]!;
    const ratio = ratioOf(impacts[i]!);
    const flips = s.sweep.tippingPoint !== null;
    const importance = flips || ratio >= 0.3 ? "critical" : ratio >= 0.1 ? "moderate" : "minor";
    return {
      name: a.name,
      current_value: a.current_value,
      importance: importance as "critical" | "moderate" | "minor",
      impact: { if_wrong: impacts[i]!, percentage: totalImpact > 0 ? (100 * impacts[i]!) / totalImpact : 0 },
      confidence: (a.type === "structural" ? "low" : "medium") as "low" | "medium",
      evidence: `${outcome} ranges over [${s.sweep.outcomeMin}, ${s.sweep.outcomeMax}] as ${a.name} varies over [${s.range.min}, ${s.range.max}]; elasticity ${s.sweep.elasticity ?? "undefined (outcome 0)"} at ${s.value}.`,
      recommendation: flips
        ? `The conclusion reverses if ${a.name} crosses ${s.sweep.tippingPoint}; verify it first.`
        : importance === "minor"
          ? `${a.name} has little influence over its range.`
          : `Narrow the uncertainty about ${a.name}; it moves the result by up to ${impacts[i]}.`,
      parameter_kind: s.parameter.kind,
      value_used: s.value,
      variation_range: s.range,
      elasticity: s.sweep.elasticity,
      slope: s.sweep.slope,
      outcome_range: { min: s.sweep.outcomeMin, max: s.sweep.outcomeMax },
      outcome_at_min: s.sweep.outcomeAtLower,
      outcome_at_max: s.sweep.outcomeAtUpper,
      monotone: s.sweep.monotone,
      tipping_point: s.sweep.tippingPoint,
      rank: position + 1,
    };
  });
  const breakpoints = assumptions
    .filter((a) => a.tipping_point !== null)
    .map((a) => ({ assumption: a.name, threshold: `If ${a.name} crosses ${a.tipping_point}, ${outcome} crosses ${request.threshold} and the conclusion reverses.`, value: a.tipping_point! }));
  const maxRatio = Math.max(...impacts.map(ratioOf));
  const overall = breakpoints.length > 0 || maxRatio >= 0.35 ? "fragile" : maxRatio >= 0.15 ? "moderate" : "robust";
  const estimate = request.effect_estimate;
  const e = estimate ? eValues(estimate.measure, estimate.estimate, estimate.lower, estimate.upper) : null;
  return {
    conclusion: { statement: `Result is ${request.baseline_result}; the model gives ${outcome} = ${modelResult}, ${side} ${request.threshold}.`, base_case: request.baseline_result },
    assumptions,
    robustness: {
      overall: overall as "robust" | "moderate" | "fragile",
      summary:
        breakpoints.length > 0
          ? `The conclusion reverses within the stated range of ${breakpoints.length} assumption(s): ${breakpoints.map((b) => b.assumption).join(", ")}.`
          : `No assumption reverses the conclusion within its range; the largest change is ${Math.max(...impacts)}.`,
      breakpoints,
    },
    outcome,
    model_result: modelResult,
    threshold: request.threshold,
    e_value: e && estimate ? { measure: estimate.measure, risk_ratio: e.riskRatio, e_value: e.point, e_value_confidence_limit: e.confidenceLimit } : null,
    samples: samplesUsed,
    seed: ctx.seed,
    explanation: {
      summary: `${assumptions.filter((a) => a.importance === "critical").length} of ${assumptions.length} assumptions are critical.`,
      reasoning: "Each assumption's parameter is varied over its range with the others at their current values; outcomes use common random numbers so differences are not Monte Carlo noise.",
      technical_basis: "One-at-a-time sensitivity with central-difference elasticities and bisection for tipping points (Saltelli et al. 2008); E-values (VanderWeele & Ding 2017).",
      assumptions: ["Assumptions are varied one at a time.", "The structural equations other than the varied parameter are correct."],
    },
  };
};
