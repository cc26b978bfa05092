/**
 * Benchmark of the analyze/v2 analysis blocks one by one (B's modules in packages/core/src/plot/), each
 * paired run by run with the bare main Monte Carlo of the same request (the baseline: draws, every
 * option's goal per draw, winners), so the table shows what each block adds to a request.
 *
 * Workloads: request A (hiring graph, 9 nodes, 13 edges, 4 options, 4,000 samples) and the r3b-sized
 * request (paul-own capture, 8 nodes, 10 edges, 5 options, 10,000 samples).
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/plot-blocks.ts
 */
import { readFileSync } from "node:fs";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { mean } from "@olumi/isl-core/numeric";
import { compilePlotModel, createPlotStreams, phaseStream, runMainMonteCarlo } from "@olumi/isl-core/plot";
import { conditionalWinnersOfDraws } from "../../packages/core/src/plot/conditional-winners.js";
import { edgeEValues } from "../../packages/core/src/plot/edge-e-values.js";
import { edgeSensitivity } from "../../packages/core/src/plot/edge-sensitivity.js";
import { factorEvppi } from "../../packages/core/src/plot/factor-evppi.js";
import { factorFlipValues } from "../../packages/core/src/plot/factor-flip-values.js";
import { factorSensitivity } from "../../packages/core/src/plot/factor-sensitivity.js";
import { pWinSensitivity } from "../../packages/core/src/plot/p-win-sensitivity.js";
import { pathDecomposition } from "../../packages/core/src/plot/path-decomposition.js";
import { graphViewOfModel } from "../../packages/core/src/plot/plot-graph.js";
import { robustnessBlock } from "../../packages/core/src/plot/robustness.js";
import { structuralInfluenceOfModel } from "../../packages/core/src/plot/structural-influence.js";
import { paired, printTable } from "../support/timing.js";

const FIXTURES = new URL("../../packages/core/test/fixtures/plot/", import.meta.url);
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as unknown;

const workloads: Array<[string, unknown]> = [
  ["request A (4,000 samples)", load("isl-v2-live-20260707__isl-v2-request.json")],
  ["r3b-sized (10,000 samples)", load("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json")],
];

for (const [name, body] of workloads) {
  const request = PlotAnalyzeRequest.parse(body);
  const model = compilePlotModel(request);
  const streams = createPlotStreams(1);
  const n = request.n_samples;
  const bare = (): void => {
    runMainMonteCarlo(model, n, streams);
  };
  const draws = runMainMonteCarlo(model, n, streams);
  const bm = mean(draws.outcome[0]!);
  const sensitivity = edgeSensitivity({ model, referenceMean: bm });
  const influence = structuralInfluenceOfModel(model);
  const recommended = draws.wins.indexOf(Math.max(...draws.wins));
  const blocks: Array<[string, () => unknown]> = [
    ["edge_e_values + bands", () => edgeEValues(model, { streams })],
    ["edge_sensitivity", () => edgeSensitivity({ model, referenceMean: bm })],
    ["robustness (classes, switches)", () => robustnessBlock({ model, draws, streams, edgeSensitivity: sensitivity })],
    ["structural_influence", () => structuralInfluenceOfModel(model)],
    ["factor_sensitivity + bootstrap", () => factorSensitivity({ model, referenceMean: bm, streams, influence })],
    ["factor_flip_values + bands", () => factorFlipValues(model, { streams })],
    ["path_decomposition", () => pathDecomposition({ graph: graphViewOfModel(model), recommendedOptionId: "x", interventionNodeIds: model.options[recommended]!.interventions.map((i) => i.nodeId) })],
    ["p_win_sensitivity", () => pWinSensitivity({ model, streams, recommended, samples: n })],
    [
      "factor_evppi",
      () =>
        factorEvppi({
          factors: model.factors.map((f, k) => ({ id: f.nodeId, values: draws.factorValue[k]!, setByOption: model.options.some((o) => o.setMode[f.nodeIndex] !== 0) })),
          outcomes: model.options.map((o, k) => ({ id: o.id, values: draws.outcome[k]! })),
          decisionEvpi: 1,
          correlationActive: false,
          streamFor: (id) => phaseStream(streams, "evppi", id),
        }),
    ],
    ["conditional_winners", () => conditionalWinnersOfDraws(model, draws)],
  ];
  const rows = blocks.map(([block, fn]) => {
    const t = paired(() => void fn(), bare, 9, 2);
    return [block, t.op.toFixed(2), t.base.toFixed(1), `${t.ratio.toFixed(3)}×`];
  });
  printTable(`analysis blocks, ${name} (median ms)`, ["block", "block ms", "bare MC ms", "ratio"], rows);
}
