/**
 * Shared pieces of the graph benchmarks: a small seeded generator, the random sparse DAGs they run
 * on, and the linear-time floor every graph algorithm is compared with (one BFS over the skeleton).
 */
import type { Dag, DagInput } from "../../packages/core/src/graph/index.js";

/** mulberry32: a small seeded 32-bit generator (a benchmark's only randomness). Uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random sparse DAG input: nodes v0 … v(n−1) in a shuffled order, each drawing 0–5 parents among
 * earlier nodes (≈ 2.5 edges per node), each node latent with probability `latentRate`, then
 * `bidirected` random pairs of distinct nodes.
 *
 * @param n - Number of nodes.
 * @param seed - Seed of the mulberry32 stream (the same seed gives the same graph).
 * @param options - Latent rate (default 0.1) and number of bidirected pairs (default 0).
 */
export function randomSparseDagInput(n: number, seed: number, options: { latentRate?: number; bidirected?: number } = {}): DagInput {
  const rand = mulberry32(seed);
  const names = Array.from({ length: n }, (_, i) => `v${i}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const edges: [string, string][] = [];
  for (let j = 1; j < n; j++) {
    const k = Math.floor(rand() * 6);
    for (let t = 0; t < k; t++) edges.push([names[Math.floor(rand() * j)]!, names[j]!]);
  }
  const latentRate = options.latentRate ?? 0.1;
  const latent = names.filter(() => rand() < latentRate);
  const pairs: [string, string][] = [];
  while (pairs.length < (options.bidirected ?? 0)) {
    const a = names[Math.floor(rand() * n)]!;
    const b = names[Math.floor(rand() * n)]!;
    if (a !== b) pairs.push([a, b]);
  }
  return { nodes: names, edges, latent, bidirected: pairs };
}

/** One breadth-first search over the skeleton from `source`: the linear-time floor. Returns the nodes reached. */
export function skeletonBfs(dag: Dag, source: number, seen: Uint8Array, queue: Int32Array): number {
  seen.fill(0);
  seen[source] = 1;
  queue[0] = source;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = dag.childStart[v]!; k < dag.childStart[v + 1]!; k++) {
      const w = dag.children[k]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
    for (let k = dag.parentStart[v]!; k < dag.parentStart[v + 1]!; k++) {
      const w = dag.parents[k]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}
