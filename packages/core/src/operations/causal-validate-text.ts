/**
 * Text and shared response pieces of `causal/validate`: identification formulas, assumption lists,
 * issues, and the `alternative_methods` entry of every evaluated strategy with an honest
 * `applicable` flag and reason. Complexity: linear in the size of the reported sets.
 * Reference: J. Pearl, "Causality" (2009), §3.3 (back-door and front-door formulas); I. Shpitser,
 * J. Pearl, AAAI 2006 (hedges); R. J. Bowden, D. A. Turkington, "Instrumental Variables" (1984)
 * (the instrumental-variable ratio in linear models).
 */
import type { CausalValidationResponse } from "@olumi/contracts";
import { formatPath, type Dag, type GraphPath } from "../graph/index.js";
import { instrumentEstimand, smallestSet, type EffectIdentification } from "./effect-identification.js";

type Response = Omit<CausalValidationResponse, "_metadata">;
/** One `issues` entry. */
export type Issue = NonNullable<Response["issues"]>[number];
/** One `alternative_methods` entry. */
export type AlternativeMethod = NonNullable<Response["alternative_methods"]>[number];
/** One `structured_assumptions` entry. */
export type Assumption = NonNullable<Response["structured_assumptions"]>[number];

/** The technical basis shared by every explanation. */
export const TECHNICAL_BASIS =
  "Generalised adjustment criterion (Shpitser, VanderWeele & Robins 2010; Perković et al. 2018) with latent nodes excluded from every set; " +
  "all minimal adjustment sets by polynomial-delay enumeration of minimal separators (van der Zander, Liśkiewicz & Textor 2019); " +
  "front-door sets by Pearl's criterion (1995) with the construction of Jeong, Tian & Bareinboim (2022); " +
  "the complete ID algorithm on the latent projection (Shpitser & Pearl 2006); conditional instruments (van der Zander, Textor & Liśkiewicz 2015).";

/** Back-door paths listed in a response, at most. */
export const MAX_REPORTED_PATHS = 20;

/** `P(Y|do(X)) = Σ_{Z} P(Y|X, Z) P(Z)`, or `P(Y|X)` for the empty set. */
export function adjustmentFormula(x: string, y: string, set: readonly string[]): string {
  if (set.length === 0) return `P(${y}|do(${x})) = P(${y}|${x})`;
  const z = set.join(", ");
  return `P(${y}|do(${x})) = Σ_{${z}} P(${y}|${x}, ${z}) P(${z})`;
}

/** Paths as text, at most {@link MAX_REPORTED_PATHS}. */
export function renderPaths(paths: readonly GraphPath[]): string[] {
  return paths.slice(0, MAX_REPORTED_PATHS).map(formatPath);
}

/** `{A, B}` or "the empty set". */
export function setText(set: readonly string[]): string {
  return set.length === 0 ? "the empty set" : `{${set.join(", ")}}`;
}

/** One issue per repeated edge. */
export function duplicateEdgeIssues(dag: Dag): Issue[] {
  return dag.duplicateEdges.map(([from, to]) => ({
    type: "ambiguous_relationship" as const,
    description: `Edge ${from} → ${to} is listed more than once; it is counted once.`,
    affected_nodes: [from, to],
    suggested_action: `Remove the repeated edge ${from} → ${to}.`,
  }));
}

/** The issue of a missing causal path. */
export function noCausalPathIssue(x: string, y: string): Issue {
  return {
    type: "missing_connection",
    description: `There is no directed path from ${x} to ${y}: under this DAG the causal effect of ${x} on ${y} is zero.`,
    affected_nodes: [x, y],
    suggested_action: `If you expect ${x} to affect ${y}, add the missing edge(s), e.g. ${x} → ${y}.`,
  };
}

/** Assumptions of every identification from the graph. */
export const CAUSAL_STRUCTURE: Assumption = {
  type: "causal_structure",
  description: "The DAG is correct: every common cause of two modelled variables is a node (observed, or declared latent) or a bidirected edge.",
  critical: true,
};
const POSITIVITY: Assumption = { type: "positivity", description: "Every treatment value has positive probability in every stratum of the variables the formula conditions on.", critical: true };
const CONSISTENCY: Assumption = { type: "consistency", description: "The observed outcome under the received treatment equals the potential outcome under that treatment.", critical: true };

/** Assumptions of identification by adjustment. */
export const ADJUSTMENT_ASSUMPTIONS: Assumption[] = [
  CAUSAL_STRUCTURE,
  { type: "no_unmeasured_confounding", description: "Given the adjustment set, the treatment is independent of the potential outcomes (implied by the DAG).", critical: true },
  POSITIVITY,
  CONSISTENCY,
];

/** Assumptions of identification by the front-door formula. */
export const FRONT_DOOR_ASSUMPTIONS: Assumption[] = [
  CAUSAL_STRUCTURE,
  { type: "complete_mediation", description: "Every causal path from the treatment to the outcome passes through the front-door set (implied by the DAG).", critical: true },
  POSITIVITY,
  CONSISTENCY,
];

/** Assumptions of identification by the ID algorithm. */
export const DO_CALCULUS_ASSUMPTIONS: Assumption[] = [
  CAUSAL_STRUCTURE,
  { type: "markov_property", description: "The observed distribution factorises according to the graph, latent variables included.", critical: true },
  POSITIVITY,
  CONSISTENCY,
];

/** Assumptions of identification by a conditional instrument. */
export const INSTRUMENT_ASSUMPTIONS: Assumption[] = [
  CAUSAL_STRUCTURE,
  { type: "linearity", description: "Every variable is a linear function of its causes plus noise (constant effects); without it an instrument does not identify the average effect.", critical: true },
  { type: "relevance", description: "The instrument is associated with the treatment given the conditioning set (testable: a weak first stage gives unreliable estimates).", critical: true },
  { type: "exclusion_restriction", description: "Given the conditioning set, the instrument is associated with the outcome only through the treatment (implied by the DAG).", critical: true },
];

/**
 * The `alternative_methods` list: one entry per evaluated strategy, in the order they are tried.
 *
 * @param id - Every strategy's result.
 * @returns Back-door, front-door, do-calculus and instrumental-variable entries.
 */
export function alternativeMethods(id: EffectIdentification): AlternativeMethod[] {
  const x = id.treatment;
  const y = id.outcome;
  const out: AlternativeMethod[] = [];
  out.push(
    id.adjustment !== null
      ? { method: "backdoor", applicable: true, reason: `Adjusting for ${setText(id.adjustment.minimum)} satisfies the adjustment criterion.` }
      : { method: "backdoor", applicable: false, reason: "No set of observed variables satisfies the adjustment criterion: unobserved confounding leaves a back-door path open." },
  );
  const frontDoor = smallestSet(id.frontDoor.sets);
  out.push(
    frontDoor !== undefined
      ? { method: "front_door", applicable: true, reason: `${setText(frontDoor)} satisfies the front-door criterion: it intercepts every causal path, ${x} has no open back-door path to it, and ${x} blocks its back-door paths to ${y}.` }
      : { method: "front_door", applicable: false, reason: `No set of observed variables satisfies the front-door criterion for ${x} → ${y}.` },
  );
  const dc = id.doCalculus;
  out.push(
    dc.status === "identifiable"
      ? {
          method: "do_calculus",
          applicable: true,
          reason: dc.tooLarge
            ? "The complete ID algorithm identifies the effect; its estimand is too large to write out."
            : dc.formula === null
              ? "The complete ID algorithm also identifies the effect; its estimand is the same functional of the observed distribution as the formula above."
              : `The complete ID algorithm identifies the effect: ${dc.formula}.`,
        }
      : { method: "do_calculus", applicable: false, reason: `The complete ID algorithm finds a hedge (F = {${dc.hedge.f.join(", ")}}, F′ = {${dc.hedge.fPrime.join(", ")}}): no formula over the observed variables exists.` },
  );
  const first = id.instruments.instruments[0];
  out.push(
    first !== undefined
      ? {
          method: "instrumental_variables",
          applicable: true,
          reason: `${first.instrument}${first.conditioningSet.length > 0 ? ` given ${setText(first.conditioningSet)}` : ""} is a conditional instrument; in a linear model ${instrumentEstimand(x, y, first.instrument, first.conditioningSet)}.`,
        }
      : { method: "instrumental_variables", applicable: false, reason: `No observed variable is a conditional instrument for ${x} → ${y}.` },
  );
  return out;
}
