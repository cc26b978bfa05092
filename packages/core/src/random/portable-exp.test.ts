/**
 * Tests of the engine-independent exponential: within 1 ulp of Math.exp over random and boundary
 * arguments, exact at 0 and on the reduction boundaries' powers of two, and inverse to portableLog.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableExp } from "./portable-exp.js";
import { portableLog } from "./portable-log.js";
import { ulpDistance } from "./ulp.test-support.js";

describe("portableExp", () => {
  it("is within 1 ulp of Math.exp on random arguments in [−700, 700]", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(ulpDistance(portableExp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      }),
      { seed: 1989, numRuns: 20_000 },
    );
  });

  it("is within 1 ulp of Math.exp on the ziggurat's range −x²/2 for x in [0, 8] and at reduction boundaries", () => {
    for (let i = 0; i <= 20_000; i++) {
      const x = (8 * i) / 20_000;
      expect(ulpDistance(portableExp(-0.5 * x * x), Math.exp(-0.5 * x * x))).toBeLessThanOrEqual(1);
    }
    for (const x of [2 ** -29, -(2 ** -29), 2 ** -27, 0.3465, 0.3466, -0.3466, 1.0397, 1.0398, -1.0398, 1, -1, 10, -10]) {
      expect(ulpDistance(portableExp(x), Math.exp(x)), `x = ${x}`).toBeLessThanOrEqual(1);
    }
  });

  it("exp 0 = 1, and exp(log x) ≈ x within 3 ulp for x in [1/2, 2] (where log x is small, so its error stays small)", () => {
    expect(portableExp(0)).toBe(1);
    for (const x of [0.5, 0.75, 0.999, 1.001, 1.5, 2]) expect(ulpDistance(portableExp(portableLog(x)), x)).toBeLessThanOrEqual(3);
  });
});
