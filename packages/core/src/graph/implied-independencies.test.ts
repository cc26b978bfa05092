/**
 * Table tests of the implied independencies on small graphs with hand-derived answers: a chain, a
 * collider, a fork with two separators, latent nodes (no observed separator; the basis statement of
 * a node with a latent parent uses the separator closest to it), bidirected edges, and caps.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createDag, localMarkovBasis, minimalImpliedIndependencies, type DagInput } from "./index.js";

const minimal = (g: DagInput) => minimalImpliedIndependencies(createDag(g)).independencies;
const basis = (g: DagInput) => localMarkovBasis(createDag(g)).independencies;

describe("minimal implied independencies", () => {
  it("chain a → b → c: a ⫫ c | b", () => {
    expect(minimal({ nodes: ["c", "b", "a"], edges: [["a", "b"], ["b", "c"]] })).toEqual([{ x: "a", y: "c", given: ["b"] }]);
  });

  it("collider a → c ← b: a ⫫ b marginally, never given c", () => {
    expect(minimal({ nodes: ["a", "b", "c"], edges: [["a", "c"], ["b", "c"]] })).toEqual([{ x: "a", y: "b", given: [] }]);
  });

  it("two paths a → b → d, a → c → d: a ⫫ d | {b, c}; b ⫫ c | a", () => {
    expect(minimal({ nodes: ["a", "b", "c", "d"], edges: [["a", "b"], ["a", "c"], ["b", "d"], ["c", "d"]] })).toEqual([
      { x: "a", y: "d", given: ["b", "c"] },
      { x: "b", y: "c", given: ["a"] },
    ]);
  });

  it("several minimal separators of one pair: A ⫫ D | B and A ⫫ D | C on A → B → C → D", () => {
    const r = minimal({ nodes: ["A", "B", "C", "D"], edges: [["A", "B"], ["B", "C"], ["C", "D"]] });
    expect(r.filter((s) => s.x === "A" && s.y === "D")).toEqual([
      { x: "A", y: "D", given: ["B"] },
      { x: "A", y: "D", given: ["C"] },
    ]);
  });

  it("a latent mediator leaves no observed separator: A → L → B, L latent", () => {
    expect(minimal({ nodes: ["A", "L", "B"], edges: [["A", "L"], ["L", "B"]], latent: ["L"] })).toEqual([]);
  });

  it("a bidirected edge keeps its ends dependent, and opens nothing else: A → B ↔ C", () => {
    expect(minimal({ nodes: ["A", "B", "C"], edges: [["A", "B"]], bidirected: [["B", "C"]] })).toEqual([{ x: "A", y: "C", given: [] }]);
  });

  it("caps and bad caps", () => {
    const dag = createDag({ nodes: ["a", "b", "c", "d"], edges: [] });
    expect(minimalImpliedIndependencies(dag).independencies).toHaveLength(6);
    expect(minimalImpliedIndependencies(dag, { maxResults: 2 })).toEqual({
      independencies: [
        { x: "a", y: "b", given: [] },
        { x: "a", y: "c", given: [] },
      ],
      truncated: true,
    });
    expect(minimalImpliedIndependencies(dag, { maxSteps: 1 }).truncated).toBe(true);
    expectIslError(() => minimalImpliedIndependencies(dag, { maxResults: 0 }), "ISL_INVALID_INPUT");
  });
});

describe("local Markov basis", () => {
  it("chain a → b → c: c ⫫ a | b", () => {
    expect(basis({ nodes: ["a", "b", "c"], edges: [["a", "b"], ["b", "c"]] })).toEqual([{ x: "c", y: "a", given: ["b"] }]);
  });

  it("collider a → c ← b: a ⫫ b and b ⫫ a, both marginal", () => {
    expect(basis({ nodes: ["a", "b", "c"], edges: [["a", "c"], ["b", "c"]] })).toEqual([
      { x: "a", y: "b", given: [] },
      { x: "b", y: "a", given: [] },
    ]);
  });

  it("a node with a latent parent: the observed separator closest to it (C → D → A → L → B)", () => {
    const g: DagInput = { nodes: ["A", "B", "C", "D", "L"], edges: [["C", "D"], ["D", "A"], ["A", "L"], ["L", "B"]], latent: ["L"] };
    expect(basis(g)).toEqual([
      { x: "A", y: "C", given: ["D"] },
      { x: "B", y: "C", given: ["A"] },
      { x: "B", y: "D", given: ["A"] },
    ]);
    // The minimal list has both separators of (B, C); the basis keeps the one next to B.
    expect(minimal(g).filter((s) => s.x === "B" && s.y === "C")).toEqual([
      { x: "B", y: "C", given: ["A"] },
      { x: "B", y: "C", given: ["D"] },
    ]);
  });

  it("pairs with no observed separator are left out", () => {
    expect(basis({ nodes: ["A", "L", "B"], edges: [["A", "L"], ["L", "B"]], latent: ["L"] })).toEqual([]);
  });

  it("caps", () => {
    const dag = createDag({ nodes: ["a", "b", "c"], edges: [] });
    expect(localMarkovBasis(dag).independencies).toHaveLength(6);
    expect(localMarkovBasis(dag, { maxResults: 4 }).truncated).toBe(true);
    expect(localMarkovBasis(dag, { maxResults: 6 }).truncated).toBe(false);
  });
});
