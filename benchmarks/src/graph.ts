/**
 * Benchmark of the graph core on random 200-node DAGs (~2.5 edges per node, 10% latent nodes):
 * d-separation queries, the canonical and minimum adjustment sets, and the enumeration of minimal
 * adjustment sets (first set, and all sets capped at 100). Brute force is infeasible at this size,
 * so the baseline, measured in the same run on the same typed adjacency, is one plain breadth-first
 * search over the skeleton from the query's source — the floor for any linear-time graph algorithm.
 * Each figure is the median of repeated timed runs after a warm-up; ratios are time / baseline.
 *
 * Run: `cd /work/main && npx tsx --conditions=@olumi/source benchmarks/src/graph.ts`
 */
import {
  canonicalAdjustmentSet,
  createDag,
  dSeparated,
  enumerateMinimalAdjustmentSets,
  minimalAdjustmentSets,
  minimumAdjustmentSet,
  topologicalNames,
  type Dag,
} from "../../packages/core/src/graph/index.js";
import { mulberry32, randomSparseDagInput, skeletonBfs } from "../support/graphs.js";
import { mid, paired, type Paired } from "../support/timing.js";







const GRAPHS = 5;
const N = 200;
const QUERIES = 500;
const PAIRS = 20;
let sink = 0;

/** Per-graph results, in µs per operation. */
const results = new Map<string, { op: number[]; base: number[]; ratio: number[] }>();
const record = (what: string, count: number, p: Paired): void => {
  const entry = results.get(what) ?? { op: [], base: [], ratio: [] };
  entry.op.push((1000 * p.op) / count);
  entry.base.push((1000 * p.base) / count);
  entry.ratio.push(p.ratio);
  results.set(what, entry);
};
let edgeTotal = 0;
let setsFound = 0;
let capped = 0;

for (let g = 0; g < GRAPHS; g++) {
  const dag = createDag(randomSparseDagInput(N, 1000 + g));
  edgeTotal += dag.edgeCount;
  const rand = mulberry32(77 + g);
  const order = topologicalNames(dag);
  const observed = dag.names.filter((_, v) => dag.latent[v] === 0);
  const seen = new Uint8Array(dag.size);
  const queue = new Int32Array(dag.size);

  // d-separation: random pairs, random conditioning sets of about 4 observed nodes.
  const queries = Array.from({ length: QUERIES }, () => {
    const x = dag.names[Math.floor(rand() * N)]!;
    let y = x;
    while (y === x) y = dag.names[Math.floor(rand() * N)]!;
    const z = observed.filter((v) => v !== x && v !== y && rand() < 4 / observed.length);
    return { x, y, z, xi: dag.indexOf.get(x)! };
  });
  const bfsQueries = (): void => {
    for (const q of queries) sink += skeletonBfs(dag, q.xi, seen, queue);
  };
  record("dSeparated (one query)", QUERIES, paired(() => {
    for (const q of queries) sink += dSeparated(dag, q.x, q.y, q.z) ? 1 : 0;
  }, bfsQueries, 21, 3));

  // Adjustment: exposure in the upper half of the order, outcome in the lower half.
  const pairs = Array.from({ length: PAIRS }, () => {
    const x = order[Math.floor(rand() * (N / 2))]!;
    const y = order[N / 2 + Math.floor(rand() * (N / 2))]!;
    return { x, y, xi: dag.indexOf.get(x)! };
  });
  const bfsPairs = (): void => {
    for (const p of pairs) sink += skeletonBfs(dag, p.xi, seen, queue);
  };
  const perPair = (what: string, fn: (p: (typeof pairs)[number]) => number): void =>
    record(what, PAIRS, paired(() => pairs.forEach((p) => (sink += fn(p))), bfsPairs, 9, 2));
  perPair("canonicalAdjustmentSet", (p) => canonicalAdjustmentSet(dag, p.x, p.y)?.length ?? 0);
  perPair("minimal sets: first set", (p) => enumerateMinimalAdjustmentSets(dag, p.x, p.y)[Symbol.iterator]().next().value?.length ?? 0);
  perPair("minimal sets: all, cap 100", (p) => minimalAdjustmentSets(dag, p.x, p.y, { maxResults: 100 }).sets.length);
  perPair("minimumAdjustmentSet", (p) => minimumAdjustmentSet(dag, p.x, p.y)?.length ?? 0);
  for (const p of pairs) {
    const r = minimalAdjustmentSets(dag, p.x, p.y, { maxResults: 100 });
    setsFound += r.sets.length;
    if (r.truncated) capped++;
  }
}

console.log(`graph benchmark: ${GRAPHS} random DAGs, ${N} nodes, mean ${(edgeTotal / GRAPHS).toFixed(0)} edges, 10% latent`);
console.log(`adjustment pairs: ${GRAPHS * PAIRS}; minimal sets listed (cap 100): ${setsFound}; pairs hitting the cap: ${capped}`);
console.log("medians over graphs of per-graph medians; ratio = op / baseline, paired run by run");
console.log("operation                        µs per op   baseline BFS µs   ratio");
for (const [what, r] of results) {
  console.log(`${what.padEnd(32)} ${mid(r.op).toFixed(2).padStart(9)}   ${mid(r.base).toFixed(2).padStart(15)}   ${mid(r.ratio).toFixed(1).padStart(5)}×`);
}
if (sink === -1) console.log("unreachable");
