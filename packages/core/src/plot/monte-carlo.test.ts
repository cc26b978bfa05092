import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest, type PlotAnalyzeRequestInput } from "@olumi/contracts";
import { evaluateGoal, type PlotWorld } from "./evaluate.js";
import { compilePlotModel } from "./model.js";
import { runMainMonteCarlo, winProbabilities } from "./monte-carlo.js";
import { resolveRanking } from "./objective.js";
import { createPlotStreams } from "./streams.js";

function request(overrides: Partial<PlotAnalyzeRequestInput> = {}): PlotAnalyzeRequestInput {
  return {
    graph: {
      nodes: [
        { id: "x", kind: "factor", label: "X", observed_state: { value: 0.5 } },
        { id: "z", kind: "factor", label: "Z", observed_state: { value: 0.2 } },
        { id: "m", kind: "outcome", label: "M" },
        { id: "goal", kind: "goal", label: "Goal" },
      ],
      edges: [
        { from: "x", to: "m", exists_probability: 0.7, strength: { mean: 0.6, std: 0.2 } },
        { from: "m", to: "goal", exists_probability: 0.9, strength: { mean: 0.5, std: 0.1 } },
        { from: "z", to: "goal", exists_probability: 0.8, strength: { mean: -0.3, std: 0.1 } },
      ],
    },
    options: [
      { id: "low", label: "Low", interventions: { x: 0 } },
      { id: "high", label: "High", interventions: { x: 1 } },
      { id: "mid", label: "Mid", interventions: { x: 0.5 } },
    ],
    goal_node_id: "goal",
    parameter_uncertainties: [{ node_id: "z", distribution: "normal", std: 0.1 }],
    seed: "11",
    ...overrides,
  };
}

const compile = (input: PlotAnalyzeRequestInput) => compilePlotModel(PlotAnalyzeRequest.parse(input));

describe("runMainMonteCarlo", () => {
  const model = compile(request());
  const draws = runMainMonteCarlo(model, 4000, createPlotStreams(11), { ranking: resolveRanking(model) });

  it("stores outcomes equal to a per-draw re-evaluation of the recorded world (brute force)", () => {
    for (let i = 0; i < draws.n; i += 97) {
      const world: PlotWorld = {
        edgeStrength: Float64Array.from(draws.edgeStrength, (col) => col[i]!),
        factorValue: new Float64Array(model.nodes.length).fill(Number.NaN),
      };
      world.factorValue[model.factors[0]!.nodeIndex] = draws.factorValue[0]![i]!;
      for (let o = 0; o < model.options.length; o++) expect(draws.outcome[o]![i]).toBe(evaluateGoal(model, world, o));
    }
  });

  it("records absent edges as strength 0 at the rate 1 − p", () => {
    for (const [e, edge] of model.edges.entries()) {
      let present = 0;
      for (let i = 0; i < draws.n; i++) {
        if (draws.edgeExists[e]![i] === 1) present++;
        else expect(draws.edgeStrength[e]![i]).toBe(0);
      }
      const p = edge.existsProbability;
      expect(Math.abs(present / draws.n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws.n));
    }
  });

  it("counts wins by brute force with ties split 1/k", () => {
    const wins = new Float64Array(3);
    for (let i = 0; i < draws.n; i++) {
      const ys = draws.outcome.map((col) => col[i]!);
      const best = Math.max(...ys);
      const tied = ys.flatMap((y, o) => (y === best ? [o] : []));
      for (const o of tied) wins[o]! += 1 / tied.length;
      expect(tied).toContain(draws.winner[i]);
    }
    expect(Array.from(draws.wins)).toEqual(Array.from(wins));
    // When x→m or m→goal is absent all three options tie exactly (CRN): ties must occur.
    expect(draws.tieCount).toBeGreaterThan(0);
    const total = winProbabilities(draws).reduce((s, p) => s + p, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });

  it("has the closed-form mean E[goal] = 0.5·0.9·0.6·0.7·x − 0.3·0.8·0.2 within 4 standard errors", () => {
    for (const [o, x] of [[0, 0], [1, 1], [2, 0.5]] as const) {
      const col = draws.outcome[o]!;
      let sum = 0;
      let sumSq = 0;
      for (const y of col) {
        sum += y;
        sumSq += y * y;
      }
      const mean = sum / col.length;
      const se = Math.sqrt((sumSq / col.length - mean * mean) / col.length);
      const expected = 0.5 * 0.9 * 0.6 * 0.7 * x - 0.3 * 0.8 * 0.2;
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    }
  });

  it("is reproducible and independent of unrelated streams", () => {
    const again = runMainMonteCarlo(model, 4000, createPlotStreams(11), { ranking: resolveRanking(model) });
    expect(Array.from(again.outcome[1]!)).toEqual(Array.from(draws.outcome[1]!));
    const other = runMainMonteCarlo(model, 4000, createPlotStreams(12), { ranking: resolveRanking(model) });
    expect(Array.from(other.outcome[1]!)).not.toEqual(Array.from(draws.outcome[1]!));
  });

  it("ranks by the minimum when the goal is minimised", () => {
    const minModel = compile(request({ goal_direction: "minimise" }));
    const minDraws = runMainMonteCarlo(minModel, 2000, createPlotStreams(11), { ranking: resolveRanking(minModel) });
    for (let i = 0; i < minDraws.n; i += 13) {
      const ys = minDraws.outcome.map((col) => col[i]!);
      expect(ys[minDraws.winner[i]!]).toBe(Math.min(...ys));
    }
  });

  it("withholds winners when a target cannot be resolved", () => {
    const target = compile(request({ goal_direction: "target", goal_threshold: 0.1, goal_threshold_frame: "level" }));
    const rule = resolveRanking(target);
    expect(rule.wire).toEqual({ direction: "target", attested: true, status: "withheld", withheld_reason: "target_not_resolvable_in_sample_frame" });
    const withheld = runMainMonteCarlo(target, 500, createPlotStreams(3), { ranking: rule });
    expect(Array.from(withheld.wins)).toEqual([0, 0, 0]);
    expect(withheld.winner.every((w) => w === -1)).toBe(true);
  });

  it("ranks by distance to a delta-frame target", () => {
    const target = compile(request({ goal_direction: "target", goal_threshold: 0.05, goal_threshold_frame: "delta" }));
    const run = runMainMonteCarlo(target, 1000, createPlotStreams(5), { ranking: resolveRanking(target) });
    for (let i = 0; i < run.n; i += 7) {
      const d = run.outcome.map((col) => Math.abs(col[i]! - 0.05));
      expect(d[run.winner[i]!]).toBe(Math.min(...d));
    }
  });
});
