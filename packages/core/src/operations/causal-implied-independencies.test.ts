/**
 * `causal/implied-independencies` end to end through `runOperation`: both kinds on a small
 * marketing graph, latent nodes (basis flagged incomplete), truncation, the response schema, and
 * bad input.
 */
import { describe, expect, test } from "vitest";
import { CausalImpliedIndependenciesResponse } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

type Edge = [string, string];
/** Ads → Visits → Sales, Season → Visits. */
const funnel = { nodes: ["Ads", "Visits", "Sales", "Season"], edges: [["Ads", "Visits"], ["Visits", "Sales"], ["Season", "Visits"]] as Edge[] };
const run = (request: Record<string, unknown>) => {
  const r = runOperation("causal/implied-independencies", { dag: funnel, ...request });
  expect(CausalImpliedIndependenciesResponse.safeParse(r).success).toBe(true);
  return r;
};

describe("causal/implied-independencies", () => {
  test("minimal (the default)", () => {
    const r = run({});
    expect(r.independencies).toEqual([
      { x: "Ads", y: "Sales", given: ["Visits"] },
      { x: "Ads", y: "Season", given: [] },
      { x: "Sales", y: "Season", given: ["Visits"] },
    ]);
    expect(r).toMatchObject({ kind: "minimal", count: 3, truncated: false, latent_nodes: [] });
    expect(r.complete_basis).toBeUndefined();
  });

  test("basis: each node given its parents", () => {
    const r = run({ kind: "basis" });
    expect(r.independencies).toEqual([
      { x: "Ads", y: "Season", given: [] },
      { x: "Sales", y: "Ads", given: ["Visits"] },
      { x: "Sales", y: "Season", given: ["Visits"] },
      { x: "Season", y: "Ads", given: [] },
    ]);
    expect(r.complete_basis).toBe(true);
  });

  test("latent Visits: no observed separator for Sales; the basis is flagged incomplete", () => {
    const r = run({ dag: { ...funnel, latent: ["Visits"] }, kind: "basis" });
    expect(r.independencies).toEqual([
      { x: "Ads", y: "Season", given: [] },
      { x: "Season", y: "Ads", given: [] },
    ]);
    expect(r.complete_basis).toBe(false);
    expect(r.latent_nodes).toEqual(["Visits"]);
  });

  test("max_results truncates", () => {
    const r = run({ max_results: 1 });
    expect(r).toMatchObject({ count: 1, truncated: true });
    expect(r.explanation.summary).toBe("The graph implies 1+ minimal conditional independence(s) among observed variables.");
  });

  test("a complete graph implies nothing", () => {
    const r = run({ dag: { nodes: ["A", "B", "C"], edges: [["A", "B"], ["B", "C"], ["A", "C"]] } });
    expect(r.independencies).toEqual([]);
    expect(r.explanation.summary).toBe("The graph implies no conditional independence among observed variables: it cannot be tested this way.");
  });

  test("bad input", () => {
    expectIslError(() => run({ kind: "all" }), "ISL_VALIDATION_ERROR");
    expectIslError(() => run({ dag: { nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] } }), "ISL_DAG_CYCLIC");
  });
});
