/**
 * Benchmark of d-separation on 1,000-node sparse DAGs (each node draws 0–5 parents among earlier
 * nodes: ≈2.5 edges per node; 10% latent nodes; a second family adds 50 bidirected edges). Target
 * of issue 3: one query under 5 ms. Measured separately: the query on a prebuilt graph
 * (`dSeparated`, and `dConnectingPath` with its witness), `createDag` alone, and build + query
 * together. The baseline, measured in the same run and paired run by run, is one plain
 * breadth-first search over the skeleton from the query's source on the same typed arrays — the
 * floor for any linear-time graph search. For the build, a second baseline is the bare work of
 * reading the input: one pass that counts the edges per node through a Map of the names.
 *
 * Run: `cd /work/main && npx tsx --conditions=@olumi/source benchmarks/src/dseparation-1000.ts`
 */
import { createDag, dConnectingPath, dSeparated, type Dag, type DagInput } from "../../packages/core/src/graph/index.js";
import { printTable, mid, paired } from "../support/timing.js";
import { mulberry32, randomSparseDagInput, skeletonBfs } from "../support/graphs.js";




/** The bare reading of the input: names into a Map, then one pass over the edges counting degrees. */
function readInput(input: DagInput): number {
  const index = new Map<string, number>();
  input.nodes.forEach((name, i) => index.set(name, i));
  const degree = new Int32Array(input.nodes.length);
  for (const [a, b] of input.edges) {
    degree[index.get(a)!]! += 1;
    degree[index.get(b)!]! += 1;
  }
  return degree[0]!;
}



const N = 1000;
const GRAPHS = 5;
const QUERIES = 200;
let sink = 0;

for (const bidirected of [0, 50]) {
  const rows: (string | number)[][] = [];
  const acc = new Map<string, { op: number[]; base: number[]; ratio: number[] }>();
  const record = (what: string, count: number, p: { op: number; base: number; ratio: number }): void => {
    const entry = acc.get(what) ?? { op: [], base: [], ratio: [] };
    entry.op.push((1000 * p.op) / count);
    entry.base.push((1000 * p.base) / count);
    entry.ratio.push(p.ratio);
    acc.set(what, entry);
  };
  let edges = 0;
  for (let g = 0; g < GRAPHS; g++) {
    const input = randomSparseDagInput(N, 2000 + g, { bidirected });
    const dag = createDag(input);
    edges += input.edges.length;
    const rand = mulberry32(500 + g);
    const visible = input.nodes;
    const observed = visible.filter((v) => !(input.latent ?? []).includes(v));
    const queries = Array.from({ length: QUERIES }, () => {
      const x = visible[Math.floor(rand() * N)]!;
      let y = x;
      while (y === x) y = visible[Math.floor(rand() * N)]!;
      const z = observed.filter((v) => v !== x && v !== y && rand() < 4 / observed.length);
      return { x, y, z, xi: dag.indexOf.get(x)! };
    });
    const seen = new Uint8Array(dag.size);
    const queue = new Int32Array(dag.size);
    const bfsAll = (): void => {
      for (const q of queries) sink += skeletonBfs(dag, q.xi, seen, queue);
    };
    record("dSeparated, prebuilt graph", QUERIES, paired(() => queries.forEach((q) => (sink += dSeparated(dag, q.x, q.y, q.z) ? 1 : 0)), bfsAll, 31, 5));
    record("dConnectingPath (witness), prebuilt", QUERIES, paired(() => queries.forEach((q) => (sink += dConnectingPath(dag, q.x, q.y, q.z)?.nodes.length ?? 0)), bfsAll, 31, 5));
    const q0 = queries[0]!;
    record("createDag alone", 1, paired(() => (sink += createDag(input).size), () => (sink += skeletonBfs(dag, q0.xi, seen, queue)), 21, 3));
    record("createDag alone vs reading the input", 1, paired(() => (sink += createDag(input).size), () => (sink += readInput(input)), 21, 3));
    record("build + one query", 1, paired(() => (sink += dSeparated(createDag(input), q0.x, q0.y, q0.z) ? 1 : 0), () => (sink += skeletonBfs(dag, q0.xi, seen, queue)), 21, 3));
  }
  for (const [what, r] of acc) rows.push([what, mid(r.op).toFixed(1), mid(r.base).toFixed(1), `${mid(r.ratio).toFixed(1)}×`]);
  printTable(
    `d-separation, ${N} nodes, mean ${(edges / GRAPHS).toFixed(0)} directed edges, 10% latent, ${bidirected} bidirected edges (${GRAPHS} graphs, ${QUERIES} queries each; medians)`,
    ["operation", "µs per op", "baseline µs", "ratio"],
    rows,
  );
}
console.log("\nbaseline: one skeleton BFS from the query's source (except 'vs reading the input': a Map of the names and one pass over the edges)");
if (sink === -1) console.log("unreachable");
