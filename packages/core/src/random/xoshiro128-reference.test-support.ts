/**
 * Independent reference of xoshiro128** for tests: state and arithmetic in BigInt, written from
 * the algorithm's definition (Blackman & Vigna, ACM TOMS 47(4) 2021, xoshiro128starstar.c), sharing
 * no code with the Int32Array implementation it checks. O(1) per word. Used only by `*.test.ts`.
 */

const MASK32 = 0xffffffffn;

/** Rotates a 32-bit BigInt left by k bits. */
function rotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (32n - k))) & MASK32;
}

/**
 * First `count` output words of xoshiro128** from the state (s0, s1, s2, s3).
 *
 * @param seedWords - Four words as unsigned 32-bit integers.
 * @param count - Number of outputs.
 * @returns The outputs as unsigned integers in [0, 2³²).
 */
export function referenceXoshiro128Words(seedWords: readonly number[], count: number): number[] {
  const s = seedWords.map((w) => BigInt(w >>> 0));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1]! * 5n) & MASK32, 7n) * 9n) & MASK32));
    const t = (s[1]! << 9n) & MASK32;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

/**
 * Initial state for a 64-hex-digit key, read independently of `xoshiro128StateFromKey`: the first
 * 16 bytes as four big-endian words.
 *
 * @param key - Hex key.
 * @returns Four unsigned words.
 */
export function referenceStateFromKey(key: string): number[] {
  return [0, 1, 2, 3].map((i) => Number(BigInt(`0x${key.slice(8 * i, 8 * i + 8)}`)));
}
