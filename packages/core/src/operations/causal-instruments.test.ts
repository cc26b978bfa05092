import { describe, expect, test } from "vitest";
import { InstrumentsResponse, causalInstruments } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

describe("causal/instruments", () => {
  test("the example: distance to college is an instrument for schooling given region", () => {
    const r = runOperation("causal/instruments", causalInstruments.example);
    expect(r.instruments).toEqual([
      {
        instrument: "Distance",
        conditioning_set: ["Region"],
        estimand: "β(Schooling → Earnings) = Cov(Earnings, Distance | Region) / Cov(Schooling, Distance | Region)",
      },
    ]);
    expect(r.truncated).toBe(false);
    expect(InstrumentsResponse.safeParse(r).success).toBe(true);
  });

  test("none, and the cap", () => {
    const none = runOperation("causal/instruments", { dag: { nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] }, exposure: "X", outcome: "Y" });
    expect(none.instruments).toEqual([]);
    expect(none.explanation.summary).toBe("No observed variable is a conditional instrument for the effect of X on Y.");
    const many = { dag: { nodes: ["A", "B", "X", "Y"], edges: [["A", "X"], ["B", "X"], ["X", "Y"]], bidirected: [["X", "Y"]] }, exposure: "X", outcome: "Y" };
    expect(runOperation("causal/instruments", many).instruments.map((i) => i.instrument)).toEqual(["A", "B"]);
    const capped = runOperation("causal/instruments", { ...many, max_results: 1 });
    expect(capped.instruments.map((i) => i.instrument)).toEqual(["A"]);
    expect(capped.truncated).toBe(true);
  });

  test("bad input", () => {
    const dag = { nodes: ["X", "Y", "U"], edges: [["X", "Y"]], latent: ["U"] };
    expectIslError(() => runOperation("causal/instruments", { dag, exposure: "X", outcome: "Q" }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => runOperation("causal/instruments", { dag, exposure: "U", outcome: "Y" }), "ISL_INVALID_INPUT");
    expectIslError(() => runOperation("causal/instruments", { dag, exposure: "X", outcome: "X" }), "ISL_INVALID_INPUT");
    expectIslError(() => runOperation("causal/instruments", { dag, exposure: "X" }), "ISL_VALIDATION_ERROR");
  });
});
