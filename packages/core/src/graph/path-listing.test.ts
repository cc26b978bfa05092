import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allSimplePaths, comparePaths, pathIsOpen } from "../../test/graph/brute-force.reference.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { graphCaseArbitrary } from "../testing/index.js";
import { blockedBackdoorPaths, createDag, directedPaths, formatPath } from "./index.js";

describe("directed and blocked back-door paths", () => {
  const g = createDag({
    nodes: ["X", "Y", "A", "B", "M", "C"],
    edges: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "C"], ["C", "Y"], ["X", "Y"]],
  });

  test("causal paths, shortest first", () => {
    expect(directedPaths(g, "X", "Y").paths.map(formatPath)).toEqual(["X → Y", "X → C → Y"]);
  });

  test("the M-bias path is blocked at the collider M", () => {
    expect(blockedBackdoorPaths(g, "X", "Y").paths.map(formatPath)).toEqual(["X ← A → M ← B → Y"]);
  });

  test("bidirected edges are shown as ↔", () => {
    const h = createDag({ nodes: ["X", "M", "Y"], edges: [["X", "M"], ["Y", "M"]], bidirected: [["X", "Y"]] });
    expect(directedPaths(h, "X", "Y").paths).toEqual([]);
    expect(blockedBackdoorPaths(h, "X", "Y").paths).toEqual([]);
    const k = createDag({ nodes: ["X", "M", "W", "Y"], edges: [["M", "X"], ["M", "W"], ["W", "Y"], ["X", "Y"]], bidirected: [["M", "Y"], ["X", "W"]] });
    expect(blockedBackdoorPaths(k, "X", "Y").paths.map(formatPath)).toEqual(["X ↔ W ← M ↔ Y"]);
  });

  test("caps and bad input", () => {
    expect(directedPaths(g, "X", "Y", { maxPaths: 1 })).toEqual({ paths: [{ nodes: ["X", "Y"], arrows: ["->"] }], truncated: true });
    expectIslError(() => directedPaths(g, "X", "X"), "ISL_INVALID_INPUT");
    expectIslError(() => blockedBackdoorPaths(g, "X", "Q"), "ISL_NODE_NOT_FOUND");
  });

  test("agree with listing every simple path", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 3, maxNodes: 9, maxDensity: 60, maxLatent: 0 }), ({ graph, xs, ys }) => {
        const dag = createDag(graph);
        const edge = new Set(graph.edges.map(([a, b]) => `${a}>${b}`));
        const all = allSimplePaths(graph, xs[0]!, ys[0]!);
        const causal = all.filter((p) => p.every((v, i) => i === 0 || edge.has(`${p[i - 1]!}>${v}`))).sort(comparePaths);
        const blocked = all.filter((p) => edge.has(`${p[1]!}>${p[0]!}`) && !pathIsOpen(graph, p, new Set())).sort(comparePaths);
        expect(directedPaths(dag, xs[0]!, ys[0]!, { maxPaths: 100_000 }).paths.map((p) => p.nodes)).toEqual(causal);
        expect(blockedBackdoorPaths(dag, xs[0]!, ys[0]!, { maxPaths: 100_000 }).paths.map((p) => p.nodes)).toEqual(blocked);
      }),
      { seed: 4_242, numRuns: 200 },
    );
  });
});
