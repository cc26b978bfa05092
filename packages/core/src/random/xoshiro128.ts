/**
 * xoshiro128** state: four 32-bit words, seeded from a stream key (SHA-256 of the seed path), and
 * its reference step. The generator's hot loops live inline in `Rng` and the column kernels, which
 * load the state into locals, run the step below, and store it back; this file holds the seeding
 * rule and the one-step function those loops must agree with (tests compare them).
 * Step (Blackman–Vigna): result = rotl(s1·5, 7)·9 mod 2³²; t = s1 << 9; s2 ^= s0; s3 ^= s1;
 * s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11). Period 2¹²⁸ − 1; every state but zero is valid.
 * Complexity: O(1) per word; seeding O(1) after the hash.
 * Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM Transactions on Mathematical Software 47(4) (2021), article 36.
 */

/** Number of 32-bit state words. */
export const XOSHIRO128_STATE_WORDS = 4;

/**
 * Fallback first word for the (probability 2⁻²⁵⁶) case where both halves of the key are zero: the
 * all-zero state is the one fixed point of the linear engine and must be avoided.
 */
const NONZERO_FALLBACK = 0x9e3779b9 | 0;

/**
 * Generator state for a stream key: the first 32 hex digits of the key as four big-endian 32-bit
 * words (s0 … s3). If those 128 bits are all zero (probability 2⁻¹²⁸ for a SHA-256 key) the next 32
 * hex digits are used, and if they are zero too, s0 is set to 0x9e3779b9.
 *
 * @param key - At least 64 hex digits (a stream key from `streamKey`).
 * @returns A fresh Int32Array(4) holding s0 … s3 as signed 32-bit integers.
 */
export function xoshiro128StateFromKey(key: string): Int32Array {
  const state = new Int32Array(XOSHIRO128_STATE_WORDS);
  for (const offset of [0, 32]) {
    for (let i = 0; i < XOSHIRO128_STATE_WORDS; i++) state[i] = Number.parseInt(key.slice(offset + 8 * i, offset + 8 * i + 8), 16) | 0;
    if ((state[0]! | state[1]! | state[2]! | state[3]!) !== 0) return state;
  }
  state[0] = NONZERO_FALLBACK;
  return state;
}

/**
 * Generator state from a stream key given as the digest's eight 32-bit words (see
 * `sha256Words`): the same rule as {@link xoshiro128StateFromKey} on the key's hex text, without
 * the text.
 *
 * @param digest - Eight signed 32-bit words, big-endian digest order.
 * @returns A fresh Int32Array(4) holding s0 … s3.
 */
export function xoshiro128StateFromDigest(digest: Int32Array): Int32Array {
  const state = new Int32Array(XOSHIRO128_STATE_WORDS);
  for (const offset of [0, 4]) {
    for (let i = 0; i < XOSHIRO128_STATE_WORDS; i++) state[i] = digest[offset + i]!;
    if ((state[0]! | state[1]! | state[2]! | state[3]!) !== 0) return state;
  }
  state[0] = NONZERO_FALLBACK;
  return state;
}

/**
 * One xoshiro128** step on `state` (updated in place).
 *
 * @param state - Four signed 32-bit words s0 … s3, not all zero.
 * @returns The output word as an unsigned integer in [0, 2³²).
 */
export function xoshiro128Next(state: Int32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  state[0] = s0 ^ s3;
  state[1] = s1 ^ s2;
  state[2] = s2 ^ (s1 << 9);
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}
