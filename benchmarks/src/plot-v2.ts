/**
 * Benchmark of `robustness/analyze/v2` (the PLoT V2 envelope) on captured PLoT requests, against
 * the bare Monte Carlo evaluation of the same graph measured in the same run (model compile + the
 * main Monte Carlo: edge/factor draws, every option's goal per draw, winners; no analysis blocks).
 *
 * Workloads: request A (hiring graph: 9 nodes, 13 edges, 4 options, 4,000 samples) with every block
 * requested (e-values and bands, factor flips, VoI, path decomposition, sensitivity); and the
 * r3b-sized request (paul-own capture: 8 nodes, 10 edges, 5 options, 10,000 samples, all blocks).
 * Targets (issue 6): < 150 ms and < 500 ms; the earlier Python service took 1.1–1.6 s and 4.5 s.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/plot-v2.ts
 */
import { readFileSync } from "node:fs";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { runOperation } from "@olumi/isl-core";
import { compilePlotModel, createPlotStreams, resolvePlotSeed, resolveRanking, runMainMonteCarlo } from "@olumi/isl-core/plot";
import { paired, printTable } from "../support/timing.js";

const FIXTURES = new URL("../../packages/core/test/fixtures/plot/", import.meta.url);
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Record<string, unknown>;

const allBlocks = (body: Record<string, unknown>): Record<string, unknown> => ({
  ...body,
  analysis_types: ["comparison", "sensitivity", "robustness"],
  include_e_values: true,
  include_voi: true,
  include_factor_flips: true,
  include_path_decomposition: true,
});

const workloads: Array<[string, Record<string, unknown>, number]> = [
  ["request A, 9 nodes, 4 options, 4,000 samples, all blocks", allBlocks(load("isl-v2-live-20260707__isl-v2-request.json")), 150],
  ["r3b-sized, 8 nodes, 5 options, 10,000 samples, all blocks", allBlocks(load("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json")), 500],
];

const rows: (string | number)[][] = [];
for (const [name, body, target] of workloads) {
  const request = PlotAnalyzeRequest.parse(body);
  const bare = (): void => {
    const model = compilePlotModel(request);
    runMainMonteCarlo(model, request.n_samples, createPlotStreams(resolvePlotSeed(request).seedUsed), { ranking: resolveRanking(model) });
  };
  const full = (): void => {
    runOperation("robustness/analyze/v2", body, { requestId: "bench" });
  };
  const t = paired(full, bare, 15, 3);
  rows.push([name, t.op.toFixed(1), t.base.toFixed(1), `${t.ratio.toFixed(1)}×`, `${target}`, t.op < target ? "yes" : "NO"]);
}
printTable("robustness/analyze/v2 (median ms)", ["workload", "analyze/v2", "bare MC", "ratio", "target ms", "met"], rows);
