/**
 * Property tests (fast-check, seeded) of `logSumExp`: naive agreement, shift equivariance, bounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logSumExp } from "./log-sum-exp.js";

const moderate = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 });

describe("logSumExp properties", () => {
  it("agrees with the naive formula where it does not overflow", () => {
    fc.assert(
      fc.property(moderate, (values) => {
        const naive = Math.log(values.reduce((s, v) => s + Math.exp(v), 0));
        expect(logSumExp(values)).toBeCloseTo(naive, 10);
      }),
      { seed: 2021, numRuns: 300 },
    );
  });

  it("is shift-equivariant and bounded by max ≤ lse ≤ max + ln n", () => {
    fc.assert(
      fc.property(moderate, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (values, shift) => {
        const base = logSumExp(values);
        expect(logSumExp(values.map((v) => v + shift))).toBeCloseTo(base + shift, 6);
        const max = Math.max(...values);
        expect(base).toBeGreaterThanOrEqual(max);
        expect(base).toBeLessThanOrEqual(max + Math.log(values.length) + 1e-12);
      }),
      { seed: 2022, numRuns: 300 },
    );
  });
});
