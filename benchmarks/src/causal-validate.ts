/**
 * Benchmark of `causal/validate` on random 200-node DAGs (about 2.5 edges per node, 10% latent):
 * the whole handler (graph validation, criterion, every minimal set up to 100, the minimum set,
 * back-door paths, explanation), next to baselines measured in the same run on the same graphs:
 * one breadth-first search over a typed CSR adjacency (the floor of any linear-time graph
 * question) and a JSON round trip of the request (the floor of any adapter).
 * The 200-node graphs exceed the HTTP schema's 50-node limit, so the handler is called directly.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/causal-validate.ts
 */
import { type HandlerContext, createRng, handlers, hasCausalPath, createDag } from "@olumi/isl-core";
import { medianMs, printTable } from "../support/timing.js";

const NODES = 200;
const EDGES_PER_NODE = 2.5;
const GRAPHS = 5;

interface Case {
  nodes: string[];
  edges: [string, string][];
  latent: string[];
  treatment: string;
  outcome: string;
}

/** A random DAG: a random order, each forward pair an edge with the probability giving the target density. */
function randomCase(seed: number): Case {
  const rng = createRng(seed);
  const nodes = Array.from({ length: NODES }, (_, i) => `v${i}`);
  const p = (2 * EDGES_PER_NODE) / (NODES - 1);
  for (;;) {
    const edges: [string, string][] = [];
    for (let i = 0; i < NODES; i++) for (let j = i + 1; j < NODES; j++) if (rng.next() < p) edges.push([nodes[i]!, nodes[j]!]);
    const latent = nodes.filter(() => rng.next() < 0.1);
    const observed = nodes.filter((n) => !latent.includes(n));
    const treatment = observed[rng.int(Math.floor(observed.length / 2))]!;
    const later = observed.filter((n) => Number(n.slice(1)) > Number(treatment.slice(1)) + 20);
    const outcome = later[rng.int(later.length)]!;
    if (hasCausalPath(createDag({ nodes, edges, latent }), treatment, outcome)) return { nodes, edges, latent, treatment, outcome };
  }
}

function bfsBaseline(c: Case): number {
  const index = new Map(c.nodes.map((n, i) => [n, i]));
  const start = new Int32Array(c.nodes.length + 1);
  for (const [from] of c.edges) start[index.get(from)! + 1]!++;
  for (let i = 0; i < c.nodes.length; i++) start[i + 1]! += start[i]!;
  const fill = start.slice();
  const adj = new Int32Array(c.edges.length);
  for (const [from, to] of c.edges) adj[fill[index.get(from)!]!++] = index.get(to)!;
  const seen = new Uint8Array(c.nodes.length);
  const queue = new Int32Array(c.nodes.length);
  let head = 0;
  let tail = 0;
  queue[tail++] = index.get(c.treatment)!;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) if (!seen[adj[k]!]) (seen[adj[k]!] = 1), (queue[tail++] = adj[k]!);
  }
  return tail;
}

const handler = handlers["causal/validate"];
const rows: (string | number)[][] = [];
for (let g = 0; g < GRAPHS; g++) {
  const c = randomCase(1000 + g);
  const request = { dag: { nodes: c.nodes, edges: c.edges, latent: c.latent }, treatment: c.treatment, outcome: c.outcome, observed: null, max_results: 100 };
  const ctx: HandlerContext = { rng: createRng(1), seed: "1", seedSource: "request", requestId: "bench", signal: new AbortController().signal };
  const result = handler(request, ctx);
  const handlerMs = medianMs(() => handler(request, ctx));
  const bfsMs = medianMs(() => bfsBaseline(c), { reps: 101 });
  const jsonMs = medianMs(() => JSON.parse(JSON.stringify(request)), { reps: 101 });
  rows.push([
    `graph ${g} (${c.edges.length} edges)`,
    result.status,
    `${result.adjustment_sets?.length ?? 0}${result.adjustment_sets_truncated ? "+" : ""}`,
    handlerMs.toFixed(3),
    bfsMs.toFixed(4),
    (handlerMs / bfsMs).toFixed(0),
    jsonMs.toFixed(4),
    (handlerMs / jsonMs).toFixed(1),
  ]);
}
printTable(
  `causal/validate on ${NODES}-node DAGs (median of 11 runs after 3 warm-ups)`,
  ["graph", "status", "sets", "handler ms", "BFS ms", "× BFS", "JSON ms", "× JSON"],
  rows,
);
