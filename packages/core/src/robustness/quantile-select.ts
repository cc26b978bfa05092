/**
 * Type-7 sample quantile (Hyndman & Fan 1996, the default of numpy and R) by selection instead of
 * sorting: Hoare's quickselect (median-of-three pivot) places the order statistic ⌊h⌋ and the
 * minimum of the part above it is order statistic ⌊h⌋ + 1; the quantile interpolates between them.
 * Complexity: O(n) expected time, in place on a scratch copy. Reference: C. A. R. Hoare, "Algorithm
 * 65: Find", CACM 4(7), 1961; R. J. Hyndman & Y. Fan, "Sample quantiles in statistical packages",
 * The American Statistician 50(4), 1996.
 */

/**
 * The type-7 quantile of the first n values of `values` (finite numbers), using `scratch` (length
 * ≥ n), which is overwritten; `values` is left unchanged.
 *
 * @param values - The sample.
 * @param n - Its size (≥ 1).
 * @param rank - Percentile rank in [0, 100] (as percentileSorted).
 * @param scratch - Work array of length ≥ n.
 * @returns The same number as percentileSorted(sorted sample, rank).
 */
export function quantileBySelection(values: Float64Array, n: number, rank: number, scratch: Float64Array): number {
  for (let i = 0; i < n; i++) scratch[i] = values[i]!;
  const h = (rank / 100) * (n - 1);
  const k = Math.floor(h);
  const low = select(scratch, n, k);
  if (k + 1 >= n || h === k) return low;
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (scratch[i]! < next) next = scratch[i]!;
  const t = h - k;
  // NOTE: numpy's _lerp from the nearer end, exactly as percentileSorted.
  return t >= 0.5 ? next - (next - low) * (1 - t) : low + (next - low) * t;
}

/** Rearranges a[0..n) so a[k] is the k-th smallest, everything before ≤ it and after ≥ it; returns a[k]. */
function select(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // NOTE: median of three as the pivot value, which guards against sorted input.
    const x = a[left]!;
    const y = a[mid]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}
