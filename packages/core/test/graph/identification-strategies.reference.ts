/**
 * Brute-force references for instrumental variables and front-door sets, written from the
 * definitions by listing every simple path and testing every subset of the observed nodes. They
 * share no code with the module (paths and openness come from brute-force.reference.ts).
 * Exponential; for graphs of at most about 10 nodes.
 */
import { allSimplePaths, bruteDescendants, compareSortedLists, pathOpenness, type PlainGraph } from "./brute-force.reference.js";

const edgeSet = (g: PlainGraph): Set<string> => new Set(g.edges.map(([a, b]) => `${a}\u0000${b}`));
const isEdge = (edges: Set<string>, a: string, b: string): boolean => edges.has(`${a}\u0000${b}`);

/** Every subset of `items`, as sorted arrays (items must be sorted). */
export function subsetsOf(items: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

/** Directed paths from x to y. */
function causalPaths(g: PlainGraph, x: string, y: string): string[][] {
  const edges = edgeSet(g);
  return allSimplePaths(g, x, y).filter((p) => p.every((v, i) => i === 0 || isEdge(edges, p[i - 1]!, v)));
}

/** Forb(x, y): descendants of every node other than x on a directed path from x to y, plus x and y. */
export function bruteForbidden(g: PlainGraph, x: string, y: string): Set<string> {
  const forb = new Set([x, y]);
  for (const p of causalPaths(g, x, y)) for (const v of p.slice(1)) for (const d of bruteDescendants(g, v)) forb.add(d);
  return forb;
}

/** The graph without the first edge x → v of every directed path from x to y. */
function withoutFirstCausalEdges(g: PlainGraph, x: string, y: string): PlainGraph {
  const first = new Set(causalPaths(g, x, y).map((p) => p[1]!));
  return { ...g, edges: g.edges.filter(([a, b]) => !(a === x && first.has(b))) };
}

/** Ancestors of the given nodes (themselves included), by depth-first search over parents. */
export function bruteAncestors(g: PlainGraph, of: readonly string[]): Set<string> {
  const out = new Set(of);
  const stack = [...of];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of g.edges) {
      if (b === v && !out.has(a)) {
        out.add(a);
        stack.push(a);
      }
    }
  }
  return out;
}

/**
 * For each instrument candidate, every conditioning set that makes it a conditional instrument;
 * with `ancestral`, only sets inside An(Y ∪ Z) of the graph without the first causal edges (the
 * ancestral instruments of van der Zander, Textor & Liśkiewicz).
 */
export function bruteInstruments(g: PlainGraph, x: string, y: string, ancestral = false): Map<string, string[][]> {
  const forb = bruteForbidden(g, x, y);
  const latent = new Set(g.latent);
  const admissible = g.nodes.filter((v) => !forb.has(v) && !latent.has(v)).sort();
  const tilde = withoutFirstCausalEdges(g, x, y);
  const openInG = pathOpenness(g);
  const openInTilde = pathOpenness(tilde);
  const out = new Map<string, string[][]>();
  for (const z of admissible) {
    const toX = allSimplePaths(g, z, x);
    const toY = allSimplePaths(tilde, z, y);
    const ancestors = ancestral ? bruteAncestors(tilde, [y, z]) : null;
    const sets = subsetsOf(admissible.filter((v) => v !== z && (ancestors === null || ancestors.has(v)))).filter((w) => {
      const given = new Set(w);
      return toX.some((p) => openInG(p, given)) && !toY.some((p) => openInTilde(p, given));
    });
    if (sets.length > 0) out.set(z, sets);
  }
  return out;
}

/** Whether (z, w) satisfies the conditional-instrument definition. */
export function bruteIsInstrument(g: PlainGraph, x: string, y: string, z: string, w: readonly string[]): boolean {
  const forb = bruteForbidden(g, x, y);
  const latent = new Set(g.latent);
  if ([z, ...w].some((v) => forb.has(v) || latent.has(v)) || w.includes(z)) return false;
  const given = new Set(w);
  const tilde = withoutFirstCausalEdges(g, x, y);
  const openInG = pathOpenness(g);
  const openInTilde = pathOpenness(tilde);
  return allSimplePaths(g, z, x).some((p) => openInG(p, given)) && !allSimplePaths(tilde, z, y).some((p) => openInTilde(p, given));
}

/** A checker of Pearl's front-door criterion for (x, y), precomputing the paths it needs. */
export function bruteFrontDoorChecker(g: PlainGraph, x: string, y: string): (set: readonly string[]) => boolean {
  const edges = edgeSet(g);
  const open = pathOpenness(g);
  const causal = causalPaths(g, x, y);
  const candidates = g.nodes.filter((v) => v !== x && v !== y);
  // (ii): an open back-door path from x to c, given ∅.
  const reachedFromX = new Set(candidates.filter((c) => allSimplePaths(g, x, c).some((p) => isEdge(edges, p[1]!, x) && open(p, new Set()))));
  // (iii): the interiors of the back-door paths from c to y that x leaves open.
  const openToY = new Map(
    candidates.map((c) => [c, allSimplePaths(g, c, y).filter((p) => isEdge(edges, p[1]!, c) && open(p, new Set([x]))).map((p) => p.slice(1, -1))] as const),
  );
  const latent = new Set(g.latent);
  return (set) => {
    const z = new Set(set);
    if (set.some((v) => latent.has(v) || v === x || v === y)) return false;
    if (causal.some((p) => !p.some((v) => z.has(v)))) return false;
    if (set.some((c) => reachedFromX.has(c))) return false;
    return !set.some((c) => openToY.get(c)!.some((interior) => !interior.some((v) => z.has(v))));
  };
}

/** Every front-door set for (x, y) among the observed nodes, sorted lexicographically. */
export function bruteFrontDoorSets(g: PlainGraph, x: string, y: string): string[][] {
  const latent = new Set(g.latent);
  const check = bruteFrontDoorChecker(g, x, y);
  return subsetsOf(g.nodes.filter((v) => v !== x && v !== y && !latent.has(v)).sort()).filter(check);
}

/** The inclusion-minimal members of a family of sorted sets, sorted lexicographically. */
export function minimalMembers(family: readonly string[][]): string[][] {
  return family.filter((s) => !family.some((t) => t.length < s.length && t.every((v) => s.includes(v)))).sort(compareSortedLists);
}
