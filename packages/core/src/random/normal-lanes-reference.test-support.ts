/**
 * Independent scalar reference of the four-lane normal layout (normal-lanes.ts) for tests: every
 * generator's words come from the BigInt xoshiro128** reference, and each value is computed on its
 * own, in order, straight from the definition (lane i mod 4, its (i div 4)-th attempt; the slow
 * path on the slow stream). Shares with the code under test only the ziggurat tables and
 * `wedgeOrTail`, which ziggurat-normal.test.ts checks separately. O(n) BigInt steps.
 */
import type { RandomSource } from "./random-source.js";
import { referenceXoshiro128Words } from "./xoshiro128-reference.test-support.js";
import { wedgeOrTail, ZIGGURAT_TABLES } from "./ziggurat-normal.js";

/** A RandomSource over a precomputed list of words (throws when it runs out). */
class WordListSource implements RandomSource {
  private position = 0;
  constructor(private readonly words: readonly number[]) {}
  nextUint32(): number {
    if (this.position >= this.words.length) throw new Error("reference slow stream exhausted");
    return this.words[this.position++]!;
  }
  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }
}

/**
 * The values a fill of n normals produces from a stream in state `parent`, and the parent's next
 * words afterwards.
 *
 * @param parent - The stream's state s0 … s3 (unsigned words) before the fill.
 * @param n - Number of values.
 * @param mean - Location.
 * @param sd - Scale.
 * @returns The values, and the parent's next 4 words after the fill.
 */
export function referenceNormalLanes(parent: readonly number[], n: number, mean: number, sd: number): { values: Float64Array; after: number[] } {
  const values = new Float64Array(n);
  if (n === 0) return { values, after: referenceXoshiro128Words(parent, 4) };
  const parentWords = referenceXoshiro128Words(parent, 24);
  const seeds = [0, 1, 2, 3, 4].map((g) => {
    const words = parentWords.slice(4 * g, 4 * g + 4);
    return words.every((w) => w === 0) ? [0x9e3779b9, 0, 0, 0] : words;
  });
  const perLane = 2 * Math.ceil(n / 4);
  const laneWords = [0, 1, 2, 3].map((k) => referenceXoshiro128Words(seeds[k]!, perLane));
  const slow = new WordListSource(referenceXoshiro128Words(seeds[4]!, 256 + Math.ceil(n / 2)));
  for (let i = 0; i < n; i++) {
    const words = laneWords[i % 4]!;
    const low = words[2 * Math.floor(i / 4)]!;
    const high = words[2 * Math.floor(i / 4) + 1]!;
    const layer = low & 0xff;
    const negative = (low & 0x100) !== 0;
    const u = high * 2 ** 20 + Math.floor(low / 4096);
    const z = u < ZIGGURAT_TABLES.ki[layer]! ? (negative ? -u : u) * ZIGGURAT_TABLES.wi[layer]! : wedgeOrTail(slow, layer, u, negative);
    values[i] = mean + sd * z;
  }
  return { values, after: parentWords.slice(20, 24) };
}
