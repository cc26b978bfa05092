/**
 * Shared pieces of the graph benchmarks: a small seeded generator for building random inputs, and
 * the linear-time floor every graph algorithm is compared with (one BFS over the skeleton).
 */
import type { Dag } from "../../packages/core/src/graph/index.js";

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
