/**
 * Table tests of bidirected edges in `createDag`: the hidden common cause of each a ↔ b, its
 * validation errors, and that the hidden node is never shown (lists, lookups, messages, paths).
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import {
  adjustmentObstructions,
  ancestorsOf,
  backdoorPaths,
  bidirectedNodeName,
  canonicalAdjustmentSet,
  childrenOf,
  createDag,
  dConnectingPath,
  dSeparated,
  edgeList,
  findNode,
  formatPath,
  isHiddenNodeName,
  latentNames,
  minimalAdjustmentSets,
  observedNodes,
  openPath,
  parentsOf,
  topologicalNames,
  visibleNames,
} from "./index.js";

describe("createDag with bidirected edges", () => {
  const dag = createDag({ nodes: ["Y", "X", "Z", "L"], edges: [["X", "Y"], ["Z", "X"]], latent: ["L"], bidirected: [["Y", "X"], ["Z", "Y"], ["X", "Y"]] });

  it("adds one hidden latent node per distinct pair, after every input node", () => {
    expect(dag.size).toBe(6);
    expect(dag.names.slice(0, 4)).toEqual(["L", "X", "Y", "Z"]);
    expect(dag.names.slice(4)).toEqual([bidirectedNodeName("X", "Y"), bidirectedNodeName("Y", "Z")]);
    expect(Array.from(dag.hidden)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(dag.latent)).toEqual([1, 0, 0, 0, 1, 1]);
    expect(dag.bidirected).toEqual([["X", "Y"], ["Y", "Z"]]);
    expect(dag.duplicateBidirected).toEqual([["X", "Y"]]);
    expect(dag.edgeCount).toBe(6);
  });

  it("never lists a hidden node", () => {
    expect(visibleNames(dag)).toEqual(["L", "X", "Y", "Z"]);
    expect(observedNodes(dag)).toEqual(["X", "Y", "Z"]);
    expect(latentNames(dag)).toEqual(["L"]);
    expect(topologicalNames(dag)).toEqual(["L", "Z", "X", "Y"]);
    expect(edgeList(dag)).toEqual([["X", "Y"], ["Z", "X"]]);
    expect(ancestorsOf(dag, "Y")).toEqual(["X", "Y", "Z"]);
    expect(parentsOf(dag, "Y")).toEqual(["X"]);
    expect(childrenOf(dag, "Z")).toEqual(["X"]);
  });

  it("cannot be looked up, and error messages list input nodes only", () => {
    const hiddenName = bidirectedNodeName("X", "Y");
    const error = expectIslError(() => findNode(dag, hiddenName, "Treatment"), "ISL_NODE_NOT_FOUND");
    expect(error.message).toBe(`Treatment node '${hiddenName}' not found in graph. Available nodes: L, X, Y, Z`);
    expect(error.details.availableNodes).toEqual(["L", "X", "Y", "Z"]);
    expectIslError(() => dSeparated(dag, "X", hiddenName, []), "ISL_NODE_NOT_FOUND");
  });

  it("renders paths through a hidden node as a ↔ b", () => {
    expect(formatPath(dConnectingPath(dag, "Z", "Y", [])!)).toBe("Z ↔ Y");
    expect(openPath(dag, "Z", "Y", [])).toEqual(["Z", "Y"]);
    expect(dConnectingPath(dag, "Z", "Y", ["X"])).toEqual({ nodes: ["Z", "Y"], arrows: ["<->"] });
    expect(backdoorPaths(dag, "X", "Y").paths.map(formatPath)).toEqual(["X ↔ Y", "X ← Z ↔ Y"]);
    // The raw form a ← U_ab → b (as a caller might assemble it) renders the same way.
    expect(formatPath({ nodes: ["X", bidirectedNodeName("X", "Y"), "Y"], arrows: ["<-", "->"] })).toBe("X ↔ Y");
    expect(formatPath({ nodes: ["A", "B"], arrows: ["<->"] })).toBe("A ↔ B");
  });

  it("makes X → Y with X ↔ Y non-identifiable by adjustment, with the path as the witness", () => {
    const bow = createDag({ nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] });
    expect(canonicalAdjustmentSet(bow, "X", "Y")).toBeNull();
    expect(minimalAdjustmentSets(bow, "X", "Y").sets).toEqual([]);
    const why = adjustmentObstructions(bow, "X", "Y");
    expect(why.identifiable).toBe(false);
    expect(why.unblockable.paths).toEqual([{ nodes: ["X", "Y"], arrows: ["<->"] }]);
    expect(why.candidate).toEqual([]);
  });

  it("keeps the input nodes at the indices they have without bidirected edges", () => {
    const plain = createDag({ nodes: ["b", "a", "c"], edges: [["a", "b"]] });
    const mixed = createDag({ nodes: ["b", "a", "c"], edges: [["a", "b"]], bidirected: [["c", "a"]] });
    expect(mixed.names.slice(0, 3)).toEqual(plain.names);
    expect([...plain.names].every((name, i) => mixed.indexOf.get(name) === i)).toBe(true);
  });
});

describe("hidden node names", () => {
  it("are reserved, injective and order-free", () => {
    expect(isHiddenNodeName(bidirectedNodeName("a", "b"))).toBe(true);
    expect(isHiddenNodeName("a")).toBe(false);
    expect(bidirectedNodeName("b", "a")).toBe(bidirectedNodeName("a", "b"));
    // Names containing the separator characters still give distinct hidden names.
    expect(bidirectedNodeName('a","b', "c")).not.toBe(bidirectedNodeName("a", 'b","c'));
  });
});

describe("createDag bidirected validation", () => {
  it.each([
    {
      name: "self-loop",
      bidirected: [["A", "A"]] as [string, string][],
      message: "Bidirected self-loop A ↔ A (bidirected edge 0) is not allowed: a bidirected edge joins two different nodes.",
    },
    {
      name: "unknown endpoint",
      bidirected: [["A", "Q"]] as [string, string][],
      message: "Bidirected edge 0 (A ↔ Q) references non-existent node 'Q'. Add 'Q' to the nodes list or fix the edge. Available nodes: A, B",
    },
    { name: "not a pair", bidirected: [["A"]] as unknown as [string, string][], message: "Bidirected edge 0 must be a pair of node names [a, b]." },
  ])("$name", ({ bidirected, message }) => {
    const error = expectIslError(() => createDag({ nodes: ["A", "B"], edges: [], bidirected }), "ISL_INVALID_DAG", message);
    expect(error.validationFailures).toEqual([`bidirected[0]: ${message}`]);
  });

  it("rejects a malformed list", () => {
    expectIslError(() => createDag({ nodes: ["A"], edges: [], bidirected: "A" as unknown as [string, string][] }), "ISL_INVALID_DAG");
  });

  it("rejects input node names that start with the reserved character", () => {
    const name = bidirectedNodeName("A", "B");
    const error = expectIslError(() => createDag({ nodes: ["A", "B", name], edges: [], bidirected: [["A", "B"]] }), "ISL_INVALID_DAG");
    expect(error.message).toBe("Node 2 starts with the character U+FFFF, which is reserved for the hidden nodes of bidirected edges. Rename the node.");
    expectIslError(() => createDag({ nodes: ["\uffff"], edges: [] }), "ISL_INVALID_DAG");
  });

  it("lists every problem with edges, latent nodes and bidirected edges together", () => {
    const error = expectIslError(() => createDag({ nodes: ["A", "B"], edges: [["A", "Z"]], latent: ["W"], bidirected: [["B", "B"], ["V", "A"]] }), "ISL_INVALID_DAG");
    expect(error.validationFailures).toHaveLength(4);
    expect(error.details.unknownBidirected).toEqual([{ index: 1, edge: ["V", "A"], node: "V" }]);
  });

  it("accepts a bidirected edge parallel to a directed one, and between latent nodes", () => {
    const dag = createDag({ nodes: ["A", "B", "C"], edges: [["A", "B"]], latent: ["C"], bidirected: [["A", "B"], ["C", "B"]] });
    expect(dag.bidirected).toEqual([["A", "B"], ["B", "C"]]);
    expect(dSeparated(dag, "A", "C", ["B"])).toBe(false);
    expect(dSeparated(dag, "A", "C", [])).toBe(true);
  });
});
