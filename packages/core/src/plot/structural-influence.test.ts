import Fraction from "fraction.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphOfRequest, loadPlotFixture, type RequestBody } from "../../test/plot/request-graph.js";
import type { PlotGraphView } from "./plot-graph.js";
import { structuralInfluence } from "./structural-influence.js";

describe("structuralInfluence on the hiring graph (captures P3–P5, build 9a22a1a)", () => {
  const request = loadPlotFixture<RequestBody>("isl-v2-live-20260707__isl-v2-request.json");
  const capture = loadPlotFixture<{ factor_sensitivity: { node_id: string; influence_score: number; influence_rank: number }[] }>("isl-v2-live-20260707__isl-staging-capture.json");
  const graph = graphOfRequest(request);
  const puIds = request.parameter_uncertainties!.map((p) => p.node_id);

  it("reproduces the captured influence_score and influence_rank exactly with absolute path sums", () => {
    const result = structuralInfluence({ graph, uncertainFactorIds: puIds, aggregation: "absolute_paths" });
    const byId = new Map(result.rows!.map((r) => [r.node_id, r]));
    for (const row of capture.factor_sensitivity) {
      expect(byId.get(row.node_id)).toEqual({ node_id: row.node_id, influence_score: row.influence_score, influence_rank: row.influence_rank });
    }
  });

  it("signed net effects differ on this graph only through the one opposing path (headcount → coordination)", () => {
    const signed = structuralInfluence({ graph, uncertainFactorIds: puIds });
    const raw = signed.rawByNode;
    // headcount: 0.12·0.6·0.3·0.88 + 0.50728·0.85·0.55·0.95 − 0.3·0.8·0.2·0.85
    expect(raw.get("fac_dev_headcount")).toBeCloseTo(0.019008 + 0.2252964199029126 - 0.0408, 14);
    expect(signed.rows!.find((r) => r.node_id === "fac_tech_lead")!.influence_rank).toBe(1);
  });
});

describe("structuralInfluence against the exact total effect", () => {
  it("raw signed influence is |[(I − B)⁻¹]_{factor, goal}| computed with fractions", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 10, maxLength: 10 }), (mask, nums) => {
        const n = 5;
        const edges = [];
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) if (mask[k]) edges.push({ from: i, to: j, mean: (nums[k] as number) / 4, std: 0.1, existsProbability: 0.75, definitional: false });
        const ids = ["f0", "f1", "f2", "f3", "goal"];
        const graph: PlotGraphView = { nodeIds: ids, nodeLabels: ids, nodeKinds: ["factor", "factor", "outcome", "factor", "goal"], edges, goalIndex: 4 };
        const result = structuralInfluence({ graph, uncertainFactorIds: ["f2"] });
        expect(result.rows!.map((r) => r.node_id)).toEqual(["f2", "f0", "f1", "f3"]);
        for (const id of ["f0", "f1", "f2", "f3"]) {
          const start = ids.indexOf(id);
          const reach = ids.map(() => new Fraction(0));
          reach[start] = new Fraction(1);
          for (let v = start; v < n; v++) for (const e of edges) if (e.from === v) reach[e.to] = reach[e.to]!.add(reach[v]!.mul(new Fraction(e.mean * 4, 4)).mul(new Fraction(3, 4)));
          expect(result.rawByNode.get(id)).toBeCloseTo(Math.abs(reach[4]!.valueOf()), 13);
        }
        const max = Math.max(...result.rows!.map((r) => r.influence_score));
        expect(max === 1 || max === 0).toBe(true);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("withholds every score when the DFS pool runs out", () => {
    const ids = Array.from({ length: 14 }, (_, i) => `n${i}`);
    const edges = [];
    for (let i = 0; i < 14; i++) for (let j = i + 1; j < 14; j++) edges.push({ from: i, to: j, mean: 0.5, std: 0.1, existsProbability: 1, definitional: false });
    const graph: PlotGraphView = { nodeIds: ids, nodeLabels: ids, nodeKinds: ids.map(() => "factor"), edges, goalIndex: 13 };
    const result = structuralInfluence({ graph, uncertainFactorIds: [], callPool: 1000 });
    expect(result).toMatchObject({ rows: null, truncated: true });
  });
});
