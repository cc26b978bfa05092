import { describe, expect, test } from "vitest";
import { DAGStructure, dagStructureProblems } from "@olumi/contracts";

describe("dagStructureProblems", () => {
  test.each([
    { name: "valid", dag: { nodes: ["A", "B"], edges: [["A", "B"]] as [string, string][] }, problems: [] as string[] },
    {
      name: "duplicate nodes",
      dag: { nodes: ["A", "B", "B", "A"], edges: [] },
      problems: ["Duplicate nodes found: 'A', 'B'. Each node must be unique."],
    },
    {
      name: "unknown endpoint",
      dag: { nodes: ["A"], edges: [["A", "D"]] as [string, string][] },
      problems: ["Edge A → D references non-existent node: 'D'. Add 'D' to nodes list."],
    },
    {
      name: "self-loop",
      dag: { nodes: ["B"], edges: [["B", "B"]] as [string, string][] },
      problems: ["Self-loops not allowed: B → B. DAGs must be acyclic."],
    },
    {
      name: "unknown latent",
      dag: { nodes: ["A"], edges: [], latent: ["U"] },
      problems: ["Latent node 'U' is not in nodes. Add it to nodes or remove it from latent."],
    },
    {
      name: "valid bidirected edges (repeats and both orientations allowed)",
      dag: { nodes: ["A", "B"], edges: [["A", "B"]] as [string, string][], bidirected: [["A", "B"], ["B", "A"]] as [string, string][] },
      problems: [],
    },
    {
      name: "bidirected self-loop",
      dag: { nodes: ["A"], edges: [], bidirected: [["A", "A"]] as [string, string][] },
      problems: ["Bidirected self-loop A ↔ A is not allowed: a bidirected edge joins two different nodes."],
    },
    {
      name: "bidirected unknown endpoints",
      dag: { nodes: ["A"], edges: [], bidirected: [["Q", "R"]] as [string, string][] },
      problems: [
        "Bidirected edge Q ↔ R references non-existent node: 'Q'. Add 'Q' to nodes list.",
        "Bidirected edge Q ↔ R references non-existent node: 'R'. Add 'R' to nodes list.",
      ],
    },
  ])("$name", ({ dag, problems }) => {
    expect(dagStructureProblems(dag).map((p) => p.message)).toEqual(problems);
  });
});

describe("DAGStructure schema", () => {
  test("accepts a valid DAG with latent nodes", () => {
    const dag = { nodes: ["X", "U", "Y"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"]], latent: ["U"] };
    expect(DAGStructure.parse(dag)).toEqual(dag);
  });

  test("accepts bidirected edges", () => {
    const dag = { nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] };
    expect(DAGStructure.parse(dag)).toEqual(dag);
  });

  test.each([
    { name: "bidirected self-loop", dag: { nodes: ["A"], edges: [], bidirected: [["A", "A"]] }, path: ["bidirected", 0] },
    { name: "bidirected unknown node", dag: { nodes: ["A"], edges: [], bidirected: [["A", "B"]] }, path: ["bidirected", 0] },
    { name: "bidirected name not an identifier", dag: { nodes: ["A"], edges: [], bidirected: [["A", "b c"]] }, path: ["bidirected", 0, 1] },
    { name: "too many bidirected edges", dag: { nodes: ["A", "B"], edges: [], bidirected: Array.from({ length: 201 }, () => ["A", "B"]) }, path: ["bidirected"] },
    { name: "empty nodes", dag: { nodes: [], edges: [] }, path: ["nodes"] },
    { name: "bad identifier", dag: { nodes: ["Valid Name"], edges: [] }, path: ["nodes", 0] },
    { name: "too many nodes", dag: { nodes: Array.from({ length: 51 }, (_, i) => `n${i}`), edges: [] }, path: ["nodes"] },
    { name: "edge is not a pair", dag: { nodes: ["A", "B"], edges: [["A"]] }, path: ["edges", 0] },
    { name: "self-loop", dag: { nodes: ["A"], edges: [["A", "A"]] }, path: ["edges", 0] },
  ])("rejects $name at $path", ({ dag, path }) => {
    const r = DAGStructure.safeParse(dag);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});
