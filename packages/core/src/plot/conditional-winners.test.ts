import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPlotFixture } from "../../test/plot/request-graph.js";
import { conditionalWinners, conditionalWinnersOfDraws, type ConditionalWinnerRow } from "./conditional-winners.js";
import { modelOfRequest } from "../../test/plot/request-graph.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { createPlotStreams } from "./streams.js";

const ids = ["opt-a", "opt-b", "opt-c"];
const labels = ["Option A", "Option B", "Option C"];

describe("conditionalWinners", () => {
  it("splits at the median and reports differing bucket winners with the fixture's key names", () => {
    // 200 draws, values 0..199; option 0 wins the low half 71%, option 1 the high half 63%.
    const values = Float64Array.from({ length: 200 }, (_, i) => i);
    const winner = Int32Array.from({ length: 200 }, (_, i) => (i < 100 ? (i < 71 ? 0 : 1) : i < 163 ? 1 : 0));
    const rows = conditionalWinners({ factors: [{ id: "factor-demand", label: "Customer demand", unit: "units/quarter", pointMass: false, values }], winner, optionIds: ids, optionLabels: labels, optionMeans: [0, 0, 0] });
    expect(rows).toEqual([
      {
        factor_id: "factor-demand",
        factor_label: "Customer demand",
        split_value: 99.5,
        split_unit: "units/quarter",
        low_bucket: { n_samples: 100, winner_id: "opt-a", winner_label: "Option A", winner_probability: 0.71, runner_up_id: "opt-b", runner_up_probability: 0.29 },
        high_bucket: { n_samples: 100, winner_id: "opt-b", winner_label: "Option B", winner_probability: 0.63, runner_up_id: "opt-a", runner_up_probability: 0.37 },
        winner_flips: true,
      },
    ]);
    const fixture = loadPlotFixture<ConditionalWinnerRow[]>("isl-conditional-winners-20260817__isl-conditional-winners.json");
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(fixture[0]!));
    expect(Object.keys(rows[0]!.low_bucket)).toEqual(Object.keys(fixture[0]!.low_bucket));
  });

  it("omits factors whose buckets agree, point masses and buckets under 50 draws", () => {
    const values = Float64Array.from({ length: 120 }, (_, i) => i);
    const same = Int32Array.from({ length: 120 }, () => 2);
    const base = { winner: same, optionIds: ids, optionLabels: labels, optionMeans: [0, 0, 0] };
    expect(conditionalWinners({ ...base, factors: [{ id: "f", label: "F", pointMass: false, values }] })).toEqual([]);
    const flip = Int32Array.from({ length: 120 }, (_, i) => (i < 60 ? 0 : 1));
    expect(conditionalWinners({ ...base, winner: flip, factors: [{ id: "f", label: "F", pointMass: true, values }] })).toEqual([]);
    const small = Float64Array.from({ length: 90 }, (_, i) => i);
    expect(conditionalWinners({ ...base, winner: flip.subarray(0, 90), factors: [{ id: "f", label: "F", pointMass: false, values: small }] })).toEqual([]);
  });

  it("breaks equal win counts by the option's overall mean", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    const winner = Int32Array.from({ length: 100 }, (_, i) => (i < 50 ? i % 2 : 2));
    const rows = conditionalWinners({ factors: [{ id: "f", label: "F", pointMass: false, values }], winner, optionIds: ids, optionLabels: labels, optionMeans: [0.1, 0.3, 0.2] });
    expect(rows[0]!.low_bucket).toMatchObject({ winner_id: "opt-b", runner_up_id: "opt-a", winner_probability: 0.5 });
  });

  it("buckets always partition the draws and probabilities are shares of the bucket", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: -1, max: 2 })), { minLength: 100, maxLength: 300 }), (pairs) => {
        const values = Float64Array.from(pairs, (p) => p[0]);
        const winner = Int32Array.from(pairs, (p) => p[1]);
        for (const row of conditionalWinners({ factors: [{ id: "f", label: "F", pointMass: false, values }], winner, optionIds: ids, optionLabels: labels, optionMeans: [0, 0, 0] })) {
          expect(row.low_bucket.n_samples + row.high_bucket.n_samples).toBe(values.length);
          expect(row.low_bucket.winner_id).not.toBe(row.high_bucket.winner_id);
          for (const b of [row.low_bucket, row.high_bucket]) expect(b.winner_probability + (b.runner_up_probability ?? 0)).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});

describe("conditionalWinnersOfDraws on the hiring graph (capture P3 has no conditional_winners)", () => {
  it("finds no factor whose median split changes the winner", () => {
    const model = modelOfRequest(loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json"));
    const draws = runMainMonteCarlo(model, 4000, createPlotStreams(2034401427));
    expect(conditionalWinnersOfDraws(model, draws)).toEqual([]);
  });

  it("reports a factor that decides the winner, with its unit", () => {
    // fix pins demand at 0 (goal 0); ride leaves it random (goal = demand): ride wins iff demand > 0.
    const request = {
      graph: {
        nodes: [
          { id: "demand", kind: "factor", label: "Demand", observed_state: { value: 0, unit: "units" } },
          { id: "lever", kind: "factor", label: "Lever", observed_state: { value: 0 } },
          { id: "goal", kind: "goal", label: "Goal" },
        ],
        edges: [
          { from: "demand", to: "goal", exists_probability: 1, strength: { mean: 1, std: 0.002 } },
          { from: "lever", to: "goal", exists_probability: 1, strength: { mean: 0.5, std: 0.002 } },
        ],
      },
      options: [
        { id: "fix", label: "Fix demand", interventions: { demand: 0 } },
        { id: "ride", label: "Ride demand", interventions: { lever: 0 } },
      ],
      goal_node_id: "goal",
      n_samples: 1000,
      parameter_uncertainties: [{ node_id: "demand", distribution: "normal", std: 1 }],
    };
    const model = modelOfRequest(request);
    const draws = runMainMonteCarlo(model, 1000, createPlotStreams(3));
    const [row] = conditionalWinnersOfDraws(model, draws);
    expect(row).toMatchObject({ factor_id: "demand", factor_label: "Demand", split_unit: "units", winner_flips: true });
    expect(row!.low_bucket).toMatchObject({ n_samples: 500, winner_id: "fix" });
    const demand = draws.factorValue[0]!;
    const rideWinsHigh = demand.filter((v) => v >= row!.split_value && v > 0).length;
    expect(row!.high_bucket).toMatchObject({ n_samples: 500, winner_id: "ride", winner_probability: rideWinsHigh / 500 });
    expect(Math.abs(row!.split_value)).toBeLessThan(0.15);
  });
});
