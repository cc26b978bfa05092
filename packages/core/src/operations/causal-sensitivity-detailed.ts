/**
 * Handler of `causal/sensitivity/detailed`: each assumption names a model parameter θ, evaluated
 * at θ(1 ± m) for every violation level m (θ ± m when θ = 0) under do(intervention), with common
 * random numbers. Critical when |elasticity| > 1, the largest deviation exceeds 20%, or the
 * conclusion (the outcome's side of `threshold`) flips within the largest violation; robustness
 * score 1/(1 + |elasticity|) as upstream.
 */
import type { RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { mapModelParameter } from "../sensitivity/model-parameter.js";
import { parameterOutcome, resolveOutcome } from "../sensitivity/parameter-outcome.js";
import { sweepParameter } from "../sensitivity/parameter-sweep.js";
import { eValues } from "../sensitivity/e-value.js";
import type { HandlerContext } from "./context.js";
import type { Handler } from "./handlers.js";

type Request = RequestOf<"causal/sensitivity/detailed">;

/** `causal/sensitivity/detailed`. */
export const causalSensitivityDetailedHandler: Handler<"causal/sensitivity/detailed"> = (request: Request, ctx: HandlerContext) => {
  const model = { variables: request.model.variables, equations: request.model.equations, distributions: request.model.distributions };
  const outcome = resolveOutcome(model, request.outcome);
  const intervention = new Map(Object.entries(request.intervention));
  const samples = request.samples ?? request.n_samples ?? 10_000;
  const rng = ctx.rng.fork("sensitivity");
  const levels = [...new Set(request.violation_levels)].sort((a, b) => a - b);
  const names = [...new Set(request.assumptions)];
  let deterministic = true;
  const metrics = names.map((name, index) => {
    const parameter = mapModelParameter(model, name, `assumptions[${request.assumptions.indexOf(name)}]`);
    if (parameter.modelValue === null) {
      throw mapModelParameterValueError(name, request.assumptions.indexOf(name));
    }
    const theta = parameter.modelValue;
    const evaluator = parameterOutcome({ parameter, outcome, intervention, samples, rng, signal: ctx.signal });
    if (index === 0) deterministic = evaluator.deterministic(theta);
    const perturb = (m: number, sign: number): number => (theta === 0 ? sign * m : theta * (1 + sign * m));
    const largest = levels[levels.length - 1]!;
    const lower = Math.min(perturb(largest, -1), perturb(largest, 1));
    const upper = Math.max(perturb(largest, -1), perturb(largest, 1));
    const sweep = sweepParameter({ outcomeOf: evaluator.outcomeOf, current: theta, lower, upper, threshold: request.threshold });
    const y0 = sweep.baseline;
    const deviation = (y: number): number => (y0 !== 0 ? (100 * Math.abs(y - y0)) / Math.abs(y0) : y === y0 ? 0 : Infinity);
    const details = levels.map((m) => {
      const a = evaluator.outcomeOf(perturb(m, -1));
      const b = evaluator.outcomeOf(perturb(m, 1));
      return { level: m, outcome_low: Math.min(a, b), outcome_high: Math.max(a, b), deviation_percent: Math.max(deviation(a), deviation(b)) };
    });
    const low = Math.min(y0, sweep.outcomeMin, ...details.map((d) => d.outcome_low));
    const high = Math.max(y0, sweep.outcomeMax, ...details.map((d) => d.outcome_high));
    const maxDeviation = Math.max(...details.map((d) => d.deviation_percent));
    const elasticity = sweep.elasticity === null ? 0 : Math.abs(sweep.elasticity);
    const critical = elasticity > 1 || maxDeviation > 20 || sweep.tippingPoint !== null;
    const robustness = 1 / (1 + elasticity);
    return {
      name,
      metric: {
        assumption: name,
        baseline_outcome: y0,
        outcome_range: [low, high] as [number, number],
        elasticity,
        signed_elasticity: sweep.elasticity,
        critical,
        max_deviation_percent: Number.isFinite(maxDeviation) ? maxDeviation : Number.MAX_VALUE,
        robustness_score: robustness,
        tipping_point: sweep.tippingPoint,
        interpretation:
          `A ${100 * largest}% error in ${name} moves ${outcome} by up to ${Number.isFinite(maxDeviation) ? maxDeviation.toPrecision(4) : "∞"}%` +
          (sweep.tippingPoint !== null ? `; at ${name} = ${sweep.tippingPoint} the outcome crosses ${request.threshold}.` : "; the conclusion holds throughout."),
        violation_details: details,
      },
    };
  });
  const ranked = [...metrics].sort((a, b) => Number(b.metric.critical) - Number(a.metric.critical) || b.metric.elasticity - a.metric.elasticity || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const critical = ranked.filter((m) => m.metric.critical).map((m) => m.name);
  const overall = metrics.reduce((s, m) => s + m.metric.robustness_score, 0) / metrics.length;
  const estimate = request.effect_estimate;
  const e = estimate ? eValues(estimate.measure, estimate.estimate, estimate.lower, estimate.upper) : null;
  return {
    sensitivities: Object.fromEntries(ranked.map((m) => [m.name, m.metric])),
    most_critical: critical,
    least_critical: ranked.filter((m) => !m.metric.critical).map((m) => m.name).reverse(),
    overall_robustness_score: overall,
    confidence_level: (metrics.length >= 3 ? "high" : metrics.length === 2 ? "medium" : "low") as "high" | "medium" | "low",
    summary: `${critical.length} of ${metrics.length} assumptions are critical for ${outcome} under ${[...intervention].map(([k, v]) => `do(${k} = ${v})`).join(", ") || "no intervention"}; mean robustness ${overall.toFixed(3)}.`,
    recommendations: critical.slice(0, 10).map((name) => `Check ${name}: ${ranked.find((m) => m.name === name)!.metric.interpretation}`),
    outcome,
    threshold: request.threshold,
    e_value: e && estimate ? { measure: estimate.measure, risk_ratio: e.riskRatio, e_value: e.point, e_value_confidence_limit: e.confidenceLimit } : null,
    samples: deterministic ? 1 : samples,
    seed: ctx.seed,
  };
};

function mapModelParameterValueError(name: string, index: number): IslError {
  return new IslError("ISL_VALIDATION_ERROR", `assumptions[${index}] '${name}' is a free parameter with no value in the model; violation levels are relative to the model's value.`, {
    details: { field: `assumptions[${index}]`, value: name },
    recovery: { hints: ["Use analysis/sensitivity with a current_value for free parameters."], suggestion: "Name a coefficient or distribution parameter." },
  });
}
