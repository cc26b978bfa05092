/**
 * The bit source every sampler draws from: 32-bit words and 53-bit uniforms. `Rng` implements it;
 * samplers depend only on this interface. Complexity: O(1) per draw.
 * Reference: M. Matsumoto, T. Nishimura, "Mersenne Twister" (1998), `genrand_res53` for the
 * 53-bit construction from two 32-bit words.
 */

/** A stream of independent uniform random bits. */
export interface RandomSource {
  /** Next uniform integer in [0, 2³²). */
  nextUint32(): number;
  /** Next uniform double in [0, 1) with 53 random bits (a multiple of 2⁻⁵³). */
  next(): number;
}
