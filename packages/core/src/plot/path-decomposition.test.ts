import Fraction from "fraction.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphOfRequest, loadPlotFixture, type RequestBody } from "../../test/plot/request-graph.js";
import { pathDecomposition } from "./path-decomposition.js";
import type { PlotGraphView } from "./plot-graph.js";

describe("pathDecomposition on capture P4", () => {
  it("reproduces the captured block exactly", () => {
    const request = loadPlotFixture<RequestBody>("isl-v2-live-20260707__isl-v2-request-pathdecomp.json");
    const capture = loadPlotFixture<{ path_decomposition: unknown }>("isl-v2-live-20260707__isl-staging-capture-pathdecomp.json");
    const recommended = request.options.find((o) => o.id === "opt_tech_lead")!;
    const block = pathDecomposition({
      graph: graphOfRequest(request),
      recommendedOptionId: recommended.id,
      interventionNodeIds: Object.keys(recommended.interventions),
    });
    expect(block).toEqual(capture.path_decomposition);
  });
});

/** Small graph with rational coefficients: node i → j for i < j when the mask bit is set. */
function randomDag(n: number, mask: boolean[], numerators: number[]): PlotGraphView {
  const edges = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (mask[k]) edges.push({ from: i, to: j, mean: (numerators[k] ?? 1) / 8, std: 0.1, existsProbability: 0.5, definitional: false });
      k++;
    }
  }
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  return { nodeIds: ids, nodeLabels: ids.map((id) => id.toUpperCase()), nodeKinds: ids.map(() => "factor"), edges, goalIndex: n - 1 };
}

describe("pathDecomposition against the linear-SEM total effect", () => {
  it("sums path effects to the exact total effect Σ_entries [(I − B)⁻¹] (fraction.js)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 15, maxLength: 15 }), fc.subarray([0, 1, 2])),
        ),
        ([n, mask, numerators, entries]) => {
          const graph = randomDag(n, mask, numerators);
          const entryIds = entries.filter((e) => e < n - 1).map((e) => `n${e}`);
          const block = pathDecomposition({ graph, recommendedOptionId: "opt", interventionNodeIds: entryIds, topPaths: 1000 });
          // Exact total effect by dynamic programming over the topological order 0..n−1.
          let exact = new Fraction(0);
          for (const id of new Set(entryIds)) {
            const start = Number(id.slice(1));
            const reach: Fraction[] = Array.from({ length: n }, () => new Fraction(0));
            reach[start] = new Fraction(1);
            for (let v = start; v < n; v++) {
              for (const e of graph.edges) if (e.from === v) reach[e.to] = reach[e.to]!.add(reach[v]!.mul(new Fraction(e.mean * 8, 8)).mul(new Fraction(1, 2)));
            }
            exact = exact.add(reach[n - 1]!);
          }
          const total = block.paths.reduce((s, p) => s + p.path_effect, 0);
          expect(block.truncated).toBe(false);
          expect(block.paths.length).toBe(block.path_count);
          if (block.path_count > 0) expect(block.paths[0]!.total_effect).toBeCloseTo(exact.valueOf(), 12);
          expect(total).toBeCloseTo(exact.valueOf(), 12);
          for (let i = 1; i < block.paths.length; i++) expect(Math.abs(block.paths[i - 1]!.path_effect)).toBeGreaterThanOrEqual(Math.abs(block.paths[i]!.path_effect));
        },
      ),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it("truncates with an empty path list when the path cap is exceeded", () => {
    const n = 12;
    const graph = randomDag(n, Array.from({ length: 66 }, () => true), Array.from({ length: 66 }, () => 1));
    const block = pathDecomposition({ graph, recommendedOptionId: "opt", interventionNodeIds: ["n0"], maxPaths: 100 });
    expect(block).toEqual({ recommended_option_id: "opt", entry_nodes: ["n0"], truncated: true, path_count: 100, paths: [] });
  });

  it("marks a zero net effect indeterminate without a share", () => {
    const graph: PlotGraphView = {
      nodeIds: ["a", "b", "c", "goal"],
      nodeLabels: ["A", "B", "C", "Goal"],
      nodeKinds: ["factor", "outcome", "outcome", "goal"],
      edges: [
        { from: 0, to: 1, mean: 0.5, std: 0.1, existsProbability: 1, definitional: false },
        { from: 0, to: 2, mean: 0.5, std: 0.1, existsProbability: 1, definitional: false },
        { from: 1, to: 3, mean: 0.5, std: 0.1, existsProbability: 1, definitional: false },
        { from: 2, to: 3, mean: -0.5, std: 0.1, existsProbability: 1, definitional: false },
      ],
      goalIndex: 3,
    };
    const block = pathDecomposition({ graph, recommendedOptionId: "o", interventionNodeIds: ["a", "missing"] });
    expect(block.entry_nodes).toEqual(["a"]);
    expect(block.paths.map((p) => p.status)).toEqual(["indeterminate", "indeterminate"]);
    expect(block.paths[0]).not.toHaveProperty("signed_contribution");
    expect(block.paths[0]!.mechanism).toBe("Modelled pathway contribution along A → B → Goal: signed path coefficient +0.250. Net modelled effect is near zero (+0); relative share is not defined.");
  });
});
