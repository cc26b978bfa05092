/**
 * In-place uniform random permutation by the Fisher–Yates (Durstenfeld) shuffle: for i = n−1 … 1,
 * swap item i with a uniform j in [0, i]. Complexity: O(n) time, O(1) extra space.
 * Reference: R. Durstenfeld, "Algorithm 235: Random permutation", CACM 7(7) (1964) 420;
 * D. E. Knuth, TAOCP Vol. 2, §3.4.2, Algorithm P.
 */
import { boundedInt } from "./bounded-int.js";
import type { RandomSource } from "./random-source.js";

/** Any indexable, writable sequence: arrays and typed arrays. */
export interface MutableSequence<T> {
  length: number;
  [index: number]: T;
}

/**
 * Shuffles `items` in place; every permutation is equally likely.
 *
 * @param source - Uniform bit source.
 * @param items - Array or typed array to permute.
 * @returns The same `items`, permuted.
 */
export function fisherYatesShuffle<S extends MutableSequence<unknown>>(source: RandomSource, items: S): S {
  for (let i = items.length - 1; i > 0; i--) {
    const j = boundedInt(source, i + 1);
    const held = items[i] as S[number];
    items[i] = items[j] as S[number];
    items[j] = held;
  }
  return items;
}
