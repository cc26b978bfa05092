/**
 * Column kernel that fuses the xoshiro128** step with the 53-bit uniform sampler, written straight
 * into a Float64Array: the generator state is loaded into local variables, the step runs inline
 * (no calls, no allocation), and the state is stored back, so a fill of n values draws exactly the
 * words, in the same order, that n scalar `Rng.next` calls would, and leaves the stream in the same
 * state. (Normal columns have their own four-lane kernels: normal-lanes.ts.)
 * Complexity: O(n) per fill, O(1) extra space.
 * Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4) (2021) (xoshiro128**).
 */

const INV_TWO_POW_53 = 1 / 9007199254740992;

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
