/**
 * `causal/counterfactual`: builds the request's model, analyses the query with the SCM engine
 * (abduction–action–prediction, Sobol indices, coefficient elasticities) and returns the upstream
 * response shape. Complexity: see scm/counterfactual-analysis.ts. Reference: Pearl (2009) §7.1.
 */
import type { RequestOf, ResponseOf } from "@olumi/contracts";
import { analyzeCounterfactual } from "../scm/counterfactual-analysis.js";
import type { HandlerContext } from "./context.js";
import { buildCounterfactualModel, contextAccount, formatNumber, predictionOf, robustnessOf, uncertaintyOf } from "./counterfactual-response.js";

type Response = Omit<ResponseOf<"causal/counterfactual">, "_metadata">;

/** The `causal/counterfactual` handler. */
export function causalCounterfactualHandler(request: RequestOf<"causal/counterfactual">, ctx: HandlerContext): Response {
  const interventions = new Map(Object.entries(request.intervention));
  const context = new Map(Object.entries(request.context ?? {}));
  const named = new Map<string, string>([...[...context.keys()].map((k) => [k, "context"] as const), ...[...interventions.keys()].map((k) => [k, "intervention"] as const)]);
  const model = buildCounterfactualModel(request.model, named);
  const analysis = analyzeCounterfactual(model, { interventions, context, outcome: request.outcome, samples: request.samples, rng: ctx.rng, signal: ctx.signal });
  const doText = [...interventions].map(([k, v]) => `${k} = ${formatNumber(v)}`).join(", ");
  const account = contextAccount(analysis);
  return {
    scenario: { intervention: request.intervention, outcome: request.outcome, ...(request.context ? { context: request.context } : {}) },
    prediction: predictionOf(analysis),
    uncertainty: uncertaintyOf(analysis),
    robustness: robustnessOf(analysis, model),
    explanation: {
      summary: `Under do(${doText || "nothing"}), ${request.outcome} is expected to be ${formatNumber(analysis.mean)} (± ${formatNumber(analysis.standardError)} Monte Carlo error), ${formatNumber(100 * analysis.interval.level)}% of outcomes between ${formatNumber(analysis.interval.lower)} and ${formatNumber(analysis.interval.upper)}.`,
      reasoning: `${analysis.samples} seeded Monte Carlo samples of the structural model with the intervened variables held at their values${account.length > 0 ? "; " + account.join(" ") : "."}`,
      technical_basis: "Abduction–action–prediction (Pearl 2009, §7.1) over compiled columns; percentile interval (type 7); first-order Sobol indices by pick-freeze (Saltelli et al. 2010); elasticities d ln E[Y]/d ln c by ±1% central differences with common random numbers.",
      assumptions: [
        "The structural equations and distributions are correct.",
        "Abduction is exact for equations affine in their own noise term; other exogenous variables keep their prior distribution.",
        `Monte Carlo error: point estimate ± ${formatNumber(analysis.standardError)} (one standard error).`,
      ],
    },
    samples: analysis.samples,
    seed: ctx.seed,
  };
}
