/**
 * Table tests of the adjustment kinds on classic graphs, with values derived by hand: every valid
 * set of the M-bias graph, must / must_not, the constrained canonical set, the O-set (precision
 * variables in, instruments out), the cases where the O-set is not given, a joint-intervention case
 * from dagitty's own test suite, and bad constraints.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { allAdjustmentSets, constrainedCanonicalAdjustmentSet, createDag, enumerateAdjustmentSets, minimalAdjustmentSets, optimalAdjustmentSet, type DagInput } from "./index.js";

/** X → Y with M-bias: X ← A → M ← B → Y. */
const mBias: DagInput = { nodes: ["X", "Y", "A", "B", "M"], edges: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]] };

describe("kind all", () => {
  it("M-bias: every set except the collider alone", () => {
    const all = allAdjustmentSets(createDag(mBias), "X", "Y");
    expect(all).toEqual({ sets: [[], ["A"], ["A", "B"], ["A", "B", "M"], ["A", "M"], ["B"], ["B", "M"]], truncated: false });
  });

  it("confounder plus an unrelated node: the unrelated node may be added or not", () => {
    const dag = createDag({ nodes: ["X", "Y", "Z", "W"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"]] });
    expect(allAdjustmentSets(dag, "X", "Y").sets).toEqual([["W", "Z"], ["Z"]]);
  });

  it("lists the small sets first in enumeration order, and stops at the step budget", () => {
    const listing = [...enumerateAdjustmentSets(createDag(mBias), "X", "Y")];
    expect(listing[0]).toEqual([]);
    const budget = enumerateAdjustmentSets(createDag(mBias), "X", "Y", { maxSteps: 3 });
    const partial = [...budget];
    expect(budget.stoppedEarly).toBe(true);
    expect(partial.length).toBeLessThan(7);
    expect(allAdjustmentSets(createDag(mBias), "X", "Y", { maxSteps: 3 }).truncated).toBe(true);
  });

  it("stops when asked to", () => {
    const listing = enumerateAdjustmentSets(createDag(mBias), "X", "Y", { shouldStop: () => true });
    // The root of the M-bias search tree is not a leaf, so nothing is listed before the first poll.
    expect([...listing]).toEqual([]);
    expect(listing.stoppedEarly).toBe(true);
  });

  it("nothing when latent confounding leaves no set", () => {
    const dag = createDag({ nodes: ["X", "Y", "U"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"]], latent: ["U"] });
    expect(allAdjustmentSets(dag, "X", "Y")).toEqual({ sets: [], truncated: false });
  });
});

describe("must and must_not", () => {
  it("must the collider: minimal among supersets of {M} are {A, M} and {B, M}", () => {
    expect(minimalAdjustmentSets(createDag(mBias), "X", "Y", { include: ["M"] }).sets).toEqual([["A", "M"], ["B", "M"]]);
  });

  it("must M, must_not A leaves {B, M}", () => {
    expect(minimalAdjustmentSets(createDag(mBias), "X", "Y", { include: ["M"], exclude: ["A"] }).sets).toEqual([["B", "M"]]);
    expect(allAdjustmentSets(createDag(mBias), "X", "Y", { include: ["M"], exclude: ["A"] }).sets).toEqual([["B", "M"]]);
  });

  it("must_not the only confounder: no set", () => {
    const dag = createDag({ nodes: ["X", "Y", "Z"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"]] });
    expect(minimalAdjustmentSets(dag, "X", "Y", { exclude: ["Z"] }).sets).toEqual([]);
    expect(constrainedCanonicalAdjustmentSet(dag, "X", "Y", { exclude: ["Z"] })).toBeNull();
  });

  it("must a mediator: no set", () => {
    const dag = createDag({ nodes: ["X", "Y", "M"], edges: [["X", "M"], ["M", "Y"]] });
    expect(minimalAdjustmentSets(dag, "X", "Y", { include: ["M"] }).sets).toEqual([]);
    expect(allAdjustmentSets(dag, "X", "Y", { include: ["M"] }).sets).toEqual([]);
  });

  it("canonical with must: An(X ∪ Y ∪ must) ∩ allowed", () => {
    expect(constrainedCanonicalAdjustmentSet(createDag(mBias), "X", "Y")).toEqual(["A", "B"]);
    expect(constrainedCanonicalAdjustmentSet(createDag(mBias), "X", "Y", { include: ["M"] })).toEqual(["A", "B", "M"]);
    expect(constrainedCanonicalAdjustmentSet(createDag(mBias), "X", "Y", { include: ["M"], exclude: ["A", "B"] })).toBeNull();
  });

  it("bad constraints are clear errors", () => {
    const dag = createDag({ ...mBias, latent: ["B"] });
    expectIslError(() => minimalAdjustmentSets(dag, "X", "Y", { include: ["B"] }), "ISL_INVALID_INPUT", "Required adjustment node(s) 'B' are latent (unobserved) and cannot be adjusted for.");
    expectIslError(() => minimalAdjustmentSets(dag, "X", "Y", { include: ["A"], exclude: ["A"] }), "ISL_INVALID_INPUT");
    expectIslError(() => allAdjustmentSets(dag, "X", "Y", { include: ["X"] }), "ISL_INVALID_INPUT");
    expectIslError(() => allAdjustmentSets(dag, "X", "Y", { include: ["Q"] }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => allAdjustmentSets(dag, "X", "Y", { maxResults: 0 }), "ISL_INVALID_INPUT");
  });
});

describe("several exposures and outcomes", () => {
  it("dagitty's joint-intervention test case: {C} and {m, m2}", () => {
    // From dagitty's QUnit suite ("adjustment in DAGs"): X1, X2 exposures; Y1, Y2 outcomes.
    const dag = createDag({
      nodes: ["X1", "X2", "Y1", "Y2", "C", "m", "m2"],
      edges: [["C", "Y1"], ["C", "m"], ["X1", "X2"], ["X1", "Y2"], ["Y2", "Y1"], ["X2", "Y1"], ["X1", "m2"], ["m2", "m"], ["m", "X2"]],
    });
    expect(minimalAdjustmentSets(dag, ["X1", "X2"], ["Y1", "Y2"]).sets).toEqual([["C"], ["m", "m2"]]);
    expect(optimalAdjustmentSet(dag, ["X1", "X2"], ["Y1", "Y2"]).unavailable).toBe("multiple_exposures");
  });
});

describe("the O-set", () => {
  it("keeps precision variables (parents of the outcome) and drops instruments (parents of X only)", () => {
    const dag = createDag({ nodes: ["X", "Y", "Z", "W", "C"], edges: [["Z", "X"], ["W", "Y"], ["C", "X"], ["C", "Y"], ["X", "Y"]] });
    expect(optimalAdjustmentSet(dag, "X", "Y")).toEqual({ set: ["C", "W"], unavailable: null, nodes: [], causalNodes: ["Y"] });
  });

  it("includes parents of mediators: X → M → Y, P → M, C confounding", () => {
    const dag = createDag({ nodes: ["X", "Y", "M", "P", "C"], edges: [["X", "M"], ["M", "Y"], ["P", "M"], ["C", "X"], ["C", "Y"]] });
    expect(optimalAdjustmentSet(dag, "X", "Y")).toEqual({ set: ["C", "P"], unavailable: null, nodes: [], causalNodes: ["M", "Y"] });
  });

  it("several outcomes: the union over their causal nodes", () => {
    const dag = createDag({ nodes: ["X", "Y1", "Y2", "P1", "P2", "Q"], edges: [["X", "Y1"], ["X", "Y2"], ["P1", "Y1"], ["P2", "Y2"], ["Q", "X"]] });
    expect(optimalAdjustmentSet(dag, "X", ["Y1", "Y2"]).set).toEqual(["P1", "P2"]);
  });

  it("not given: latent parent of a causal node, no causal path, no valid set", () => {
    const latentParent = createDag({ nodes: ["X", "Y", "U"], edges: [["X", "Y"], ["U", "Y"]], latent: ["U"] });
    expect(optimalAdjustmentSet(latentParent, "X", "Y")).toEqual({ set: null, unavailable: "latent_in_optimal_set", nodes: ["Y"], causalNodes: ["Y"] });
    const bidirected = createDag({ nodes: ["X", "Y", "M"], edges: [["X", "M"], ["M", "Y"]], bidirected: [["M", "Y"]] });
    expect(optimalAdjustmentSet(bidirected, "X", "Y").unavailable).toBe("latent_in_optimal_set");
    const noPath = createDag({ nodes: ["X", "Y", "C"], edges: [["C", "X"], ["C", "Y"]] });
    expect(optimalAdjustmentSet(noPath, "X", "Y")).toEqual({ set: null, unavailable: "outcome_not_descendant", nodes: ["Y"], causalNodes: [] });
    const confounded = createDag({ nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] });
    expect(optimalAdjustmentSet(confounded, "X", "Y").unavailable).toBe("no_valid_set");
  });

  it("a latent node outside O does not matter", () => {
    const dag = createDag({ nodes: ["X", "Y", "Z", "U"], edges: [["U", "Z"], ["Z", "X"], ["Z", "Y"], ["X", "Y"]], latent: ["U"] });
    expect(optimalAdjustmentSet(dag, "X", "Y").set).toEqual(["Z"]);
  });
});
