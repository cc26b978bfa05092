/**
 * `causal/validate`: identification of the total effect of one treatment on one outcome by
 * covariate adjustment, with the upstream response shape and correct science.
 *
 * Criterion: the generalised adjustment criterion (Shpitser, VanderWeele & Robins, UAI 2010;
 * Perković, Textor, Kalisch & Maathuis, JMLR 2018), latent nodes honoured. Sets: every minimal
 * adjustment set, listed with polynomial delay (van der Zander, Liśkiewicz & Textor, AIJ 2019), the
 * minimum one by a vertex cut, the canonical set; open back-door paths as evidence. When no set
 * exists, the open paths that defeat the canonical candidate, and the latent nodes whose
 * measurement would make the effect identifiable.
 * Complexity: O(N + M) per criterion check; enumeration O(N(N + M)) per listed set; the
 * measurement suggestions one O(N + M) check per latent node.
 */
import type { CausalValidationResponse, RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import {
  adjustmentObstructions,
  backdoorPaths,
  canonicalAdjustmentSet,
  compareNames,
  createDag,
  findNode,
  formatPath,
  hasCausalPath,
  minimalAdjustmentSets,
  minimumAdjustmentSet,
  type Dag,
  type GraphPath,
} from "../graph/index.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/validate">;
type Response = Omit<CausalValidationResponse, "_metadata">;
type Suggestion = NonNullable<Response["suggestions"]>[number];
type Issue = NonNullable<Response["issues"]>[number];

/** Back-door paths listed in a response, at most. */
const MAX_REPORTED_PATHS = 20;

const TECHNICAL_BASIS =
  "Generalised adjustment criterion (Shpitser, VanderWeele & Robins 2010; Perković et al. 2018) with latent nodes excluded from every set; " +
  "d-separation by linear-time reachability; all minimal adjustment sets by polynomial-delay enumeration of minimal separators " +
  "(van der Zander, Liśkiewicz & Textor 2019); the smallest set by a minimum vertex cut.";

/** Latent nodes of the request: `dag.latent` plus, when `observed` is given, every node not in it. */
function latentNodes(request: Request): string[] {
  const latent = new Set(request.dag.latent ?? []);
  if (request.observed != null) {
    const nodes = new Set(request.dag.nodes);
    const unknown = request.observed.filter((n) => !nodes.has(n));
    if (unknown.length > 0) {
      throw new IslError("ISL_NODE_NOT_FOUND", `Observed node(s) not found in graph: ${unknown.join(", ")}. Available nodes: ${[...request.dag.nodes].sort(compareNames).join(", ")}`, {
        details: { field: "observed", unknown },
        recovery: { hints: ["Every name in 'observed' must be one of dag.nodes"], suggestion: "Fix or remove the unknown names in 'observed'" },
      });
    }
    const observed = new Set(request.observed);
    for (const n of request.dag.nodes) if (!observed.has(n)) latent.add(n);
  }
  return [...latent].sort(compareNames);
}

function requireObserved(dag: Dag, name: string, role: string): void {
  if (dag.latent[findNode(dag, name, role)] === 1) {
    throw new IslError("ISL_INVALID_INPUT", `${role} node '${name}' is latent (unobserved); the effect of or on an unmeasured variable cannot be estimated from data.`, {
      details: { field: role.toLowerCase(), node: name },
      recovery: { hints: [`Remove '${name}' from dag.latent`, `Add '${name}' to 'observed' if you send that list`], suggestion: `Mark '${name}' as observed` },
    });
  }
}

/** `P(Y|do(X)) = Σ_{Z} P(Y|X, Z) P(Z)`, or `P(Y|X)` for the empty set. */
function adjustmentFormula(x: string, y: string, set: readonly string[]): string {
  if (set.length === 0) return `P(${y}|do(${x})) = P(${y}|${x})`;
  const z = set.join(", ");
  return `P(${y}|do(${x})) = Σ_{${z}} P(${y}|${x}, ${z}) P(${z})`;
}

function renderPaths(paths: readonly GraphPath[]): string[] {
  return paths.slice(0, MAX_REPORTED_PATHS).map(formatPath);
}

function setText(set: readonly string[]): string {
  return set.length === 0 ? "the empty set" : `{${set.join(", ")}}`;
}

function duplicateEdgeIssues(dag: Dag): Issue[] {
  return dag.duplicateEdges.map(([from, to]) => ({
    type: "ambiguous_relationship" as const,
    description: `Edge ${from} → ${to} is listed more than once; it is counted once.`,
    affected_nodes: [from, to],
    suggested_action: `Remove the repeated edge ${from} → ${to}.`,
  }));
}

function noCausalPathIssue(x: string, y: string): Issue {
  return {
    type: "missing_connection",
    description: `There is no directed path from ${x} to ${y}: under this DAG the causal effect of ${x} on ${y} is zero.`,
    affected_nodes: [x, y],
    suggested_action: `If you expect ${x} to affect ${y}, add the missing edge(s), e.g. ${x} → ${y}.`,
  };
}

const IDENTIFIED_ASSUMPTIONS = [
  { type: "causal_structure", description: "The DAG is correct: every common cause of two modelled variables is a node (observed, or declared latent).", critical: true },
  { type: "no_unmeasured_confounding", description: "Given the adjustment set, the treatment is independent of the potential outcomes (implied by the DAG).", critical: true },
  { type: "positivity", description: "Every treatment value has positive probability in every stratum of the adjustment set.", critical: true },
  { type: "consistency", description: "The observed outcome under the received treatment equals the potential outcome under that treatment.", critical: true },
];

/** The `causal/validate` handler. */
export function causalValidateHandler(request: Request, _ctx: HandlerContext): Response {
  const latent = latentNodes(request);
  const dag = createDag({ nodes: request.dag.nodes, edges: request.dag.edges, latent });
  const x = request.treatment;
  const y = request.outcome;
  findNode(dag, x, "Treatment");
  findNode(dag, y, "Outcome");
  if (x === y) {
    throw new IslError("ISL_INVALID_INPUT", `Treatment and outcome are the same node '${x}'.`, {
      details: { field: "outcome" },
      recovery: { hints: ["Choose an outcome different from the treatment"], suggestion: "Set 'outcome' to another node" },
    });
  }
  requireObserved(dag, x, "Treatment");
  requireObserved(dag, y, "Outcome");

  const causal = hasCausalPath(dag, x, y);
  const backdoor = backdoorPaths(dag, x, y, { maxPaths: MAX_REPORTED_PATHS });
  const canonical = canonicalAdjustmentSet(dag, x, y);
  const common = {
    has_causal_path: causal,
    latent_nodes: latent,
    backdoor_paths: renderPaths(backdoor.paths),
    attempted_methods: ["backdoor_adjustment"],
    confidence: "high" as const,
  };
  const issues = duplicateEdgeIssues(dag);

  if (canonical === null) {
    return causal ? cannotIdentify(dag, request, latent, common, issues) : zeroEffectWithoutAdjustment(request, common, issues);
  }

  const listed = minimalAdjustmentSets(dag, x, y, { maxResults: request.max_results });
  const minimum = minimumAdjustmentSet(dag, x, y) ?? canonical;
  const formula = adjustmentFormula(x, y, minimum);
  const emptyValid = listed.sets.length === 1 && listed.sets[0]!.length === 0;
  const pathCount = `${backdoor.paths.length}${backdoor.truncated ? "+" : ""}`;
  const setCount = `${listed.sets.length}${listed.truncated ? "+" : ""}`;

  let summary: string;
  let reasoning: string;
  if (!causal) {
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
    adjustment_sets: listed.sets,
    adjustment_sets_truncated: listed.truncated,
    minimal_set: minimum,
    canonical_adjustment_set: canonical,
    empty_set_valid: emptyValid,
    identification_formula: formula,
    structured_assumptions: IDENTIFIED_ASSUMPTIONS,
    alternative_methods: [{ method: "backdoor", applicable: true, reason: `Adjusting for ${setText(minimum)} satisfies the adjustment criterion.` }],
    ...(causal ? {} : { reason: "no_causal_path" }),
    ...(issues.length > 0 ? { issues } : {}),
    ...common,
    explanation: {
      summary,
      reasoning,
      technical_basis: TECHNICAL_BASIS,
      assumptions: IDENTIFIED_ASSUMPTIONS.map((a) => a.description),
    },
  };
}

/**
 * No causal path and no adjustment set: the effect is still identified, and zero. Intervening on X
 * changes only X's descendants, so P(y | do(x)) = P(y) (do-calculus rule 3: Y ⊥ X in the graph
 * without X's incoming edges). Open back-door paths make P(y | x) differ from P(y), which is why
 * the observational contrast must not be read as an effect.
 */
function zeroEffectWithoutAdjustment(
  request: Request,
  common: Pick<Response, "has_causal_path" | "latent_nodes" | "backdoor_paths" | "attempted_methods" | "confidence">,
  issues: Issue[],
): Response {
  const x = request.treatment;
  const y = request.outcome;
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
    structured_assumptions: [IDENTIFIED_ASSUMPTIONS[0]!],
    alternative_methods: [{ method: "backdoor", applicable: false, reason: "Unobserved confounding leaves a back-door path open; no observed set blocks it." }],
    issues,
    ...common,
    explanation: {
      summary: `${x} has no causal path to ${y}, so its effect on ${y} is zero, and identifiably so: P(${y}|do(${x})) = P(${y}).`,
      reasoning:
        `Intervening on ${x} changes only its descendants, and ${y} is not one of them (do-calculus rule 3). ` +
        `No observed set blocks the back-door paths, so the association between ${x} and ${y} is confounded: do not read P(${y}|${x}) as an effect.`,
      technical_basis: `${TECHNICAL_BASIS} Rule 3 of the do-calculus (Pearl 1995) for the zero effect.`,
      assumptions: [IDENTIFIED_ASSUMPTIONS[0]!.description],
    },
  };
}

/** Latent nodes whose measurement alone makes the effect identifiable by adjustment, with the set it enables. */
function measurementFixes(request: Request, latent: readonly string[]): { node: string; set: string[] }[] {
  const fixes: { node: string; set: string[] }[] = [];
  for (const node of latent) {
    const dag = createDag({ nodes: request.dag.nodes, edges: request.dag.edges, latent: latent.filter((l) => l !== node) });
    const set = minimumAdjustmentSet(dag, request.treatment, request.outcome);
    if (set !== null) fixes.push({ node, set });
  }
  return fixes;
}

function cannotIdentify(
  dag: Dag,
  request: Request,
  latent: readonly string[],
  common: Pick<Response, "has_causal_path" | "latent_nodes" | "backdoor_paths" | "attempted_methods" | "confidence">,
  issues: Issue[],
): Response {
  const x = request.treatment;
  const y = request.outcome;
  const why = adjustmentObstructions(dag, x, y, { maxPaths: MAX_REPORTED_PATHS });
  const witnesses = why.unblockable.paths.length > 0 ? why.unblockable.paths : why.openGivenCandidate.paths;
  const latentSet = new Set(latent);
  for (const path of witnesses.slice(0, MAX_REPORTED_PATHS)) {
    const hidden = path.nodes.slice(1, -1).filter((n) => latentSet.has(n));
    issues.push({
      type: "confounding",
      description: `Back-door path ${formatPath(path)} stays open whatever observed variables are adjusted for${hidden.length > 0 ? ` (it runs through unobserved ${hidden.join(", ")})` : ""}.`,
      affected_nodes: [...new Set(path.nodes)].sort(compareNames),
      suggested_action: hidden.length > 0 ? `Measure ${hidden.join(" or ")}, or use a design that does not rely on adjustment.` : "Revisit the graph around this path.",
    });
  }
  const fixes = measurementFixes(request, latent);
  const suggestions: Suggestion[] = fixes.map(({ node, set }) => ({
    type: "measure_variable",
    description: `Measure ${node}: the effect then becomes identifiable by adjusting for ${setText(set)}.`,
    technical_detail: `With ${node} observed, ${adjustmentFormula(x, y, set)}.`,
    priority: "critical",
    action: { measure_node: node },
  }));
  const witnessText = witnesses.length > 0 ? formatPath(witnesses[0]!) : "";
  const fixText =
    fixes.length > 0
      ? `Measuring ${fixes.map((f) => f.node).join(" or ")} would make it identifiable.`
      : "No single unobserved variable, once measured, makes it identifiable by adjustment.";
  return {
    status: "cannot_identify",
    reason: "unmeasured_confounding",
    adjustment_sets: [],
    adjustment_sets_truncated: false,
    canonical_adjustment_set: null,
    empty_set_valid: false,
    structured_assumptions: [IDENTIFIED_ASSUMPTIONS[0]!],
    alternative_methods: [
      { method: "backdoor", applicable: false, reason: `No set of observed variables satisfies the adjustment criterion; ${witnessText} stays open.` },
    ],
    suggestions,
    legacy_suggestions: suggestions.map((s) => s.description),
    issues,
    ...common,
    explanation: {
      summary: `The effect of ${x} on ${y} is not identifiable by covariate adjustment: unobserved confounding leaves a back-door path open. ${fixText}`,
      reasoning:
        `The canonical candidate — every observed ancestor of ${x} or ${y} that is not a descendant of a mediator, here ${setText(why.candidate)} — is the most inclusive admissible set, ` +
        `and it is a valid adjustment set whenever any set is. It leaves ${witnessText} open, so no adjustment set exists.`,
      technical_basis: TECHNICAL_BASIS,
      assumptions: [IDENTIFIED_ASSUMPTIONS[0]!.description],
    },
  };
}
