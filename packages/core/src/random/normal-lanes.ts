/**
 * Four-lane normal columns: the layout every `fillNormal` / `fillLognormal` uses since issue 4's
 * WebAssembly kernel. A fill of n ≥ 1 values first takes 20 words from the stream's xoshiro128**
 * generator to seed five generators: lanes 0–3 (lane k's state s0…s3 = words 4k … 4k + 3) and the
 * slow stream (words 16 … 19); an all-zero state (probability 2⁻¹²⁸) gets s0 = 0x9e3779b9. Then,
 * for i = 0, 1, … n − 1: lane i mod 4 supplies two words (low, then high) for one 256-layer
 * ziggurat attempt, exactly as `standardNormal` reads them; if the attempt lies in its layer's inner
 * rectangle (~98.5%) out[i] = mean + sd·(±u·w); otherwise out[i] = mean + sd·wedgeOrTail(slow
 * stream, attempt), so rejected values take further draws from the slow stream in increasing order
 * of i. The five generators are discarded after the fill; the stream has advanced by exactly 20
 * words (none for n = 0). Keeping the slow path off the lanes lets the SIMD kernel run the lanes
 * without stopping and finish rejected values afterwards, in order.
 * Implementations of this one definition: the WebAssembly SIMD kernel (normal-lanes-wasm.ts) and
 * the JavaScript loop here (used where WebAssembly SIMD is unavailable); tests check both against
 * an independent scalar reference, bit for bit. Complexity: O(n) time, O(1) extra space.
 * References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4) (2021); G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables",
 * J. Statistical Software 5(8) (2000); docs/determinism.md §6.
 */
import { wasmNormalLanesKernel } from "./normal-lanes-wasm.js";
import type { RandomSource } from "./random-source.js";
import { xoshiro128Next } from "./xoshiro128.js";
import { wedgeOrTail, ZIGGURAT_TABLES } from "./ziggurat-normal.js";

/** Number of interleaved lane generators. */
export const NORMAL_LANES = 4;

/** First word given to a generator whose 128 seed bits are all zero (the engine's one fixed point). */
const NONZERO_FALLBACK = 0x9e3779b9 | 0;
const KI = ZIGGURAT_TABLES.ki;
const WI = ZIGGURAT_TABLES.wi;

/** The five generators of one fill. */
export interface NormalLaneStates {
  /** Lane states interleaved as the kernel keeps them: word j of lane k at index 4j + k. */
  readonly lanes: Int32Array;
  /** The slow stream's state s0 … s3. */
  readonly slow: Int32Array;
}

/**
 * Seeds the four lanes and the slow stream from `state` (advanced by 20 xoshiro128** steps).
 *
 * @param state - The parent stream's xoshiro128** state, updated in place.
 */
export function seedNormalLanes(state: Int32Array): NormalLaneStates {
  const lanes = new Int32Array(4 * NORMAL_LANES);
  for (let k = 0; k < NORMAL_LANES; k++) {
    for (let j = 0; j < 4; j++) lanes[4 * j + k] = xoshiro128Next(state) | 0;
    if ((lanes[k]! | lanes[4 + k]! | lanes[8 + k]! | lanes[12 + k]!) === 0) lanes[k] = NONZERO_FALLBACK;
  }
  const slow = new Int32Array(4);
  for (let j = 0; j < 4; j++) slow[j] = xoshiro128Next(state) | 0;
  if ((slow[0]! | slow[1]! | slow[2]! | slow[3]!) === 0) slow[0] = NONZERO_FALLBACK;
  return { lanes, slow };
}

/** A uniform bit source over one xoshiro128** state array (advanced in place). */
export class Xoshiro128Source implements RandomSource {
  /**
   * @param state - Four signed 32-bit words s0 … s3, not all zero; shared, not copied.
   */
  constructor(readonly state: Int32Array) {}

  /** Next uniform integer in [0, 2³²). */
  nextUint32(): number {
    return xoshiro128Next(this.state);
  }

  /** Next uniform double in [0, 1) with 53 random bits, as `Rng.next`. */
  next(): number {
    const high = xoshiro128Next(this.state) >>> 5;
    const low = xoshiro128Next(this.state) >>> 6;
    return (high * 67108864 + low) * (1 / 9007199254740992);
  }
}

/**
 * The JavaScript implementation: one loop over i, lane states in the interleaved array, the
 * xoshiro128** step and the ziggurat's fast path inline.
 *
 * @param states - From {@link seedNormalLanes}, advanced in place (a later call continues the
 *   sequence when out.length was a multiple of 4).
 * @param out - Column to fill.
 * @param mean - Location.
 * @param sd - Scale ≥ 0.
 */
export function fillNormalLanesJs(states: NormalLaneStates, out: Float64Array, mean: number, sd: number): void {
  const lanes = states.lanes;
  const slow = new Xoshiro128Source(states.slow);
  const words = [0, 0];
  for (let i = 0, n = out.length; i < n; i++) {
    const k = i & 3;
    let s0 = lanes[k]!;
    let s1 = lanes[4 + k]!;
    let s2 = lanes[8 + k]!;
    let s3 = lanes[12 + k]!;
    for (let w = 0; w < 2; w++) {
      const m = Math.imul(s1, 5);
      words[w] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    lanes[k] = s0;
    lanes[4 + k] = s1;
    lanes[8 + k] = s2;
    lanes[12 + k] = s3;
    const low = words[0]!;
    const layer = low & 0xff;
    const u = (words[1]! >>> 0) * 1048576 + (low >>> 12);
    // Bit 8 is the sign; multiplying by −1 negates exactly, as `−u·w` does in standardNormal.
    if (u < KI[layer]!) out[i] = mean + sd * ((1 - ((low >>> 7) & 2)) * (u * WI[layer]!));
    else out[i] = mean + sd * wedgeOrTail(slow, layer, u, (low & 0x100) !== 0);
  }
}

/**
 * Fills `out` with N(mean, sd²) draws in the four-lane layout (file header), by the WebAssembly
 * SIMD kernel when the engine has it, else by {@link fillNormalLanesJs}; both give the same bits.
 *
 * @param state - The stream's xoshiro128** state, advanced by 20 steps (none when `out` is empty).
 * @param out - Column to fill.
 * @param mean - Location (validated by the caller).
 * @param sd - Scale ≥ 0 (validated by the caller).
 */
export function fillNormalLanes(state: Int32Array, out: Float64Array, mean: number, sd: number): void {
  if (out.length === 0) return;
  fillFromNormalLanes(seedNormalLanes(state), out, mean, sd);
}

/**
 * Fills `out` from the five generators of a fill (continuing them), by the WebAssembly SIMD kernel
 * when the engine has it, else by {@link fillNormalLanesJs}; both give the same bits.
 *
 * @param states - From {@link seedNormalLanes} (or `Rng.normalLanes`), advanced in place.
 * @param out - Column to fill.
 * @param mean - Location (validated by the caller).
 * @param sd - Scale ≥ 0 (validated by the caller).
 */
export function fillFromNormalLanes(states: NormalLaneStates, out: Float64Array, mean: number, sd: number): void {
  const kernel = wasmNormalLanesKernel();
  if (kernel !== null) kernel.fill(states.lanes, states.slow, out, mean, sd);
  else fillNormalLanesJs(states, out, mean, sd);
}
