/**
 * Scalar semantics: `//`, `%` and `**` against CPython's float results (values as printed by
 * Python 3.11), numpy's behaviour on division by zero, exact integer division by BigInt, and the
 * algebraic properties of floor division and modulo on random doubles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, conditional, floorDivide, logistic, power, pythonModulo } from "./index.js";
import { applyBinary } from "./semantics.js";

/** Object.is comparison that distinguishes −0 and treats NaN as equal to itself. */
const same = (a: number, b: number): boolean => Object.is(a, b);

describe("floor division and modulo follow Python floats", () => {
  it.each([
    [7, 2, 3, 1],
    [-7, 2, -4, 1],
    [7, -2, -4, -1],
    [-7, -2, 3, -1],
    [7.5, 2, 3, 1.5],
    [-7.5, 2, -4, 0.5],
    [-5.5, 2, -3, 0.5],
    [1, 0.1, 9, 0.09999999999999995],
    [6, -3, -2, -0],
    [0, 5, 0, 0],
    [-0, 5, -0, 0],
    [0, -5, -0, -0],
    [5, Infinity, 0, 5],
    [-5, Infinity, -1, Infinity],
    [5, -Infinity, -1, -Infinity],
    [Infinity, 5, Number.NaN, Number.NaN],
    [Number.NaN, 5, Number.NaN, Number.NaN],
  ])("%d // %d = %d and %d %% %d = %d", (a, b, quotient, remainder) => {
    expect(same(floorDivide(a, b), quotient), `floorDivide(${a}, ${b}) = ${floorDivide(a, b)}`).toBe(true);
    expect(same(pythonModulo(a, b), remainder), `pythonModulo(${a}, ${b}) = ${pythonModulo(a, b)}`).toBe(true);
  });

  it("divides by zero like numpy: ±Infinity or NaN, never an exception", () => {
    expect([floorDivide(1, 0), floorDivide(-1, 0), floorDivide(0, 0), floorDivide(1, -0)]).toEqual([Infinity, -Infinity, Number.NaN, -Infinity]);
    expect([pythonModulo(1, 0), pythonModulo(0, 0), pythonModulo(-3, -0)]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect([applyBinary("/", 1, 0), applyBinary("/", -1, 0), applyBinary("/", 0, 0)]).toEqual([Infinity, -Infinity, Number.NaN]);
  });

  it("agrees with exact BigInt floor division on integers", () => {
    const int = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
    fc.assert(
      fc.property(int, int, (a, b) => {
        fc.pre(b !== 0);
        const big = BigInt(b);
        const truncated = BigInt(a) / big;
        const rest = BigInt(a) % big;
        const floor = rest !== 0n && rest < 0n !== big < 0n ? truncated - 1n : truncated;
        expect(floorDivide(a, b) + 0).toBe(Number(floor));
        expect(pythonModulo(a, b) + 0).toBe(Number(BigInt(a) - floor * big));
      }),
      { seed: 401, numRuns: 2000 },
    );
  });

  it("gives an integer quotient and a remainder with the divisor's sign, smaller than it", () => {
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    // NOTE: divisors below 1e-3 in magnitude could overflow the quotient to ±Infinity (as in Python).
    const divisor = fc.oneof(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: -1e-3, noNaN: true }));
    fc.assert(
      fc.property(finite, divisor, (a, b) => {
        const q = floorDivide(a, b);
        const r = pythonModulo(a, b);
        expect(Number.isInteger(q)).toBe(true);
        expect(Math.abs(r)).toBeLessThanOrEqual(Math.abs(b));
        if (r !== 0) expect(r < 0).toBe(b < 0);
        // a = b·q + r up to rounding of the product (relative to the operands' size).
        expect(Math.abs(b * q + r - a)).toBeLessThanOrEqual(4 * Number.EPSILON * (Math.abs(a) + Math.abs(b * q) + Math.abs(r)));
      }),
      { seed: 402, numRuns: 3000 },
    );
  });
});

describe("powers, comparisons and functions", () => {
  it("computes powers as C's pow (Python floats over numpy)", () => {
    expect(power(1, Number.NaN)).toBe(1);
    expect(power(-1, Infinity)).toBe(1);
    expect(power(-1, -Infinity)).toBe(1);
    expect(power(Number.NaN, 0)).toBe(1);
    expect(power(-8, 1 / 3)).toBeNaN();
    expect(power(-2, 3)).toBe(-8);
    expect(power(0, -1)).toBe(Infinity);
    expect(power(3, 2)).toBe(9);
    expect(power(0.1, 2)).toBe(0.1 * 0.1);
    expect(power(2, 0.5)).toBe(Math.SQRT2);
    expect(power(10, 1e300)).toBe(Infinity);
    expect(power(10, -1e300)).toBe(0);
    expect(power(1e308, 2)).toBe(Infinity);
  });

  it("compares to 1/0 with IEEE NaN rules", () => {
    const ops = ["<", "<=", ">", ">=", "==", "!="] as const;
    expect(ops.map((op) => applyBinary(op, 1, 2))).toEqual([1, 1, 0, 0, 0, 1]);
    expect(ops.map((op) => applyBinary(op, 2, 2))).toEqual([0, 1, 0, 1, 1, 0]);
    expect(ops.map((op) => applyBinary(op, Number.NaN, Number.NaN))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(ops.map((op) => applyBinary(op, -0, 0))).toEqual([0, 1, 0, 1, 1, 0]);
  });

  it("picks if() branches, with NaN for a NaN condition", () => {
    expect([conditional(1, 10, 20), conditional(-0.5, 10, 20), conditional(0, 10, 20), conditional(-0, 10, 20), conditional(Number.NaN, 10, 20)]).toEqual([10, 10, 20, 20, Number.NaN]);
    expect(conditional(Infinity, 10, 20)).toBe(10);
  });

  it("computes logistic and clip without overflow surprises", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(-1000)).toBe(0);
    expect(logistic(1000)).toBe(1);
    expect(logistic(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(logistic(Number.NaN)).toBeNaN();
    expect([clip(-1, 0, 1), clip(0.3, 0, 1), clip(7, 0, 1), clip(5, 3, 2)]).toEqual([0, 0.3, 1, 2]);
    expect(clip(Number.NaN, 0, 1)).toBeNaN();
    expect(clip(0.5, Number.NaN, 1)).toBeNaN();
  });
});
