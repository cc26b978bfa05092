import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest, type PlotAnalyzeRequestInput } from "@olumi/contracts";
import { planCorrelations } from "./correlation.js";
import { compilePlotModel } from "./model.js";
import { sampleFactorColumns } from "./samplers.js";
import { createPlotStreams } from "./streams.js";

function request(correlations: Array<[string, string, number]>): PlotAnalyzeRequestInput {
  return {
    graph: {
      nodes: ["a", "b", "c"].map((id) => ({ id, kind: "factor", label: id.toUpperCase(), observed_state: { value: 0.5 } })).concat([{ id: "goal", kind: "goal", label: "Goal", observed_state: { value: 0 } }]),
      edges: ["a", "b", "c"].map((from) => ({ from, to: "goal", exists_probability: 1, strength: { mean: 0.3, std: 0.1 } })),
    },
    options: [{ id: "o", label: "O", interventions: { a: 1 } }],
    goal_node_id: "goal",
    parameter_uncertainties: [
      { node_id: "c", distribution: "normal", std: 0.2 },
      { node_id: "a", distribution: "uniform", range_min: 0, range_max: 1 },
      { node_id: "b", distribution: "normal", std: 0.1 },
    ],
    factor_correlations: correlations.map(([factor_a, factor_b, rho]) => ({ factor_a, factor_b, rho })),
  };
}
const plan = (input: PlotAnalyzeRequestInput) => planCorrelations(compilePlotModel(PlotAnalyzeRequest.parse(input)));

describe("planCorrelations", () => {
  it("orders factors by first appearance in parameter_uncertainties and factors the matrix (L·Lᵀ = R)", () => {
    const p = plan(request([["a", "b", 0.5], ["b", "c", -0.3], ["a", "c", 0.2]]))!;
    expect(p.factorIndices).toEqual([0, 1, 2]); // c, a, b in PU order
    const c = 3;
    for (let i = 0; i < c; i++) {
      for (let j = 0; j < c; j++) {
        let s = 0;
        for (let k = 0; k < c; k++) s += p.cholesky[i * c + k]! * p.cholesky[j * c + k]!;
        expect(s).toBeCloseTo(p.matrix[i * c + j]!, 14);
      }
    }
    expect(p.matrix[1 * c + 2]).toBe(0.5); // a–b
    expect(p.matrix[0 * c + 2]).toBe(-0.3); // c–b
  });

  it("returns undefined without correlations and refuses a matrix that is not positive semi-definite", () => {
    expect(plan(request([]))).toBeUndefined();
    expect(() => plan(request([["a", "b", 0.9], ["b", "c", 0.9], ["a", "c", -0.9]]))).toThrow(/not jointly possible/);
  });

  it("projects a slightly impossible matrix to the nearest correlation matrix and discloses it", () => {
    const p = plan(request([["a", "b", 0.7], ["b", "c", 0.72]]))!;
    expect(p.projection).toBeDefined();
    expect(p.projection!.method).toBe("higham_2002_nearest_correlation");
    expect(p.projection!.max_abs_off_diagonal_adjustment).toBeGreaterThan(0);
    expect(p.projection!.max_abs_off_diagonal_adjustment).toBeLessThanOrEqual(0.1);
    // The unstated (c, a) pair is moved away from 0 and reported as unstated.
    expect(p.projection!.effective_correlations.find((r) => !r.stated)).toMatchObject({ factor_a: "c", factor_b: "a" });
    for (let i = 0; i < 3; i++) expect(p.matrix[i * 3 + i]).toBeCloseTo(1, 12);
  });

  it("samples the stated correlation through the copula (within 4 standard errors)", () => {
    const input = request([["b", "c", 0.6]]);
    const model = compilePlotModel(PlotAnalyzeRequest.parse(input));
    const cols = sampleFactorColumns(model, 20000, createPlotStreams(3).factor, planCorrelations(model));
    const [c, , b] = [cols[0]!, cols[1]!, cols[2]!];
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const mc = mean(c);
    const mb = mean(b);
    let cov = 0;
    let vc = 0;
    let vb = 0;
    for (let i = 0; i < c.length; i++) {
      cov += (c[i]! - mc) * (b[i]! - mb);
      vc += (c[i]! - mc) ** 2;
      vb += (b[i]! - mb) ** 2;
    }
    const r = cov / Math.sqrt(vc * vb);
    expect(Math.abs(r - 0.6)).toBeLessThan(4 * ((1 - 0.36) / Math.sqrt(20000)));
    expect(Math.abs(mc - 0.5)).toBeLessThan(4 * (0.2 / Math.sqrt(20000)));
  });
});
