/**
 * `causal/validate`: identification of the total effect of one treatment on one outcome, with the
 * upstream response shape and correct science. Every strategy is evaluated (effect-identification.ts):
 * covariate adjustment by the generalised adjustment criterion (Shpitser, VanderWeele & Robins,
 * UAI 2010; Perković et al., JMLR 2018), front-door sets (Pearl 1995; Jeong, Tian & Bareinboim,
 * NeurIPS 2022), the complete ID algorithm (Shpitser & Pearl, AAAI 2006) and conditional
 * instruments (van der Zander, Textor & Liśkiewicz, IJCAI 2015). The method reported is the first
 * that applies: backdoor, front_door, do_calculus, instrumental_variables (linear models only);
 * `cannot_identify` comes with the hedge that proves it. Minimal adjustment sets are listed with
 * polynomial delay (van der Zander, Liśkiewicz & Textor, AIJ 2019), the minimum one by a vertex cut.
 * Complexity: O(N + M) per criterion check; polynomial delay per listed set; ID polynomial; the
 * measurement suggestions one re-examination per unmeasured variable.
 */
import type { CausalValidationResponse, RequestOf } from "@olumi/contracts";
import { backdoorPaths } from "../graph/index.js";
import { buildEffectGraph, latentNodesOf, requireEffectQuery } from "./effect-query-input.js";
import { identifyByEveryStrategy, instrumentEstimand, type EffectIdentification } from "./effect-identification.js";
import {
  ADJUSTMENT_ASSUMPTIONS,
  CAUSAL_STRUCTURE,
  MAX_REPORTED_PATHS,
  TECHNICAL_BASIS,
  adjustmentFormula,
  alternativeMethods,
  duplicateEdgeIssues,
  noCausalPathIssue,
  renderPaths,
  setText,
  type Issue,
} from "./causal-validate-text.js";
import { notIdentifiedByAdjustment, type CommonFields } from "./causal-validate-methods.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/validate">;

/** Instruments listed by `causal/validate` at most (`causal/instruments` lists them all). */
const MAX_LISTED_INSTRUMENTS = 10;
type Response = Omit<CausalValidationResponse, "_metadata">;

/** The `causal/validate` handler. */
export function causalValidateHandler(request: Request, ctx: HandlerContext): Response {
  const latent = latentNodesOf(request.dag, request.observed);
  const dag = buildEffectGraph(request.dag, latent);
  const x = request.treatment;
  const y = request.outcome;
  requireEffectQuery(dag, x, y);
  const id = identifyByEveryStrategy(dag, x, y, { maxResults: request.max_results, maxInstruments: Math.min(request.max_results, MAX_LISTED_INSTRUMENTS), signal: ctx.signal });
  const backdoor = backdoorPaths(dag, x, y, { maxPaths: MAX_REPORTED_PATHS });
  const common: CommonFields = {
    has_causal_path: id.hasCausalPath,
    latent_nodes: latent,
    backdoor_paths: renderPaths(backdoor.paths),
    attempted_methods: ["backdoor_adjustment", "front_door", "do_calculus", "instrumental_variables"],
    alternative_methods: alternativeMethods(id),
    front_door_sets: id.frontDoor.sets,
    front_door_sets_truncated: id.frontDoor.truncated,
    instruments: id.instruments.instruments.map((i) => ({ instrument: i.instrument, conditioning_set: i.conditioningSet, estimand: instrumentEstimand(x, y, i.instrument, i.conditioningSet) })),
    instruments_truncated: id.instruments.truncated,
  };
  const issues = duplicateEdgeIssues(dag);
  const pathCount = `${backdoor.paths.length}${backdoor.truncated ? "+" : ""}`;
  if (id.adjustment !== null) return identifiedByAdjustment(id, common, issues, pathCount);
  if (!id.hasCausalPath) return zeroEffectWithoutAdjustment(x, y, common, issues);
  return notIdentifiedByAdjustment({ request, latent, dag, id, common, issues });
}

function identifiedByAdjustment(id: EffectIdentification, common: CommonFields, issues: Issue[], pathCount: string): Response {
  const x = id.treatment;
  const y = id.outcome;
  const { sets, truncated, minimum, canonical } = id.adjustment!;
  const formula = adjustmentFormula(x, y, minimum);
  const emptyValid = sets.length === 1 && sets[0]!.length === 0;
  const setCount = `${sets.length}${truncated ? "+" : ""}`;
  let summary: string;
  let reasoning: string;
  if (!id.hasCausalPath) {
    issues.push(noCausalPathIssue(x, y));
    summary = `${x} has no causal path to ${y}, so its effect is zero, and identifiably so: P(${y}|do(${x})) = P(${y}); adjusting for ${setText(minimum)} gives the same.`;
    reasoning =
      `Intervening on ${x} changes only its descendants, and ${y} is not one of them. ` +
      `${pathCount} back-door path(s) are open without adjustment; ${setCount} minimal adjustment set(s) block them, so ${formula} also holds (and equals P(${y})).`;
  } else {
    summary = emptyValid
      ? `The effect of ${x} on ${y} is identifiable without adjustment: no back-door path is open.`
      : `The effect of ${x} on ${y} is identifiable by adjusting for ${setText(minimum)} (${setCount} minimal adjustment set(s)).`;
    reasoning =
      `${pathCount} back-door path(s) from ${x} to ${y} are open without adjustment. ` +
      `A set is valid when it contains no descendant of a node on a proper causal path (mediators and their descendants) and blocks every back-door path; ` +
      `the canonical set ${setText(canonical)} is valid, and the smallest valid set is ${setText(minimum)}.`;
  }
  return {
    status: "identifiable",
    method: "backdoor",
    adjustment_sets: sets,
    adjustment_sets_truncated: truncated,
    minimal_set: minimum,
    canonical_adjustment_set: canonical,
    empty_set_valid: emptyValid,
    identification_formula: formula,
    structured_assumptions: ADJUSTMENT_ASSUMPTIONS,
    ...(id.hasCausalPath ? {} : { reason: "no_causal_path" }),
    ...(issues.length > 0 ? { issues } : {}),
    ...common,
    confidence: "high",
    explanation: { summary, reasoning, technical_basis: TECHNICAL_BASIS, assumptions: ADJUSTMENT_ASSUMPTIONS.map((a) => a.description) },
  };
}

/**
 * No causal path and no adjustment set: the effect is still identified, and zero. Intervening on X
 * changes only X's descendants, so P(y | do(x)) = P(y) (do-calculus rule 3: Y ⊥ X in the graph
 * without X's incoming edges). Open back-door paths make P(y | x) differ from P(y), which is why
 * the observational contrast must not be read as an effect.
 */
function zeroEffectWithoutAdjustment(x: string, y: string, common: CommonFields, issues: Issue[]): Response {
  issues.push(noCausalPathIssue(x, y));
  return {
    status: "identifiable",
    method: "do_calculus",
    reason: "no_causal_path",
    adjustment_sets: [],
    adjustment_sets_truncated: false,
    canonical_adjustment_set: null,
    empty_set_valid: false,
    identification_formula: `P(${y}|do(${x})) = P(${y})`,
    structured_assumptions: [CAUSAL_STRUCTURE],
    issues,
    ...common,
    confidence: "high",
    explanation: {
      summary: `${x} has no causal path to ${y}, so its effect on ${y} is zero, and identifiably so: P(${y}|do(${x})) = P(${y}).`,
      reasoning:
        `Intervening on ${x} changes only its descendants, and ${y} is not one of them (do-calculus rule 3). ` +
        `No observed set blocks the back-door paths, so the association between ${x} and ${y} is confounded: do not read P(${y}|${x}) as an effect.`,
      technical_basis: `${TECHNICAL_BASIS} Rule 3 of the do-calculus (Pearl 1995) for the zero effect.`,
      assumptions: [CAUSAL_STRUCTURE.description],
    },
  };
}
