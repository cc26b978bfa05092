import Fraction from "fraction.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modelOfRequest } from "../../test/plot/request-graph.js";
import { factorFlipValues, nearestFactorCrossing } from "./factor-flip-values.js";
import { createPlotStreams } from "./streams.js";

/** f → goal (0.5), lever → goal (0.4), g unconnected; option c pins f at 0.5. */
function flipRequest(observedF: number) {
  return {
    graph: {
      nodes: [
        { id: "f", kind: "factor", label: "F", observed_state: { value: observedF } },
        { id: "lever", kind: "factor", label: "Lever", observed_state: { value: 0 } },
        { id: "g", kind: "factor", label: "G", observed_state: { value: 0.3 } },
        { id: "m", kind: "outcome", label: "M" },
        { id: "goal", kind: "goal", label: "Goal" },
      ],
      edges: [
        { from: "f", to: "goal", exists_probability: 1, strength: { mean: 0.5, std: 0.1 } },
        { from: "lever", to: "goal", exists_probability: 1, strength: { mean: 0.4, std: 0.1 } },
        { from: "g", to: "m", exists_probability: 1, strength: { mean: 0.4, std: 0.1 } },
      ],
    },
    options: [
      { id: "a", label: "A", interventions: { lever: 0.2 } },
      { id: "b", label: "B", interventions: { lever: 0.1 } },
      { id: "c", label: "C", interventions: { f: 0.5 } },
    ],
    goal_node_id: "goal",
    n_samples: 100,
    parameter_uncertainties: [{ node_id: "f", distribution: "normal", std: 0.1 }],
  };
}

describe("factorFlipValues on a graph with a known crossing", () => {
  it("finds the increase crossing 0.34 = (0.25 − 0.08)/0.5 against the pinned option", () => {
    const rows = factorFlipValues(modelOfRequest(flipRequest(0.2)));
    expect(rows.map((r) => r.factor_id)).toEqual(["f", "lever", "g"]);
    expect(rows[0]).toEqual({ factor_id: "f", current_value: 0.2, flip_value: 0.34, direction: "increase", flip_reason: "found", alternative_winner_id: "a", baseline_winner_id: "c" });
    expect(rows[2]).toEqual({ factor_id: "g", current_value: 0.3, flip_reason: "structurally_invariant", baseline_winner_id: "c" });
  });

  it("finds the decrease crossing when the current value lies above it", () => {
    const rows = factorFlipValues(modelOfRequest(flipRequest(0.8)));
    expect(rows[0]).toEqual({ factor_id: "f", current_value: 0.8, flip_value: 0.34, direction: "decrease", flip_reason: "found", alternative_winner_id: "c", baseline_winner_id: "a" });
  });

  it("takes the smallest goal as the winner under a minimise objective", () => {
    // b = 0.5F + 0.04 is the smallest at F = 0.2; c = 0.25 undercuts it above F = (0.25 − 0.04)/0.5 = 0.42.
    const rows = factorFlipValues(modelOfRequest(flipRequest(0.2)), { direction: "minimise" });
    expect(rows[0]).toEqual({ factor_id: "f", current_value: 0.2, flip_value: 0.42, direction: "increase", flip_reason: "found", alternative_winner_id: "c", baseline_winner_id: "b" });
  });

  it("caps the candidates by slope spread and labels the rest", () => {
    const rows = factorFlipValues(modelOfRequest(flipRequest(0.2)), { maxCandidates: 1 });
    expect(rows.map((r) => r.flip_reason)).toEqual(["found", "candidate_cap_exceeded", "structurally_invariant"]);
  });

  it("adds deterministic stability bands only to searched factors", () => {
    const model = modelOfRequest(flipRequest(0.2));
    const rows = factorFlipValues(model, { streams: createPlotStreams(11) });
    expect(rows).toEqual(factorFlipValues(model, { streams: createPlotStreams(11) }));
    expect(rows[0]!.stability!.seed_flip_values).toHaveLength(10);
    expect(rows[2]).not.toHaveProperty("stability");
    expect(rows.map(({ stability: _s, ...rest }) => rest)).toEqual(factorFlipValues(model));
  });
});

describe("nearestFactorCrossing against exact rational crossings", () => {
  it("agrees with a brute-force exact search over random affine options", () => {
    const ratio = fc.integer({ min: -12, max: 12 }).map((k) => k / 8);
    fc.assert(
      fc.property(fc.array(fc.tuple(ratio, ratio), { minLength: 2, maxLength: 5 }), fc.integer({ min: 0, max: 8 }), (lines, c) => {
        const current = c / 8;
        const A = Float64Array.from(lines, (l) => l[0]);
        const T = Float64Array.from(lines, (l) => l[1]);
        const exactGoal = (o: number, x: Fraction) => new Fraction(A[o]!).add(new Fraction(T[o]!).mul(x));
        const exactWinner = (x: Fraction): number => {
          let best = 0;
          for (let o = 1; o < A.length; o++) if (exactGoal(o, x).compare(exactGoal(best, x)) > 0) best = o;
          return best;
        };
        const lead = exactWinner(new Fraction(current));
        const found = nearestFactorCrossing({ intercepts: A, slopes: T }, lead, current, (x) => exactWinner(new Fraction(x)));
        // Brute force: every exact crossing of lead with a rival in [0, 1]; the winner just past it.
        const crossings: Fraction[] = [];
        for (let i = 0; i < A.length; i++) {
          if (i === lead || T[i] === T[lead]) continue;
          const x = new Fraction(A[lead]!).sub(A[i]!).div(new Fraction(T[i]!).sub(T[lead]!));
          if (x.compare(0) >= 0 && x.compare(1) <= 0 && !x.equals(current)) crossings.push(x);
        }
        const all = [...crossings, new Fraction(0), new Fraction(1)].sort((a, b) => a.compare(b));
        const pastWinner = (x: Fraction, up: boolean): number => {
          const neighbour = up ? all.find((y) => y.compare(x) > 0) : [...all].reverse().find((y) => y.compare(x) < 0);
          const edge = neighbour ?? x;
          return exactWinner(x.add(edge).div(2));
        };
        const flipping = crossings
          .map((x) => ({ x, up: x.compare(current) > 0 }))
          .filter(({ x, up }) => pastWinner(x, up) !== lead)
          .sort((p, q) => p.x.sub(current).abs().compare(q.x.sub(current).abs()) || (p.up ? -1 : 1));
        if (flipping.length === 0) {
          expect(found).toBeNull();
          return;
        }
        // Exact distances can tie between an increase and a decrease; the rule prefers the increase.
        const nearest = flipping[0]!;
        expect(found).not.toBeNull();
        expect(found!.value).toBeCloseTo(nearest.x.valueOf(), 12);
        expect(found!.direction).toBe(nearest.up ? "increase" : "decrease");
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
