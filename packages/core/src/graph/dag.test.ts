/**
 * Table tests of graph construction: every validation error (code, message, details), repeated
 * edges, name-ordered indexing, the canonical topological order, and node lookup messages.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { createDag, edgeList, findNode, observedNodes, topologicalNames, type DagInput } from "./index.js";

/** Runs `fn` and returns the IslError it throws (fails the test otherwise). */
function caught(fn: () => unknown): IslError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IslError);
    return e as IslError;
  }
  throw new Error("expected an IslError");
}

interface ErrorRow {
  name: string;
  input: DagInput;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  failures?: number;
}

const errorRows: ErrorRow[] = [
  { name: "no nodes", input: { nodes: [], edges: [] }, code: "ISL_DAG_EMPTY", message: "The graph has no nodes. Add at least one node." },
  {
    name: "duplicate node",
    input: { nodes: ["A", "B", "A"], edges: [] },
    code: "ISL_INVALID_DAG",
    message: "Duplicate nodes found: 'A'. Each node must be unique.",
    details: { duplicateNodes: ["A"] },
  },
  {
    name: "unknown edge endpoint",
    input: { nodes: ["A", "B"], edges: [["A", "B"], ["A", "Q"]] },
    code: "ISL_INVALID_DAG",
    message: "Edge 1 (A → Q) references non-existent node 'Q'. Add 'Q' to the nodes list or fix the edge. Available nodes: A, B",
    details: { unknownEndpoints: [{ edgeIndex: 1, edge: ["A", "Q"], node: "Q" }] },
  },
  {
    name: "self-loop",
    input: { nodes: ["A", "B"], edges: [["B", "B"]] },
    code: "ISL_INVALID_DAG",
    message: "Self-loops not allowed: B → B (edge 0). DAGs must be acyclic.",
    details: { selfLoops: ["B"] },
  },
  {
    name: "unknown latent node",
    input: { nodes: ["A", "B"], edges: [], latent: ["U"] },
    code: "ISL_INVALID_DAG",
    message: "Latent node 'U' is not in nodes. Add it to nodes or remove it from latent.",
    details: { unknownLatent: ["U"] },
  },
  {
    name: "several problems at once",
    input: { nodes: ["A", "A"], edges: [["A", "Z"]], latent: ["U"] },
    code: "ISL_INVALID_DAG",
    message: "Duplicate nodes found: 'A'. Each node must be unique. (2 more problems listed in validationFailures)",
    failures: 3,
  },
  {
    name: "malformed edge",
    input: { nodes: ["A", "B"], edges: [["A"] as unknown as [string, string]] },
    code: "ISL_INVALID_DAG",
    message: "Edge 0 must be a pair of node names [from, to].",
  },
  {
    name: "empty node name",
    input: { nodes: ["A", ""], edges: [] },
    code: "ISL_INVALID_DAG",
    message: "Node 1 must be a non-empty string.",
  },
  {
    name: "three-cycle, listed from its smallest node",
    input: { nodes: ["c", "b", "a"], edges: [["c", "a"], ["b", "c"], ["a", "b"]] },
    code: "ISL_DAG_CYCLIC",
    message: "The graph has a cycle: a → b → c → a. A causal DAG must be acyclic.",
    details: { cycle: ["a", "b", "c", "a"] },
  },
  {
    name: "two-cycle with an acyclic upstream and downstream part",
    input: { nodes: ["X", "p", "q", "Y"], edges: [["X", "q"], ["q", "p"], ["p", "q"], ["p", "Y"]] },
    code: "ISL_DAG_CYCLIC",
    message: "The graph has a cycle: p → q → p. A causal DAG must be acyclic.",
    details: { cycle: ["p", "q", "p"] },
  },
];

describe("createDag validation", () => {
  it.each(errorRows)("$name", (row) => {
    const error = caught(() => createDag(row.input));
    expect(error.code).toBe(row.code);
    expect(error.message).toBe(row.message);
    if (row.details) expect(error.details).toMatchObject(row.details);
    if (row.failures !== undefined) expect(error.validationFailures).toHaveLength(row.failures);
    expect(error.recovery?.suggestion.length).toBeGreaterThan(0);
  });

  it("abbreviates long lists of available nodes", () => {
    const nodes = Array.from({ length: 25 }, (_, i) => `v${String(i).padStart(2, "0")}`);
    const error = caught(() => createDag({ nodes, edges: [["v00", "nope"]] }));
    expect(error.message).toContain("Available nodes: v00, v01,");
    expect(error.message).toContain("v19, … (5 more)");
  });

  it("drops repeated edges and reports them", () => {
    const dag = createDag({ nodes: ["A", "B", "C"], edges: [["A", "B"], ["B", "C"], ["A", "B"]] });
    expect(dag.edgeCount).toBe(2);
    expect(dag.duplicateEdges).toEqual([["A", "B"]]);
    expect(edgeList(dag)).toEqual([["A", "B"], ["B", "C"]]);
  });

  it("indexes nodes in code-unit name order and keeps latent marks", () => {
    const dag = createDag({ nodes: ["n2", "n10", "N1", "_a"], edges: [["n2", "n10"]], latent: ["n2"] });
    expect(dag.names).toEqual(["N1", "_a", "n10", "n2"]);
    expect(observedNodes(dag)).toEqual(["N1", "_a", "n10"]);
  });
});

describe("topological order", () => {
  const rows: { edges: [string, string][]; nodes: string[]; order: string[] }[] = [
    { nodes: ["c", "b", "a"], edges: [], order: ["a", "b", "c"] },
    { nodes: ["a", "b", "c"], edges: [["c", "a"]], order: ["b", "c", "a"] },
    { nodes: ["X", "Y", "Z", "W"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"], ["W", "X"]], order: ["W", "Z", "X", "Y"] },
  ];
  it.each(rows)("orders $edges as $order (smallest name first among ready nodes)", ({ nodes, edges, order }) => {
    expect(topologicalNames(createDag({ nodes, edges }))).toEqual(order);
  });
});

describe("findNode", () => {
  const dag = createDag({ nodes: ["B", "A"], edges: [["A", "B"]] });
  it("finds a node by name", () => {
    expect(dag.names[findNode(dag, "B", "Treatment")]).toBe("B");
  });
  it.each([
    ["Treatment", "X", "Treatment node 'X' not found in graph. Available nodes: A, B"],
    ["Outcome", "y", "Outcome node 'y' not found in graph. Available nodes: A, B"],
  ])("names the role: %s", (role, name, message) => {
    const error = caught(() => findNode(dag, name, role));
    expect(error.code).toBe("ISL_NODE_NOT_FOUND");
    expect(error.message).toBe(message);
    expect(error.details).toMatchObject({ role, node: name, availableNodes: ["A", "B"] });
  });
});
