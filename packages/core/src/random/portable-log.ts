/**
 * Natural logarithm computed only with IEEE-754 basic operations (+, −, ×, ÷), which every
 * JavaScript engine rounds identically, so the result is bit-for-bit the same in Node and in every
 * browser. `Math.log` is not: engines use different libm code (Node 20's V8 and Chromium 156 disagree
 * in the last bit for about 5% of arguments), which would make sampled values differ across engines.
 * Method (FDLIBM's e_log): x = 2ᵏ·(1 + f) with √2/2 < 1 + f < √2, s = f/(2 + f),
 * log(1 + f) = f − (f²/2 − s·(f²/2 + R(s²))) with R a degree-7 minimax polynomial in s², and
 * log x = k·ln2_hi + (log(1 + f) + k·ln2_lo); FDLIBM's more accurate (f²/2) branch is used for
 * every f. Error < 1 ulp. Complexity: O(1).
 * Reference: Sun Microsystems FDLIBM 5.3, e_log.c (W. Kahan's scheme; P. T. P. Tang,
 * "Table-driven implementation of the logarithm function", ACM TOMS 16(4) 1990, for the analysis).
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
/** Mantissas (high 20 bits) from 0x6a09c up (1 + f ≳ √2 = 0x1.6a09e…) are halved into [√2/2, 1). */
const SQRT2_MANTISSA_HIGH = 0x6a09c;

const bits = new DataView(new ArrayBuffer(8));

/**
 * Natural logarithm of a positive normal double, identical in every engine.
 *
 * @param x - A finite double ≥ 2⁻¹⁰²² (callers here pass 1 − U with U a multiple of 2⁻⁵³, so x ≥ 2⁻⁵³).
 * @returns ln x, within 1 ulp of the exact value.
 */
export function portableLog(x: number): number {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  let k = (high >>> 20) - 1023;
  const mantissaHigh = high & 0xfffff;
  // Scale 1 + f into [√2/2, √2): take one more power of two when the mantissa exceeds √2.
  const fold = mantissaHigh >= SQRT2_MANTISSA_HIGH ? 1 : 0;
  k += fold;
  bits.setUint32(0, (mantissaHigh | ((1023 - fold) << 20)) >>> 0);
  const f = bits.getFloat64(0) - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const halfSquare = 0.5 * f * f;
  return k * LN2_HI - (halfSquare - (s * (halfSquare + r) + k * LN2_LO) - f);
}
