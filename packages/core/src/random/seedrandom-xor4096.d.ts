/**
 * Type declaration for seedrandom's xor4096 generator module, imported directly (not through the
 * package index) so that bundles carry neither ARC4 nor its Node `crypto` autoseeding.
 * Reference: R. P. Brent, "Some long-period random number generators using shifts and xors" (2007).
 */
declare module "seedrandom/lib/xor4096.js" {
  import type { PRNG } from "seedrandom";

  /** Creates an xor4096 generator seeded from a string (or a 32-bit integer). */
  const xor4096: (seed: string | number) => PRNG;
  export default xor4096;
}
