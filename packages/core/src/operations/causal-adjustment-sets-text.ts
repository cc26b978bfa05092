/**
 * Plain-language text of `causal/adjustment-sets`: the explanation block (summary, reasoning,
 * technical basis, assumptions) and the description of the O-set report. Pure string building from
 * the computed answer; no graph work. Complexity: linear in the size of the answer.
 * References: as causal-adjustment-sets.ts (the criterion, LISTSEP, the O-set).
 */
import type { CausalAdjustmentSetsResponse, ExplanationMetadata } from "@olumi/contracts";
import type { OptimalSetUnavailable } from "../graph/optimal-adjustment-set.js";

type Response = Omit<CausalAdjustmentSetsResponse, "_metadata">;

/** `{A, B}` or "the empty set". */
export function setText(set: readonly string[]): string {
  return set.length === 0 ? "the empty set" : `{${set.join(", ")}}`;
}

/** `X` or `{X1, X2}`. */
function rolesText(nodes: readonly string[]): string {
  return nodes.length === 1 ? nodes[0]! : `{${nodes.join(", ")}}`;
}

/**
 * The description of the O-set report.
 *
 * @param reason - Why it is not given (null when it is), or `constraints_violated`.
 * @param nodes - The nodes behind the reason.
 * @param set - The O-set when computed.
 * @returns One or two sentences.
 */
export function optimalDescription(reason: OptimalSetUnavailable | "constraints_violated" | null, nodes: readonly string[], set: readonly string[] | null): string {
  switch (reason) {
    case null:
      return `The O-set ${setText(set!)} = pa(cn(X, Y)) \\ forb(X, Y) is valid and gives the lowest asymptotic variance of all adjustment sets (OLS in linear models; any regular estimator nonparametrically).`;
    case "multiple_exposures":
      return "The O-set's optimality is established for a single (point) exposure; with several exposures no set is claimed optimal. Use kind \"canonical\" or \"minimal\".";
    case "outcome_not_descendant":
      return `${setText(nodes)} ${nodes.length === 1 ? "is" : "are"} not caused by the exposure (no directed path), so the effect is zero and the O-set, defined for outcomes that are descendants of the exposure, does not apply.`;
    case "no_valid_set":
      return "No valid adjustment set exists, so there is no optimal one.";
    case "latent_in_optimal_set":
      return `The causal node(s) ${setText(nodes)} have an unobserved parent that the O-set would need; with latent confounding of the causal nodes an optimal set may not exist, so none is given.`;
    case "constraints_violated":
      return `The O-set ${setText(set!)} does not meet must / must_not (${nodes.join(", ")}); no set is optimal among the constrained ones in general, so none is given.`;
  }
}

/** What the explanation is built from. */
export interface ExplanationInput {
  readonly kind: Response["kind"];
  readonly exposure: readonly string[];
  readonly outcome: readonly string[];
  readonly sets: readonly string[][];
  readonly truncated: boolean;
  readonly status: Response["status"];
  readonly emptySetValid: boolean;
  readonly pathCount: number;
  readonly pathsTruncated: boolean;
  readonly constraints: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly obstruction: Response["obstruction"];
  readonly optimal: Response["optimal"];
}

const TECHNICAL_BASIS =
  "Generalised adjustment criterion (Shpitser, VanderWeele & Robins 2010; Perković et al. 2018) in the proper back-door graph, latent nodes and bidirected edges honoured; " +
  "FINDSEP and LISTSEP over I ⊆ Z ⊆ R and minimal separators by Takata's polynomial-delay enumeration (van der Zander, Liśkiewicz & Textor 2019); " +
  "the optimal O-set of Henckel, Perković & Maathuis (2022).";

const ASSUMPTIONS = [
  "The graph is correct: every common cause of two modelled variables is a node (observed or latent) or a bidirected edge.",
  "Positivity: every exposure value has positive probability in every stratum of the adjustment set.",
  "Consistency: the observed outcome under the received exposure equals the potential outcome under it.",
];

/** The summary sentence for an identifiable answer. */
function identifiableSummary(input: ExplanationInput, effect: string): string {
  const count = `${input.sets.length}${input.truncated ? "+" : ""}`;
  switch (input.kind) {
    case "minimal":
      return input.emptySetValid && input.constraints.include.length === 0
        ? `The ${effect} needs no adjustment: the empty set is the only minimal adjustment set.`
        : `${count} minimal adjustment set(s) identify the ${effect}.`;
    case "all":
      return `${count} valid adjustment set(s) identify the ${effect}.`;
    case "canonical":
      return `The canonical adjustment set ${setText(input.sets[0]!)} identifies the ${effect}.`;
    case "optimal":
      return input.optimal!.applicable ? `The optimal adjustment set for the ${effect} is ${setText(input.sets[0]!)}.` : `The ${effect} is identifiable by adjustment, but no set is claimed optimal: ${input.optimal!.description}`;
  }
}

/**
 * The explanation block of a response.
 *
 * @param input - The computed answer.
 * @returns Summary, reasoning, technical basis and assumptions.
 */
export function adjustmentExplanation(input: ExplanationInput): ExplanationMetadata {
  const effect = `effect of ${rolesText(input.exposure)} on ${rolesText(input.outcome)}`;
  const parts: string[] = [];
  if (input.constraints.include.length > 0) parts.push(`every set contains ${setText(input.constraints.include)}`);
  if (input.constraints.exclude.length > 0) parts.push(`no set contains any of ${setText([...new Set(input.constraints.exclude)].sort())}`);
  const constraintText = parts.length > 0 ? ` Constraints: ${parts.join("; ")}.` : "";
  const paths = `${input.pathCount}${input.pathsTruncated ? "+" : ""} back-door path(s) from ${rolesText(input.exposure)} to ${rolesText(input.outcome)} are open without adjustment.`;
  if (input.status === "no_valid_set") {
    return {
      summary: `No adjustment set identifies the ${effect}${input.obstruction!.unconstrained_identifiable ? " under the given constraints" : ""}.`,
      reasoning: `${paths} ${input.obstruction!.description}${constraintText}`,
      technical_basis: TECHNICAL_BASIS,
      assumptions: ASSUMPTIONS.slice(0, 1),
    };
  }
  return {
    summary: identifiableSummary(input, effect),
    reasoning:
      `${paths} A set is valid when it contains no mediator or descendant of one (the forbidden nodes) and blocks every path between exposure and outcome in the proper back-door graph; ` +
      `\`why\` lists, for each set, the members that block each open path.${constraintText}`,
    technical_basis: TECHNICAL_BASIS,
    assumptions: ASSUMPTIONS,
  };
}
