import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import {
  computeAdmissionBlock,
  maxSamplesWithinLimit,
  PLOT_COST_WEIGHTS,
  PLOT_DEFAULT_MAX_COST_UNITS,
  PLOT_FORMULA_PARAMETERS,
  PLOT_N_SAMPLES,
  PLOT_REQUEST_CAPS,
  pricePlotRequest,
  type PlotCostShape,
} from "./admission.js";
import { admitPlotRequest } from "./admission-gate.js";
import { SENSITIVITY_SUBSAMPLE_CAP, SENSITIVITY_SUBSAMPLE_DIVISOR } from "./edge-sensitivity.js";
import { EVPPI_NULL_PERMUTATIONS } from "./factor-evppi.js";
import { FACTOR_FLIP_MAX_CANDIDATES } from "./factor-flip-values.js";
import { FLIP_STABILITY_SEEDS } from "./flip-stability.js";
import { P_WIN_MAX_SAMPLES } from "./p-win-sensitivity.js";
import { MARGINAL_K_SAMPLES, MARGINAL_SWITCH_MAX_EDGES } from "./robustness.js";
import { plotCostShapeOf } from "./admission-shape.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/plot/", import.meta.url));
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8")) as Record<string, unknown>;
const REQUEST_A = load("isl-v2-live-20260707__isl-v2-request.json");
const PAUL_OWN = load("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json");

/** The 12 weight keys of v5 (plot-client.md §5, PLoT's health fixture). */
const V5_WEIGHT_KEYS = [
  "base_per_sample_per_option_per_struct", "evpi_sample_cap", "evpc_coef", "evppi_full_coef", "evppi_null_permutations",
  "factor_flip_coef", "influence_walk_pool", "sensitivity_coef", "evalue_coef", "bands_coef", "path_coef", "max_decomposition_paths",
];

/**
 * Independent restatement of plot-v2-engine.md §6.1 with its literal numbers (K = 16, C = 10,
 * B = 10, caps 2000 / 100 / 10 / 20 000, k = 100), written as a table of (term, condition, units).
 */
function referencePrice(s: PlotCostShape): { total: number; terms: [string, number][] } {
  const { nSamples: S, options: O, nodes: N, edges: E, distinctUncertainNodes: U } = s;
  const W = N + E;
  const table: [string, boolean, number][] = [
    ["base_mc", true, S * O * W],
    ["status_quo", s.statusQuo, S * W],
    ["evpi", s.includeVoi && U > 0, (U + 1) * Math.min(S, 2000) * O * W],
    ["evppi_full", s.includeVoi && U > 0, U * (1 + 16) * S],
    ["evpc", s.controlCandidates, S * W * s.controlValueCount],
    ["sensitivity", s.sensitivity, 4 * E * Math.min(100, Math.floor(S / 10)) * W],
    ["structural_influence", s.sensitivity && U > 0, 400_000],
    ["alternative_winners", s.sensitivity, O * (1 + Math.min(E, 10) * 100) * W],
    ["e_values", s.includeEValues, 20 * E * O],
    ["bands", s.includeEValues, 200 * E * O],
    ["factor_flips", s.includeFactorFlips, O * (1 + 2 * N + 2 * 10 * (Math.max(O - 1, 0) + 10)) * W],
    ["path_decomposition", s.includePathDecomposition, Math.min(20_000, E * E)],
  ];
  const terms = table.filter(([, on]) => on).map(([name, , units]): [string, number] => [name, units]);
  return { total: terms.reduce((sum, [, u]) => sum + u, 0), terms };
}

const shapeArb: fc.Arbitrary<PlotCostShape> = fc.record({
  nSamples: fc.integer({ min: 100, max: 10_000 }),
  options: fc.integer({ min: 1, max: 10 }),
  nodes: fc.integer({ min: 1, max: 50 }),
  edges: fc.integer({ min: 0, max: 200 }),
  distinctUncertainNodes: fc.integer({ min: 0, max: 50 }),
  sensitivity: fc.boolean(),
  statusQuo: fc.boolean(),
  includeVoi: fc.boolean(),
  includeEValues: fc.boolean(),
  includeFactorFlips: fc.boolean(),
  includePathDecomposition: fc.boolean(),
  controlCandidates: fc.boolean(),
  controlValueCount: fc.integer({ min: 0, max: 35 }),
});

describe("compute_admission block", () => {
  it("advertises v6 with exactly the v5 weight keys plus status_quo_coef and alt_winner_coef", () => {
    const block = computeAdmissionBlock();
    expect(block.complexity_formula_version).toBe("v6-status-quo-alt-winners-2026-08-03");
    expect(Object.keys(block.weights).sort()).toEqual([...V5_WEIGHT_KEYS, "status_quo_coef", "alt_winner_coef"].sort());
    expect(Object.keys(block.formula_parameters).sort()).toEqual(["alternative_winners", "factor_flips", "sensitivity"]);
    expect(block.formula_parameters).toEqual({
      factor_flips: { max_candidates: 10, stability_seeds: 10 },
      sensitivity: { subsample_cap: 100, subsample_divisor: 10 },
      alternative_winners: { max_edges: 10, marginal_k_samples: 100 },
    });
    expect(block.caps).toEqual({ max_options: 10, max_nodes: 50, max_edges: 200, max_parameter_uncertainties: 50, max_control_candidates: 5, max_control_values: 7 });
    expect(block.max_cost_units).toBe(24_000_000);
    expect(Object.keys(block)).toEqual(["max_cost_units", "complexity_formula_version", "weights", "formula_parameters", "caps"]);
  });

  it("has the v5 fixture's weight values and integer numbers everywhere", () => {
    expect(PLOT_COST_WEIGHTS).toMatchObject({
      base_per_sample_per_option_per_struct: 1, evpi_sample_cap: 2000, evpc_coef: 1, evppi_full_coef: 1, evppi_null_permutations: 16,
      factor_flip_coef: 1, influence_walk_pool: 400_000, sensitivity_coef: 4, evalue_coef: 20, bands_coef: 200, path_coef: 1,
      max_decomposition_paths: 20_000,
    });
    const block = computeAdmissionBlock(5_000_000);
    const numbers = [...Object.values(block.weights), ...Object.values(block.caps), ...Object.values(block.formula_parameters).flatMap((g) => Object.values(g))];
    for (const n of numbers) expect(Number.isSafeInteger(n)).toBe(true);
    expect(block.max_cost_units).toBe(5_000_000);
  });

  it("returns fresh objects and refuses a non-positive ceiling", () => {
    const a = computeAdmissionBlock();
    a.weights.path_coef = 99;
    expect(computeAdmissionBlock().weights.path_coef).toBe(1);
    expect(() => computeAdmissionBlock(0)).toThrow(RangeError);
    expect(() => computeAdmissionBlock(1.5)).toThrow(RangeError);
  });
});

describe("pricePlotRequest", () => {
  it("prices captured request A term by term (9 nodes, 13 edges, 4 options, 4000 samples, 4 PUs)", () => {
    const shape = plotCostShapeOf(REQUEST_A)!;
    expect(shape).toMatchObject({ nSamples: 4000, options: 4, nodes: 9, edges: 13, distinctUncertainNodes: 4, sensitivity: true, statusQuo: false });
    const W = 9 + 13;
    const cost = pricePlotRequest(shape);
    expect(cost.breakdown).toEqual({
      base_mc: 4000 * 4 * W,
      evpi: 5 * 2000 * 4 * W,
      evppi_full: 4 * 17 * 4000,
      sensitivity: 4 * 13 * 100 * W,
      structural_influence: 400_000,
      alternative_winners: 4 * 1001 * W,
      e_values: 20 * 13 * 4,
      bands: 200 * 13 * 4,
    });
    expect(cost.costUnits).toBe(2_117_928);
    expect(cost.dominantTerm).toBe("evpi");
  });

  it("prices the live paul-own body with the status-quo and factor-flip terms", () => {
    const cost = pricePlotRequest(plotCostShapeOf(PAUL_OWN)!);
    const W = 8 + 10;
    expect(cost.breakdown.status_quo).toBe(10_000 * W);
    expect(cost.breakdown.factor_flips).toBe(5 * (1 + 16 + 20 * (4 + 10)) * W);
    expect(cost.costUnits).toBe(3_609_820);
  });

  it("agrees with the table restatement of §6.1 on random shapes (terms, order, total, dominant term)", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const ref = referencePrice(shape);
        const cost = pricePlotRequest(shape);
        expect(Object.entries(cost.breakdown)).toEqual(ref.terms);
        expect(cost.costUnits).toBe(ref.total);
        const max = Math.max(...ref.terms.map(([, u]) => u));
        expect(cost.dominantTerm).toBe(ref.terms.find(([, u]) => u === max)![0]);
      }),
      { seed: 0x5eed_06, numRuns: 400 },
    );
  });

  it("picks the first of equal maximal terms as dominant", () => {
    // e_values = 20·E·O and bands = 200·E·O never tie; base_mc and evpi tie when (U+1)·min(S,2000) = S.
    const shape: PlotCostShape = {
      nSamples: 1000, options: 1, nodes: 1, edges: 0, distinctUncertainNodes: 0, sensitivity: false, statusQuo: true,
      includeVoi: false, includeEValues: false, includeFactorFlips: false, includePathDecomposition: false, controlCandidates: false, controlValueCount: 0,
    };
    const cost = pricePlotRequest(shape);
    expect(cost.breakdown).toEqual({ base_mc: 1000, status_quo: 1000 });
    expect(cost.dominantTerm).toBe("base_mc");
  });
});

describe("maxSamplesWithinLimit", () => {
  it("equals a linear scan over every n_samples", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 1, max: 60_000_000 }), (shape, limit) => {
        let scan: number | undefined;
        for (let s = 100; s <= 10_000; s += 1) if (referencePrice({ ...shape, nSamples: s }).total <= limit) scan = s;
        expect(maxSamplesWithinLimit(shape, limit)).toBe(scan);
      }),
      { seed: 0x5eed_07, numRuns: 25 },
    );
  });
});

describe("admission gate", () => {
  const cost = pricePlotRequest(plotCostShapeOf(REQUEST_A)!).costUnits;

  it("admits a request priced exactly at the ceiling", () => {
    expect(admitPlotRequest(REQUEST_A, cost)).toMatchObject({ costUnits: cost, limit: cost, dominantTerm: "evpi" });
    expect(admitPlotRequest(REQUEST_A, PLOT_DEFAULT_MAX_COST_UNITS)?.costUnits).toBe(cost);
  });

  it("refuses one unit over the ceiling with a 422 naming the cost, the cap and a fitting n_samples", () => {
    const error = expectIslError(() => admitPlotRequest(REQUEST_A, cost - 1), "ISL_VALIDATION_ERROR");
    expect(error.message).toBe(`Request compute cost exceeds limit: ${cost} cost units > max_cost_units ${cost - 1} (dominant term: evpi).`);
    expect(error.details).toMatchObject({ cost_units: cost, limit: cost - 1, dominant_term: "evpi", complexity_score: cost, complexity_formula_version: "v6-status-quo-alt-winners-2026-08-03" });
    const fitting = error.details.max_n_samples_within_limit as number;
    const shape = plotCostShapeOf(REQUEST_A)!;
    expect(pricePlotRequest({ ...shape, nSamples: fitting }).costUnits).toBeLessThanOrEqual(cost - 1);
    expect(pricePlotRequest({ ...shape, nSamples: fitting + 1 }).costUnits).toBeGreaterThan(cost - 1);
    expect(error.recovery?.suggestion).toBe(`Retry with n_samples <= ${fitting}`);
  });

  it("says so when even the minimum sample count does not fit", () => {
    const error = expectIslError(() => admitPlotRequest(REQUEST_A, 1000), "ISL_VALIDATION_ERROR");
    expect(error.details.max_n_samples_within_limit).toBeUndefined();
    expect(error.recovery?.suggestion).toBe("Send a smaller request");
  });

  it("leaves bodies the request model refuses to the schema (no price, no throw)", () => {
    const graph = REQUEST_A.graph as { nodes: unknown[]; edges: unknown[] };
    const bad: unknown[] = [
      null, [], "x", {}, { ...REQUEST_A, graph: null }, { ...REQUEST_A, options: [] }, { ...REQUEST_A, n_samples: 99 }, { ...REQUEST_A, n_samples: 10_001 },
      { ...REQUEST_A, n_samples: 4000.5 }, { ...REQUEST_A, n_samples: "4000" }, { ...REQUEST_A, graph: { ...graph, nodes: [] } },
      { ...REQUEST_A, graph: { nodes: graph.nodes } }, { ...REQUEST_A, parameter_uncertainties: {} }, { ...REQUEST_A, analysis_types: "sensitivity" },
      { ...REQUEST_A, options: Array.from({ length: 11 }, () => ({})) }, { ...REQUEST_A, control_candidates: [{ factor_id: "x", values: [1, 2, 3, 4, 5, 6, 7, 8] }] },
    ];
    for (const body of bad) expect(admitPlotRequest(body, 1)).toBeUndefined();
  });

  it("defaults n_samples to 1000 and analysis_types to all three, and counts distinct PU nodes", () => {
    const { n_samples: _n, analysis_types: _a, ...rest } = REQUEST_A;
    const pus = REQUEST_A.parameter_uncertainties as unknown[];
    const shape = plotCostShapeOf({ ...rest, parameter_uncertainties: [...pus, pus[0]], control_candidates: [{ factor_id: "a", values: [1, 2] }, { factor_id: "b", values: [3] }] })!;
    expect(shape).toMatchObject({ nSamples: 1000, sensitivity: true, distinctUncertainNodes: 4, controlCandidates: true, controlValueCount: 3 });
    expect(plotCostShapeOf({ ...REQUEST_A, analysis_types: ["comparison"], goal_threshold: 0.5, goal_threshold_frame: "delta" })).toMatchObject({ sensitivity: false, statusQuo: false });
    expect(plotCostShapeOf({ ...REQUEST_A, goal_threshold: 0.5, goal_threshold_frame: "change_rel" })?.statusQuo).toBe(true);
  });
});

describe("advertised caps are the caps the request schema enforces", () => {
  const node = (i: number) => ({ id: `n${i}`, kind: "factor", label: `N${i}` });
  /** Request A grown along one dimension to `n` items. */
  const grown: Record<string, (n: number) => Record<string, unknown>> = {
    max_options: (n) => ({ ...REQUEST_A, options: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `O${i}`, interventions: {} })) }),
    max_nodes: (n) => {
      const graph = REQUEST_A.graph as { nodes: unknown[]; edges: unknown[] };
      return { ...REQUEST_A, graph: { ...graph, nodes: [...graph.nodes, ...Array.from({ length: n - graph.nodes.length }, (_, i) => node(i))] } };
    },
    max_edges: (n) => {
      const nodes = [{ id: "goal_productivity", kind: "goal", label: "G" }, ...Array.from({ length: 49 }, (_, i) => node(i))];
      const edges: unknown[] = [];
      for (let a = 0; a < nodes.length && edges.length < n; a += 1) {
        for (let b = a + 1; b < nodes.length && edges.length < n; b += 1) edges.push({ from: nodes[a]!.id, to: nodes[b]!.id, exists_probability: 1, strength: { mean: 0.1, std: 0.1 } });
      }
      return { ...REQUEST_A, graph: { nodes, edges }, options: [{ id: "o", label: "O", interventions: {} }], parameter_uncertainties: [] };
    },
    max_parameter_uncertainties: (n) => ({
      ...REQUEST_A,
      graph: { nodes: [{ id: "goal_productivity", kind: "goal", label: "G" }, ...Array.from({ length: 49 }, (_, i) => node(i))], edges: [] },
      options: [{ id: "o", label: "O", interventions: {} }],
      parameter_uncertainties: Array.from({ length: n }, (_, i) => ({ node_id: i === 0 ? "goal_productivity" : i <= 49 ? `n${i - 1}` : `n${i % 49}`, distribution: "normal", std: 0.1 })),
    }),
    max_control_candidates: (n) => {
      const graph = REQUEST_A.graph as { nodes: unknown[]; edges: unknown[] };
      return { ...REQUEST_A, graph: { ...graph, nodes: [...graph.nodes, ...Array.from({ length: 6 }, (_, i) => node(i))] }, control_candidates: Array.from({ length: n }, (_, i) => ({ factor_id: `n${i % 6}`, values: [0.1] })) };
    },
    max_control_values: (n) => ({ ...REQUEST_A, control_candidates: [{ factor_id: "fac_hiring_cost", values: Array.from({ length: n }, (_, i) => i / 10) }] }),
  };

  const TOO_BIG_PATH: Record<string, string> = {
    max_options: "options", max_nodes: "graph/nodes", max_edges: "graph/edges", max_parameter_uncertainties: "parameter_uncertainties",
    max_control_candidates: "control_candidates", max_control_values: "control_candidates/0/values",
  };

  it.each(Object.keys(PLOT_REQUEST_CAPS))("%s: the schema accepts the cap and refuses one more; the gate prices exactly the accepted ones", (cap) => {
    const limit = PLOT_REQUEST_CAPS[cap as keyof typeof PLOT_REQUEST_CAPS];
    const atCap = grown[cap]!(limit);
    const overCap = grown[cap]!(limit + 1);
    expect(PlotAnalyzeRequest.safeParse(atCap).success).toBe(true);
    const refused = PlotAnalyzeRequest.safeParse(overCap);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.some((i) => i.code === "too_big" && i.path.join("/") === TOO_BIG_PATH[cap])).toBe(true);
    expect(plotCostShapeOf(atCap)).toBeDefined();
    expect(plotCostShapeOf(overCap)).toBeUndefined();
  });

  it("n_samples range and default match the schema", () => {
    for (const [n, ok] of [[PLOT_N_SAMPLES.min, true], [PLOT_N_SAMPLES.min - 1, false], [PLOT_N_SAMPLES.max, true], [PLOT_N_SAMPLES.max + 1, false]] as const) {
      expect(PlotAnalyzeRequest.safeParse({ ...REQUEST_A, n_samples: n }).success).toBe(ok);
      expect(plotCostShapeOf({ ...REQUEST_A, n_samples: n }) !== undefined).toBe(ok);
    }
    const { n_samples: _n, ...rest } = REQUEST_A;
    expect(PlotAnalyzeRequest.parse(rest).n_samples).toBe(PLOT_N_SAMPLES.default);
  });
});

describe("the phase loops run the sizes the formula advertises", () => {
  it("flip seeds and candidates, sensitivity subsample, EVPPI permutations, marginal switch sweep, p_win sample cap", () => {
    const p = PLOT_FORMULA_PARAMETERS;
    expect(FLIP_STABILITY_SEEDS).toBe(p.factor_flips.stability_seeds);
    expect(FACTOR_FLIP_MAX_CANDIDATES).toBe(p.factor_flips.max_candidates);
    expect(SENSITIVITY_SUBSAMPLE_CAP).toBe(p.sensitivity.subsample_cap);
    expect(SENSITIVITY_SUBSAMPLE_DIVISOR).toBe(p.sensitivity.subsample_divisor);
    expect(MARGINAL_SWITCH_MAX_EDGES).toBe(p.alternative_winners.max_edges);
    expect(MARGINAL_K_SAMPLES).toBe(p.alternative_winners.marginal_k_samples);
    expect(EVPPI_NULL_PERMUTATIONS).toBe(PLOT_COST_WEIGHTS.evppi_null_permutations);
    expect(P_WIN_MAX_SAMPLES).toBe(PLOT_COST_WEIGHTS.evpi_sample_cap);
  });
});
