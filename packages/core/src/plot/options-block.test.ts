import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { compilePlotModel } from "./model.js";
import type { PlotDraws } from "./monte-carlo.js";
import { optionsBlock } from "./options-block.js";
import { analyzerOutcomeCritiques, degenerateOutcomesCritique } from "./outcome-critiques.js";
import { recommendation } from "./recommendation.js";

const model = compilePlotModel(
  PlotAnalyzeRequest.parse({
    graph: { nodes: [{ id: "x", kind: "factor", label: "X" }, { id: "goal", kind: "goal", label: "Goal" }], edges: [{ from: "x", to: "goal", exists_probability: 1, strength: { mean: 1, std: 0.1 } }] },
    options: [{ id: "a", label: "A", interventions: { x: 0 } }, { id: "b", label: "B", interventions: { x: 1 } }, { id: "c", label: "C", interventions: { x: 2 } }],
    goal_node_id: "goal",
  }),
);

/** Draws with hand-set outcomes (10 draws). */
function drawsOf(outcome: number[][], wins: number[], winner: number[], tieCount = 0): PlotDraws {
  return { n: outcome[0]!.length, edgeStrength: [], edgeExists: [], factorValue: [], outcome: outcome.map((o) => Float64Array.from(o)), statusQuoGoal: undefined, winner: Int32Array.from(winner), wins: Float64Array.from(wins), tieCount };
}

describe("optionsBlock", () => {
  const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const b = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
  const c = [0, Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0];
  const block = optionsBlock(model, drawsOf([a, b, c], [5, 5, 0], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]), false, undefined);

  it("computes outcome statistics, cvar_10, p05 and expected regret by brute force", () => {
    const [ra, rb, rc] = block.rows;
    expect(ra!.outcome).toMatchObject({ mean: 5.5, p50: 5.5, n_valid_samples: 10, validity_ratio: 1 });
    expect(ra!.outcome.std).toBeCloseTo(Math.sqrt(8.25), 14);
    expect(ra!.outcome.p10).toBeCloseTo(1.9, 14);
    expect(ra!.downside!.cvar_10).toBe(1);
    expect(ra!.downside!.p05).toBeCloseTo(1.45, 14);
    // best per draw = max(a, b, c) = [2,2,4,4,6,6,8,8,10,10] ⇒ regret(a) = mean of [1,0,1,0,...] = 0.5.
    expect(ra!.downside!.expected_regret).toBe(0.5);
    expect(rb!.downside!.expected_regret).toBe(0.5);
    // c is finite on 9 draws; its regret is the mean of best − 0 over those draws.
    expect(rc!.downside!.expected_regret).toBeCloseTo((2 + 4 + 4 + 6 + 6 + 8 + 8 + 10 + 10) / 9, 14);
    expect(rc!.outcome.n_valid_samples).toBe(9);
    expect(block.decisionEvpi).toBe(0.5);
    expect(ra!.win_probability).toBe(0.5);
    expect(Object.keys(ra!).at(-1)).toBe("status");
  });

  it("flags partial and failed options with their critiques", () => {
    const bad = optionsBlock(model, drawsOf([a, a.map((v, i) => (i < 3 ? v : Number.NaN)), a.map(() => Number.NaN)], [10, 0, 0], a.map(() => 0)), false, undefined);
    expect(bad.rows.map((r) => r.status)).toEqual(["computed", "partial", "failed"]);
    expect(bad.rows[2]!.outcome).toEqual({ n_samples: 10, n_valid_samples: 0, validity_ratio: 0, percentiles_source: "unavailable" });
    expect(bad.critiques.map((c) => c.code)).toEqual(["NUMERICAL_INSTABILITY", "LOW_EFFECTIVE_SAMPLES", "NUMERICAL_INSTABILITY", "MONTE_CARLO_FAILED"]);
    expect(bad.decisionEvpi).toBeDefined();
  });

  it("omits win probabilities when the ranking is withheld", () => {
    const withheld = optionsBlock(model, drawsOf([a, b, c], [0, 0, 0], a.map(() => -1)), true, undefined);
    expect(withheld.rows.every((r) => r.win_probability === undefined)).toBe(true);
  });

  it("reports an anchored goal as a level around today's value, p10/p50/p90 clamped at 0", () => {
    const draws = { ...drawsOf([a, b, c], [5, 5, 0], a.map(() => 0)), statusQuoGoal: Float64Array.from(a.map(() => 5)) };
    const anchored = optionsBlock(model, draws, false, { level: 0.2, domainMin: 0 });
    expect(anchored.rows[0]!.outcome.mean).toBeCloseTo(0.7, 14);
    expect(anchored.rows[0]!.outcome.p10).toBe(0);
    expect(anchored.rows[0]!.downside!.p05).toBeLessThan(0);
  });
});

describe("outcome critiques and the recommendation", () => {
  it("raises DEGENERATE_OUTCOMES, DEGENERATE_OPTION_ZERO_VARIANCE and HIGH_TIE_RATE at their thresholds", () => {
    const same = optionsBlock(model, drawsOf([[1, 1, 1], [1, 1, 1.005], [1, 1, 1]], [1, 1, 1], [0, 1, 2]), false, undefined);
    expect(degenerateOutcomesCritique(same.rows, "7").map((c) => c.code)).toEqual(["DEGENERATE_OUTCOMES"]);
    expect(analyzerOutcomeCritiques(same.rows, 0.51, "7").map((c) => c.code)).toEqual(["DEGENERATE_OPTION_ZERO_VARIANCE", "DEGENERATE_OPTION_ZERO_VARIANCE", "HIGH_TIE_RATE"]);
    expect(analyzerOutcomeCritiques(same.rows, 0.5, "7").map((c) => c.code)).not.toContain("HIGH_TIE_RATE");
    const spread = optionsBlock(model, drawsOf([[1, 2, 3], [2, 3, 4], [5, 6, 7]], [0, 0, 3], [2, 2, 2]), false, undefined);
    expect(degenerateOutcomesCritique(spread.rows, "7")).toEqual([]);
  });

  it("recommends the first option with the most wins, penalised by defaulted roots", () => {
    const r = recommendation(drawsOf([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [1, 3, 0], [0, 1, 1, 1]), 0.95);
    expect(r.optionIndex).toBe(1);
    expect(r.stability).toBeCloseTo(0.75 * 0.95, 15);
    expect(r).toMatchObject({ isRobust: true, level: "moderate" });
    expect(recommendation(drawsOf([[0], [0], [0]], [0, 0, 0], [-1]), 1).optionIndex).toBe(-1);
  });
});
