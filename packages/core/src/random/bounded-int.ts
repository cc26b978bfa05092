/**
 * Uniform integer in [0, n) without modulo bias, by rejection: draw w uniform on [0, 2ᵇ) and
 * accept when w < 2ᵇ − (2ᵇ mod n), then return w mod n (b = 32 for n ≤ 2³², else b = 53).
 * Complexity: O(1) expected; fewer than 2 draws on average for any n.
 * Reference: D. E. Knuth, TAOCP Vol. 2, 3rd ed. (1997), §3.4.1; D. Lemire, "Fast random integer
 * generation in an interval", ACM TOMACS 29(1) (2019) (bias analysis).
 */
import type { RandomSource } from "./random-source.js";

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * Uniform integer in [0, n).
 *
 * @param source - Uniform bit source.
 * @param n - Integer bound with 1 ≤ n ≤ 2⁵³ (validated by the caller).
 * @returns An integer in [0, n), each value with probability exactly 1/n.
 */
export function boundedInt(source: RandomSource, n: number): number {
  if (n <= TWO_POW_32) {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const w = source.nextUint32();
      if (w < limit) return w % n;
    }
  }
  const limit = TWO_POW_53 - (TWO_POW_53 % n);
  for (;;) {
    const w = source.next() * TWO_POW_53;
    if (w < limit) return w % n;
  }
}
