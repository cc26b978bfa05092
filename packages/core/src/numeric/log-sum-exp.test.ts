/**
 * Table-driven tests of `logSumExp` (Blanchard–Higham–Higham 2021): values and the ±∞/empty rules.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { logSumExp } from "./log-sum-exp.js";

describe("logSumExp", () => {
  it.each([
    { values: [0], expected: 0 },
    { values: [0, 0], expected: Math.LN2 },
    { values: [1000, 1000], expected: 1000 + Math.LN2 },
    { values: [-1000, -1000], expected: -1000 + Math.LN2 },
    { values: [1, 2, 3], expected: Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) },
    { values: [-Infinity, 0], expected: 0 },
    { values: [5, -Infinity, -Infinity], expected: 5 },
    { values: Float64Array.of(Math.log(0.25), Math.log(0.75)), expected: 0 },
    // log1p keeps the tiny second term: log(1 + e^-40) ≈ 4.248e-18.
    { values: [0, -40], expected: 4.248354255291589e-18 },
  ])("logSumExp($values) = $expected", ({ values, expected }) => {
    expect(logSumExp(values)).toBeCloseTo(expected, 14);
  });

  it.each([
    { values: [], expected: -Infinity, rule: "empty sum is 0, its log −∞" },
    { values: [-Infinity, -Infinity], expected: -Infinity, rule: "all −∞" },
    { values: [Infinity, 1], expected: Infinity, rule: "any +∞" },
    { values: [-Infinity, Infinity], expected: Infinity, rule: "+∞ dominates −∞" },
  ])("documented rule: $rule", ({ values, expected }) => {
    expect(logSumExp(values)).toBe(expected);
  });

  it("rejects NaN entries", () => {
    expect(() => logSumExp([1, Number.NaN])).toThrowError(IslError);
    expect(() => logSumExp([1, Number.NaN])).toThrowError(/without NaN/);
  });
});
