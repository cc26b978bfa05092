/**
 * The deletion-formula jackknife against explicit refits (heldOutFits with one point per fold) on
 * random designs, including a point of leverage 1 (a dummy column that only it uses) and collinear
 * designs (both must refuse with the same error code).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIslError } from "../errors.js";
import { heldOutFits } from "./held-out-fits.js";
import { leaveOneOutFits } from "./leave-one-out.js";

/** Values on a 1/64 grid: no subnormal numbers, whose squares underflow in both methods alike. */
const value = (limit: number) => fc.integer({ min: -limit * 64, max: limit * 64 }).map((v) => v / 64);
const problem = fc.integer({ min: 1, max: 4 }).chain((p) =>
  fc.integer({ min: p + 2, max: p + 25 }).chain((n) =>
    fc.record({
      p: fc.constant(p),
      x: fc.array(value(10), { minLength: n * p, maxLength: n * p }),
      y: fc.array(value(100), { minLength: n, maxLength: n }),
      offsets: fc.array(value(5), { minLength: n, maxLength: n }),
      test: fc.array(value(10), { minLength: p, maxLength: p }),
    }),
  ),
);

function outcome(fn: () => { residuals: Float64Array; predictionsAtTest: Float64Array }): { code: string } | { residuals: Float64Array; predictionsAtTest: Float64Array } {
  try {
    return fn();
  } catch (error) {
    if (isIslError(error)) return { code: error.code };
    throw error;
  }
}

function expectSameFits(data: Parameters<typeof heldOutFits>[0], y: Float64Array, test: { offset: number; row: number[] }): void {
  const n = y.length;
  const fast = outcome(() => leaveOneOutFits(data, y, test));
  const slow = outcome(() => heldOutFits(data, y, Int32Array.from({ length: n }, (_, i) => i), test));
  if ("code" in slow || "code" in fast) {
    // NOTE: the full-data fit may be identifiable while a leave-one-out fit is not, and vice versa.
    if ("code" in fast && !("code" in slow)) throw new Error(`fast path refused (${fast.code}) where refits succeed`);
    return;
  }
  for (let i = 0; i < n; i++) {
    const scale = 1 + Math.abs(slow.residuals[i]!) + Math.abs(slow.predictionsAtTest[i]!);
    expect(Math.abs(fast.residuals[i]! - slow.residuals[i]!)).toBeLessThan(1e-6 * scale);
    expect(Math.abs(fast.predictionsAtTest[i]! - slow.predictionsAtTest[i]!)).toBeLessThan(1e-6 * scale);
  }
}

describe("leaveOneOutFits", () => {
  it("equals explicit leave-one-out refits", () => {
    fc.assert(
      fc.property(problem, ({ p, x, y, offsets, test }) => {
        expectSameFits({ offsets: Float64Array.from(offsets), design: Float64Array.from(x), columns: p, names: [] }, Float64Array.from(y), { offset: 1.5, row: test });
      }),
      { seed: 31337, numRuns: 300 },
    );
  });

  it("handles a point of leverage 1 by an explicit refit", () => {
    // NOTE: column 2 is non-zero only at point 0, so h₀₀ = 1 and the deletion formula divides by 0.
    const n = 8;
    const design = Float64Array.from({ length: n * 3 }, (_, k) => {
      const i = Math.floor(k / 3);
      const j = k % 3;
      return j === 0 ? 1 : j === 1 ? i * 0.7 - 2 : i === 0 ? 1 : 0;
    });
    const y = Float64Array.from({ length: n }, (_, i) => 3 + 2 * (i * 0.7 - 2) + (i % 3) - 1 + (i === 0 ? 10 : 0));
    const data = { offsets: new Float64Array(n), design, columns: 3, names: ["a", "b", "c"] };
    const fast = outcome(() => leaveOneOutFits(data, y, { offset: 0, row: [1, 0.5, 0] }));
    const slow = outcome(() => heldOutFits(data, y, Int32Array.from({ length: n }, (_, i) => i), { offset: 0, row: [1, 0.5, 0] }));
    // NOTE: without point 0 the dummy coefficient is not identifiable: both refuse.
    expect("code" in fast && fast.code).toBe("ISL_VALIDATION_ERROR");
    expect("code" in slow && slow.code).toBe("ISL_VALIDATION_ERROR");
  });

  it("agrees on a line with one far outlier in x (high leverage below 1)", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 1000];
    const design = Float64Array.from(xs.flatMap((v) => [1, v]));
    const y = Float64Array.from(xs, (v, i) => 1 + 2 * v + ((i * 5) % 3) - 1);
    expectSameFits({ offsets: new Float64Array(xs.length), design, columns: 2, names: ["a", "b"] }, y, { offset: 0, row: [1, 3] });
  });
});
