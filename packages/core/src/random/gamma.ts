/**
 * Gamma(shape k, scale θ) variates by Marsaglia and Tsang's squeeze–rejection on a transformed
 * normal (d = k − 1/3, c = 1/√(9d)); for k < 1 the boost G(k) = G(k + 1)·U^(1/k). Also the log of a
 * gamma variate, computed in log space so that tiny shapes do not underflow to 0.
 * Complexity: O(1) expected; acceptance ≥ 0.95 per attempt for k ≥ 1.
 * Reference: G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables",
 * ACM Transactions on Mathematical Software 26(3) (2000) 363–372.
 */
import type { RandomSource } from "./random-source.js";
import { standardNormal } from "./ziggurat-normal.js";

/** Marsaglia–Tsang core for shape ≥ 1 (scale 1). */
function gammaShapeAtLeastOne(source: RandomSource, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = standardNormal(source);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    // NOTE: 1 − next() lies in (0, 1], so its log is finite.
    const u = 1 - source.next();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Gamma(shape, 1) variate.
 *
 * @param source - Uniform bit source.
 * @param shape - Shape k > 0 (validated by the caller).
 * @returns A draw in (0, ∞); for very small shapes it may underflow to 0 (see {@link logStandardGamma}).
 */
export function standardGamma(source: RandomSource, shape: number): number {
  if (shape >= 1) return gammaShapeAtLeastOne(source, shape);
  // NOTE: U^(1/k) as exp(ln U / k), about twice as fast as Math.pow in V8; U in (0, 1].
  const boost = Math.exp(Math.log(1 - source.next()) / shape);
  return gammaShapeAtLeastOne(source, shape + 1) * boost;
}

/**
 * Natural log of a Gamma(shape, 1) variate, exact in distribution for every shape > 0 and finite
 * even where the variate itself underflows (shape ≪ 1).
 *
 * @param source - Uniform bit source.
 * @param shape - Shape k > 0.
 * @returns ln G with G ~ Gamma(shape, 1).
 */
export function logStandardGamma(source: RandomSource, shape: number): number {
  if (shape >= 1) return Math.log(gammaShapeAtLeastOne(source, shape));
  const logBoost = Math.log(1 - source.next()) / shape;
  return Math.log(gammaShapeAtLeastOne(source, shape + 1)) + logBoost;
}
