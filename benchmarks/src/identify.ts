/**
 * Benchmark of the ID algorithm (and the whole `causal/identify` handler) on random 50-node ADMGs:
 * about 2 directed edges per node and 15 bidirected edges (latent confounding), one query per graph
 * with one or two treatments in the upper half of the topological order and one or two outcomes in
 * the lower half. Target: ID under 50 ms on 50 nodes. Baselines, measured in the same run on the
 * same graphs: the districts (c-components) plus one breadth-first search over the directed and
 * bidirected edges — the linear-time work that any run of ID starts with.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/identify.ts
 */
import { type Admg, type HandlerContext, createAdmg, createRng, districtsWithin, handlers, identifyEffect } from "@olumi/isl-core";
import { medianMs, printTable } from "../support/timing.js";

const NODES = 50;
const EDGES_PER_NODE = 2;
const BIDIRECTED = 15;
const GRAPHS = 12;

interface Case {
  nodes: string[];
  directed: [string, string][];
  bidirected: [string, string][];
  treatment: string[];
  outcome: string[];
}

function randomCase(seed: number): Case {
  const rng = createRng(seed);
  const nodes = Array.from({ length: NODES }, (_, i) => `v${i}`);
  const p = (2 * EDGES_PER_NODE) / (NODES - 1);
  const directed: [string, string][] = [];
  for (let i = 0; i < NODES; i++) for (let j = i + 1; j < NODES; j++) if (rng.next() < p) directed.push([nodes[i]!, nodes[j]!]);
  const bidirected: [string, string][] = [];
  while (bidirected.length < BIDIRECTED) {
    const a = rng.int(NODES);
    const b = rng.int(NODES);
    if (a !== b) bidirected.push([nodes[a]!, nodes[b]!]);
  }
  const treatment = [...new Set(Array.from({ length: 1 + rng.int(2) }, () => nodes[rng.int(NODES / 2)]!))];
  const outcome = [...new Set(Array.from({ length: 1 + rng.int(2) }, () => nodes[NODES / 2 + rng.int(NODES / 2)]!))];
  return { nodes, directed, bidirected, treatment, outcome };
}

/** Districts plus one BFS over every edge from the first treatment: the linear-time floor. */
function baseline(admg: Admg, start: number, all: Uint8Array, seen: Uint8Array, queue: Int32Array): number {
  const districts = districtsWithin(admg, all).length;
  seen.fill(0);
  seen[start] = 1;
  queue[0] = start;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (const list of [admg.children[v]!, admg.parents[v]!, admg.spouses[v]!]) {
      for (const w of list) {
        if (seen[w] === 0) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
  }
  return districts + tail;
}

const ctx: HandlerContext = { rng: createRng(1), seed: "1", seedSource: "request", requestId: "bench", signal: new AbortController().signal };
const rows: (string | number)[][] = [];
let sink = 0;
let identified = 0;
const ratios: number[] = [];
const idTimes: number[] = [];
for (let g = 0; g < GRAPHS; g++) {
  const c = randomCase(5000 + g);
  const admg = createAdmg(c.nodes, c.directed, c.bidirected);
  const all = new Uint8Array(NODES).fill(1);
  const seen = new Uint8Array(NODES);
  const queue = new Int32Array(NODES);
  const start = admg.indexOf.get(c.treatment[0]!)!;
  const result = identifyEffect(admg, { treatment: c.treatment, outcome: c.outcome });
  if (result.identifiable) identified++;
  const base = medianMs(() => (sink += baseline(admg, start, all, seen, queue)), { warmup: 50, reps: 201 });
  const id = medianMs(() => (sink += identifyEffect(admg, { treatment: c.treatment, outcome: c.outcome }).steps.length), { warmup: 5, reps: 31 });
  const request = { dag: { nodes: c.nodes, edges: c.directed, bidirected: c.bidirected }, treatment: c.treatment, outcome: c.outcome };
  const handler = medianMs(() => (sink += handlers["causal/identify"](request, ctx).steps.length), { warmup: 5, reps: 31 });
  ratios.push(id / base);
  idTimes.push(id);
  rows.push([
    `graph ${g}`,
    `${c.treatment.join(",")} → ${c.outcome.join(",")}`,
    result.identifiable ? `yes (${result.text!.length} chars)` : "no (hedge)",
    result.steps.length,
    id.toFixed(3),
    handler.toFixed(3),
    base.toFixed(4),
    `${(id / base).toFixed(0)}×`,
  ]);
}
printTable(
  `identify benchmark: ${GRAPHS} random ADMGs, ${NODES} nodes, ~${EDGES_PER_NODE} directed edges per node, ${BIDIRECTED} bidirected edges; ${identified} identifiable`,
  ["graph", "query", "identifiable", "steps", "ID ms", "handler ms", "baseline ms", "ID / baseline"],
  rows,
);
const sorted = [...idTimes].sort((a, b) => a - b);
const ratioSorted = [...ratios].sort((a, b) => a - b);
console.log(`\nID (identifyEffect, with simplification and rendering): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} ms, max ${sorted.at(-1)!.toFixed(3)} ms (target < 50 ms)`);
console.log(`ratio to the districts + BFS baseline: median ${ratioSorted[Math.floor(ratioSorted.length / 2)]!.toFixed(0)}×, max ${ratioSorted.at(-1)!.toFixed(0)}×`);
if (sink === -1) console.log("unreachable");
