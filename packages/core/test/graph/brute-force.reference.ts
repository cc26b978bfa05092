/**
 * Brute-force references for the graph module, written from the definitions and sharing no code
 * with it: d-separation by listing every simple path and checking each for blocking; the
 * generalised adjustment criterion by listing proper causal paths and testing every subset of the
 * observed nodes. Exponential; for graphs of at most about 12 nodes.
 */

/** A graph as plain lists. */
export interface PlainGraph {
  nodes: string[];
  edges: [string, string][];
  latent: string[];
}

/**
 * The graph with each bidirected edge a ↔ b replaced by an explicit latent node `U_a_b` with edges
 * to a and b (the brute-force references work on DAGs with latent nodes only).
 */
export function explicitLatents(g: {
  readonly nodes: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
  readonly latent: readonly string[];
  readonly bidirected?: readonly (readonly [string, string])[] | undefined;
}): PlainGraph {
  const nodes = [...g.nodes];
  const edges: [string, string][] = g.edges.map(([a, b]) => [a, b]);
  const latent = [...g.latent];
  for (const [a, b] of g.bidirected ?? []) {
    const u = `U_${a}_${b}`;
    nodes.push(u);
    latent.push(u);
    edges.push([u, a], [u, b]);
  }
  return { nodes, edges, latent };
}

/** Parents and children by name. */
interface Links {
  parents: Map<string, Set<string>>;
  children: Map<string, Set<string>>;
}

function links(g: PlainGraph): Links {
  const parents = new Map<string, Set<string>>(g.nodes.map((v) => [v, new Set<string>()]));
  const children = new Map<string, Set<string>>(g.nodes.map((v) => [v, new Set<string>()]));
  for (const [a, b] of g.edges) {
    children.get(a)!.add(b);
    parents.get(b)!.add(a);
  }
  return { parents, children };
}

/** Descendants of v, v included, by depth-first search. */
export function bruteDescendants(g: PlainGraph, v: string): Set<string> {
  const { children } = links(g);
  const out = new Set<string>([v]);
  const stack = [v];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!)!) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** Every simple path from `from` to `to` in the skeleton, as node lists. */
export function allSimplePaths(g: PlainGraph, from: string, to: string): string[][] {
  const { parents, children } = links(g);
  const out: string[][] = [];
  const path = [from];
  const on = new Set([from]);
  const walk = (v: string): void => {
    for (const w of [...parents.get(v)!, ...children.get(v)!]) {
      if (on.has(w)) continue;
      if (w === to) {
        out.push([...path, w]);
        continue;
      }
      on.add(w);
      path.push(w);
      walk(w);
      path.pop();
      on.delete(w);
    }
  };
  walk(from);
  return out;
}

/**
 * A checker of whether a path is d-connecting given Z: every collider has a descendant in Z, no
 * non-collider is in Z. Caches the edges and descendant sets of `g`.
 */
export function pathOpenness(g: PlainGraph): (path: readonly string[], z: ReadonlySet<string>) => boolean {
  const edge = new Set(g.edges.map(([a, b]) => `${a}\u0000${b}`));
  const descendants = new Map(g.nodes.map((v) => [v, bruteDescendants(g, v)]));
  return (path, z) => {
    for (let i = 1; i < path.length - 1; i++) {
      const v = path[i]!;
      const collider = edge.has(`${path[i - 1]!}\u0000${v}`) && edge.has(`${path[i + 1]!}\u0000${v}`);
      if (collider) {
        const de = descendants.get(v)!;
        if (![...z].some((s) => de.has(s))) return false;
      } else if (z.has(v)) return false;
    }
    return true;
  };
}

/** Whether one path is d-connecting given Z (see {@link pathOpenness}). */
export function pathIsOpen(g: PlainGraph, path: readonly string[], z: ReadonlySet<string>): boolean {
  return pathOpenness(g)(path, z);
}

/** d-separation of X and Y given Z by checking every simple path between them. */
export function bruteDSeparated(g: PlainGraph, xs: readonly string[], ys: readonly string[], zs: readonly string[]): boolean {
  const z = new Set(zs);
  const open = pathOpenness(g);
  for (const x of xs) for (const y of ys) for (const p of allSimplePaths(g, x, y)) if (open(p, z)) return false;
  return true;
}

/** Back-door paths (first edge into x) open given Z, shortest first then lexicographic by names. */
export function bruteBackdoorPaths(g: PlainGraph, x: string, y: string, zs: readonly string[], interior?: (v: string) => boolean): string[][] {
  const edge = new Set(g.edges.map(([a, b]) => `${a}\u0000${b}`));
  const z = new Set(zs);
  const open = pathOpenness(g);
  return allSimplePaths(g, x, y)
    .filter((p) => edge.has(`${p[1]!}\u0000${x}`) && open(p, z) && p.slice(1, -1).every((v) => interior === undefined || interior(v)))
    .sort(comparePaths);
}

/** Shortest first, then element-wise code-unit order. */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** What the literal adjustment criterion says about every subset of the candidates. */
export interface BruteAdjustment {
  /** Observed nodes outside X ∪ Y, sorted: bit i of a subset mask is candidates[i]. */
  candidates: string[];
  /** valid[mask]: the subset satisfies the criterion. */
  valid: boolean[];
  /** Minimal valid sets (no valid proper subset), sorted lists, list sorted. */
  minimal: string[][];
  /** An(X ∪ Y) ∩ (candidates \ Forb) when valid, else null. */
  canonical: string[] | null;
  /** An(X ∪ Y) ∩ (candidates \ Forb), valid or not. */
  canonicalCandidate: string[];
  /** Forb(X, Y) = De(nodes other than X on proper causal paths) ∪ X ∪ Y. */
  forbidden: Set<string>;
  /** The proper back-door graph. */
  backdoorGraph: PlainGraph;
}

/** Every directed simple path from `from` to any node of `to`. */
function directedPaths(g: PlainGraph, from: string, to: ReadonlySet<string>): string[][] {
  const { children } = links(g);
  const out: string[][] = [];
  const walk = (path: string[]): void => {
    for (const c of children.get(path[path.length - 1]!)!) {
      const next = [...path, c];
      if (to.has(c)) out.push(next);
      walk(next);
    }
  };
  walk([from]);
  return out;
}

/** The generalised adjustment criterion applied literally to every subset (at most ~12 nodes). */
export function bruteAdjustment(g: PlainGraph, xs: readonly string[], ys: readonly string[]): BruteAdjustment {
  const xSet = new Set(xs);
  const ySet = new Set(ys);
  const proper = xs.flatMap((x) => directedPaths(g, x, ySet)).filter((p) => p.slice(1).every((v) => !xSet.has(v)));
  const forbidden = new Set<string>([...xs, ...ys]);
  for (const p of proper) for (const v of p.slice(1)) for (const d of bruteDescendants(g, v)) forbidden.add(d);
  const firstEdges = new Set(proper.map((p) => `${p[0]!}\u0000${p[1]!}`));
  const backdoorGraph: PlainGraph = { ...g, edges: g.edges.filter(([a, b]) => !firstEdges.has(`${a}\u0000${b}`)) };
  const latent = new Set(g.latent);
  const candidates = g.nodes.filter((v) => !latent.has(v) && !xSet.has(v) && !ySet.has(v)).sort();
  const paths = xs.flatMap((x) => ys.flatMap((y) => allSimplePaths(backdoorGraph, x, y)));
  const open = pathOpenness(backdoorGraph);
  const size = 1 << candidates.length;
  const valid: boolean[] = new Array<boolean>(size).fill(false);
  for (let mask = 0; mask < size; mask++) {
    const z = candidates.filter((_, i) => (mask >> i) & 1);
    if (z.some((v) => forbidden.has(v))) continue;
    const zSet = new Set(z);
    valid[mask] = paths.every((p) => !open(p, zSet));
  }
  const minimal: string[][] = [];
  for (let mask = 0; mask < size; mask++) {
    if (!valid[mask]) continue;
    let isMinimal = true;
    for (let sub = (mask - 1) & mask; isMinimal; sub = (sub - 1) & mask) {
      if (valid[sub]) isMinimal = false;
      if (sub === 0) break;
    }
    if (mask === 0) isMinimal = true;
    if (isMinimal) minimal.push(candidates.filter((_, i) => (mask >> i) & 1));
  }
  minimal.sort(compareSortedLists);
  const ancestors = new Set<string>();
  for (const v of g.nodes) if ([...bruteDescendants(g, v)].some((d) => xSet.has(d) || ySet.has(d))) ancestors.add(v);
  const canonicalSet = candidates.filter((v) => ancestors.has(v) && !forbidden.has(v));
  const canonicalMask = canonicalSet.reduce((m, v) => m | (1 << candidates.indexOf(v)), 0);
  return { candidates, valid, minimal, canonical: valid[canonicalMask] ? canonicalSet : null, canonicalCandidate: canonicalSet, forbidden, backdoorGraph };
}

/** Lexicographic order of sorted lists (a prefix first). */
export function compareSortedLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** Bit mask of a set of candidate names. */
export function maskOfNames(candidates: readonly string[], names: readonly string[]): number {
  return names.reduce((m, v) => m | (1 << candidates.indexOf(v)), 0);
}
