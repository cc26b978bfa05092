import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { createRng } from "../random/index.js";
import { loadPlotFixture, modelOfRequest } from "../../test/plot/request-graph.js";
import { decisionGainSignificant } from "./evppi-decision-gain.js";
import { estimateEvppi, factorEvppi, factorEvppiRow, sortEvppiRows } from "./factor-evppi.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { phaseStream, createPlotStreams } from "./streams.js";
import { powerBasisFit } from "./power-basis-regression.js";

/** Evenly spaced grid on [−1, 1] with n points (rational: (2i − (n − 1))/(n − 1)). */
const grid = (n: number) => Float64Array.from({ length: n }, (_, i) => (2 * i - (n - 1)) / (n - 1));

/** Exact EVPPI of deterministic outcomes y_o(θ_i) on a grid: mean max − max mean, in fractions. */
function exactEvppi(n: number, outcome: (o: number, i: Fraction) => Fraction, options: number): number {
  let meanMax = new Fraction(0);
  const sums = Array.from({ length: options }, () => new Fraction(0));
  for (let i = 0; i < n; i++) {
    const t = new Fraction(2 * i - (n - 1), n - 1);
    let best: Fraction | undefined;
    for (let o = 0; o < options; o++) {
      const y = outcome(o, t);
      sums[o] = sums[o]!.add(y);
      if (!best || y.compare(best) > 0) best = y;
    }
    meanMax = meanMax.add(best!);
  }
  const maxMean = sums.reduce((m, s) => (s.compare(m) > 0 ? s : m), sums[0]!);
  return meanMax.sub(maxMean).div(n).valueOf();
}

describe("estimateEvppi against closed forms", () => {
  it("recovers EVPPI exactly when outcomes are linear in θ (Y₀ = θ, Y₁ = 0.1)", () => {
    const n = 401;
    const theta = grid(n);
    const estimate = estimateEvppi(theta, [Float64Array.from(theta), new Float64Array(n).fill(0.1)], createRng(1).fork("evppi"));
    const exact = exactEvppi(n, (o, t) => (o === 0 ? t : new Fraction(1, 10)), 2);
    expect(estimate.raw).toBeCloseTo(exact, 12);
    expect(estimate.degree).toBe(4);
    expect(estimate.gainSignificant).toBe(true);
    expect(estimate.noiseFloor).toBeLessThan(estimate.raw / 5);
  });

  it("recovers EVPPI exactly for a quartic response (Y₀ = θ² − θ⁴/2, Y₁ = 0.2)", () => {
    const n = 301;
    const theta = grid(n);
    const y0 = Float64Array.from(theta, (t) => t * t - t ** 4 / 2);
    const estimate = estimateEvppi(theta, [y0, new Float64Array(n).fill(0.2)], createRng(2));
    const exact = exactEvppi(n, (o, t) => (o === 0 ? t.pow(2).sub(t.pow(4).div(2)) : new Fraction(1, 5)), 2);
    expect(estimate.raw).toBeCloseTo(exact, 11);
  });

  it("reports no information (raw ≈ 0, below the permutation floor) when outcomes ignore θ", () => {
    const n = 2000;
    const rng = createRng(3);
    const theta = rng.fork("theta").fillNormal(new Float64Array(n));
    const y0 = rng.fork("y0").fillNormal(new Float64Array(n), 0.1, 1);
    const y1 = rng.fork("y1").fillNormal(new Float64Array(n), 0, 1);
    const estimate = estimateEvppi(theta, [y0, y1], rng.fork("evppi"));
    const row = factorEvppiRow({ factorId: "f", estimate, samples: n, decisionEvpi: 1, correlationActive: false });
    expect(row.status).toBe("below_resolution");
    expect(estimate.noiseFloor).toBeGreaterThan(0);
  });

  it("uses degree distinct − 1 and returns zeros for a constant factor", () => {
    const theta = Float64Array.from({ length: 100 }, (_, i) => (i % 3) - 1);
    const y = Float64Array.from(theta, (t) => t);
    expect(estimateEvppi(theta, [y, new Float64Array(100)], createRng(4)).degree).toBe(2);
    const flat = estimateEvppi(new Float64Array(100).fill(0.3), [y, new Float64Array(100)], createRng(4));
    expect(flat).toMatchObject({ raw: 0, degree: 0, noiseFloor: 0, gainSignificant: false });
  });
});

describe("factorEvppiRow", () => {
  const estimate = { raw: 0.0123456789, baseline: 0.5, conditional: 0.5123456789, degree: 4, noiseFloor: 0.001, gainSignificant: true };

  it("rounds to 6 dp, caps at decision_evpi and labels by the floor and the gain test", () => {
    expect(factorEvppiRow({ factorId: "f", estimate, samples: 4000, decisionEvpi: 1, correlationActive: false })).toEqual({
      factor_id: "f", evppi: 0.012346, evppi_raw: 0.012346, baseline_max_expected_utility: 0.5, conditional_max_expected_utility: 0.512346,
      units: "outcome", method: "regression_evppi_v1", regression_degree: 4, n_samples: 4000, clamped_low: false, clamped_high: false,
      noise_floor: 0.001, status: "resolved", correlation_active: false,
    });
    expect(factorEvppiRow({ factorId: "f", estimate, samples: 4000, decisionEvpi: 0.01, correlationActive: true, spreadSource: "user" })).toMatchObject({ evppi: 0.01, clamped_high: true, correlation_active: true, spread_source: "user" });
    expect(factorEvppiRow({ factorId: "f", estimate: { ...estimate, gainSignificant: false }, samples: 1, decisionEvpi: 1, correlationActive: false })).toMatchObject({ status: "below_resolution", status_reason: "decision_gain_not_significant" });
    expect(factorEvppiRow({ factorId: "f", estimate: { ...estimate, raw: -0.2 }, samples: 1, decisionEvpi: 0, correlationActive: false })).toMatchObject({ evppi: 0, clamped_low: true, clamped_high: false, status_reason: "at_or_below_noise_floor" });
  });

  it("leaves the estimate uncapped when decision_evpi is not finite", () => {
    expect(factorEvppiRow({ factorId: "f", estimate, samples: 1, decisionEvpi: Number.NaN, correlationActive: false })).toMatchObject({ evppi: 0.012346, clamped_high: false });
  });

  it("sorts by evppi descending, stable", () => {
    const row = (id: string, evppi: number) => ({ ...factorEvppiRow({ factorId: id, estimate, samples: 1, decisionEvpi: 1, correlationActive: false }), evppi });
    expect(sortEvppiRows([row("a", 0), row("b", 0.2), row("c", 0)]).map((r) => r.factor_id)).toEqual(["b", "a", "c"]);
  });
});

describe("powerBasisFit", () => {
  it("projects onto the span (residual orthogonal to every basis column)", () => {
    const x = grid(57);
    const y = Float64Array.from(x, (t, i) => Math.sin(3 * t) + (i % 5) * 0.01);
    const fitted = powerBasisFit(x, 3).fitted(y);
    for (let j = 0; j <= 3; j++) {
      let dot = 0;
      for (let i = 0; i < x.length; i++) dot += x[i]! ** j * (y[i]! - fitted[i]!);
      expect(Math.abs(dot)).toBeLessThan(1e-12);
    }
  });
});

describe("factorEvppi on captured requests", () => {
  const blockFor = (body: unknown, samples: number) => {
    const model = modelOfRequest(body);
    const streams = createPlotStreams(543524382);
    const draws = runMainMonteCarlo(model, samples, streams);
    const rows = factorEvppi({
      factors: model.factors.map((f, k) => ({ id: f.nodeId, values: draws.factorValue[k]!, setByOption: model.options.some((o) => o.setMode[f.nodeIndex] !== 0) })),
      outcomes: model.options.map((o, k) => ({ id: o.id, values: draws.outcome[k]! })),
      decisionEvpi: 1,
      correlationActive: false,
      streamFor: (id) => phaseStream(streams, "evppi", id),
    });
    return rows;
  };

  it("leaves out the factors options set (r3b lists only pro_paying_subscribers and other_mrr_growth)", () => {
    const rows = blockFor(loadPlotFixture("paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json"), 2000);
    expect(rows.map((r) => r.factor_id).sort()).toEqual(["other_mrr_growth", "pro_paying_subscribers"]);
    for (const r of rows) expect(r).toMatchObject({ n_samples: 2000, regression_degree: 4, method: "regression_evppi_v1", units: "outcome" });
  });

  it("finds no decision-relevant information in the hiring graph's additive factors (all below resolution)", () => {
    const rows = blockFor(loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json"), 4000);
    expect(rows.map((r) => r.factor_id).sort()).toEqual(["fac_hiring_cost", "fac_team_maturity"]);
    for (const r of rows) expect(r.status).toBe("below_resolution");
  });
});

describe("decisionGainSignificant (two-fold cross-fitted gate)", () => {
  it("passes when the best option depends on θ and fails when it does not", () => {
    const n = 2000;
    const rng = createRng(12);
    const x = rng.fork("x").fillUniform(new Float64Array(n), -1, 1);
    const noise = rng.fork("noise").fillNormal(new Float64Array(n), 0, 0.1);
    const informative = [Float64Array.from(x, (t, i) => t + noise[i]!), new Float64Array(n)];
    expect(decisionGainSignificant(x, 4, informative, 0, rng.fork("a"))).toBe(true);
    const unrelated = [rng.fork("y0").fillNormal(new Float64Array(n), 0.2, 1), rng.fork("y1").fillNormal(new Float64Array(n), 0, 1)];
    expect(decisionGainSignificant(x, 4, unrelated, 0, rng.fork("b"))).toBe(false);
  });
});
