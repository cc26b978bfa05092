/**
 * Conditional instrumental variables for the total effect of X on Y. A node Z with a set W is a
 * conditional instrument when (a) Z and W are observed and avoid Forb(X, Y) = De(PCP(X, Y)) ∪ {X, Y}
 * (so W holds no descendant of Y and no mediator or descendant of one), (b) Z is d-connected to X
 * given W in G, and (c) Z is d-separated from Y given W in G̃, the graph without the edges X → v
 * that start proper causal paths. For a direct effect X → Y this is the definition of van der
 * Zander, Textor & Liśkiewicz; with Forb in place of De(Y) it is the criterion that Henckel,
 * Buttenschön & Maathuis prove sound and complete for two-stage least squares on total effects.
 * For each candidate Z the conditioning set is found in three stages: W = ∅ when it qualifies (a
 * classic instrument); else the separator of Y and Z in G̃ nearest to Y among the admissible nodes
 * (an ancestral instrument; some Z has one whenever any conditional instrument exists); else an
 * exact search over paths from Z to X with pruning (instrument-path-search.ts; deciding whether a
 * given Z has some W is NP-hard), under a step budget. A cheap necessary condition (Z reachable
 * from X when every collider with an admissible descendant may open) skips hopeless candidates. A
 * found set is thinned by one greedy pass that drops members whose removal keeps (b) and (c).
 * Complexity: O(N + M + Σ|Pa|²) per separator and O(N + M) per check, so O(N·(|W| + 1)·(N + M +
 * Σ|Pa|²)) for candidates with an ancestral set; the exact stage is bounded by `maxSteps`.
 * References: B. van der Zander, J. Textor, M. Liśkiewicz, "Efficiently finding conditional
 * instruments for causal inference", IJCAI 2015, 3243–3249 (conditional and ancestral instruments;
 * NP-hardness of the general search, polynomial time for ancestral ones); L. Henckel,
 * M. Buttenschön, M. H. Maathuis, "Graphical tools for selecting conditional instrumental sets",
 * arXiv:2208.03697 (the complete criterion for total effects); C. Brito, J. Pearl, "Generalized
 * instrumental variables", UAI 2002.
 */
import { admissibleMask } from "./adjustment-criterion.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import { instrumentByPathSearch, pathSearchGuide, type PathSearchGuide, type SearchBudget } from "./instrument-path-search.js";
import { nearestSeparator } from "./nearest-separator.js";
import { findNode, maskOf, namesOf, positiveCap, requireDisjoint, resolveNodes } from "./node-lookup.js";
import { causalStructure, type CausalStructure } from "./proper-causal-paths.js";

/** One conditional instrument: the instrument Z and the conditioning set W. */
export interface ConditionalInstrument {
  /** The instrument Z. */
  readonly instrument: string;
  /** The conditioning set W, sorted (empty for a classic instrument). */
  readonly conditioningSet: string[];
}

/** A capped list of conditional instruments. */
export interface InstrumentList {
  /** One entry per instrument, by instrument name. */
  readonly instruments: ConditionalInstrument[];
  /**
   * True when the list may be incomplete: more instruments exist than `maxResults`, or the search
   * beyond ancestral conditioning sets ran out of budget for some candidate.
   */
  readonly truncated: boolean;
}

/** Options of {@link conditionalInstruments}. */
export interface InstrumentOptions {
  /** At most this many instruments (default 100). */
  readonly maxResults?: number;
  /** Budget of the exact search beyond ancestral sets, in feasibility checks (default 5,000). */
  readonly maxSteps?: number;
}

/** Default cap of {@link conditionalInstruments}. */
export const DEFAULT_MAX_INSTRUMENTS = 100;
/** Default budget of the search beyond ancestral conditioning sets. */
export const DEFAULT_MAX_INSTRUMENT_STEPS = 5_000;

/** Why a pair (Z, W) is or is not a conditional instrument. */
export interface InstrumentVerdict {
  /** True when (Z, W) satisfies the definition. */
  readonly valid: boolean;
  /** Members of {Z} ∪ W in Forb(X, Y) (X, Y, mediators and their descendants), sorted. */
  readonly forbidden: string[];
  /** Members of {Z} ∪ W that are latent, sorted. */
  readonly latent: string[];
  /** Condition (b): Z is d-connected to X given W in the graph. */
  readonly relevant: boolean;
  /** Condition (c) fails: a path from Z to Y in G̃ left open by W (names), or null. */
  readonly openPathToOutcome: string[] | null;
}

/** The pieces every check needs, for one (X, Y) pair. */
interface InstrumentContext {
  readonly dag: Dag;
  readonly structure: CausalStructure;
  readonly x: number;
  readonly y: number;
  /** Observed nodes outside Forb(X, Y): the possible instruments and conditioning nodes. */
  readonly admissible: Uint8Array;
  /** Nodes that some admissible set could d-connect to X (a necessary condition for relevance). */
  readonly possiblyRelevant: Uint8Array;
  /** Pruning and ordering of the exact search. */
  readonly guide: PathSearchGuide;
}

function contextOf(dag: Dag, exposure: string, outcome: string): InstrumentContext {
  findNode(dag, exposure, "Treatment");
  findNode(dag, outcome, "Outcome");
  const structure = causalStructure(dag, exposure, outcome);
  const admissible = admissibleMask(dag, structure);
  const x = structure.x[0]!;
  const possiblyRelevant = possiblyRelevantMask(dag, x, admissibleDescendantMask(dag, admissible));
  return {
    dag,
    structure,
    x,
    y: structure.y[0]!,
    admissible,
    possiblyRelevant,
    guide: pathSearchGuide(structure.backdoorGraph, x, admissible, possiblyRelevant),
  };
}

/** Conditions (b) and (c) for instrument z and conditioning mask w (w must avoid x, y, z). */
function qualifies(ctx: InstrumentContext, z: number, w: Uint8Array): boolean {
  const zMask = new Uint8Array(ctx.dag.size);
  zMask[z] = 1;
  if (dConnectionSearch(ctx.structure.backdoorGraph, [ctx.y], zMask, w, false).reached >= 0) return false;
  return dConnectionSearch(ctx.dag, [ctx.x], zMask, w, false).reached >= 0;
}

/** Removes members of w (a valid set) whose removal keeps (z, w) valid, in index order. */
function thin(ctx: InstrumentContext, z: number, members: Int32Array): Int32Array {
  const w = maskOf(ctx.dag.size, members);
  for (const v of members) {
    w[v] = 0;
    if (!qualifies(ctx, z, w)) w[v] = 1;
  }
  return members.filter((v) => w[v] !== 0);
}

/**
 * The conditioning set for candidate z, or null when z is no conditional instrument (or the budget
 * ran out before one was found; then `budget.exhausted` is set).
 */
function conditioningSetFor(ctx: InstrumentContext, z: number, budget: SearchBudget): Int32Array | null {
  const n = ctx.dag.size;
  if (ctx.possiblyRelevant[z] === 0) return null;
  if (qualifies(ctx, z, new Uint8Array(n))) return new Int32Array(0);
  const allowed = ctx.admissible.slice();
  allowed[z] = 0;
  const graph = ctx.structure.backdoorGraph;
  const ancestral = nearestSeparator(graph, ctx.y, z, allowed);
  // NOTE: a larger conditioning set only adds moral edges inside An(Y ∪ Z) and frees no node there,
  // so when no admissible set separates Y and z now, none ever does.
  if (ancestral === null) return null;
  if (qualifies(ctx, z, maskOf(n, ancestral))) return thin(ctx, z, ancestral);
  // NOTE: beyond ancestral sets the question is NP-hard; search paths from Z to X exactly.
  const found = instrumentByPathSearch(graph, ctx.x, ctx.y, z, allowed, ctx.guide, budget);
  return found === null ? null : thin(ctx, z, found);
}

/**
 * Nodes that some admissible set could d-connect to X: reachable from X when every non-collider
 * may pass and a collider passes when it has an admissible descendant. A necessary condition for
 * relevance, condition (b), computed once for all candidates in O(N + M).
 */
function possiblyRelevantMask(dag: Dag, x: number, opensAsCollider: Uint8Array): Uint8Array {
  const n = dag.size;
  const visited = new Uint8Array(2 * n);
  const reached = new Uint8Array(n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  const push = (v: number, down: number): void => {
    if (v === x || visited[2 * v + down] !== 0) return;
    visited[2 * v + down] = 1;
    reached[v] = 1;
    queue[tail++] = 2 * v + down;
  };
  for (let k = dag.parentStart[x]!; k < dag.parentStart[x + 1]!; k++) push(dag.parents[k]!, 0);
  for (let k = dag.childStart[x]!; k < dag.childStart[x + 1]!; k++) push(dag.children[k]!, 1);
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const v = state >> 1;
    if ((state & 1) === 0 || opensAsCollider[v] !== 0) for (let k = dag.parentStart[v]!; k < dag.parentStart[v + 1]!; k++) push(dag.parents[k]!, 0);
    for (let k = dag.childStart[v]!; k < dag.childStart[v + 1]!; k++) push(dag.children[k]!, 1);
  }
  return reached;
}

/** Nodes with an admissible descendant (themselves included): conditioning can open them as colliders. */
function admissibleDescendantMask(dag: Dag, admissible: Uint8Array): Uint8Array {
  const out = admissible.slice();
  for (let i = dag.size - 1; i >= 0; i--) {
    const v = dag.topologicalOrder[i]!;
    for (let k = dag.childStart[v]!; k < dag.childStart[v + 1]!; k++) if (out[dag.children[k]!] !== 0) out[v] = 1;
  }
  return out;
}

/**
 * Every observed node that is a conditional instrument for the effect of `exposure` on `outcome`,
 * each with one conditioning set: ∅ when it is a classic instrument, otherwise a thinned ancestral
 * set. A node is listed if and only if some conditioning set makes it an instrument.
 *
 * @param dag - The graph (latent nodes are never instruments nor conditioned on).
 * @param exposure - X.
 * @param outcome - Y.
 * @param options - `maxResults` (default 100).
 * @returns The instruments, by name, and whether the list was capped.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X = Y or the cap is bad.
 */
export function conditionalInstruments(dag: Dag, exposure: string, outcome: string, options: InstrumentOptions = {}): InstrumentList {
  const maxResults = positiveCap(options.maxResults, DEFAULT_MAX_INSTRUMENTS, "maxResults");
  const budget: SearchBudget = { steps: positiveCap(options.maxSteps, DEFAULT_MAX_INSTRUMENT_STEPS, "maxSteps"), exhausted: false };
  const ctx = contextOf(dag, exposure, outcome);
  const instruments: ConditionalInstrument[] = [];
  for (let z = 0; z < dag.size; z++) {
    if (ctx.admissible[z] === 0) continue;
    const w = conditioningSetFor(ctx, z, budget);
    if (w === null) continue;
    if (instruments.length === maxResults) return { instruments, truncated: true };
    instruments.push({ instrument: dag.names[z]!, conditioningSet: namesOf(dag, w) });
  }
  return { instruments, truncated: budget.exhausted };
}

/**
 * A conditioning set that makes `instrument` a conditional instrument, or null when none exists.
 *
 * @param dag - The graph.
 * @param exposure - X.
 * @param outcome - Y.
 * @param instrument - The candidate Z.
 * @returns W, sorted (∅ for a classic instrument), or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X = Y.
 */
export function instrumentConditioningSet(dag: Dag, exposure: string, outcome: string, instrument: string): string[] | null {
  const ctx = contextOf(dag, exposure, outcome);
  const z = findNode(dag, instrument, "Instrument");
  if (ctx.admissible[z] === 0) return null;
  const w = conditioningSetFor(ctx, z, { steps: DEFAULT_MAX_INSTRUMENT_STEPS, exhausted: false });
  return w === null ? null : namesOf(dag, w);
}

/**
 * Checks a pair (Z, W) against the definition and says which condition fails.
 *
 * @param dag - The graph.
 * @param exposure - X.
 * @param outcome - Y.
 * @param instrument - Z.
 * @param conditioningSet - W (may be empty; must not contain Z).
 * @returns The verdict.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X = Y or Z ∈ W.
 */
export function instrumentVerdict(dag: Dag, exposure: string, outcome: string, instrument: string, conditioningSet: readonly string[]): InstrumentVerdict {
  const ctx = contextOf(dag, exposure, outcome);
  const z = findNode(dag, instrument, "Instrument");
  const w = resolveNodes(dag, conditioningSet, "Conditioning");
  requireDisjoint(dag, [["Instrument", Int32Array.of(z)], ["Conditioning", w]]);
  const members = [z, ...w].sort((p, q) => p - q);
  const forbidden = namesOf(dag, members.filter((v) => ctx.structure.forbidden[v] !== 0));
  const latent = namesOf(dag, members.filter((v) => dag.latent[v] !== 0));
  const wMask = maskOf(dag.size, w);
  // Conditioning on X or Y is undefined for d-separation queries; such sets are forbidden anyway.
  const blocked = w.some((v) => v === ctx.x || v === ctx.y);
  const zMask = new Uint8Array(dag.size);
  zMask[z] = 1;
  const relevant = !blocked && z !== ctx.x && z !== ctx.y && dConnectionSearch(dag, [ctx.x], zMask, wMask, false).reached >= 0;
  const open = blocked || z === ctx.y || z === ctx.x ? null : dConnectionSearch(ctx.structure.backdoorGraph, [ctx.y], zMask, wMask, true).path;
  const openPathToOutcome = open === null ? null : namesOf(dag, open).reverse();
  return { valid: forbidden.length === 0 && latent.length === 0 && relevant && openPathToOutcome === null, forbidden, latent, relevant, openPathToOutcome };
}
