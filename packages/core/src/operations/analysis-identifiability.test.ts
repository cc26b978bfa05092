import { describe, expect, test } from "vitest";
import { IdentifiabilityResponse } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

type Edge = [string, string];
const fromDag = (nodes: string[], edges: Edge[], treatment: string, outcome: string, extra: Record<string, unknown> = {}) =>
  runOperation("analysis/identifiability/dag", { nodes, edges, treatment, outcome, ...extra });

describe("analysis/identifiability (decision graphs)", () => {
  const node = (id: string, kind: string) => ({ id, kind, label: id });

  test("upstream example: market_segment confounds price and revenue ⇒ backdoor, actionable", () => {
    const r = runOperation("analysis/identifiability", {
      graph: {
        nodes: [node("price", "decision"), node("market_segment", "factor"), node("revenue", "goal")],
        edges: [
          { from: "market_segment", to: "price" },
          { from: "market_segment", to: "revenue" },
          { from: "price", to: "revenue" },
        ],
      },
    });
    expect(r.schema_version).toBe("identifiability.v1");
    expect(r.identifiability).toMatchObject({ effect: "price → revenue", identifiable: true, method: "backdoor", adjustment_set: ["market_segment"], confidence: "high" });
    expect(r.recommendation_status).toBe("actionable");
    // Upstream also listed the bogus "price → market_segment → price → revenue".
    expect(r.backdoor_paths).toEqual(["price ← market_segment → revenue"]);
    expect(r.metadata?.request_id).toMatch(/^req_/);
    expect(IdentifiabilityResponse.safeParse(r).success).toBe(true);
  });

  test("no decision node ⇒ not identifiable, method null, exploratory, a critical suggestion", () => {
    const r = runOperation("analysis/identifiability", { graph: { nodes: [node("a", "factor"), node("g", "goal")], edges: [{ from: "a", to: "g" }] } });
    expect(r.identifiability).toMatchObject({ identifiable: false, method: null });
    expect(r.recommendation_status).toBe("exploratory");
    expect(r.suggestions).toEqual([{ description: "Add a node with kind='decision'.", priority: "critical" }]);
  });

  test("explicit ids override the kinds; unknown ids and cycles are errors", () => {
    const graph = { nodes: [node("d", "decision"), node("m", "factor"), node("g", "goal")], edges: [{ from: "d", to: "m" }, { from: "m", to: "g" }] };
    expect(runOperation("analysis/identifiability", { graph, decision_node_id: "m" }).identifiability.effect).toBe("m → g");
    expectIslError(() => runOperation("analysis/identifiability", { graph, goal_node_id: "q" }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => runOperation("analysis/identifiability", { graph, goal_node_id: "d" }), "ISL_INVALID_INPUT");
    const cyclic = { nodes: graph.nodes, edges: [...graph.edges, { from: "g", to: "d" }] };
    expectIslError(() => runOperation("analysis/identifiability", { graph: cyclic }), "ISL_DAG_CYCLIC");
  });

  test("latent nodes (additive field) make a confounder unusable", () => {
    const r = runOperation("analysis/identifiability", {
      graph: { nodes: [node("d", "decision"), node("u", "factor"), node("g", "goal")], edges: [{ from: "u", to: "d" }, { from: "u", to: "g" }, { from: "d", to: "g" }] },
      latent: ["u"],
    });
    expect(r.identifiability).toMatchObject({ identifiable: false, method: "non_identifiable", hedge: { f: ["d", "g"], f_prime: ["g"] } });
    expect(r.suggestions?.[0]).toMatchObject({ variable_to_add: "u", priority: "critical" });
  });
});

describe("analysis/identifiability/dag", () => {
  test("front-door graph ⇒ frontdoor with the mediator, actionable", () => {
    const r = fromDag(["Smoking", "Tar", "Cancer"], [["Smoking", "Tar"], ["Tar", "Cancer"]], "Smoking", "Cancer", { bidirected: [["Smoking", "Cancer"]] });
    expect(r.identifiability).toMatchObject({ method: "frontdoor", adjustment_set: ["Tar"], identifiable: true });
    expect(r.identifiability.identification_formula).toBe("P(Cancer|do(Smoking)) = Σ_{Tar} P(Tar|Smoking) Σ_{Smoking'} P(Cancer|Smoking', Tar) P(Smoking')");
    expect(r.recommendation_status).toBe("actionable");
  });

  test("napkin graph ⇒ do_calculus (neither adjustment nor front-door applies)", () => {
    const r = fromDag(["W", "Z", "X", "Y"], [["W", "Z"], ["Z", "X"], ["X", "Y"]], "X", "Y", { bidirected: [["W", "X"], ["W", "Y"]] });
    expect(r.identifiability).toMatchObject({ identifiable: true, method: "do_calculus", adjustment_set: null, confidence: "high" });
    expect(r.identifiability.identification_formula).toMatch(/^P\(Y \| do\(X\)\) = /);
    expect(r.recommendation_status).toBe("actionable");
  });

  test("classic instrument ⇒ instrumental, exploratory with the linearity caveat", () => {
    const r = fromDag(["I", "X", "Y"], [["I", "X"], ["X", "Y"]], "X", "Y", { bidirected: [["X", "Y"]] });
    expect(r.identifiability).toMatchObject({ identifiable: true, method: "instrumental", instrument: "I", adjustment_set: [], confidence: "medium", hedge: { f: ["X", "Y"], f_prime: ["Y"] } });
    expect(r.recommendation_status).toBe("exploratory");
    expect(r.recommendation_caveat).toContain("linear");
  });

  test("no causal path ⇒ a zero effect, exploratory, with edge suggestions", () => {
    const r = fromDag(["X", "Y", "Z"], [["Z", "X"], ["Z", "Y"]], "X", "Y");
    expect(r.identifiability).toMatchObject({ identifiable: true, method: "backdoor", adjustment_set: ["Z"] });
    expect(r.recommendation_status).toBe("exploratory");
    expect(r.suggestions?.[0]).toMatchObject({ edges_to_add: [["X", "Y"]], priority: "critical" });
  });

  test("bad input", () => {
    expectIslError(() => fromDag(["X", "Y"], [["X", "Q"]], "X", "Y"), "ISL_VALIDATION_ERROR");
    expectIslError(() => fromDag(["X", "Y"], [["X", "Y"], ["Y", "X"]], "X", "Y"), "ISL_DAG_CYCLIC");
    expectIslError(() => fromDag(["X", "Y"], [["X", "Y"]], "X", "X"), "ISL_INVALID_INPUT");
    expectIslError(() => fromDag(["X"], [], "X", "Y"), "ISL_VALIDATION_ERROR");
  });
});
