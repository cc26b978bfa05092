/**
 * Column kernels that fuse the xoshiro128** step with a sampler: 53-bit uniforms and ziggurat
 * normals written straight into a Float64Array. Each kernel loads the generator state into local
 * variables, runs the step inline (no calls, no allocation on the fast path), and stores the state
 * back, so a fill of n values draws exactly the words, in the same order, that n scalar calls
 * (`Rng.next`, `standardNormal`) would, and leaves the stream in the same state. The ziggurat's
 * rare slow path (~1.5% of attempts) stores the state, calls `wedgeOrTail` on the owning source,
 * and reloads it. Complexity: O(n) per fill, O(1) extra space.
 * References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4) (2021) (xoshiro128**); G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random
 * variables", J. Statistical Software 5(8) (2000).
 */
import type { RandomSource } from "./random-source.js";
import { wedgeOrTail, ZIGGURAT_TABLES } from "./ziggurat-normal.js";

const INV_TWO_POW_53 = 1 / 9007199254740992;
const KI = ZIGGURAT_TABLES.ki;
const WI = ZIGGURAT_TABLES.wi;

/**
 * Fills `out[i] = min + width·U` with 53-bit uniforms U = ((w₁ >>> 5)·2²⁶ + (w₂ >>> 6))/2⁵³.
 *
 * @param state - xoshiro128** state (s0 … s3), advanced in place by 2·out.length steps.
 * @param out - Column to fill.
 * @param min - Lower bound.
 * @param width - max − min (validated by the caller).
 */
export function fillUniformColumn(state: Int32Array, out: Float64Array, min: number, width: number): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let i = 0, n = out.length; i < n; i++) {
    let m = Math.imul(s1, 5);
    const first = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const second = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[i] = min + width * (((first >>> 5) * 67108864 + (second >>> 6)) * INV_TWO_POW_53);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/**
 * Fills `out[i] = mean + sd·Z` with standard normals Z by the 256-layer ziggurat, each attempt
 * taking two words (low, then high) exactly as `standardNormal` does.
 *
 * @param state - xoshiro128** state of `source`, advanced in place.
 * @param source - The stream that owns `state` (its draws read and advance the same array); used
 *   only on the slow path.
 * @param out - Column to fill.
 * @param mean - Location (validated by the caller).
 * @param sd - Scale ≥ 0.
 */
export function fillNormalColumn(state: Int32Array, source: RandomSource, out: Float64Array, mean: number, sd: number): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let i = 0, n = out.length; i < n; i++) {
    let m = Math.imul(s1, 5);
    const low = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const high = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const layer = low & 0xff;
    const u = high * 1048576 + (low >>> 12);
    if (u < KI[layer]!) {
      // Bit 8 is the sign: ±1 without a branch (its outcome is a coin flip, so a branch mispredicts
      // half the time). Multiplying by −1 negates exactly, as `−u·w` does in standardNormal.
      out[i] = mean + sd * ((1 - ((low >>> 7) & 2)) * (u * WI[layer]!));
      continue;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    out[i] = mean + sd * wedgeOrTail(source, layer, u, (low & 0x100) !== 0);
    s0 = state[0]!;
    s1 = state[1]!;
    s2 = state[2]!;
    s3 = state[3]!;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
