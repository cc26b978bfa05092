import { describe, expect, it } from "vitest";
import { loadPlotFixture, modelOfRequest } from "../../test/plot/request-graph.js";
import { edgeEValues } from "./edge-e-values.js";
import { flipEValue, searchEdgeFlip } from "./edge-flip-search.js";
import { flipBand } from "./flip-stability.js";
import { createPlotStreams } from "./streams.js";

type Row = Record<string, unknown>;

describe("edgeEValues on the hiring graph (captures P3–P5)", () => {
  const request = loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json");
  const capture = loadPlotFixture<{ robustness: { edge_e_values: Row[] } }>("isl-v2-live-20260707__isl-staging-capture.json");
  const rows = edgeEValues(modelOfRequest(request));

  it("reproduces every captured row exactly (flip_mean, e_value, direction, unflippable, current_mean)", () => {
    expect(rows.map((r) => r.edge_id)).toEqual(capture.robustness.edge_e_values.map((r) => r.edge_id));
    rows.forEach((row, i) => {
      const captured = capture.robustness.edge_e_values[i]!;
      const comparable = Object.fromEntries(Object.keys(captured).map((k) => [k, (row as unknown as Row)[k]]));
      expect(comparable).toEqual(captured);
      expect(Object.keys(row).filter((k) => !(k in captured))).toEqual(row.is_unflippable ? ["baseline_winner_id"] : ["alternative_winner_id", "baseline_winner_id"]);
    });
  });

  it("names the expected-value winner and the rival past each crossing", () => {
    expect(new Set(rows.map((r) => r.baseline_winner_id))).toEqual(new Set(["opt_tech_lead"]));
    for (const r of rows) if (!r.is_unflippable) expect(r.alternative_winner_id).not.toBe("opt_tech_lead");
  });

  it("adds a 10-background stability band that is deterministic per seed", () => {
    const model = modelOfRequest(request);
    const a = edgeEValues(model, { streams: createPlotStreams(2034401427) });
    const b = edgeEValues(model, { streams: createPlotStreams(2034401427) });
    expect(a).toEqual(b);
    for (const row of a) {
      const s = row.stability!;
      expect(s.n_seeds).toBe(10);
      expect(s.seed_flip_means).toHaveLength(10);
      expect(s.n_seeds_flipped).toBe(s.seed_flip_means.filter((v) => v !== null).length);
      for (const v of s.seed_flip_means) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
    // Deterministic part unchanged by the bands.
    expect(a.map(({ stability: _s, ...rest }) => rest)).toEqual(edgeEValues(model));
  });
});

describe("searchEdgeFlip on a known threshold", () => {
  it("locates a linear crossing to the bisection resolution, increase first", () => {
    // Option 1 wins iff mean > 0.3; current 0.1.
    const flip = searchEdgeFlip({ currentMean: 0.1, baselineWinner: 0, winnerAtMean: (m) => (m > 0.3 ? 1 : 0) });
    expect(flip).toMatchObject({ unflippable: false, direction: "increase", alternativeIndex: 1 });
    expect(flip.flipMean).toBeGreaterThan(0.3);
    expect(flip.flipMean - 0.3).toBeLessThanOrEqual(0.9 / 2 ** 20);
  });

  it("falls back to a decrease and reports the lower end", () => {
    const flip = searchEdgeFlip({ currentMean: 0.5, baselineWinner: 0, winnerAtMean: (m) => (m < -0.2 ? 2 : 0) });
    expect(flip).toMatchObject({ unflippable: false, direction: "decrease", alternativeIndex: 2 });
    expect(flip.flipMean).toBeLessThan(-0.2);
    expect(-0.2 - flip.flipMean).toBeLessThanOrEqual(1.5 / 2 ** 20);
  });

  it("reports an unflippable edge at its current mean", () => {
    expect(searchEdgeFlip({ currentMean: -0.3, baselineWinner: 0, winnerAtMean: () => 0 })).toEqual({ unflippable: true, direction: "increase", flipMean: -0.3, alternativeIndex: -1 });
  });
});

describe("flipEValue and flipBand", () => {
  it("follows max(1, |flip/current|) with the near-zero fallbacks", () => {
    expect(flipEValue(0.12, 0.436845)).toBeCloseTo(3.640375, 12);
    expect(flipEValue(-0.15, 0.27175)).toBeCloseTo(1.811666667, 8);
    expect(flipEValue(0.6, 0.376344)).toBe(1);
    expect(flipEValue(0, 2e-6)).toBeCloseTo(2, 12);
    expect(flipEValue(0, 0)).toBe(1);
  });

  it("summarises flipped seeds (captured r3b band) and omits the band when none flipped", () => {
    const seeds = [null, null, null, null, null, 0.946991, 0.854375, 0.7225, 0.815528, null];
    expect(flipBand(seeds)).toEqual({ n_seeds: 10, n_seeds_flipped: 4, band_min: 0.7225, band_median: 0.834952, band_max: 0.946991, band_width: 0.224491 });
    expect(flipBand([null, null])).toEqual({ n_seeds: 2, n_seeds_flipped: 0 });
    const factorSeeds = [0.289468, 0.291718, 0.288831, 0.292666, 0.293745, 0.288374, 0.293924, 0.295, 0.293395, 0.291135];
    expect(flipBand(factorSeeds)).toEqual({ n_seeds: 10, n_seeds_flipped: 10, band_min: 0.288374, band_median: 0.292192, band_max: 0.295, band_width: 0.006626 });
  });
});
