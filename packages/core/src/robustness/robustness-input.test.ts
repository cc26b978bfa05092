/**
 * Bad robustness input gets a clear IslError naming the field: unknown variables, empty or
 * inverted ranges, radius out of range, feasible ranges that exclude the proposal or name a
 * variable that is not intervened on, a zero proposal without a feasible range, graph-only
 * models, endogenous context, non-finite outcomes, too much work. Also which model is used.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createRng } from "../random/index.js";
import { analyzeRobustness, resolveRobustnessInput, type RobustnessInput } from "./index.js";

const MODEL = { variables: ["X", "Y", "U"], equations: { Y: "2 * X + U" }, distributions: { U: { type: "normal", parameters: { mean: 0, std: 1 } } } };
const GOOD: RobustnessInput = { structuralModel: MODEL, interventionProposal: { X: 5 }, targetOutcome: { Y: [8, 12] }, perturbationRadius: 0.1 };

describe("resolveRobustnessInput", () => {
  it("defaults feasible ranges to value·(1 ± r), ordered for negative values", () => {
    const r = resolveRobustnessInput({ ...GOOD, interventionProposal: { X: -5 } });
    expect(Array.from(r.lower)).toEqual([-5 * 1.1]);
    expect(Array.from(r.upper)).toEqual([-5 * 0.9]);
    expect(r.modelSource).toBe("structural_model");
  });

  it("uses causal_model when it has equations and structural_model is absent", () => {
    const r = resolveRobustnessInput({ ...GOOD, structuralModel: undefined, causalModel: MODEL });
    expect(r.modelSource).toBe("causal_model");
    expect(r.model.endogenous).toEqual(["Y"]);
  });

  it("context fixes exogenous variables and refuses endogenous ones", () => {
    const r = resolveRobustnessInput({ ...GOOD, structuralModel: { ...MODEL, context: { U: 0.5 } } });
    expect(r.fixed.get("U")).toBe(0.5);
    expectIslError(() => resolveRobustnessInput({ ...GOOD, structuralModel: { ...MODEL, context: { Y: 1 } } }), "ISL_VALIDATION_ERROR");
    const ignored = resolveRobustnessInput({ ...GOOD, structuralModel: { ...MODEL, context: { X: 1 } } });
    expect(ignored.warnings.some((w) => w.includes("context.X is ignored"))).toBe(true);
  });

  const bad: [string, Partial<RobustnessInput>, string, RegExp][] = [
    ["unknown intervened variable", { interventionProposal: { Z: 1 } }, "ISL_INVALID_INTERVENTION", /'Z'.*not a variable of the model/],
    ["unknown target", { targetOutcome: { W: [0, 1] } }, "ISL_NODE_NOT_FOUND", /'W'.*not a variable/],
    ["target lo > hi", { targetOutcome: { Y: [12, 8] } }, "ISL_INVALID_INPUT", /target_outcome.Y = \[12, 8\] has min > max/],
    ["target on an intervened variable", { targetOutcome: { X: [0, 10] } }, "ISL_INVALID_INPUT", /both intervened on and a target/],
    ["radius 0", { perturbationRadius: 0 }, "ISL_INVALID_INPUT", /perturbation_radius must be in \(0, 1\]/],
    ["radius above 1", { perturbationRadius: 1.5 }, "ISL_INVALID_INPUT", /perturbation_radius/],
    ["feasible range without the proposal", { feasibleRanges: { X: [6, 9] } }, "ISL_INVALID_INPUT", /does not contain the proposal X = 5/],
    ["empty feasible range", { feasibleRanges: { X: [5, 5] } }, "ISL_INVALID_INPUT", /is empty/],
    ["feasible range of a variable not intervened on", { feasibleRanges: { U: [0, 1] } }, "ISL_INVALID_INPUT", /does not intervene on/],
    ["zero proposal without a range", { interventionProposal: { X: 0 } }, "ISL_INVALID_INPUT", /proposal for 'X' is 0/],
    ["empty proposal", { interventionProposal: {} }, "ISL_INVALID_INPUT", /intervention_proposal is empty/],
    ["empty targets", { targetOutcome: {} }, "ISL_INVALID_INPUT", /target_outcome is empty/],
    ["graph-only causal_model", { structuralModel: undefined, causalModel: { nodes: ["X", "Y"], edges: [["X", "Y"]] } }, "ISL_INVALID_MODEL", /is a graph/],
    ["malformed structural model", { structuralModel: { variables: [], equations: { Y: 3 }, distributions: {} } }, "ISL_INVALID_MODEL", /structural_model.equations.Y/],
    ["bad equation", { structuralModel: { ...MODEL, equations: { Y: "2 * X + foo(U)" } } }, "ISL_INVALID_EQUATION", /Unknown function 'foo'/],
  ];
  for (const [name, change, code, message] of bad) {
    it(`rejects ${name}`, () => {
      const error = expectIslError(() => resolveRobustnessInput({ ...GOOD, ...change }), code);
      expect(error.message).toMatch(message);
    });
  }
});

describe("analyzeRobustness errors", () => {
  const options = { ...GOOD, confidenceLevel: 0.9, pointsPerBox: 20, samples: 1000, rng: createRng(1) };
  it("refuses non-finite target outcomes, naming the outcome and the point", () => {
    const model = { variables: ["X", "Y", "U"], equations: { Y: "log(X - 5) + U" }, distributions: MODEL.distributions };
    const error = expectIslError(() => analyzeRobustness({ ...options, structuralModel: model, targetOutcome: { Y: [-1, 1] } }), "ISL_VALIDATION_ERROR");
    expect(error.message).toMatch(/non-finite values .* of target 'Y'/);
  });
  it("refuses more work than the bound, saying how many samples fit", () => {
    expectIslError(() => analyzeRobustness({ ...options, samples: 1_000_000, pointsPerBox: 1000 }), "ISL_INVALID_INPUT");
  });
  it("refuses a confidence level out of range", () => {
    expectIslError(() => analyzeRobustness({ ...options, confidenceLevel: 0.999 }), "ISL_INVALID_INPUT");
  });
  it("stops with ISL_TIMEOUT when aborted", () => {
    const controller = new AbortController();
    controller.abort();
    expectIslError(() => analyzeRobustness({ ...options, signal: controller.signal }), "ISL_TIMEOUT");
  });
});

describe("prototype names", () => {
  it("variables called constructor and __proto__ are ordinary names", () => {
    const model = { variables: ["constructor", "toString", "U"], equations: { toString: "2 * constructor + U" }, distributions: { U: { type: "normal", parameters: { mean: 0, std: 1 } } } };
    const r = resolveRobustnessInput({ structuralModel: model, interventionProposal: { constructor: 5 }, targetOutcome: { toString: [8, 12] as [number, number] }, perturbationRadius: 0.1, feasibleRanges: {} });
    expect(Array.from(r.lower)).toEqual([4.5]);
    expect(r.targets.map((t) => t.outcome)).toEqual(["toString"]);
  });
});
