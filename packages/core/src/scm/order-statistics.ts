/**
 * Several type-7 percentiles of a sample without sorting it. Each percentile needs the order
 * statistics x₍lo₎ and x₍lo+1₎.
 * - Small samples (n < {@link BUCKET_THRESHOLD}): Hoare's quickselect (median-of-three pivots, on a
 *   scratch copy that successive selections keep partially ordered) finds x₍lo₎, and x₍lo+1₎ is
 *   the minimum of the elements after it.
 * - Larger samples: a distribution pass puts every value in one of B = max(16, ⌊n/4⌋) equal-width
 *   buckets between the minimum and the maximum (⌊(x − min)·B/(max − min)⌋ is non-decreasing in x,
 *   so bucket order is value order); the counts locate the bucket of each needed rank, and only
 *   those buckets' values are gathered and sorted. Three linear passes instead of several
 *   selections; a sample with all its mass in one bucket still gets the right answer, by sorting
 *   that bucket.
 * The interpolation is numpy's (as numeric/percentileSorted), so results equal percentile() exactly.
 * Complexity: expected O(n) per percentile (small samples); O(n + gathered · log gathered) in all
 * (large ones); O(n) memory. References: C. A. R. Hoare, "Algorithm 65: Find", CACM 4(7) (1961)
 * 321–322; R. J. Hyndman, Y. Fan (1996), definition 7; bucket selection as in distribution sorting
 * (Knuth, TAOCP vol. 3, §5.2.5).
 */

/** Samples from which the bucket method is used. */
export const BUCKET_THRESHOLD = 64;

/**
 * Type-7 percentiles of `values` (finite, non-empty), for ranks in [0, 100].
 *
 * @param values - The sample (not modified).
 * @param ranks - Percentile ranks, e.g. [2.5, 10, 50, 90, 97.5].
 * @returns One value per rank, in the order given.
 */
export function percentilesBySelection(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n >= BUCKET_THRESHOLD) {
    const order = orderStatistics(values, ranks.flatMap((p) => neededRanks(p, n)));
    if (order !== undefined) return ranks.map((p) => interpolate(p, n, (k) => order.get(k)!));
  }
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
    out[r] = lerp(a, b, t);
  }
  return out;
}

/** numpy's two-sided lerp from a toward b at t ∈ (0, 1): from the nearer end, monotone in t. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The order statistics that percentile `p` of n values interpolates between (one or two ranks). */
function neededRanks(p: number, n: number): number[] {
  const h = (p / 100) * (n - 1);
  const lo = Math.floor(h);
  return h - lo === 0 || lo + 1 >= n ? [lo] : [lo, lo + 1];
}

/** Type-7 percentile `p` of n values from their order statistics (numpy's two-sided lerp). */
function interpolate(p: number, n: number, orderStatistic: (k: number) => number): number {
  const h = (p / 100) * (n - 1);
  const lo = Math.floor(h);
  const t = h - lo;
  const a = orderStatistic(lo);
  return t === 0 || lo + 1 >= n ? a : lerp(a, orderStatistic(lo + 1), t);
}

/**
 * The order statistics x₍k₎ (0-based) of `values` for each k in `wanted`, by bucket selection; or
 * undefined when the range max − min is too wide or too narrow for buckets (all values equal are
 * answered directly).
 */
function orderStatistics(values: Float64Array, wanted: readonly number[]): Map<number, number> | undefined {
  const n = values.length;
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) return new Map(wanted.map((k) => [k, min]));
  const buckets = Math.max(16, n >>> 2);
  const scale = buckets / (max - min);
  // NOTE: an infinite width gives scale 0 and a subnormal one an infinite scale: no usable buckets.
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return undefined;
  const last = buckets - 1;
  const counts = new Int32Array(buckets);
  for (let i = 0; i < n; i++) {
    const b = ((values[i]! - min) * scale) | 0;
    counts[b < last ? b : last]!++;
  }
  // NOTE: the bucket of each wanted rank, and each used bucket's offset in one gather array.
  const bucketOf = new Map<number, { bucket: number; rank: number }>();
  const offsets = new Int32Array(buckets).fill(-1);
  let gathered = 0;
  const sortedWanted = [...new Set(wanted)].sort((a, b) => a - b);
  let below = 0;
  let b = 0;
  for (const k of sortedWanted) {
    while (below + counts[b]! <= k) below += counts[b++]!;
    bucketOf.set(k, { bucket: b, rank: k - below });
    if (offsets[b] === -1) {
      offsets[b] = gathered;
      gathered += counts[b]!;
    }
  }
  const pool = new Float64Array(gathered);
  const cursor = offsets.slice();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const raw = ((v - min) * scale) | 0;
    const bucket = raw < last ? raw : last;
    const at = cursor[bucket]!;
    if (at >= 0) {
      pool[at] = v;
      cursor[bucket] = at + 1;
    }
  }
  const out = new Map<number, number>();
  const sortedBuckets = new Set<number>();
  for (const [k, { bucket, rank }] of bucketOf) {
    const segment = pool.subarray(offsets[bucket]!, offsets[bucket]! + counts[bucket]!);
    if (!sortedBuckets.has(bucket)) {
      segment.sort();
      sortedBuckets.add(bucket);
    }
    out.set(k, segment[rank]!);
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
