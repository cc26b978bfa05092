import { describe, expect, it } from "vitest";
import { mean } from "../numeric/index.js";
import { loadPlotFixture, modelOfRequest } from "../../test/plot/request-graph.js";
import { edgeSensitivity, edgeSensitivityInterpretation, rankEdgeSensitivity } from "./edge-sensitivity.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { defaultedRootNodeIds, robustnessBlock, robustnessLevel, weakDrawSwitch } from "./robustness.js";
import { createPlotStreams } from "./streams.js";

interface Capture {
  robustness: {
    edge_sensitivity: { edge_id: string; sensitivity_type: string; elasticity: number }[];
    fragile_edges: { edge_id: string; switch_probability: number; marginal_switch_probability: number; alternative_winner_id: string }[];
    fragile_edges_v1: string[];
    robust_edges: string[];
    recommendation_stability: number;
  };
}

describe("robustness on the hiring graph (capture P3, n = 4000)", () => {
  const request = loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json");
  const capture = loadPlotFixture<Capture>("isl-v2-live-20260707__isl-staging-capture.json");
  const model = modelOfRequest(request);
  const streams = createPlotStreams(2034401427);
  const draws = runMainMonteCarlo(model, 4000, streams);
  const bm = mean(draws.outcome[0]!);
  const sensitivity = edgeSensitivity({ model, referenceMean: bm });
  const { block } = robustnessBlock({ model, draws, streams, edgeSensitivity: sensitivity });

  it("bands the recommendation like the capture (stability within 4 binomial SE)", () => {
    expect(block.level).toBe("low");
    expect(block.is_robust).toBe(false);
    expect(Math.abs(block.recommendation_stability - capture.robustness.recommendation_stability)).toBeLessThan(4 * Math.sqrt((0.59 * 0.41) / 4000));
    expect(block.confidence).toBe(block.recommendation_stability);
    expect(block).not.toHaveProperty("stability_penalty_factor");
  });

  it("computes the expectation the sampled sweep estimates, exactly (multilinear in independent edges)", () => {
    const row = (edge: string, type: string) => sensitivity.rows.find((r) => r.edge_id === edge && r.sensitivity_type === type)!;
    // opt_one_dev sets headcount 0.5: on − off = 0.5 · mean · (0.55 · 0.95) through throughput → goal.
    expect(row("fac_dev_headcount->out_throughput", "existence").elasticity).toBeCloseTo((0.5 * 0.5072815533980582 * 0.55 * 0.95) / bm, 12);
    expect(row("fac_dev_headcount->out_throughput", "magnitude").elasticity).toBeCloseTo((0.5 * 0.16601941747572813 * 0.55 * 0.95) / bm, 12);
    // tech_lead is set to 0 by the reference option: its edges cannot move the goal.
    expect(row("fac_tech_lead->out_technical_quality", "existence").elasticity).toBe(0);
  });

  it("ranks the capture's top three edge rows in the same order and agrees within the capture's sampling noise", () => {
    const capturedTop = capture.robustness.edge_sensitivity.slice(0, 3);
    expect(sensitivity.rows.slice(0, 3).map((r) => `${r.edge_id}/${r.sensitivity_type}`)).toEqual(capturedTop.map((r) => `${r.edge_id}/${r.sensitivity_type}`));
    expect(sensitivity.rows).toHaveLength(26);
    expect(sensitivity.rows[0]!.sensitivity_score).toBe(1);
    // The capture's rows are differences of two independent 100-draw means (SD ≈ 0.085 here): allow 3.5 SD.
    for (const c of capture.robustness.edge_sensitivity) {
      const ours = sensitivity.rows.find((r) => r.edge_id === c.edge_id && r.sensitivity_type === c.sensitivity_type)!;
      expect(Math.abs(ours.elasticity - c.elasticity)).toBeLessThan(0.3);
    }
  });

  it("classifies edges by max |elasticity| (> 0.1 fragile, < 0.05 robust) like the capture up to its noisy rows", () => {
    // Differences are confined to edges out of fac_tech_lead, which the reference option sets to 0: their
    // exact elasticity is 0 (robust), while the capture's sampled rows read up to 0.16 in noise.
    const differs = (a: string[], b: string[]) => a.filter((e) => !b.includes(e));
    for (const edge of [...differs(block.robust_edges, capture.robustness.robust_edges), ...differs(capture.robustness.fragile_edges_v1, block.fragile_edges_v1)]) {
      expect(edge.startsWith("fac_tech_lead->")).toBe(true);
    }
    expect(differs(capture.robustness.robust_edges, block.robust_edges)).toEqual([]);
    expect(differs(block.fragile_edges_v1, capture.robustness.fragile_edges_v1)).toEqual([]);
    expect([...block.fragile_edges_v1].sort()).toEqual(block.fragile_edges_v1);
  });

  it("reports switch statistics for fragile edges in the capture's range", () => {
    const capturedRows = new Map(capture.robustness.fragile_edges.map((r) => [r.edge_id, r]));
    for (const row of block.fragile_edges ?? []) {
      const c = capturedRows.get(row.edge_id);
      if (!c) continue;
      expect(row.alternative_winner_id).toBe(c.alternative_winner_id);
      expect(Math.abs(row.switch_probability! - c.switch_probability)).toBeLessThan(4 * Math.sqrt(0.25 / 1000) + 0.02);
      expect(Math.abs(row.marginal_switch_probability! - c.marginal_switch_probability)).toBeLessThan(0.2);
    }
  });
});

describe("robustness building blocks", () => {
  it("bands stability at 0.5 / 0.7 / 0.8", () => {
    expect(robustnessLevel(0.81)).toEqual({ level: "high", isRobust: true });
    expect(robustnessLevel(0.8)).toEqual({ level: "moderate", isRobust: true });
    expect(robustnessLevel(0.7)).toEqual({ level: "moderate", isRobust: true });
    expect(robustnessLevel(0.69)).toEqual({ level: "low", isRobust: false });
    expect(robustnessLevel(0.5)).toEqual({ level: "very_low", isRobust: false });
  });

  it("counts winners on the weak quarter of an edge's draws", () => {
    const strength = Float64Array.from([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    const winner = Int32Array.from([1, 1, 0, 0, 0, 0, 0, 0]);
    // 25th percentile = 0.175 ⇒ weak draws 0 and 1, both won by option 1 (overall winner 0).
    expect(weakDrawSwitch(strength, winner, 0)).toEqual({ alternative: 1, probability: 1 });
    expect(weakDrawSwitch(strength, Int32Array.from([0, 2, 0, 0, 0, 0, 0, 0]), 0)).toEqual({ alternative: 2, probability: 0.5 });
    expect(weakDrawSwitch(strength, Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0]), 0)).toEqual({ alternative: -1, probability: 0 });
    expect(weakDrawSwitch(strength, Int32Array.from([-1, -1, 0, 0, 0, 0, 0, 0]), 0)).toBeNull();
  });

  it("ranks and words edge elasticities like the capture (score = |el|/max, bands 0.05 and 0.2)", () => {
    const rows = rankEdgeSensitivity([
      { edgeId: "a->b", fromId: "a", toId: "b", type: "existence", elasticity: 0.1918 },
      { edgeId: "a->b", fromId: "a", toId: "b", type: "magnitude", elasticity: -1.2514 },
      { edgeId: "c->b", fromId: "c", toId: "b", type: "existence", elasticity: 0 },
    ]);
    expect(rows.map((r) => [r.importance_rank, r.sensitivity_type, r.direction])).toEqual([[1, "magnitude", "negative"], [2, "existence", "positive"], [3, "existence", "negative"]]);
    expect(rows[1]!.sensitivity_score).toBeCloseTo(0.1918 / 1.2514, 15);
    expect(edgeSensitivityInterpretation("x->y", "existence", 0.2511)).toBe("Decision is highly sensitive to x->y existence - consider validating this relationship");
    expect(edgeSensitivityInterpretation("x->y", "magnitude", 0.1918)).toBe("Decision is moderately sensitive to x->y effect size");
    expect(edgeSensitivityInterpretation("x->y", "existence", 0.0483)).toBe("Decision is robust to whether x->y exists");
  });

  it("lists roots that defaulted to 0 (r3b: the grandfathering factor)", () => {
    const model = modelOfRequest(loadPlotFixture("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json"));
    expect(defaultedRootNodeIds(model)).toEqual(["fac_existing_customers_grandfathered"]);
  });
});

describe("robustness with a defaulted root (paul-own request: one root without a value)", () => {
  it("multiplies the recommended win share by max(0.1, 1 − 0.05·k) and bands the product", () => {
    const model = modelOfRequest(loadPlotFixture("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json"));
    const streams = createPlotStreams(543524382);
    const draws = runMainMonteCarlo(model, 1000, streams);
    const { block } = robustnessBlock({ model, draws, streams });
    const best = Math.max(...draws.wins);
    const stability = (best / 1000) * 0.95;
    expect(block.recommendation_stability).toBe(stability);
    expect(block).toMatchObject({ confidence: stability, stability_penalty_factor: 0.95, defaulted_root_node_ids: ["fac_existing_customers_grandfathered"], fragile_edges_v1: [], robust_edges: [] });
    expect({ level: block.level, isRobust: block.is_robust }).toEqual(robustnessLevel(stability));
    expect(block).not.toHaveProperty("fragile_edges");
    expect(block).not.toHaveProperty("edge_sensitivity");
  });
});
