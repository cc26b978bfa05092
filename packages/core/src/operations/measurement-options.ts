/**
 * What to measure to make an effect identifiable: for each unmeasured variable — a declared latent
 * node, or the unobserved common cause behind a bidirected edge a ↔ b (measured as a new node U
 * with U → a, U → b) — the graph is rebuilt with it observed and re-examined with the real
 * criteria: covariate adjustment, then front-door, then the ID algorithm. Each option also counts
 * the back-door paths it closes: of the paths that the best admissible adjustment set (the
 * canonical candidate) leaves open today, those that run through the variable as a non-collider,
 * which conditioning on it blocks when it is not a descendant of a mediator.
 * Complexity: one graph build, adjustment check, front-door construction and ID run per unmeasured
 * variable: O(L·(N + M)) plus L runs of ID.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, Artificial Intelligence 270 (2019)
 * (the canonical set is valid iff any adjustment set is); Jeong, Tian & Bareinboim (NeurIPS 2022)
 * for front-door sets; I. Shpitser, J. Pearl (AAAI 2006) for ID.
 */
import {
  adjustmentObstructions,
  compareNames,
  forbiddenNodes,
  frontDoorSet,
  latentProjection,
  minimumAdjustmentSet,
  type Dag,
  type GraphPath,
} from "../graph/index.js";
import { identifyEffect } from "../identify/index.js";
import { buildEffectGraph, type GraphFields } from "./effect-query-input.js";

/** One unmeasured variable that could be measured. */
export interface MeasurementOption {
  /** The latent node, or the name proposed for the common cause of a bidirected edge. */
  readonly node: string;
  /** For a bidirected edge a ↔ b: its endpoints; the new node gets edges to both. */
  readonly commonCauseOf?: readonly [string, string];
  /** The method that identifies the effect once it is measured, or null. */
  readonly method: "backdoor" | "front_door" | "do_calculus" | null;
  /** The adjustment set (backdoor) or front-door set that then works; empty otherwise. */
  readonly set: string[];
  /** Open back-door paths (given the canonical candidate) that it closes. */
  readonly closes: number;
  /** Open back-door paths given the canonical candidate today (capped count). */
  readonly open: number;
}

/** The path passes through `node` as a non-collider (or uses the bidirected edge `pair`). */
function blocksPath(path: GraphPath, node: string | null, pair: readonly [string, string] | null): boolean {
  for (let i = 0; i < path.arrows.length; i++) {
    if (pair !== null && path.arrows[i] === "<->") {
      const a = path.nodes[i]!;
      const b = path.nodes[i + 1]!;
      if ((a === pair[0] && b === pair[1]) || (a === pair[1] && b === pair[0])) return true;
    }
    if (node !== null && i > 0 && path.nodes[i] === node) return !(path.arrows[i - 1] === "->" && path.arrows[i] === "<-");
  }
  return false;
}

/** A node name for the common cause of a and b that the graph does not use yet. */
function freshName(used: ReadonlySet<string>, a: string, b: string): string {
  const base = `U_${a}_${b}`;
  if (!used.has(base)) return base;
  for (let k = 2; ; k++) if (!used.has(`${base}_${k}`)) return `${base}_${k}`;
}

/** How the rebuilt graph identifies the effect. */
function methodAfter(dag: Dag, x: string, y: string): Pick<MeasurementOption, "method" | "set"> {
  const adjustment = minimumAdjustmentSet(dag, x, y);
  if (adjustment !== null) return { method: "backdoor", set: adjustment };
  const frontDoor = frontDoorSet(dag, x, y);
  if (frontDoor !== null) return { method: "front_door", set: frontDoor };
  // NOTE: only the verdict is needed here, so ID runs without building the estimand.
  if (identifyEffect(latentProjection(dag), { treatment: x, outcome: y }, { decideOnly: true }).identifiable) return { method: "do_calculus", set: [] };
  return { method: null, set: [] };
}

/**
 * Evaluates measuring each unmeasured variable, one at a time.
 *
 * @param graph - The request's graph.
 * @param latent - The latent nodes in use (declared, or implied by `observed`).
 * @param dag - The graph built from `graph` and `latent`.
 * @param x - Treatment.
 * @param y - Outcome.
 * @returns Options ranked: those that make the effect identifiable first, then by paths closed
 *   (descending), then by name.
 */
export function measurementOptions(graph: GraphFields, latent: readonly string[], dag: Dag, x: string, y: string): MeasurementOption[] {
  const obstructions = adjustmentObstructions(dag, x, y);
  const open = obstructions.openGivenCandidate.paths;
  const forbidden = new Set(forbiddenNodes(dag, x, y));
  const used = new Set(graph.nodes);
  const out: MeasurementOption[] = [];
  for (const node of latent) {
    const rebuilt = buildEffectGraph(graph, latent.filter((l) => l !== node));
    const closes = forbidden.has(node) ? 0 : open.filter((p) => blocksPath(p, node, null)).length;
    out.push({ node, ...methodAfter(rebuilt, x, y), closes, open: open.length });
  }
  for (const [a, b] of dag.bidirected) {
    const node = freshName(used, a, b);
    const bidirected = dag.bidirected.filter(([p, q]) => !(p === a && q === b));
    const rebuilt = buildEffectGraph({ nodes: [...graph.nodes, node], edges: [...graph.edges, [node, a], [node, b]], bidirected }, latent);
    const closes = open.filter((p) => blocksPath(p, null, [a, b])).length;
    out.push({ node, commonCauseOf: [a, b], ...methodAfter(rebuilt, x, y), closes, open: open.length });
  }
  return out.sort((p, q) => Number(q.method !== null) - Number(p.method !== null) || q.closes - p.closes || compareNames(p.node, q.node));
}
