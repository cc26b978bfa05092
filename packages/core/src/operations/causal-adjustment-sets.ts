/**
 * `causal/adjustment-sets`: covariate-adjustment sets for the total effect of X on Y (one or more
 * exposures and outcomes), of four kinds — every minimal set, the canonical set, every valid set,
 * the optimal O-set — under constraints I ⊆ Z (`must`) and Z ∩ `must_not` = ∅, each with the open
 * back-door paths it blocks, and, when no set exists, the path that defeats every candidate.
 * Criterion: the generalised adjustment criterion (Shpitser, VanderWeele & Robins 2010; Perković
 * et al. 2018), latent nodes and bidirected edges honoured. Algorithms: FINDSEP and LISTSEP over
 * I ⊆ Z ⊆ R and minimal separators by Takata's enumeration (van der Zander, Liśkiewicz & Textor,
 * AIJ 2019); the O-set of Henckel, Perković & Maathuis (JRSS-B 2022).
 * Complexity: O(N + M) per criterion check; O(n²·(n + m)) delay per minimal set; O(n·(n + m)) per
 * set of kind "all"; path evidence bounded by 20 paths and a step budget.
 */
import type { CausalAdjustmentSetsResponse, RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { admissibleMask } from "../graph/adjustment-criterion.js";
import { blockingMembers, openPathsGivenNothing, pathLeftOpen, type OpenPathEvidence } from "../graph/adjustment-evidence.js";
import { enumerateAdjustmentSets } from "../graph/all-adjustment-sets.js";
import { formatPath } from "../graph/backdoor-paths.js";
import {
  constrainedAdjustment,
  constrainedCandidateMask,
  findConstrainedAdjustmentMask,
  separatesInBackdoorGraph,
  type ConstrainedAdjustment,
} from "../graph/constrained-adjustment.js";
import { createDag, latentNames, type Dag } from "../graph/dag.js";
import { enumerateMinimalAdjustmentSets } from "../graph/minimal-adjustment-sets.js";
import { compareSets, indicesOfMask, namesOf } from "../graph/node-lookup.js";
import { optimalAdjustmentFor } from "../graph/optimal-adjustment-set.js";
import { adjustmentExplanation, optimalDescription, setText } from "./causal-adjustment-sets-text.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/adjustment-sets">;
type Response = Omit<CausalAdjustmentSetsResponse, "_metadata">;
type Optimal = NonNullable<Response["optimal"]>;
type Obstruction = NonNullable<Response["obstruction"]>;

/** Open paths listed, at most. */
const MAX_PATHS = 20;
/** Path search budget (extensions), shared among (x, y) pairs. */
const PATH_STEPS = 200_000;
/** Sets explained in `why`, at most. */
const MAX_WHY_SETS = 50;

/** Throws when an exposure or outcome is latent. */
function requireObserved(dag: Dag, problem: ConstrainedAdjustment): void {
  for (const [role, field, nodes] of [["Exposure", "exposure", problem.structure.x], ["Outcome", "outcome", problem.structure.y]] as const) {
    const latent = namesOf(dag, nodes.filter((v) => dag.latent[v] !== 0));
    if (latent.length === 0) continue;
    throw new IslError("ISL_INVALID_INPUT", `${role} node(s) ${latent.map((s) => `'${s}'`).join(", ")} are latent (unobserved); the effect of or on an unmeasured variable cannot be estimated from data.`, {
      details: { field, latent },
      recovery: { hints: [`Remove ${latent.join(", ")} from dag.latent if measured.`], suggestion: `Use observed ${field} nodes.` },
    });
  }
}

/** The first `cap` items of a lazy listing, polling `stop`; `truncated` when more exist or it stopped. */
function take(listing: Iterable<string[]>, cap: number, stop: () => boolean): { sets: string[][]; truncated: boolean } {
  const sets: string[][] = [];
  for (const set of listing) {
    if (sets.length === cap || stop()) return { sets: sets.sort(compareSets), truncated: true };
    sets.push(set);
  }
  return { sets: sets.sort(compareSets), truncated: false };
}

/** Mask of a set of (existing) names. */
function maskOfNames(dag: Dag, names: readonly string[]): Uint8Array {
  const mask = new Uint8Array(dag.size);
  for (const name of names) mask[dag.indexOf.get(name)!] = 1;
  return mask;
}

/** For each set, each open path with the members that block it. */
function whyOf(dag: Dag, sets: readonly string[][], evidence: OpenPathEvidence): Response["why"] {
  return sets.slice(0, MAX_WHY_SETS).map((set) => {
    const mask = maskOfNames(dag, set);
    return { set, blocks: evidence.paths.map((p) => ({ path: formatPath(p.path), blocked_by: blockingMembers(dag, p, mask) })), truncated: evidence.truncated };
  });
}

/** Why no set meets the request: a forbidden required node, or the path the candidate leaves open. */
function obstructionOf(dag: Dag, problem: ConstrainedAdjustment, unconstrained: Uint8Array | null): Obstruction {
  const latent = new Set(latentNames(dag));
  const unconstrainedIdentifiable = unconstrained !== null;
  const alternative = unconstrainedIdentifiable ? ` Without must / must_not, ${setText(namesOf(dag, indicesOfMask(unconstrained)))} would be a valid adjustment set.` : "";
  if (problem.forbiddenIncluded.length > 0) {
    const nodes = namesOf(dag, problem.forbiddenIncluded);
    return {
      reason: "required_node_forbidden",
      description: `must contains ${setText(nodes)}: a mediator of the effect or a descendant of one (or of the outcome). Adjusting for it would bias the total effect, so no set that contains it is valid.${alternative}`,
      nodes,
      candidate: null,
      open_path: null,
      unconstrained_identifiable: unconstrainedIdentifiable,
    };
  }
  const candidate = constrainedCandidateMask(dag, problem)!;
  const path = pathLeftOpen(problem.structure, candidate);
  const candidateNames = namesOf(dag, indicesOfMask(candidate));
  const pathText = path === null ? null : formatPath(path);
  const hidden = path === null ? [] : path.nodes.slice(1, -1).filter((v) => latent.has(v));
  const through = hidden.length > 0 ? ` It runs through unobserved ${hidden.join(", ")}.` : path !== null && path.arrows.includes("<->") ? " It runs through an unobserved common cause (↔)." : "";
  return {
    reason: "open_path",
    description:
      `The most inclusive admissible set, ${setText(candidateNames)}, leaves the path ${pathText ?? "(none found)"} open. ` +
      `That set is an adjustment set whenever any admissible set is, so no adjustment set${unconstrainedIdentifiable ? " meets the constraints" : " exists"}.${through}${alternative}`,
    nodes: path === null ? [] : path.nodes.filter((v) => !latent.has(v)),
    candidate: candidateNames,
    open_path: pathText,
    unconstrained_identifiable: unconstrainedIdentifiable,
  };
}

/** The O-set where it applies, checked against the constraints. */
function optimalOf(dag: Dag, problem: ConstrainedAdjustment): { sets: string[][]; report: Optimal } {
  const result = optimalAdjustmentFor(dag, problem);
  const causalNodes = result.causalNodes;
  if (result.set === null) {
    return { sets: [], report: { applicable: false, reason: result.unavailable, description: optimalDescription(result.unavailable!, result.nodes, null), causal_nodes: causalNodes } };
  }
  const members = new Set(result.set);
  const missing = namesOf(dag, problem.include).filter((v) => !members.has(v));
  const excluded = result.set.filter((v) => problem.allowed[dag.indexOf.get(v)!] === 0);
  if (missing.length > 0 || excluded.length > 0) {
    const nodes = [...missing, ...excluded].sort();
    return { sets: [], report: { applicable: false, reason: "constraints_violated", description: optimalDescription("constraints_violated", nodes, result.set), causal_nodes: causalNodes } };
  }
  return { sets: [result.set], report: { applicable: true, reason: null, description: optimalDescription(null, [], result.set), causal_nodes: causalNodes } };
}

/** The `causal/adjustment-sets` handler. */
export function causalAdjustmentSetsHandler(request: Request, ctx: HandlerContext): Response {
  const dag = createDag(request.dag);
  const problem = constrainedAdjustment(dag, request.exposure, request.outcome, { include: request.must ?? [], exclude: request.must_not ?? [] });
  requireObserved(dag, problem);
  const { structure } = problem;
  const stop = (): boolean => ctx.signal.aborted;
  const evidence = openPathsGivenNothing(structure, MAX_PATHS, PATH_STEPS);
  const noSet = new Uint8Array(dag.size);
  const emptySetValid = separatesInBackdoorGraph(problem, noSet);
  const found = findConstrainedAdjustmentMask(dag, problem);
  const unconstrained = findConstrainedAdjustmentMask(dag, problem, noSet, admissibleMask(dag, structure));
  const exposure = namesOf(dag, structure.x);
  const outcome = namesOf(dag, structure.y);
  const constraints = { include: namesOf(dag, problem.include), exclude: request.must_not ?? [] };

  let sets: string[][] = [];
  let truncated = false;
  let optimal: Optimal | undefined;
  if (request.kind === "minimal") {
    ({ sets, truncated } = take(enumerateMinimalAdjustmentSets(dag, exposure, outcome, constraints), request.max_results, stop));
  } else if (request.kind === "all") {
    const listing = enumerateAdjustmentSets(dag, exposure, outcome, { ...constraints, shouldStop: stop });
    ({ sets, truncated } = take(listing, request.max_results, stop));
    truncated ||= listing.stoppedEarly;
  } else if (request.kind === "canonical") {
    sets = found === null ? [] : [namesOf(dag, indicesOfMask(found))];
  } else {
    const o = optimalOf(dag, problem);
    sets = o.sets;
    optimal = o.report;
  }

  const status = found === null ? "no_valid_set" : "identifiable";
  const obstruction = found === null ? obstructionOf(dag, problem, unconstrained) : undefined;
  return {
    status,
    kind: request.kind,
    exposure,
    outcome,
    sets,
    truncated,
    empty_set_valid: emptySetValid,
    backdoor_paths: evidence.paths.map((p) => formatPath(p.path)),
    backdoor_paths_truncated: evidence.truncated,
    why: whyOf(dag, sets, evidence),
    why_truncated: sets.length > MAX_WHY_SETS,
    ...(obstruction === undefined ? {} : { obstruction }),
    ...(optimal === undefined ? {} : { optimal }),
    latent_nodes: latentNames(dag),
    explanation: adjustmentExplanation({
      kind: request.kind,
      exposure,
      outcome,
      sets,
      truncated,
      status,
      emptySetValid,
      pathCount: evidence.paths.length,
      pathsTruncated: evidence.truncated,
      constraints,
      obstruction,
      optimal,
    }),
  };
}
