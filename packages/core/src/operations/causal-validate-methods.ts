/**
 * `causal/validate` responses when covariate adjustment fails and a causal path exists: identified
 * by the front-door formula, by the ID algorithm (do-calculus), or by a conditional instrument
 * (linear models only); otherwise `cannot_identify` with the hedge. Each says why adjustment fails
 * (the back-door paths no admissible set blocks) and which unmeasured variable to measure.
 * Complexity: O(N + M) plus the bounded path listing and one re-examination per unmeasured variable.
 * References: J. Pearl, Biometrika 82 (1995) (front-door); I. Shpitser, J. Pearl, AAAI 2006 (ID,
 * hedges); B. van der Zander, J. Textor, M. Liśkiewicz, IJCAI 2015 (conditional instruments).
 */
import type { CausalValidationResponse, RequestOf } from "@olumi/contracts";
import { adjustmentObstructions, compareNames, formatPath, frontDoorFormula, type Dag } from "../graph/index.js";
import {
  CAUSAL_STRUCTURE,
  DO_CALCULUS_ASSUMPTIONS,
  FRONT_DOOR_ASSUMPTIONS,
  INSTRUMENT_ASSUMPTIONS,
  MAX_REPORTED_PATHS,
  TECHNICAL_BASIS,
  adjustmentFormula,
  setText,
  type Issue,
} from "./causal-validate-text.js";
import { instrumentEstimand, smallestSet, type EffectIdentification } from "./effect-identification.js";
import { measurementOptions, type MeasurementOption } from "./measurement-options.js";

type Request = RequestOf<"causal/validate">;
type Response = Omit<CausalValidationResponse, "_metadata">;
type Suggestion = NonNullable<Response["suggestions"]>[number];

/** Fields every `causal/validate` response carries. */
export type CommonFields = Pick<
  Response,
  | "has_causal_path"
  | "latent_nodes"
  | "backdoor_paths"
  | "attempted_methods"
  | "alternative_methods"
  | "front_door_sets"
  | "front_door_sets_truncated"
  | "instruments"
  | "instruments_truncated"
>;

/** What {@link notIdentifiedByAdjustment} needs. */
export interface MethodContext {
  readonly request: Request;
  readonly latent: readonly string[];
  readonly dag: Dag;
  readonly id: EffectIdentification;
  readonly common: CommonFields;
  readonly issues: Issue[];
}

/** The adjustment fields when no adjustment set exists. */
function noAdjustment(): Pick<Response, "adjustment_sets" | "adjustment_sets_truncated" | "canonical_adjustment_set" | "empty_set_valid"> {
  return { adjustment_sets: [], adjustment_sets_truncated: false, canonical_adjustment_set: null, empty_set_valid: false };
}

/** One suggestion per measurement that makes the effect identifiable. */
function measurementSuggestions(options: readonly MeasurementOption[], x: string, y: string, priority: Suggestion["priority"]): Suggestion[] {
  return options
    .filter((o) => o.method !== null)
    .map((o) => {
      const how = o.method === "backdoor" ? `by adjusting for ${setText(o.set)}` : o.method === "front_door" ? `by the front-door formula with ${setText(o.set)}` : "by the do-calculus";
      const detail = o.method === "backdoor" ? adjustmentFormula(x, y, o.set) : o.method === "front_door" ? frontDoorFormula([x], [y], o.set) : `the ID algorithm then finds a formula for P(${y}|do(${x}))`;
      const closes = o.closes > 0 ? ` It closes ${o.closes} of the ${o.open} back-door path(s) that adjustment cannot block today.` : "";
      if (o.commonCauseOf !== undefined) {
        const [a, b] = o.commonCauseOf;
        return {
          type: "measure_variable",
          description: `Measure the unobserved common cause of ${a} and ${b} (a new variable ${o.node} → ${a}, ${o.node} → ${b}): the effect then becomes identifiable ${how}.${closes}`,
          technical_detail: `With ${o.node} observed, ${detail}.`,
          priority,
          action: { add_node: o.node, add_edges: [[o.node, a], [o.node, b]] as [string, string][] },
        };
      }
      return {
        type: "measure_variable",
        description: `Measure ${o.node}: the effect then becomes identifiable ${how}.${closes}`,
        technical_detail: `With ${o.node} observed, ${detail}.`,
        priority,
        action: { measure_node: o.node },
      };
    });
}

/** Confounding issues: the back-door paths that defeat adjustment, with their unobserved nodes. */
function confoundingIssues(ctx: MethodContext): { issues: Issue[]; witness: string; candidate: string[] } {
  const { dag, id, latent } = ctx;
  const why = adjustmentObstructions(dag, id.treatment, id.outcome, { maxPaths: MAX_REPORTED_PATHS });
  const witnesses = why.unblockable.paths.length > 0 ? why.unblockable.paths : why.openGivenCandidate.paths;
  const latentSet = new Set(latent);
  const issues: Issue[] = witnesses.slice(0, MAX_REPORTED_PATHS).map((path) => {
    const hidden = path.nodes.slice(1, -1).filter((n) => latentSet.has(n));
    const bidirected = path.arrows.some((a) => a === "<->");
    return {
      type: "confounding",
      description: `Back-door path ${formatPath(path)} stays open whatever observed variables are adjusted for${hidden.length > 0 ? ` (it runs through unobserved ${hidden.join(", ")})` : ""}.`,
      affected_nodes: [...new Set(path.nodes)].sort(compareNames),
      suggested_action:
        hidden.length > 0
          ? `Measure ${hidden.join(" or ")}, or use a design that does not rely on adjustment.`
          : bidirected
            ? "Measure the unobserved common cause behind the ↔ edge, or use a design that does not rely on adjustment."
            : "Revisit the graph around this path.",
    };
  });
  return { issues, witness: witnesses.length > 0 ? formatPath(witnesses[0]!) : "", candidate: why.candidate };
}

/**
 * The response when no adjustment set exists and X has a causal path to Y.
 *
 * @param ctx - The request, graph and every strategy's result.
 * @returns Identified by front-door, ID or instruments, or `cannot_identify`.
 */
export function notIdentifiedByAdjustment(ctx: MethodContext): Response {
  const { id, common } = ctx;
  const x = id.treatment;
  const y = id.outcome;
  const { issues: confounding, witness, candidate } = confoundingIssues(ctx);
  const issues = [...ctx.issues, ...confounding];
  const options = measurementOptions(ctx.request.dag, ctx.latent, ctx.dag, x, y);
  const whyNotAdjustment =
    `No adjustment set exists: the canonical candidate — every observed ancestor of ${x} or ${y} that is not a descendant of a mediator, here ${setText(candidate)} — ` +
    `is the most inclusive admissible set, and it leaves ${witness} open.`;
  const base = { ...noAdjustment(), ...common, issues };

  if (id.method === "front_door") {
    const set = smallestSet(id.frontDoor.sets)!;
    const suggestions = measurementSuggestions(options, x, y, "optional");
    return {
      status: "identifiable",
      method: "front_door",
      ...base,
      identification_formula: frontDoorFormula([x], [y], set),
      structured_assumptions: FRONT_DOOR_ASSUMPTIONS,
      ...(suggestions.length > 0 ? { suggestions } : {}),
      confidence: "high",
      explanation: {
        summary: `The effect of ${x} on ${y} is not identifiable by adjustment, but it is by the front-door formula through ${setText(set)}.`,
        reasoning:
          `${whyNotAdjustment} The front-door criterion holds for ${setText(set)}: it intercepts every directed path from ${x} to ${y}, ` +
          `${x} has no open back-door path to it, and every back-door path from it to ${y} is blocked by ${x}. ` +
          `${id.frontDoor.sets.length}${id.frontDoor.truncated ? "+" : ""} minimal front-door set(s) exist.`,
        technical_basis: TECHNICAL_BASIS,
        assumptions: FRONT_DOOR_ASSUMPTIONS.map((a) => a.description),
      },
    };
  }

  if (id.method === "do_calculus" && id.doCalculus.status === "identifiable") {
    const suggestions = measurementSuggestions(options, x, y, "optional");
    return {
      status: "identifiable",
      method: "do_calculus",
      ...base,
      ...(id.doCalculus.formula !== null ? { identification_formula: id.doCalculus.formula } : {}),
      structured_assumptions: DO_CALCULUS_ASSUMPTIONS,
      ...(suggestions.length > 0 ? { suggestions } : {}),
      confidence: "high",
      explanation: {
        summary: `The effect of ${x} on ${y} is not identifiable by adjustment or the front-door formula, but the do-calculus identifies it: ${id.doCalculus.formula ?? "its estimand is too large to write out"}.`,
        reasoning: `${whyNotAdjustment} No front-door set exists either. The complete ID algorithm (Shpitser & Pearl 2006), run on the graph with the unobserved variables projected out, finds the formula above.`,
        technical_basis: TECHNICAL_BASIS,
        assumptions: DO_CALCULUS_ASSUMPTIONS.map((a) => a.description),
      },
    };
  }

  const hedge = id.doCalculus.status === "not_identifiable" ? { f: id.doCalculus.hedge.f, f_prime: id.doCalculus.hedge.fPrime } : undefined;
  const hedgeText =
    hedge !== undefined ? `The complete ID algorithm finds a hedge (F = ${setText(hedge.f)}, F′ = ${setText(hedge.f_prime)}), which proves that no formula over the observed variables gives P(${y}|do(${x})).` : "";

  if (id.method === "instrumental_variables") {
    const first = id.instruments.instruments[0]!;
    const formula = instrumentEstimand(x, y, first.instrument, first.conditioningSet);
    const suggestions = measurementSuggestions(options, x, y, "recommended");
    return {
      status: "identifiable",
      method: "instrumental_variables",
      reason: "identified_under_linearity",
      ...base,
      identification_formula: formula,
      structured_assumptions: INSTRUMENT_ASSUMPTIONS,
      ...(hedge !== undefined ? { hedge } : {}),
      ...(suggestions.length > 0 ? { suggestions, legacy_suggestions: suggestions.map((s) => s.description) } : {}),
      confidence: "medium",
      explanation: {
        summary: `The effect of ${x} on ${y} is identifiable only in a linear model, with the instrument ${first.instrument}${first.conditioningSet.length > 0 ? ` given ${setText(first.conditioningSet)}` : ""}: ${formula}.`,
        reasoning: `${whyNotAdjustment} No front-door set exists. ${hedgeText} Under linearity (constant effects), a conditional instrument identifies the effect as the ratio of partial covariances.`,
        technical_basis: TECHNICAL_BASIS,
        assumptions: INSTRUMENT_ASSUMPTIONS.map((a) => a.description),
      },
    };
  }

  const suggestions = measurementSuggestions(options, x, y, "critical");
  const fixText =
    suggestions.length > 0
      ? `Measuring ${options.filter((o) => o.method !== null).map((o) => (o.commonCauseOf === undefined ? o.node : `the common cause of ${o.commonCauseOf.join(" and ")}`)).join(" or ")} would make it identifiable.`
      : "No single unobserved variable, once measured, makes it identifiable.";
  return {
    status: "cannot_identify",
    reason: "unmeasured_confounding",
    ...base,
    structured_assumptions: [CAUSAL_STRUCTURE],
    ...(hedge !== undefined ? { hedge } : {}),
    suggestions,
    legacy_suggestions: suggestions.map((s) => s.description),
    confidence: "high",
    explanation: {
      summary: `The effect of ${x} on ${y} is not identifiable: unobserved confounding leaves a back-door path open, and no front-door set, do-calculus formula or instrument exists. ${fixText}`,
      reasoning: `${whyNotAdjustment} ${hedgeText}`,
      technical_basis: TECHNICAL_BASIS,
      assumptions: [CAUSAL_STRUCTURE.description],
    },
  };
}
