/**
 * Shared pieces of the counterfactual operations: building the model of a request (intervened and
 * observed variables without a definition become inputs, provided an equation reads them) and
 * turning a CounterfactualAnalysis into the upstream response shapes (`PredictionResults`,
 * `UncertaintyBreakdown`, `RobustnessAnalysis`). Thresholds are stated in docs/counterfactual.md.
 * Complexity: O(V + E + k log k + L log L). Reference: reference §3.5 (upstream shapes).
 */
import type { CounterfactualResponse, StructuralModel } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { buildStructuralModel, parseExpression, referencedVariables, type StructuralCausalModel } from "../scm/index.js";
import type { CounterfactualAnalysis } from "../scm/counterfactual-analysis.js";

/** Sobol sources reported at most (upstream: 5). */
export const MAX_SOURCES = 5;
/** Critical assumptions reported at most (upstream: 3). */
export const MAX_ASSUMPTIONS = 3;

/**
 * Builds the model of a request; variables that only the intervention or context names are inputs.
 *
 * @param model - The request's model.
 * @param named - Variables named by intervention or context, with the field that names each.
 * @throws IslError ISL_INVALID_INTERVENTION (400) for a named variable that the model neither defines nor reads;
 *   the errors of buildStructuralModel.
 */
export function buildCounterfactualModel(model: StructuralModel, named: ReadonlyMap<string, string>): StructuralCausalModel {
  const known = new Set([...Object.keys(model.equations ?? {}), ...Object.keys(model.distributions ?? {})]);
  for (const text of Object.values(model.equations ?? {})) {
    // NOTE: an equation that does not parse is reported by buildStructuralModel below, with its position.
    try {
      for (const { name } of referencedVariables(parseExpression(text))) known.add(name);
    } catch {
      continue;
    }
  }
  const unknown = [...named.keys()].filter((name) => !known.has(name)).sort(compareNames);
  if (unknown.length > 0) {
    const name = unknown[0]!;
    const field = named.get(name)!;
    const variables = [...known].sort(compareNames);
    throw new IslError("ISL_INVALID_INTERVENTION", `${field} names '${name}', which the model neither defines nor uses. Variables: ${variables.join(", ") || "(none)"}.`, {
      details: { field, variable: name, unknown, variables: variables.slice(0, 200) },
      recovery: { hints: ["Check the spelling (names are case-sensitive).", "Give the variable an equation or a distribution, or use it in an equation."], suggestion: `Remove '${name}' from ${field} or fix its name.` },
    });
  }
  return buildStructuralModel(model, { inputs: named.keys() });
}

/** Formats a number for text: up to 6 significant digits. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : String(Number(x.toPrecision(6)));
}

/** `PredictionResults` of an analysis. */
export function predictionOf(a: CounterfactualAnalysis): CounterfactualResponse["prediction"] {
  return {
    point_estimate: a.mean,
    confidence_interval: { lower: a.interval.lower, upper: a.interval.upper, confidence_level: a.interval.level },
    sensitivity_range: {
      optimistic: a.p90,
      pessimistic: a.p10,
      explanation: `10% of simulated outcomes fall below ${formatNumber(a.p10)} (pessimistic, 10th percentile) and 10% above ${formatNumber(a.p90)} (optimistic, 90th percentile); higher is taken as better.`,
    },
    monte_carlo_standard_error: a.standardError,
    standard_deviation: a.standardDeviation,
    median: a.median,
  };
}

/** `UncertaintyBreakdown`: overall level by coefficient of variation; sources = top Sobol indices. */
export function uncertaintyOf(a: CounterfactualAnalysis): CounterfactualResponse["uncertainty"] {
  const cv = a.standardDeviation === 0 ? 0 : a.mean === 0 ? Infinity : a.standardDeviation / Math.abs(a.mean);
  const overall = cv < 0.1 ? "low" : cv < 0.3 ? "medium" : "high";
  const sources = a.sobol
    .filter((s) => s.index !== 0 || s.standardError !== 0)
    .slice(0, MAX_SOURCES)
    .map((s) => ({
      factor: s.input,
      impact: s.index,
      confidence: s.standardError < 0.02 ? ("high" as const) : s.standardError < 0.05 ? ("medium" as const) : ("low" as const),
      // NOTE: a share is in [0, 1]; the estimator can stray outside by Monte Carlo noise, so the text
      // states the clamped share and the raw estimate stays in `impact`.
      explanation: `'${s.input}' alone explains about ${formatNumber(100 * Math.min(1, Math.max(0, s.index)))}% (estimate ${formatNumber(s.index)} ± ${formatNumber(s.standardError)}) of the outcome's variance.`,
      basis: `First-order Sobol index, pick-freeze estimator of Saltelli et al. (2010) on ${a.sensitivitySamples} paired samples with common random numbers.`,
      monte_carlo_standard_error: s.standardError,
    }));
  return { overall, sources };
}

/** `RobustnessAnalysis`: score from the largest |elasticity|; top coefficients. */
export function robustnessOf(a: CounterfactualAnalysis, model: StructuralCausalModel): CounterfactualResponse["robustness"] {
  const defined = a.elasticities.filter((e) => e.elasticity !== null);
  const matters = a.elasticities.some((e) => (e.sensitivity ?? 0) !== 0);
  const maxAbs = defined.length === 0 ? null : Math.max(...defined.map((e) => Math.abs(e.elasticity!)));
  const score = a.mean === 0 && matters ? "fragile" : maxAbs === null || maxAbs <= 0.5 ? "robust" : maxAbs <= 2 ? "moderate" : "fragile";
  const critical_assumptions = a.elasticities.slice(0, MAX_ASSUMPTIONS).map((e) => {
    const text = model.equations.get(e.variable)!.text;
    const impact = e.elasticity ?? e.sensitivity ?? 0;
    const se = e.standardError;
    const confidence = se === null ? ("low" as const) : se <= 0.05 * Math.abs(impact) ? ("high" as const) : se <= 0.2 * Math.abs(impact) ? ("medium" as const) : ("low" as const);
    return {
      assumption: `Coefficient ${formatNumber(e.value)} in ${e.variable} = ${text.slice(0, 200)} (column ${e.column})`,
      impact,
      confidence,
      recommendation:
        e.elasticity === null
          ? `E[outcome] is 0 here, so only the absolute sensitivity is reported: a 1% change in this coefficient moves E[outcome] by ${formatNumber(impact / 100)}.`
          : `A 10% error in this coefficient moves E[outcome] by about ${formatNumber(Math.abs(10 * e.elasticity))}%; ${Math.abs(e.elasticity) > 0.5 ? "validate it with data before relying on the result" : "the result tolerates moderate errors in it"}.`,
      variable: e.variable,
      coefficient: e.value,
      column: e.column,
      elasticity: e.elasticity,
      monte_carlo_standard_error: se,
    };
  });
  return { score, critical_assumptions, max_abs_elasticity: maxAbs };
}

/** Plain-language account of how the context was used. */
export function contextAccount(a: CounterfactualAnalysis): string[] {
  const out: string[] = [];
  if (a.plan.fixed.size > 0) out.push(`Fixed from context: ${[...a.plan.fixed.keys()].join(", ")}.`);
  for (const [term, variable] of [...a.plan.solvedBy].sort((x, y) => compareNames(x[0], y[0]))) out.push(`'${term}' inferred per sample from the observed '${variable}' (abduction).`);
  const checked = a.plan.steps.filter((s) => s.kind === "check").map((s) => s.variable);
  if (checked.length > 0) out.push(`Observed values of ${checked.join(", ")} are reproduced exactly by their equations.`);
  return out;
}
