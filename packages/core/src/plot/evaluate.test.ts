import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest, type PlotAnalyzeRequestInput } from "@olumi/contracts";
import { evaluateAll, evaluateGoal, meanWorld, STATUS_QUO_OPTION } from "./evaluate.js";
import { compilePlotModel, SET_RAW, SET_SHIFT, SET_STATUS_QUO } from "./model.js";

/** A ← x → m → goal chain with a second root z, hand-computable. */
function smallRequest(overrides: Partial<PlotAnalyzeRequestInput> = {}): PlotAnalyzeRequestInput {
  return {
    graph: {
      nodes: [
        { id: "x", kind: "factor", label: "X", observed_state: { value: 0.5 } },
        { id: "z", kind: "factor", label: "Z", observed_state: { value: 0.25 }, intercept: 0.125 },
        { id: "m", kind: "outcome", label: "M", intercept: 0.1 },
        { id: "dec", kind: "decision", label: "Decision" },
        { id: "goal", kind: "goal", label: "Goal" },
      ],
      edges: [
        { from: "x", to: "m", exists_probability: 0.5, strength: { mean: 0.6, std: 0.1 } },
        { from: "m", to: "goal", exists_probability: 1, strength: { mean: 0.75, std: 0.1 } },
        { from: "z", to: "goal", exists_probability: 0.8, strength: { mean: -0.5, std: 0.1 } },
        { from: "dec", to: "x", exists_probability: 1, strength: { mean: 1, std: 0.1 } },
      ],
    },
    options: [
      { id: "a", label: "A", interventions: { x: 1 } },
      { id: "b", label: "B", interventions: { x: 0, dec: 1 } },
    ],
    goal_node_id: "goal",
    seed: "7",
    ...overrides,
  };
}

const compile = (input: PlotAnalyzeRequestInput) => compilePlotModel(PlotAnalyzeRequest.parse(input));

/** Exact goal in the mean world: goal = 0.75·(0.1 + 0.3·x) + (−0.4)·(0.25 + 0.125). */
function exactGoal(x: Fraction): Fraction {
  const m = new Fraction(1, 10).add(new Fraction(3, 10).mul(x));
  const z = new Fraction(1, 4).add(new Fraction(1, 8));
  return new Fraction(3, 4).mul(m).add(new Fraction(-2, 5).mul(z));
}

describe("compilePlotModel", () => {
  it("drops decision nodes and their edges, orders nodes by Kahn FIFO in node order", () => {
    const model = compile(smallRequest());
    expect(model.nodes.map((n) => n.id)).toEqual(["x", "z", "m", "goal"]);
    expect(model.droppedNodeIds).toEqual(["dec"]);
    expect(model.edges.map((e) => e.id)).toEqual(["x->m", "m->goal", "z->goal"]);
    expect(Array.from(model.order, (v) => model.nodes[v]!.id)).toEqual(["x", "z", "m", "goal"]);
    expect(model.options[1]!.interventions.map((i) => i.nodeId)).toEqual(["x"]);
  });

  it("clamps strength means to [−1, 1] and defaults exists_probability to 0.8", () => {
    const input = smallRequest();
    input.graph.edges[0] = { from: "x", to: "m", strength: { mean: 1.7, std: 0.1 } };
    const edge = compile(input).edges[0]!;
    expect(edge.mean).toBe(1);
    expect(edge.requestMean).toBe(1.7);
    expect(edge.existsProbability).toBe(0.8);
    expect(edge.existsDefaulted).toBe(true);
  });

  it("refuses a cycle and a filtered goal with the blocked body", () => {
    const cyclic = smallRequest();
    cyclic.graph.edges.push({ from: "goal", to: "x", exists_probability: 1, strength: { mean: 0.1, std: 0.1 } });
    expect(() => compile(cyclic)).toThrow(/cycle/);
    try {
      compile(cyclic);
    } catch (error) {
      const body = (error as { body: { analysis_status: string; critiques: Array<{ code: string }> } }).body;
      expect(body.analysis_status).toBe("blocked");
      expect(body.critiques[0]!.code).toBe("GRAPH_CYCLE_DETECTED");
    }
    expect(() => compile(smallRequest({ goal_node_id: "dec" }))).toThrow(/decision, option or constraint/);
  });

  it("takes factor centres from the uniform midpoint, else the observed value, else 0", () => {
    const model = compile(
      smallRequest({
        parameter_uncertainties: [
          { node_id: "x", distribution: "uniform", range_min: 0.2, range_max: 0.6 },
          { node_id: "z", distribution: "normal", std: 0.1 },
          { node_id: "m", distribution: "normal", std: 0.2 },
        ],
      }),
    );
    expect(model.factors.map((f) => [f.nodeId, f.centre, f.centreSource])).toEqual([
      ["x", 0.4, "uniform_midpoint"],
      ["z", 0.25, "observed_value"],
      ["m", 0, "default_zero"],
    ]);
  });

  it("frames settings by the status-quo rule", () => {
    const input = smallRequest();
    input.graph.nodes[2] = { id: "m", kind: "outcome", label: "M", observed_state: { value: 0.3, baseline: 0.2, source: "user" } };
    input.graph.nodes[0] = { id: "x", kind: "factor", label: "X", observed_state: { value: 0.5, source: "brief_extraction" } };
    input.options = [
      { id: "a", label: "A", interventions: { m: 0.45, x: 0.5 } },
      { id: "b", label: "B", interventions: { x: 0.9 } },
    ];
    const model = compile(input);
    const m = model.nodeIndex.get("m")!;
    const x = model.nodeIndex.get("x")!;
    expect(model.options[0]!.setMode[m]).toBe(SET_SHIFT);
    expect(model.options[0]!.setValue[m]).toBeCloseTo(0.25, 15);
    expect(model.options[0]!.setMode[x]).toBe(SET_STATUS_QUO);
    expect(model.options[1]!.setMode[x]).toBe(SET_RAW);
  });
});

describe("evaluateAll / evaluateGoal", () => {
  it("matches the exact rational value in the mean world", () => {
    const model = compile(smallRequest());
    const world = meanWorld(model);
    for (const [option, x] of [[0, new Fraction(1)], [1, new Fraction(0)]] as const) {
      expect(evaluateGoal(model, world, option)).toBeCloseTo(exactGoal(x).valueOf(), 14);
    }
    // No interventions: x keeps its observed value 0.5 (a root's observed value is its base).
    expect(evaluateGoal(model, world, STATUS_QUO_OPTION)).toBeCloseTo(exactGoal(new Fraction(1, 2)).valueOf(), 14);
  });

  it("uses a factor draw as the base, for roots and non-roots alike", () => {
    const model = compile(smallRequest());
    const m = model.nodeIndex.get("m")!;
    const world = meanWorld(model, { nodeIndex: m, value: 0.2 });
    // m = 0.2 + 0.1 + 0.3·1 (option a), goal = 0.75·m − 0.4·0.375.
    const expected = new Fraction(3, 4).mul(new Fraction(6, 10)).sub(new Fraction(2, 5).mul(new Fraction(3, 8)));
    expect(evaluateGoal(model, world, 0)).toBeCloseTo(expected.valueOf(), 14);
    // A non-root node's observed value is never its base.
    const input = smallRequest();
    input.graph.nodes[2] = { id: "m", kind: "outcome", label: "M", intercept: 0.1, observed_state: { value: 9 } };
    expect(evaluateGoal(compile(input), meanWorld(compile(input)), 0)).toBeCloseTo(exactGoal(new Fraction(1)).valueOf(), 14);
  });

  it("adds noise only when given, then clamps to [0, 1]", () => {
    const input = smallRequest();
    input.graph.nodes[2] = { id: "m", kind: "outcome", label: "M", intercept: 0.1, epsilon_std: 0.5 };
    const model = compile(input);
    const world = meanWorld(model);
    const noise = new Float64Array(model.nodes.length);
    const m = model.nodeIndex.get("m")!;
    noise[m] = 5;
    expect(evaluateAll(model, world, 0, { noise })[m]).toBe(1);
    noise[m] = -5;
    expect(evaluateAll(model, world, 0, { noise })[m]).toBe(0);
    expect(evaluateAll(model, world, 0)[m]).toBeCloseTo(0.4, 15);
  });

  it("applies shifted settings against the draw's status-quo reading", () => {
    const input = smallRequest();
    input.graph.nodes[2] = { id: "m", kind: "outcome", label: "M", intercept: 0.1, observed_state: { value: 0.3, baseline: 0.2 } };
    input.options = [{ id: "a", label: "A", interventions: { m: 0.45 } }, { id: "b", label: "B", interventions: { x: 0 } }];
    const model = compile(input);
    const world = meanWorld(model);
    const m = model.nodeIndex.get("m")!;
    // status quo m = 0.1 + 0.3·0.5 = 0.25; setting 0.45 vs level 0.2 ⇒ m = 0.25 + 0.25.
    expect(evaluateAll(model, world, 0)[m]).toBeCloseTo(0.5, 15);
  });
});
