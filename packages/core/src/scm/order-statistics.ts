/**
 * Several type-7 percentiles of a sample without sorting it: for each rank, Hoare's quickselect
 * (median-of-three pivots, on a scratch copy that successive selections keep partially ordered)
 * finds the order statistic x₍lo₎, and x₍lo+1₎ is the minimum of the elements after it; the
 * interpolation is numpy's (as numeric/percentileSorted), so results equal percentile() exactly.
 * Complexity: expected O(n) per percentile, O(n) memory for the copy. Reference: C. A. R. Hoare,
 * "Algorithm 65: Find", CACM 4(7) (1961) 321–322; R. J. Hyndman, Y. Fan (1996), definition 7.
 */

/**
 * Type-7 percentiles of `values` (finite, non-empty), for ranks in [0, 100].
 *
 * @param values - The sample (not modified).
 * @param ranks - Percentile ranks, e.g. [2.5, 10, 50, 90, 97.5].
 * @returns One value per rank, in the order given.
 */
export function percentilesBySelection(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  const x = Float64Array.from(values);
  const out = new Array<number>(ranks.length);
  // NOTE: ranks in increasing order; each selection only searches right of the previous one,
  // since everything there is already ≥ the previous order statistic.
  const order = ranks.map((_, i) => i).sort((i, j) => ranks[i]! - ranks[j]!);
  let left = 0;
  for (const r of order) {
    const h = (ranks[r]! / 100) * (n - 1);
    const lo = Math.floor(h);
    const t = h - lo;
    const a = select(x, lo, Math.min(left, lo));
    left = lo;
    if (t === 0 || lo + 1 >= n) {
      out[r] = a;
      continue;
    }
    let b = Infinity;
    for (let i = lo + 1; i < n; i++) if (x[i]! < b) b = x[i]!;
    const diff = b - a;
    out[r] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
  return out;
}

/** Rearranges x[from…] so that x[k] is the k-th smallest of x (x[0…from) must hold the `from` smallest); returns x[k]. */
function select(x: Float64Array, k: number, from: number): number {
  let left = from;
  let right = x.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // NOTE: median of three as pivot, moved to x[left]; guards against sorted inputs.
    if (x[mid]! < x[left]!) swap(x, mid, left);
    if (x[right]! < x[left]!) swap(x, right, left);
    if (x[right]! < x[mid]!) swap(x, right, mid);
    swap(x, left, mid);
    const pivot = x[left]!;
    let i = left;
    let j = right + 1;
    for (;;) {
      do i++;
      while (i <= right && x[i]! < pivot);
      do j--;
      while (x[j]! > pivot);
      if (i >= j) break;
      swap(x, i, j);
    }
    swap(x, left, j);
    if (j === k) return x[k]!;
    if (j > k) right = j - 1;
    else left = j + 1;
  }
  return x[k]!;
}

function swap(x: Float64Array, i: number, j: number): void {
  const t = x[i]!;
  x[i] = x[j]!;
  x[j] = t;
}
