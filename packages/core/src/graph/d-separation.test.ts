/**
 * Table tests of d-separation and its witness on the elementary structures (chain, fork,
 * collider, collider with a conditioned descendant), sets of nodes, and input errors.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createDag, dSeparated, openPath } from "./index.js";

/** A chain A→B→C, a fork C←D→E and a collider E→F←G. */
const dag = createDag({
  nodes: ["A", "B", "C", "D", "E", "F", "G"],
  edges: [["A", "B"], ["B", "C"], ["D", "C"], ["D", "E"], ["E", "F"], ["G", "F"]],
});

const collider = createDag({ nodes: ["X", "Y", "C", "D"], edges: [["X", "C"], ["Y", "C"], ["C", "D"]] });

const rows: { name: string; x: string[]; y: string[]; z: string[]; separated: boolean; path: string[] | null; graph?: "collider" }[] = [
  { name: "chain open", x: ["A"], y: ["C"], z: [], separated: false, path: ["A", "B", "C"] },
  { name: "chain blocked by its middle", x: ["A"], y: ["C"], z: ["B"], separated: true, path: null },
  { name: "fork open", x: ["C"], y: ["E"], z: [], separated: false, path: ["C", "D", "E"] },
  { name: "fork blocked by its root", x: ["C"], y: ["E"], z: ["D"], separated: true, path: null },
  { name: "collider closed", x: ["E"], y: ["G"], z: [], separated: true, path: null },
  { name: "collider opened by conditioning on it", x: ["E"], y: ["G"], z: ["F"], separated: false, path: ["E", "F", "G"] },
  { name: "collider opened by a descendant", x: ["X"], y: ["Y"], z: ["D"], separated: false, path: ["X", "C", "Y"], graph: "collider" },
  { name: "collider closed without conditioning", x: ["X"], y: ["Y"], z: [], separated: true, path: null, graph: "collider" },
  { name: "long path closed at the collider C", x: ["A"], y: ["E"], z: [], separated: true, path: null },
  { name: "long path opened at the collider C", x: ["A"], y: ["E"], z: ["C"], separated: false, path: ["A", "B", "C", "D", "E"] },
  { name: "long path opened at C, blocked at the chain", x: ["A"], y: ["E"], z: ["B", "C"], separated: true, path: null },
  { name: "sets: one open pair suffices", x: ["A", "G"], y: ["E"], z: ["D"], separated: true, path: null },
  { name: "sets: connected through either member", x: ["A", "G"], y: ["E", "C"], z: [], separated: false, path: ["A", "B", "C"] },
  { name: "empty X is separated from anything", x: [], y: ["E"], z: [], separated: true, path: null },
];

describe("d-separation", () => {
  it.each(rows)("$name", (row) => {
    const g = row.graph === "collider" ? collider : dag;
    expect(dSeparated(g, row.x, row.y, row.z)).toBe(row.separated);
    expect(openPath(g, row.x, row.y, row.z)).toEqual(row.path);
  });

  it("accepts single names as sets of one", () => {
    expect(dSeparated(dag, "A", "C", "B")).toBe(true);
    expect(openPath(dag, "A", "C")).toEqual(["A", "B", "C"]);
  });

  it.each([
    ["overlapping X and Z", () => dSeparated(dag, ["A"], ["C"], ["A"]), "ISL_INVALID_INPUT", "Node 'A' is in both the source set and the conditioning set; the sets must not overlap."],
    ["unknown conditioning node", () => dSeparated(dag, ["A"], ["C"], ["Q"]), "ISL_NODE_NOT_FOUND", "Conditioning node 'Q' not found in graph. Available nodes: A, B, C, D, E, F, G"],
  ] as const)("rejects %s", (_, fn, code, message) => {
    expectIslError(fn, code, message);
  });
});
