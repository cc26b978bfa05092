import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest, type PlotAnalyzeRequestInput } from "@olumi/contracts";
import { defaultedRoots, requestWarnings, stabilityPenaltyFactor } from "./inference-warnings.js";
import { compilePlotModel } from "./model.js";
import { resolveRanking } from "./objective.js";
import { validatePlotRequest } from "./validation.js";

function request(overrides: Partial<PlotAnalyzeRequestInput> = {}): PlotAnalyzeRequestInput {
  return {
    graph: {
      nodes: [
        { id: "lever", kind: "factor", label: "Lever", observed_state: { value: 0.1 } },
        { id: "blank", kind: "factor", label: "Blank" },
        { id: "prior", kind: "factor", label: "Prior only" },
        { id: "goal", kind: "goal", label: "Goal" },
        { id: "island", kind: "factor", label: "Island", observed_state: { value: 1 } },
      ],
      edges: [
        { from: "lever", to: "goal", strength: { mean: 1.4, std: 0.1 } },
        { from: "blank", to: "goal", exists_probability: 0.5, strength: { mean: 0.2, std: 0.1 } },
        { from: "prior", to: "goal", exists_probability: 0.5, strength: { mean: 0.2, std: 0.1 } },
      ],
    },
    options: [{ id: "a", label: "A", interventions: { lever: 0 } }, { id: "b", label: "B", interventions: { lever: 1 } }],
    goal_node_id: "goal",
    parameter_uncertainties: [{ node_id: "prior", distribution: "uniform", range_min: 0, range_max: 1 }],
    ...overrides,
  };
}
const warningsOf = (input: PlotAnalyzeRequestInput) => {
  const model = compilePlotModel(PlotAnalyzeRequest.parse(input));
  return requestWarnings(model, resolveRanking(model), "1");
};

describe("request warnings", () => {
  it("lists clamps, defaults, defaulted roots and goal disclosures in phase order", () => {
    const w = warningsOf(request({ goal_threshold: 0.5 }));
    expect(w.warnings.map((x) => `${x.code}@${x.field}`)).toEqual([
      "STRENGTH_MEAN_CLAMPED@edges[lever\u2192goal].strength.mean",
      "EXISTS_PROBABILITY_DEFAULT@edges[lever\u2192goal].exists_probability",
      "ROOT_NODE_DEFAULT_VALUE@nodes[blank].observed_state.value",
      "GOAL_THRESHOLD_FRAME_UNSPECIFIED@goal_threshold_frame",
      "GOAL_DIRECTION_UNATTESTED@goal_direction",
      "GOAL_ANCESTOR_DATA_GAP@nodes[goal]",
    ]);
    expect(w.warnings[0]!.detail).toEqual({ original: 1.4, clamped: 1 });
    expect(w.warnings[1]!.detail).toEqual({ edge_from: "lever", edge_to: "goal", default_value: 0.8 });
    expect(w.defaultedRootIds).toEqual(["blank"]);
    expect(w.critiques.map((c) => c.code)).toEqual(["GOAL_ANCESTOR_DATA_GAP"]);
  });

  it("does not count roots set by every option, or with a prior, as defaulted", () => {
    const input = request();
    input.options = [{ id: "a", label: "A", interventions: { lever: 0, blank: 1 } }, { id: "b", label: "B", interventions: { lever: 1, blank: 0 } }];
    expect(defaultedRoots(compilePlotModel(PlotAnalyzeRequest.parse(input)))).toEqual([]);
    expect(stabilityPenaltyFactor(0)).toBe(1);
    expect(stabilityPenaltyFactor(2)).toBe(0.9);
    expect(stabilityPenaltyFactor(30)).toBe(0.1);
  });

  it("warns OBJECTIVE_RANKING_WITHHELD for an unresolvable target and nothing for an attested direction", () => {
    expect(warningsOf(request({ goal_direction: "target", goal_threshold: 0.2, goal_threshold_frame: "level" })).warnings.map((x) => x.code)).toContain("OBJECTIVE_RANKING_WITHHELD");
    expect(warningsOf(request({ goal_direction: "minimise" })).warnings.map((x) => x.code)).not.toContain("GOAL_DIRECTION_UNATTESTED");
  });
});

describe("validation pipeline", () => {
  it("warns about disconnected components and blocks options without an effective path", () => {
    const v = validatePlotRequest(PlotAnalyzeRequest.parse(request()));
    expect(v.warnings.map((c) => [c.code, c.message])).toEqual([["GRAPH_DISCONNECTED", "Graph has 2 disconnected components"]]);
    expect(v.blockers).toEqual([]);
    const cut = request();
    cut.options = [{ id: "a", label: "A", interventions: { island: 0 } }, { id: "b", label: "B", interventions: { lever: 1 } }];
    const blocked = validatePlotRequest(PlotAnalyzeRequest.parse(cut));
    expect(blocked.blockers.map((c) => [c.code, c.affected_option_ids])).toEqual([["NO_EFFECTIVE_PATH_TO_GOAL", ["a"]]]);
  });

  it("compares interventions on a 1e-9 grid for IDENTICAL_OPTIONS", () => {
    const near = request();
    near.options = [{ id: "a", label: "A", interventions: { lever: 0.3 } }, { id: "b", label: "B", interventions: { lever: 0.3 + 1e-12 } }];
    expect(validatePlotRequest(PlotAnalyzeRequest.parse(near)).blockers.map((c) => c.code)).toEqual(["IDENTICAL_OPTIONS"]);
  });
});
