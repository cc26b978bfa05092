/**
 * Exponential function computed only with IEEE-754 basic operations, so the result is bit-for-bit
 * the same in every JavaScript engine (`Math.exp` is not: Node 20's V8 and Chromium 156 disagree in
 * the last bit for about 10% of arguments). Used to build the ziggurat tables, whose values every
 * normal draw is scaled by. Method (FDLIBM's e_exp): x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in
 * hi + lo parts), c = r − r²·P(r²) with P a degree-5 minimax polynomial, exp(r) = 1 − ((lo −
 * r·c/(2 − c)) − hi), exp(x) = 2ᵏ·exp(r). Error < 1 ulp. Complexity: O(1).
 * Reference: Sun Microsystems FDLIBM 5.3, e_exp.c (P. T. P. Tang, "Table-driven implementation of
 * the exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2) 1989, for the analysis).
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
/** Below this |x|, exp(x) rounds to 1 + x. */
const TINY = 2 ** -28;

const bits = new DataView(new ArrayBuffer(8));

/** 2ᵏ for an integer −1022 ≤ k ≤ 1023, built from its bits. */
function powerOfTwo(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/**
 * eˣ, identical in every engine.
 *
 * @param x - A finite number with |x| ≤ 700 (no overflow or subnormal result handling is needed there).
 * @returns eˣ within 1 ulp of the exact value.
 */
export function portableExp(x: number): number {
  const absX = Math.abs(x);
  if (absX < TINY) return 1 + x;
  let k = 0;
  let hi = x;
  let lo = 0;
  if (absX > 0.5 * LN2_HI) {
    if (absX < 1.5 * LN2_HI) k = x < 0 ? -1 : 1;
    else k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return y * powerOfTwo(k);
}
