/**
 * Brute-force references for mixed graphs, written from the definitions and sharing no code with
 * the graph module: the canonical DAG of a graph with bidirected edges (each a ↔ b an explicit
 * latent node), the latent projection by listing every simple path of the DAG, and m-separation
 * in an ADMG by listing every simple path of edges. Exponential; for graphs of at most ~10 nodes.
 */
import { allSimplePaths, type PlainGraph } from "./brute-force.reference.js";

/** A graph that may have bidirected edges. */
export interface MixedGraph extends PlainGraph {
  bidirected?: [string, string][];
}

/**
 * The same graph with each bidirected edge a ↔ b (the i-th distinct one) replaced by an explicit
 * latent node `u_i` with u_i → a and u_i → b. The names `u_i` must not be node names of `g`.
 */
export function explicitLatentGraph(g: MixedGraph): PlainGraph {
  const nodes = [...g.nodes];
  const edges = [...g.edges];
  const latent = [...g.latent];
  const seen = new Set<string>();
  for (const [a, b] of g.bidirected ?? []) {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const u = `u_${seen.size}`;
    nodes.push(u);
    latent.push(u);
    edges.push([u, a], [u, b]);
  }
  return { nodes, edges, latent };
}

/** The latent projection as sets of `a>b` (directed) and `a<>b` with a < b (bidirected) strings. */
export interface BruteProjection {
  observed: string[];
  directed: Set<string>;
  bidirected: Set<string>;
}

/**
 * The latent projection from the definition: for every pair of observed nodes, every simple path
 * between them whose interior is latent; a directed one a → … → b gives a → b, a collider-free one
 * with arrowheads at both ends gives a ↔ b.
 */
export function bruteProjection(g: PlainGraph): BruteProjection {
  const latent = new Set(g.latent);
  const observed = g.nodes.filter((v) => !latent.has(v)).sort();
  const edge = new Set(g.edges.map(([a, b]) => `${a}\u0000${b}`));
  const points = (a: string, b: string): boolean => edge.has(`${a}\u0000${b}`);
  const directed = new Set<string>();
  const bidirected = new Set<string>();
  for (const a of observed) {
    for (const b of observed) {
      if (a === b) continue;
      for (const p of allSimplePaths(g, a, b)) {
        if (!p.slice(1, -1).every((v) => latent.has(v))) continue;
        const forward = p.slice(1).map((v, i) => points(p[i]!, v));
        if (forward.every((f) => f)) directed.add(`${a}>${b}`);
        const intoA = !forward[0]!;
        const intoB = forward[forward.length - 1]!;
        const colliderFree = forward.every((f, i) => i === 0 || !(forward[i - 1]! && !f));
        if (a < b && intoA && intoB && colliderFree) bidirected.add(`${a}<>${b}`);
      }
    }
  }
  return { observed, directed, bidirected };
}

/** One edge of a mixed graph seen from one end: the neighbour, and whether each end has an arrowhead. */
interface Step {
  to: string;
  arrowAtFrom: boolean;
  arrowAtTo: boolean;
}

/**
 * m-separation of X and Y given Z in an ADMG, from the definition: no simple path (a sequence of
 * edges, so a → b and a ↔ b are different paths) between a node of X and a node of Y on which
 * every collider (arrowheads on both sides) is an ancestor of Z and no non-collider is in Z.
 */
export function bruteMSeparated(
  nodes: readonly string[],
  directed: readonly (readonly [string, string])[],
  bidirected: readonly (readonly [string, string])[],
  xs: readonly string[],
  ys: readonly string[],
  zs: readonly string[],
): boolean {
  const steps = new Map<string, Step[]>(nodes.map((v) => [v, []]));
  for (const [a, b] of directed) {
    steps.get(a)!.push({ to: b, arrowAtFrom: false, arrowAtTo: true });
    steps.get(b)!.push({ to: a, arrowAtFrom: true, arrowAtTo: false });
  }
  for (const [a, b] of bidirected) {
    steps.get(a)!.push({ to: b, arrowAtFrom: true, arrowAtTo: true });
    steps.get(b)!.push({ to: a, arrowAtFrom: true, arrowAtTo: true });
  }
  // Ancestors of Z (Z included) by the directed edges.
  const z = new Set(zs);
  const anZ = new Set(zs);
  const stack = [...zs];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of directed) {
      if (b === v && !anZ.has(a)) {
        anZ.add(a);
        stack.push(a);
      }
    }
  }
  const targets = new Set(ys);
  const on = new Set<string>();
  // Depth-first over simple paths; `arrowIntoCur` says whether the edge we came by has an arrowhead at cur.
  const walk = (cur: string, arrowIntoCur: boolean | null): boolean => {
    for (const s of steps.get(cur)!) {
      if (on.has(s.to)) continue;
      if (arrowIntoCur !== null) {
        const collider = arrowIntoCur && s.arrowAtFrom;
        if (collider ? !anZ.has(cur) : z.has(cur)) continue;
      }
      if (targets.has(s.to)) return true;
      on.add(s.to);
      const found = walk(s.to, s.arrowAtTo);
      on.delete(s.to);
      if (found) return true;
    }
    return false;
  };
  for (const x of xs) {
    on.add(x);
    const found = walk(x, null);
    on.delete(x);
    if (found) return false;
  }
  return true;
}
