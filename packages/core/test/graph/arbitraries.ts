/**
 * fast-check arbitraries for random DAGs: a random topological order, each forward pair an edge
 * with a drawn probability, some nodes latent; plus random disjoint node sets for queries.
 */
import fc from "fast-check";
import type { PlainGraph } from "./brute-force.reference.js";

/** Options for {@link dagArbitrary}. */
export interface DagArbitraryOptions {
  minNodes?: number;
  maxNodes?: number;
  /** Smallest edge probability, in percent. */
  minDensity?: number;
  /** Largest edge probability, in percent. */
  maxDensity?: number;
  /** Largest latent probability, in percent. */
  maxLatent?: number;
  /** Make the outcome the topologically last node and the exposure one of the others. */
  outcomeLast?: boolean;
}

/** A random DAG and a random query on it. */
export interface GraphCase {
  graph: PlainGraph;
  /** One or more exposures. */
  xs: string[];
  /** One or more outcomes, disjoint from xs. */
  ys: string[];
  /** Conditioning nodes, disjoint from xs and ys (may be empty). */
  zs: string[];
}

/** Node names whose code-unit order differs from their numeric order (n10 < n2). */
export const nodeName = (i: number): string => `n${i}`;

/**
 * A random DAG with a random query: one exposure and one outcome, plus (when `maxSetSize` > 1)
 * a few more of each, and a random conditioning set.
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

/** A permutation of a graph's input lists (nodes, edges, latent), driven by fast-check. */
export function permutedGraphArbitrary(graph: PlainGraph): fc.Arbitrary<PlainGraph> {
  return fc
    .record({
      nodes: fc.shuffledSubarray(graph.nodes, { minLength: graph.nodes.length, maxLength: graph.nodes.length }),
      edges: fc.shuffledSubarray(graph.edges, { minLength: graph.edges.length, maxLength: graph.edges.length }),
      latent: fc.shuffledSubarray(graph.latent, { minLength: graph.latent.length, maxLength: graph.latent.length }),
    })
    .map((p) => ({ nodes: p.nodes, edges: p.edges, latent: p.latent }));
}
