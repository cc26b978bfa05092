import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest, type PlotAnalyzeRequestInput } from "@olumi/contracts";
import { goalAnchor, noiseAtOrAbove } from "./goal-anchor.js";
import { compilePlotModel } from "./model.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { createPlotStreams } from "./streams.js";

function request(goal: Record<string, unknown>, mEpsilon = 0): PlotAnalyzeRequestInput {
  return {
    graph: {
      nodes: [
        { id: "x", kind: "factor", label: "X", observed_state: { value: 0.5 } },
        { id: "m", kind: "outcome", label: "M", epsilon_std: mEpsilon, intercept: 0.5 },
        { id: "goal", kind: "goal", label: "Goal", ...goal },
      ],
      edges: [
        { from: "x", to: "m", exists_probability: 0.9, strength: { mean: 0.4, std: 0.1 } },
        { from: "m", to: "goal", exists_probability: 0.9, strength: { mean: 0.5, std: 0.1 } },
      ],
    },
    options: [{ id: "a", label: "A", interventions: { x: 0 } }, { id: "b", label: "B", interventions: { x: 1 } }],
    goal_node_id: "goal",
  };
}
const compile = (input: PlotAnalyzeRequestInput) => compilePlotModel(PlotAnalyzeRequest.parse(input));

describe("goalAnchor", () => {
  it("anchors a non-root goal with an attested level and no noise above it", () => {
    expect(goalAnchor(compile(request({ observed_state: { value: 0.3, baseline: 0.25, source: "user" } })))).toEqual({ level: 0.25, domainMin: 0 });
    expect(goalAnchor(compile(request({ observed_state: { value: -0.3, source: "cee_inference" } })))).toEqual({ level: -0.3, domainMin: undefined });
  });

  it("does not anchor without an attested source, without a level, or with noise upstream", () => {
    expect(goalAnchor(compile(request({ observed_state: { value: 0.3, source: "made_up" } })))).toBeUndefined();
    expect(goalAnchor(compile(request({})))).toBeUndefined();
    const noisy = compile(request({ observed_state: { value: 0.3, source: "user" } }, 0.2));
    expect(noiseAtOrAbove(noisy, noisy.goalIndex)).toBe(true);
    expect(goalAnchor(noisy)).toBeUndefined();
  });
});

describe("structural noise in the main Monte Carlo", () => {
  it("is shared by the options (common random numbers) and clamps the noisy node to [0, 1]", () => {
    const model = compile(request({}, 0.3));
    const draws = runMainMonteCarlo(model, 2000, createPlotStreams(9));
    // goal = m·s2 with m = clamp(0.5 + x·s1 + ε); when x→m is absent both options share m exactly.
    let sameWhenAbsent = 0;
    let absent = 0;
    for (let i = 0; i < draws.n; i++) {
      const s2 = draws.edgeStrength[1]![i]!;
      if (s2 === 0) continue;
      for (const o of [0, 1]) {
        const m = draws.outcome[o]![i]! / s2;
        expect(m).toBeGreaterThanOrEqual(-1e-12);
        expect(m).toBeLessThanOrEqual(1 + 1e-12);
      }
      if (draws.edgeExists[0]![i] === 0) {
        absent++;
        if (draws.outcome[0]![i] === draws.outcome[1]![i]) sameWhenAbsent++;
      }
    }
    expect(absent).toBeGreaterThan(50);
    expect(sameWhenAbsent).toBe(absent);
  });
});
