import { describe, expect, test } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createDag, frontDoorFormula, frontDoorSet, frontDoorVerdict, minimalFrontDoorSet, minimalFrontDoorSets } from "./index.js";

type Edge = [string, string];
const dag = (nodes: string[], edges: Edge[], latent: string[] = [], bidirected: Edge[] = []) => createDag({ nodes, edges, latent, bidirected });

describe("front-door: named graphs", () => {
  test("Pearl's front-door graph: X → M → Y with X ↔ Y ⇒ {M}", () => {
    const g = dag(["X", "M", "Y"], [["X", "M"], ["M", "Y"]], [], [["X", "Y"]]);
    expect(frontDoorSet(g, "X", "Y")).toEqual(["M"]);
    expect(minimalFrontDoorSets(g, "X", "Y")).toEqual({ sets: [["M"]], truncated: false });
    expect(frontDoorVerdict(g, "X", "Y", ["M"]).valid).toBe(true);
    expect(frontDoorFormula(["X"], ["Y"], ["M"])).toBe("P(Y|do(X)) = Σ_{M} P(M|X) Σ_{X'} P(Y|X', M) P(X')");
  });

  test("the same graph with an explicit latent confounder", () => {
    const g = dag(["X", "M", "Y", "U"], [["U", "X"], ["U", "Y"], ["X", "M"], ["M", "Y"]], ["U"]);
    expect(frontDoorSet(g, "X", "Y")).toEqual(["M"]);
  });

  test("a direct edge X → Y defeats condition (i)", () => {
    const g = dag(["X", "M", "Y"], [["X", "M"], ["M", "Y"], ["X", "Y"]], [], [["X", "Y"]]);
    expect(frontDoorSet(g, "X", "Y")).toBeNull();
    const v = frontDoorVerdict(g, "X", "Y", ["M"]);
    expect(v.interceptsCausalPaths).toBe(false);
    expect(v.valid).toBe(false);
  });

  test("confounded mediator (X ↔ M) defeats condition (ii)", () => {
    const g = dag(["X", "M", "Y"], [["X", "M"], ["M", "Y"]], [], [["X", "Y"], ["X", "M"]]);
    expect(frontDoorSet(g, "X", "Y")).toBeNull();
    expect(frontDoorVerdict(g, "X", "Y", ["M"]).openFromExposure).toEqual(["M"]);
  });

  test("mediator confounded with the outcome (M ↔ Y) defeats condition (iii)", () => {
    const g = dag(["X", "M", "Y"], [["X", "M"], ["M", "Y"]], [], [["X", "Y"], ["M", "Y"]]);
    expect(frontDoorSet(g, "X", "Y")).toBeNull();
    expect(frontDoorVerdict(g, "X", "Y", ["M"]).openToOutcome).toEqual(["M"]);
  });

  test("a covariate of the mediator and the outcome joins a minimal set (M ← W → Y, W independent of X)", () => {
    const g = dag(["X", "M", "W", "Y"], [["X", "M"], ["M", "Y"], ["W", "M"], ["W", "Y"]], [], [["X", "Y"]]);
    expect(frontDoorVerdict(g, "X", "Y", ["M"]).openToOutcome).toEqual(["M"]);
    expect(minimalFrontDoorSets(g, "X", "Y").sets).toEqual([["M", "W"]]);
  });

  test("two parallel mediators are both needed; a chain gives two minimal sets", () => {
    const parallel = dag(["X", "A", "B", "Y"], [["X", "A"], ["X", "B"], ["A", "Y"], ["B", "Y"]], [], [["X", "Y"]]);
    expect(minimalFrontDoorSets(parallel, "X", "Y").sets).toEqual([["A", "B"]]);
    const chain = dag(["X", "A", "B", "Y"], [["X", "A"], ["A", "B"], ["B", "Y"]], [], [["X", "Y"]]);
    expect(minimalFrontDoorSets(chain, "X", "Y").sets).toEqual([["A"], ["B"]]);
    expect(frontDoorSet(chain, "X", "Y")).toEqual(["A", "B"]);
    expect(minimalFrontDoorSet(chain, "X", "Y")).toEqual(["A"]);
  });

  test("no causal path: the empty set satisfies the criterion and gives P(Y)", () => {
    const g = dag(["X", "Y"], [], [], [["X", "Y"]]);
    expect(minimalFrontDoorSets(g, "X", "Y").sets).toEqual([[]]);
    expect(frontDoorFormula(["X"], ["Y"], [])).toBe("P(Y|do(X)) = Σ_{X'} P(Y|X') P(X')");
  });

  test("must and allowed restrictions", () => {
    const chain = dag(["X", "A", "B", "Y"], [["X", "A"], ["A", "B"], ["B", "Y"]], [], [["X", "Y"]]);
    expect(frontDoorSet(chain, "X", "Y", { allowed: ["A"] })).toEqual(["A"]);
    expect(frontDoorSet(chain, "X", "Y", { must: ["B"] })).toEqual(["A", "B"]);
    // C shares a hidden cause with X, so no front-door set may contain it.
    const withC = dag(["X", "A", "B", "C", "Y"], [["X", "A"], ["A", "B"], ["B", "Y"], ["X", "C"]], [], [["X", "Y"], ["X", "C"]]);
    expect(frontDoorSet(withC, "X", "Y", { must: ["C"] })).toBeNull();
    expect(frontDoorSet(withC, "X", "Y")).toEqual(["A", "B"]);
  });

  test("the cap truncates", () => {
    // k chained pairs X → A_i → B_i → Y: every choice of A_i or B_i per chain is minimal (2^k sets).
    const nodes = ["X", "Y"];
    const edges: Edge[] = [];
    for (let i = 0; i < 4; i++) {
      nodes.push(`A${i}`, `B${i}`);
      edges.push(["X", `A${i}`], [`A${i}`, `B${i}`], [`B${i}`, "Y"]);
    }
    const g = dag(nodes, edges, [], [["X", "Y"]]);
    expect(minimalFrontDoorSets(g, "X", "Y").sets).toHaveLength(16);
    const capped = minimalFrontDoorSets(g, "X", "Y", { maxResults: 5 });
    expect(capped.sets).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    expect(minimalFrontDoorSets(g, "X", "Y", { maxSteps: 3 }).truncated).toBe(true);
  });

  test("bad input", () => {
    const g = dag(["X", "M", "Y"], [["X", "M"], ["M", "Y"]]);
    expectIslError(() => frontDoorSet(g, "X", "Q"), "ISL_NODE_NOT_FOUND");
    expectIslError(() => frontDoorSet(g, "X", "X"), "ISL_INVALID_INPUT");
    expectIslError(() => frontDoorVerdict(g, "X", "Y", ["X"]), "ISL_INVALID_INPUT");
    expectIslError(() => minimalFrontDoorSets(g, "X", "Y", { maxResults: 0 }), "ISL_INVALID_INPUT");
  });
});
