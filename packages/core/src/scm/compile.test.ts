/**
 * Table tests of the column compiler: affine-chain detection, constant folding, register use,
 * kernels on hand-computed columns, and errors for missing or short columns.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { affineTerms, type AffineSource } from "./affine-chain.js";
import { compileColumns, compileExpression, createScratch, foldConstants, parseExpression, printExpression } from "./index.js";

const slots = new Map([
  ["x", 0],
  ["y", 1],
  ["z", 2],
]);
const slotOf = (name: string): number => slots.get(name)!;

/** Affine terms as `[coefficient, source]` pairs, sources as "x", "1" or the printed node. */
function terms(text: string): [number, string][] | undefined {
  const list = affineTerms(foldConstants(parseExpression(text)), slotOf);
  const sourceName = (source: AffineSource): string => {
    if (source.kind === "column") return [...slots].find(([, s]) => s === source.slot)![0];
    return source.kind === "ones" ? "1" : printExpression(source.node);
  };
  return list?.map((t) => [t.coefficient, sourceName(t.source)]);
}

describe("affine chains", () => {
  it.each([
    ["x + y", [[1, "x"], [1, "y"]]],
    ["2*x - 3*y + 1", [[2, "x"], [-3, "y"], [1, "1"]]],
    ["x*0.5 + z*-2 - 4", [[0.5, "x"], [-2, "z"], [-4, "1"]]],
    ["-x - -y", [[-1, "x"], [1, "y"]]],
    ["-(2*x) + y", [[-2, "x"], [1, "y"]]],
    ["-2*x + y", [[-2, "x"], [1, "y"]]],
    ["1 + x + 2", [[1, "1"], [1, "x"], [2, "1"]]],
    ["sqrt(x) + y - x/2", [[1, "sqrt(x)"], [1, "y"], [-1, "x / 2"]]],
    ["x - (y + z)", [[1, "x"], [-1, "y + z"]]],
    ["(1 + 2) * x + y", [[3, "x"], [1, "y"]]],
  ])("%s", (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it.each(["x * y", "2 * x", "x", "sqrt(x + y)", "x < y"])("%s is not a chain at its root", (text) => {
    expect(terms(text)).toBeUndefined();
  });
});

describe("compiled kernels", () => {
  const x = Float64Array.from([1, 2, 3, 4, -5]);
  const y = Float64Array.from([0.5, -1, 0, 2, 10]);
  const columns = new Map([
    ["x", x],
    ["y", y],
  ]);
  const run = (text: string): number[] => {
    const out = new Float64Array(5);
    compileColumns(parseExpression(text), columns)(out, 5);
    return [...out];
  };

  it.each([
    ["2*x - 3*y + 1", [1 + 2 - 1.5, 4 + 3 + 1, 6 + 1, 8 - 6 + 1, -10 - 30 + 1]],
    ["x * y", [0.5, -2, 0, 8, -50]],
    ["x // 2", [0, 1, 1, 2, -3]],
    ["x % 3", [1, 2, 0, 1, 1]],
    ["x ** 2", [1, 4, 9, 16, 25]],
    ["2 ** x", [2, 4, 8, 16, 1 / 32]],
    ["x > y", [1, 1, 1, 1, 0]],
    ["if(y, x, -x)", [1, 2, -3, 4, -5]],
    ["min(x, y, 1)", [0.5, -1, 0, 1, -5]],
    ["max(x, y)", [1, 2, 3, 4, 10]],
    ["clip(x, 0, 3)", [1, 2, 3, 3, 0]],
    ["abs(x)", [1, 2, 3, 4, 5]],
    ["x", [1, 2, 3, 4, -5]],
    ["7", [7, 7, 7, 7, 7]],
    ["-x", [-1, -2, -3, -4, 5]],
    ["+x", [1, 2, 3, 4, -5]],
    ["x / y", [2, -2, Infinity, 2, -0.5]],
  ])("%s", (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it("folds constants and reports them", () => {
    const compiled = compileExpression(parseExpression("2 ** 10 + max(1, 3) - sqrt(16)"), new Map());
    expect(compiled.constant).toBe(1023);
    expect(printExpression(compiled.expression)).toBe("1023");
    expect(compileExpression(parseExpression("if(1 < 2, x, y)"), slots).expression).toMatchObject({ kind: "variable", name: "x" });
    expect(compileExpression(parseExpression("if(0 / 0, x, y)"), slots).constant).toBeNaN();
  });

  it("needs no register for left-leaning trees and one per right-nested level", () => {
    expect(compileExpression(parseExpression("2*x + 3*y - z"), slots).registers).toBe(0);
    expect(compileExpression(parseExpression("sqrt(x) * y / 2"), slots).registers).toBe(0);
    expect(compileExpression(parseExpression("sqrt(x) * sqrt(y)"), slots).registers).toBe(1);
    expect(compileExpression(parseExpression("sqrt(x) * (sqrt(y) * sqrt(z))"), slots).registers).toBe(2);
    expect(compileExpression(parseExpression("if(x > y, x, 0)"), slots).registers).toBe(2);
  });

  it("runs a kernel directly on slot columns with explicit scratch", () => {
    const compiled = compileExpression(parseExpression("sqrt(x) * sqrt(y) + z"), slots);
    const out = new Float64Array(2);
    compiled.kernel([Float64Array.from([4, 9]), Float64Array.from([1, 4]), Float64Array.from([0.5, 0.25])], out, 2, createScratch(compiled.registers, 2));
    expect([...out]).toEqual([2.5, 6.25]);
  });

  it("rejects missing and short columns", () => {
    expectIslError(() => compileColumns(parseExpression("x + w"), columns), "ISL_MISSING_VARIABLE", "The expression reads variable 'w', which has no column.");
    const evaluate = compileColumns(parseExpression("x + 1"), columns);
    expectIslError(() => evaluate(new Float64Array(9), 9), "ISL_INVALID_INPUT", "column 'x' must be a Float64Array of at least n = 9 elements (and n a non-negative integer).");
    expectIslError(() => evaluate(new Float64Array(2), 5), "ISL_INVALID_INPUT", "out must be a Float64Array of at least n = 5 elements (and n a non-negative integer).");
    expectIslError(() => evaluate(x, 5), "ISL_INVALID_INPUT", "out must not share memory with an input column (the expression is evaluated in steps).");
    const shared = new Float64Array(10);
    const halves = new Map([["x", shared.subarray(0, 5)]]);
    const out = shared.subarray(5);
    halves.get("x")!.set([1, 2, 3, 4, 5]);
    compileColumns(parseExpression("x * 10"), halves)(out, 5);
    expect([...out]).toEqual([10, 20, 30, 40, 50]);
  });
});
