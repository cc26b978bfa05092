/**
 * The inner loops of compiled column evaluation: one small monomorphic function per operator and
 * operand shape (array ∘ array, array ∘ constant, constant ∘ array), so every loop is a tight
 * typed-array loop the JIT compiles once and shares across all equations. Outputs may alias
 * inputs (each element is read before it is written). Each loop applies exactly the scalar
 * semantics of semantics.ts, so compiled results equal the reference interpreter bit for bit.
 * Complexity: O(n) per call, no allocation. Reference: none (loop kernels).
 */
import type { BinaryOperator } from "./ast.js";
import { floorDivide, logistic, power, pythonModulo, type UnaryFunctionName } from "./semantics.js";

/** `out[i] = a[i] ∘ b[i]` for i < n. */
export type ArrayArrayLoop = (out: Float64Array, a: Float64Array, b: Float64Array, n: number) => void;
/** `out[i] = a[i] ∘ c` for i < n. */
export type ArrayConstantLoop = (out: Float64Array, a: Float64Array, c: number, n: number) => void;
/** `out[i] = c ∘ b[i]` for i < n. */
export type ConstantArrayLoop = (out: Float64Array, c: number, b: Float64Array, n: number) => void;
/** `out[i] = f(a[i])` for i < n. */
export type UnaryLoop = (out: Float64Array, a: Float64Array, n: number) => void;

/** The three loops of one binary operator. */
export interface BinaryLoops {
  readonly arrayArray: ArrayArrayLoop;
  readonly arrayConstant: ArrayConstantLoop;
  readonly constantArray: ConstantArrayLoop;
}

/** Binary operators of the column compiler: the language's operators plus `min` and `max`. */
export type ColumnOperator = BinaryOperator | "min" | "max";

/** The loops of every binary column operator. */
export const BINARY_LOOPS: ReadonlyMap<ColumnOperator, BinaryLoops> = new Map<ColumnOperator, BinaryLoops>([
  ["+", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! + b[i]!; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! + c; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c + b[i]!; },
  }],
  ["-", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! - b[i]!; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! - c; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c - b[i]!; },
  }],
  ["*", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! * b[i]!; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! * c; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c * b[i]!; },
  }],
  ["/", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! / b[i]!; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! / c; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c / b[i]!; },
  }],
  ["//", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = floorDivide(a[i]!, b[i]!); },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = floorDivide(a[i]!, c); },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = floorDivide(c, b[i]!); },
  }],
  ["%", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = pythonModulo(a[i]!, b[i]!); },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = pythonModulo(a[i]!, c); },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = pythonModulo(c, b[i]!); },
  }],
  ["**", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = power(a[i]!, b[i]!); },
    arrayConstant: (o, a, c, n) => {
      if (c === 2) for (let i = 0; i < n; i++) o[i] = a[i]! * a[i]!;
      else for (let i = 0; i < n; i++) o[i] = power(a[i]!, c);
    },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = power(c, b[i]!); },
  }],
  ["<", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! < b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! < c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c < b[i]! ? 1 : 0; },
  }],
  ["<=", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! <= b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! <= c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c <= b[i]! ? 1 : 0; },
  }],
  [">", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! > b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! > c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c > b[i]! ? 1 : 0; },
  }],
  [">=", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! >= b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! >= c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c >= b[i]! ? 1 : 0; },
  }],
  ["==", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! === b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! === c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c === b[i]! ? 1 : 0; },
  }],
  ["!=", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! !== b[i]! ? 1 : 0; },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! !== c ? 1 : 0; },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = c !== b[i]! ? 1 : 0; },
  }],
  ["min", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = Math.min(a[i]!, b[i]!); },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = Math.min(a[i]!, c); },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = Math.min(c, b[i]!); },
  }],
  ["max", {
    arrayArray: (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = Math.max(a[i]!, b[i]!); },
    arrayConstant: (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = Math.max(a[i]!, c); },
    constantArray: (o, c, b, n) => { for (let i = 0; i < n; i++) o[i] = Math.max(c, b[i]!); },
  }],
]);

/** Loops of the one-argument functions, plus negation (`neg`) and copy (`copy`). */
export const UNARY_LOOPS: ReadonlyMap<UnaryFunctionName | "neg" | "copy", UnaryLoop> = new Map<UnaryFunctionName | "neg" | "copy", UnaryLoop>([
  ["neg", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = -a[i]!; }],
  ["copy", (o, a, n) => { if (o !== a) o.set(a.subarray(0, n)); }],
  ["sqrt", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]!); }],
  ["exp", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]!); }],
  ["log", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.log(a[i]!); }],
  ["abs", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.abs(a[i]!); }],
  ["sin", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.sin(a[i]!); }],
  ["cos", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.cos(a[i]!); }],
  ["tan", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.tan(a[i]!); }],
  ["logistic", (o, a, n) => { for (let i = 0; i < n; i++) o[i] = logistic(a[i]!); }],
]);

/**
 * `out[i] = if(c[i], a[i], b[i])`: NaN for a NaN condition, `a` for non-zero, `b` for zero.
 *
 * @param out - Output (may alias `c`).
 * @param c - Conditions.
 * @param a - Values when true.
 * @param b - Values when false.
 * @param n - Number of elements.
 */
export function conditionalLoop(out: Float64Array, c: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const condition = c[i]!;
    out[i] = condition !== condition ? Number.NaN : condition !== 0 ? a[i]! : b[i]!;
  }
}

/**
 * Fills the first n elements with a constant.
 *
 * @param out - Output.
 * @param value - The constant.
 * @param n - Number of elements.
 */
export function fillLoop(out: Float64Array, value: number, n: number): void {
  out.fill(value, 0, n);
}
