/**
 * fast-check arbitraries for random DAG queries: a random topological order, each forward pair an
 * edge with a drawn probability, some nodes latent, and random disjoint node sets X, Y, Z for
 * d-separation and adjustment queries; plus a permutation of a graph's input lists (for
 * order-independence properties). Complexity: O(N²) draws per graph (one roll per forward pair).
 * Reference: none (test-data generation); DAGs drawn by orienting a random graph along a random
 * permutation, as in P. Erdős, A. Rényi (1959) with a random order.
 */
import fc from "fast-check";

/** A graph as plain lists, ready for `createDag`. */
export interface GraphSpec {
  /** Node names. */
  nodes: string[];
  /** Directed edges `[from, to]`. */
  edges: [string, string][];
  /** Latent (unobserved) nodes. */
  latent: string[];
  /** Bidirected edges `[a, b]` (unobserved common causes), when the graph has any. */
  bidirected?: [string, string][];
}

/** Options of {@link graphCaseArbitrary}. */
export interface DagArbitraryOptions {
  /** Fewest nodes (default 4, at least 2). */
  minNodes?: number;
  /** Most nodes (default 10). */
  maxNodes?: number;
  /** Smallest edge probability, in percent (default 10). */
  minDensity?: number;
  /** Largest edge probability, in percent (default 50). */
  maxDensity?: number;
  /** Largest latent probability, in percent (default 30). */
  maxLatent?: number;
  /** Make the outcome the topologically last node and the exposure one of the others. */
  outcomeLast?: boolean;
}

/** A random DAG and a random query on it. */
export interface GraphCase {
  /** The graph (no bidirected edges). */
  graph: GraphSpec;
  /** One or more exposures. */
  xs: string[];
  /** One or more outcomes, disjoint from xs. */
  ys: string[];
  /** Conditioning nodes, disjoint from xs and ys (may be empty). */
  zs: string[];
}

/**
 * The name of node `i`: `n0`, `n1`, … — chosen so that code-unit order differs from numeric
 * order (`n10` < `n2`), which catches code that confuses the two.
 *
 * @param i - Node number.
 * @returns The name.
 */
export const nodeName = (i: number): string => `n${i}`;

/**
 * A random DAG with a random query: one exposure and one outcome, plus (when `maxSetSize` > 1) a
 * few more of each, and a random conditioning set. Latent nodes may be in any role. Graph sizes
 * are drawn without fast-check's bias towards small values (tiny graphs make trivial cases).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(graphCaseArbitrary({ maxNodes: 8 }), ({ graph, xs, ys, zs }) => {
 *   const dag = createDag(graph);
 *   expect(dSeparated(dag, xs, ys, zs)).toBe(dSeparated(dag, ys, xs, zs));
 * }), { seed: 1 });
 * ```
 *
 * @param options - Graph size, density and latent rate; `maxSetSize` (default 1) caps |X| and |Y|.
 * @returns The arbitrary.
 */
export function graphCaseArbitrary(options: DagArbitraryOptions & { maxSetSize?: number } = {}): fc.Arbitrary<GraphCase> {
  const { minNodes = 4, maxNodes = 10, minDensity = 10, maxDensity = 50, maxLatent = 30, maxSetSize = 1, outcomeLast = false } = options;
  // NOTE: noBias keeps fast-check from favouring tiny graphs, where almost every answer is trivial.
  return fc.noBias(fc.integer({ min: Math.max(2, minNodes), max: maxNodes })).chain((n) => {
    const range = Array.from({ length: n }, (_, i) => i);
    return fc
      .record({
        order: fc.shuffledSubarray(range, { minLength: n, maxLength: n }),
        density: fc.noBias(fc.integer({ min: Math.min(minDensity, maxDensity), max: maxDensity })),
        latentRate: fc.noBias(fc.integer({ min: 0, max: maxLatent })),
        edgeRolls: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
        latentRolls: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), { minLength: n, maxLength: n }),
        roleRolls: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), { minLength: n, maxLength: n }),
        conditionRate: fc.noBias(fc.integer({ min: 0, max: 60 })),
        x: fc.noBias(fc.integer({ min: 0, max: n - 1 })),
        y: fc.noBias(fc.integer({ min: 0, max: n - 2 })),
        orient: fc.noBias(fc.integer({ min: 0, max: 99 })),
      })
      .map((r) => {
        const names = r.order.map(nodeName);
        const edges: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) if (r.edgeRolls[k++]! >= 100 - r.density) edges.push([names[i]!, names[j]!]);
        }
        const latent = names.filter((_, i) => r.latentRolls[i]! < r.latentRate);
        const first = names[r.x]!;
        const second = names.filter((v) => v !== first)[r.y]!;
        // Mostly put the exposure upstream of the outcome, so that causal paths are common.
        const upstream = names.indexOf(first) < names.indexOf(second);
        const [x, y] = outcomeLast ? [names[Math.floor(n / 3) + (r.y % (n - 1 - Math.floor(n / 3)))]!, names[n - 1]!] : upstream === r.orient < 75 ? [first, second] : [second, first];
        const xs = [x];
        const ys = [y];
        const zs: string[] = [];
        names.forEach((v, i) => {
          if (v === x || v === y) return;
          const roll = r.roleRolls[i]!;
          if (maxSetSize > 1 && roll < 8 && xs.length < maxSetSize) xs.push(v);
          else if (maxSetSize > 1 && roll >= 92 && ys.length < maxSetSize) ys.push(v);
          else if (roll >= 20 && roll < 20 + r.conditionRate) zs.push(v);
        });
        return { graph: { nodes: range.map(nodeName), edges, latent }, xs, ys, zs };
      });
  });
}

/**
 * A permutation of a graph's input lists (nodes, edges, latent nodes and, when present,
 * bidirected edges, each of which may also be written the other way round). Every graph
 * algorithm must give the same answer on all of them.
 *
 * @param graph - The graph.
 * @returns An arbitrary of equivalent inputs.
 */
export function permutedGraphArbitrary(graph: GraphSpec): fc.Arbitrary<GraphSpec> {
  const shuffled = <T>(list: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  const base = fc.record({ nodes: shuffled(graph.nodes), edges: shuffled(graph.edges), latent: shuffled(graph.latent) });
  const bidirected = graph.bidirected;
  if (bidirected === undefined) return base.map((p) => ({ nodes: p.nodes, edges: p.edges, latent: p.latent }));
  return fc
    .tuple(base, shuffled(bidirected), fc.array(fc.boolean(), { minLength: bidirected.length, maxLength: bidirected.length }))
    .map(([p, pairs, flips]) => ({
      nodes: p.nodes,
      edges: p.edges,
      latent: p.latent,
      bidirected: pairs.map(([a, b], i): [string, string] => (flips[i] ? [b, a] : [a, b])),
    }));
}
