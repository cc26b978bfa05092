/**
 * Table tests of back-door path reporting and of the explanation of adjustment failures:
 * arrow directions, conditioning, ordering, caps, and the two kinds of obstruction.
 */
import { describe, expect, it } from "vitest";
import { adjustmentObstructions, backdoorPaths, createDag, formatPath } from "./index.js";

const pricing = createDag({ nodes: ["Price", "Revenue", "Brand"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]] });
const mBias = createDag({ nodes: ["X", "Y", "A", "B", "M"], edges: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]] });
const twoPaths = createDag({
  nodes: ["X", "Y", "C", "B", "A", "D"],
  edges: [["C", "X"], ["C", "Y"], ["B", "X"], ["B", "D"], ["D", "Y"], ["A", "X"], ["A", "Y"], ["X", "Y"]],
});

describe("backdoorPaths", () => {
  it("reports Price ← Brand → Revenue with its arrows", () => {
    const { paths, truncated } = backdoorPaths(pricing, "Price", "Revenue");
    expect(truncated).toBe(false);
    expect(paths).toEqual([{ nodes: ["Price", "Brand", "Revenue"], arrows: ["<-", "->"] }]);
    expect(paths.map(formatPath)).toEqual(["Price ← Brand → Revenue"]);
  });

  it.each([
    ["nothing open given Brand", pricing, "Price", "Revenue", ["Brand"], []],
    ["M-bias closed at the collider", mBias, "X", "Y", [], []],
    ["M-bias opened by conditioning on M", mBias, "X", "Y", ["M"], ["X ← A → M ← B → Y"]],
    ["M-bias closed again by A", mBias, "X", "Y", ["M", "A"], []],
    ["shortest first, then by name", twoPaths, "X", "Y", [], ["X ← A → Y", "X ← C → Y", "X ← B → D → Y"]],
    ["the causal path is never a back-door path", twoPaths, "X", "Y", ["A", "B", "C"], []],
  ] as const)("%s", (_, dag, x, y, given, expected) => {
    expect(backdoorPaths(dag, x, y, { given: [...given] }).paths.map(formatPath)).toEqual(expected);
  });

  it("caps the list and flags truncation", () => {
    expect(backdoorPaths(twoPaths, "X", "Y", { maxPaths: 2 })).toEqual({
      paths: [
        { nodes: ["X", "A", "Y"], arrows: ["<-", "->"] },
        { nodes: ["X", "C", "Y"], arrows: ["<-", "->"] },
      ],
      truncated: true,
    });
    expect(backdoorPaths(twoPaths, "X", "Y", { maxPaths: 3 }).truncated).toBe(false);
  });

  it("flags truncation when the step budget runs out", () => {
    expect(backdoorPaths(twoPaths, "X", "Y", { maxSteps: 1 }).truncated).toBe(true);
  });
});

describe("adjustmentObstructions", () => {
  it("latent confounder: the open path is unblockable", () => {
    const dag = createDag({ nodes: ["U", "X", "Y"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"]], latent: ["U"] });
    const result = adjustmentObstructions(dag, "X", "Y");
    expect(result.identifiable).toBe(false);
    expect(result.candidate).toEqual([]);
    expect(result.openGivenCandidate.paths.map(formatPath)).toEqual(["X ← U → Y"]);
    expect(result.unblockable.paths.map(formatPath)).toEqual(["X ← U → Y"]);
  });

  it("latent confounder of a mediator: blocked only by a forbidden node", () => {
    const dag = createDag({ nodes: ["U", "X", "M", "Y"], edges: [["U", "X"], ["U", "M"], ["X", "M"], ["M", "Y"]], latent: ["U"] });
    const result = adjustmentObstructions(dag, "X", "Y");
    expect(result.identifiable).toBe(false);
    expect(result.unblockable.paths.map(formatPath)).toEqual(["X ← U → M → Y"]);
  });

  it("no single path is unblockable when blocking one path opens another", () => {
    const dag = createDag({
      nodes: ["X", "Y", "C", "U1", "U2"],
      edges: [["U1", "X"], ["U1", "C"], ["U2", "C"], ["U2", "Y"], ["C", "X"], ["X", "Y"]],
      latent: ["U1", "U2"],
    });
    const result = adjustmentObstructions(dag, "X", "Y");
    expect(result.identifiable).toBe(false);
    expect(result.candidate).toEqual(["C"]);
    expect(result.openGivenCandidate.paths.map(formatPath)).toEqual(["X ← U1 → C ← U2 → Y"]);
    expect(result.unblockable.paths).toEqual([]);
  });

  it("identifiable graphs have no obstruction", () => {
    const result = adjustmentObstructions(pricing, "Price", "Revenue");
    expect(result).toEqual({
      identifiable: true,
      candidate: ["Brand"],
      openGivenCandidate: { paths: [], truncated: false },
      unblockable: { paths: [], truncated: false },
    });
  });
});
