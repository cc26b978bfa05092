/**
 * Counting non-finite values (NaN, ±Infinity) in a column: a branch-free pass proves the usual
 * all-finite case, and only a column with some non-finite value is counted exactly.
 * Complexity: O(n), no allocation. Reference: IEEE 754-2019 (x − x is NaN exactly for non-finite x).
 */

/**
 * Number of NaN or ±Infinity values among the first n values of a column.
 *
 * @param column - The values.
 * @param n - How many to check (default: all).
 */
export function countNonFinite(column: Float64Array, n: number = column.length): number {
  // NOTE: first a branch-free pass: x − x is +0 for finite x and NaN otherwise, so the four sums
  // are all 0 exactly when every value is finite (four sums hide the addition latency).
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    a += column[j]! - column[j]!;
    b += column[j + 1]! - column[j + 1]!;
    c += column[j + 2]! - column[j + 2]!;
    d += column[j + 3]! - column[j + 3]!;
  }
  for (; j < n; j++) a += column[j]! - column[j]!;
  if (a + b + c + d === 0) return 0;
  let count = 0;
  // NOTE: x − x is 0 exactly for finite x and NaN for NaN and ±Infinity.
  for (let i = 0; i < n; i++) if (column[i]! - column[i]! !== 0) count++;
  return count;
}
