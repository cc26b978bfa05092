/**
 * Benchmark of the identification strategies beyond adjustment: the front-door construction (the
 * largest front-door set, linear time), one minimal front-door set, the capped listing of minimal
 * front-door sets, and the conditional-instrument search, on random DAGs with an unobserved X ↔ Y
 * confounder (so that adjustment fails), at 50 nodes (the HTTP limit), 200 and 1,000 nodes.
 * Baselines measured in the same run: one breadth-first search over the skeleton (the floor of any
 * linear-time graph algorithm) on the large graphs, and the brute-force references of the property
 * tests (every subset, every simple path) on 9-node graphs.
 *
 * Run: `cd /work/main && npx tsx --conditions=@olumi/source benchmarks/src/instruments.ts`
 */
import {
  conditionalInstruments,
  createDag,
  frontDoorSet,
  hasCausalPath,
  minimalFrontDoorSet,
  minimalFrontDoorSets,
  type Dag,
} from "../../packages/core/src/graph/index.js";
import type { PlainGraph } from "../../packages/core/test/graph/brute-force.reference.js";
import { bruteFrontDoorSets, bruteInstruments } from "../../packages/core/test/graph/identification-strategies.reference.js";
import { medianMs, printTable } from "../support/timing.js";
import { mulberry32, skeletonBfs } from "../support/graphs.js";


interface Case {
  graph: PlainGraph & { bidirected: [string, string][] };
  x: string;
  y: string;
}

/**
 * A random DAG in topological order v0…v(n−1): each node draws up to `maxParents` parents among the
 * `window` nodes before it (so paths are long and mediated), 10% of nodes latent, plus X ↔ Y between
 * an early X and a late Y that X reaches.
 */
function randomCase(n: number, maxParents: number, window: number, seed: number): Case {
  const rand = mulberry32(seed);
  for (;;) {
    const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
    const edges: [string, string][] = [];
    for (let j = 1; j < n; j++) {
      const k = 1 + Math.floor(rand() * maxParents);
      for (let t = 0; t < k; t++) edges.push([nodes[Math.max(0, j - 1 - Math.floor(rand() * window))]!, nodes[j]!]);
    }
    const x = nodes[Math.floor(rand() * (n / 4))]!;
    const y = nodes[n - 1 - Math.floor(rand() * (n / 4))]!;
    const latent = nodes.filter((v) => v !== x && v !== y && rand() < 0.1);
    const graph = { nodes, edges: [...new Map(edges.map((e) => [e.join(">"), e])).values()], latent, bidirected: [[x, y]] as [string, string][] };
    if (hasCausalPath(createDag(graph), x, y)) return { graph, x, y };
  }
}

/**
 * A DAG where front-door sets exist: X = v0 feeds `k` mediators (whose parents are X and earlier
 * mediators only), every other node draws parents among the mediators and earlier nodes (never X),
 * 10% of those are latent, Y is the last node, and X ↔ Y.
 */
function frontDoorCase(n: number, k: number, seed: number): Case {
  const rand = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges: [string, string][] = [];
  for (let j = 1; j <= k; j++) {
    edges.push(["v0", nodes[j]!]);
    if (j > 1 && rand() < 0.5) edges.push([nodes[1 + Math.floor(rand() * (j - 1))]!, nodes[j]!]);
  }
  for (let j = k + 1; j < n; j++) {
    const parents = 1 + Math.floor(rand() * 3);
    for (let t = 0; t < parents; t++) edges.push([nodes[1 + Math.floor(rand() * (j - 1))]!, nodes[j]!]);
  }
  const latent = nodes.filter((_, i) => i > k && i < n - 1 && rand() < 0.1);
  const graph = { nodes, edges: [...new Map(edges.map((e) => [e.join(">"), e])).values()], latent, bidirected: [["v0", nodes[n - 1]!]] as [string, string][] };
  return { graph, x: "v0", y: nodes[n - 1]! };
}


/** Times `fn` and records a row against the BFS baseline of `dag`. */
function timeRows(rows: (string | number)[][], dag: Dag, from: string, entries: [string, () => string, { warmup?: number; reps?: number }][]): void {
  const seen = new Uint8Array(dag.size);
  const queue = new Int32Array(dag.size);
  const bfs = medianMs(() => skeletonBfs(dag, dag.indexOf.get(from)!, seen, queue), { warmup: 200, reps: 101 });
  for (const [what, run, reps] of entries) {
    const result = run();
    const ms = medianMs(run, reps);
    rows.push([`${what}, ${dag.size} nodes / ${dag.edgeCount} edges`, result, ms.toFixed(3), bfs.toFixed(4), (ms / bfs).toFixed(1)]);
  }
}

const frontDoorRows: (string | number)[][] = [];
for (const [n, k, seed] of [
  [50, 6, 11],
  [200, 12, 12],
  [1000, 25, 13],
] as const) {
  const c = frontDoorCase(n, k, seed);
  const dag = createDag(c.graph);
  timeRows(frontDoorRows, dag, c.x, [
    ["largest front-door set", () => `${frontDoorSet(dag, c.x, c.y)?.length ?? "none"} nodes`, {}],
    ["one minimal front-door set", () => `${minimalFrontDoorSet(dag, c.x, c.y)?.length ?? "none"} nodes`, { reps: 5 }],
    ["minimal front-door sets (cap 100)", () => { const l = minimalFrontDoorSets(dag, c.x, c.y, { maxResults: 100 }); return `${l.sets.length}${l.truncated ? "+" : ""} sets`; }, { warmup: 1, reps: 3 }],
  ]);
}
printTable("Front-door sets on DAGs with X ↔ Y and k mediators, vs one skeleton BFS (median ms)", ["query", "result", "ISL ms", "BFS ms", "× BFS"], frontDoorRows);

const instrumentRows: (string | number)[][] = [];
for (const [n, window, seed] of [
  [50, 6, 11],
  [200, 8, 12],
  [1000, 10, 13],
] as const) {
  const c = randomCase(n, 3, window, seed);
  const dag = createDag(c.graph);
  timeRows(instrumentRows, dag, c.x, [
    ["conditional instruments (budget 5,000)", () => { const l = conditionalInstruments(dag, c.x, c.y); return `${l.instruments.length}${l.truncated ? "+" : ""}`; }, { warmup: 1, reps: 3 }],
  ]);
}
printTable("Conditional instruments on random DAGs with X ↔ Y, vs one skeleton BFS (median ms)", ["query", "instruments", "ISL ms", "BFS ms", "× BFS"], instrumentRows);

const small: (string | number)[][] = [];
for (const seed of [21, 22, 23]) {
  const c = randomCase(9, 3, 4, seed);
  const plain: PlainGraph = {
    nodes: [...c.graph.nodes, "U_xy"],
    edges: [...c.graph.edges, ["U_xy", c.x], ["U_xy", c.y]],
    latent: [...c.graph.latent, "U_xy"],
  };
  const dag = createDag(c.graph);
  const oursFd = medianMs(() => minimalFrontDoorSets(dag, c.x, c.y), { reps: 21 });
  const bruteFd = medianMs(() => bruteFrontDoorSets(plain, c.x, c.y), { warmup: 1, reps: 5 });
  const oursIv = medianMs(() => conditionalInstruments(dag, c.x, c.y), { reps: 21 });
  const bruteIv = medianMs(() => bruteInstruments(plain, c.x, c.y), { warmup: 1, reps: 5 });
  small.push([`seed ${seed} (${dag.edgeCount} edges)`, oursFd.toFixed(3), bruteFd.toFixed(2), (bruteFd / oursFd).toFixed(0), oursIv.toFixed(3), bruteIv.toFixed(2), (bruteIv / oursIv).toFixed(0)]);
}
printTable(
  "9-node graphs: ISL vs the brute-force references (median ms)",
  ["graph", "FD sets ms", "brute FD ms", "speed-up", "IV ms", "brute IV ms", "speed-up"],
  small,
);
