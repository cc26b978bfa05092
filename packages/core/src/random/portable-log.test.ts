/**
 * Tests of the engine-independent logarithm: within 1 ulp of Math.log (correctly rounded to within
 * an ulp in V8) over random and boundary arguments, exact at 1, and exact on powers of two up to the
 * split ln 2 = ln2_hi + ln2_lo.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableLog } from "./portable-log.js";
import { ulpDistance } from "./ulp.test-support.js";

describe("portableLog", () => {
  it("is within 1 ulp of Math.log on random positive normal doubles", () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -1022, max: 1.7e308, noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(ulpDistance(portableLog(x), Math.log(x))).toBeLessThanOrEqual(1);
      }),
      { seed: 1990, numRuns: 20_000 },
    );
  });

  it("is within 1 ulp of Math.log on every argument the samplers pass: 1 − k·2⁻⁵³", () => {
    for (const k of [0, 1, 2, 3, 1000, 2 ** 20, 2 ** 40, 2 ** 52, 2 ** 53 - 2, 2 ** 53 - 1]) {
      const x = 1 - k * 2 ** -53;
      expect(ulpDistance(portableLog(x), Math.log(x)), `x = ${x}`).toBeLessThanOrEqual(1);
    }
    for (let i = 0; i < 20_000; i++) {
      const x = 1 - ((i * 2654435761) % 2 ** 32) * 2 ** -32;
      expect(ulpDistance(portableLog(x), Math.log(x))).toBeLessThanOrEqual(1);
    }
  });

  it("handles the √2 fold boundary and values next to 1", () => {
    for (const x of [Math.SQRT2, Math.SQRT1_2, 1.4142, 1.4143, 1 + 2 ** -52, 1 - 2 ** -53, 0.5, 2, 3, 10, 1e-300, 1e300]) {
      expect(ulpDistance(portableLog(x), Math.log(x)), `x = ${x}`).toBeLessThanOrEqual(1);
    }
  });

  it("log 1 = 0 and log 2ᵏ = k·ln2_hi + k·ln2_lo", () => {
    expect(portableLog(1)).toBe(0);
    for (const k of [-53, -1, 1, 10, 1023]) expect(portableLog(2 ** k)).toBe(k * 6.93147180369123816490e-1 + k * 1.90821492927058770002e-10);
  });
});
