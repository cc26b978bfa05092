/**
 * Blocked evaluation of compiled kernels over whole columns: samples are processed in blocks of
 * {@link BLOCK_SIZE}, so scratch registers stay small (and in cache) however many samples there
 * are, and a kernel only ever sees arrays of one block. Also the convenience
 * {@link compileColumns}, which binds an expression to named columns.
 * Complexity: O(n · nodes) time; O(registers · BLOCK_SIZE) scratch; per block O(columns) views
 * (no per-sample allocation). Reference: blocked evaluation as in numexpr (F. Alted et al.).
 */
import { IslError } from "../errors.js";
import type { ExpressionNode } from "./ast.js";
import { compileExpression, createScratch, type ColumnKernel, type Scratch } from "./compile.js";

/** Samples per block: 4096 doubles = 32 KiB per column, one L1 cache's worth. */
export const BLOCK_SIZE = 4096;

/**
 * Runs `step(columns, start, count)` over blocks of at most `blockSize` samples, giving it views of
 * `columns` restricted to the block (the arrays themselves when there is only one block).
 *
 * @param columns - Full-length columns.
 * @param n - Number of samples.
 * @param step - Called once per block with the block's views, its first sample and its length.
 * @param blockSize - Samples per block.
 */
export function forEachBlock(
  columns: readonly Float64Array[],
  n: number,
  step: (views: readonly Float64Array[], start: number, count: number) => void,
  blockSize: number = BLOCK_SIZE,
): void {
  if (n <= blockSize) {
    step(columns, 0, n);
    return;
  }
  const views: Float64Array[] = new Array<Float64Array>(columns.length);
  for (let start = 0; start < n; start += blockSize) {
    const end = Math.min(n, start + blockSize);
    for (let c = 0; c < columns.length; c++) views[c] = columns[c]!.subarray(start, end);
    step(views, start, end - start);
  }
}

/**
 * Compiles an expression once against named columns and returns a function that fills `out` for
 * samples 0..n−1 (in blocks; scratch is allocated on first use and reused).
 *
 * @param node - The parsed expression.
 * @param columns - A column for every variable the expression reads (a `Map`: any name is safe).
 * @returns `(out, n) => void`; `out` must not be one of the input columns.
 * @throws IslError ISL_MISSING_VARIABLE when a variable has no column; the returned function throws
 *   ISL_INVALID_INPUT when a column or `out` is shorter than n, or `out` shares memory with a column.
 * @example compileColumns(parseExpression("2*x + 1"), new Map([["x", xs]]))(out, xs.length)
 */
export function compileColumns(node: ExpressionNode, columns: ReadonlyMap<string, Float64Array>): (out: Float64Array, n: number) => void {
  const names = [...columns.keys()];
  const slotOf = new Map(names.map((name, i) => [name, i]));
  const compiled = compileExpression(node, slotOf);
  const inputs = names.map((name) => columns.get(name)!);
  let scratch: Scratch | undefined;
  return (out, n) => {
    checkLength("out", out, n);
    inputs.forEach((column, i) => checkLength(`column '${names[i]!}'`, column, n));
    if (inputs.some((column) => overlaps(column, out, n))) {
      throw new IslError("ISL_INVALID_INPUT", "out must not share memory with an input column (the expression is evaluated in steps).", {
        details: { column: "out" },
        recovery: { hints: ["Write into a separate Float64Array and copy it over afterwards."], suggestion: "Use a separate output column." },
      });
    }
    const blockLength = Math.min(n, BLOCK_SIZE);
    if (scratch === undefined || scratch.ones.length < blockLength) scratch = createScratch(compiled.registers, blockLength);
    runKernel(compiled.kernel, inputs, out, n, scratch);
  };
}

/**
 * Evaluates one kernel over n samples in blocks.
 *
 * @param kernel - The compiled kernel.
 * @param inputs - Columns by slot, each of length ≥ n.
 * @param out - Output column of length ≥ n.
 * @param n - Number of samples.
 * @param scratch - Scratch with the kernel's registers, each of length ≥ min(n, BLOCK_SIZE).
 */
export function runKernel(kernel: ColumnKernel, inputs: readonly Float64Array[], out: Float64Array, n: number, scratch: Scratch): void {
  const all = [...inputs, out];
  const outSlot = inputs.length;
  forEachBlock(all, n, (views, _start, count) => kernel(views, views[outSlot]!, count, scratch));
}

/** True when the first n elements of two arrays share memory. */
function overlaps(a: Float64Array, b: Float64Array, n: number): boolean {
  if (a.buffer !== b.buffer || n === 0) return false;
  const bytes = n * Float64Array.BYTES_PER_ELEMENT;
  return a.byteOffset < b.byteOffset + bytes && b.byteOffset < a.byteOffset + bytes;
}

/** Requires a Float64Array of length ≥ n. */
function checkLength(what: string, column: unknown, n: number): void {
  if (!(column instanceof Float64Array) || column.length < n || !Number.isInteger(n) || n < 0) {
    throw new IslError("ISL_INVALID_INPUT", `${what} must be a Float64Array of at least n = ${n} elements (and n a non-negative integer).`, {
      details: { column: what, n, length: column instanceof Float64Array ? column.length : null },
      recovery: { hints: ["Allocate every column with new Float64Array(n)."], suggestion: "Pass columns of the sample count's length." },
    });
  }
}
