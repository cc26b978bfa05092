/**
 * Beta(α, β) variates as X/(X + Y) with X ~ Gamma(α, 1), Y ~ Gamma(β, 1) independent; when either
 * shape is below 1 the ratio is formed from log-gammas, 1/(1 + exp(ln Y − ln X)), so that tiny
 * shapes neither underflow nor give 0/0. Complexity: O(1) expected (two gamma draws).
 * Reference: L. Devroye, "Non-Uniform Random Variate Generation", Springer (1986), §IX.4.1;
 * gamma draws by Marsaglia–Tsang (2000).
 */
import { logStandardGamma, standardGamma } from "./gamma.js";
import type { RandomSource } from "./random-source.js";

/**
 * Beta(alpha, beta) variate.
 *
 * @param source - Uniform bit source.
 * @param alpha - First shape, > 0 (validated by the caller).
 * @param beta - Second shape, > 0.
 * @returns A draw in [0, 1].
 */
export function betaFromGammas(source: RandomSource, alpha: number, beta: number): number {
  if (alpha >= 1 && beta >= 1) {
    const x = standardGamma(source, alpha);
    const y = standardGamma(source, beta);
    return x / (x + y);
  }
  const logX = logStandardGamma(source, alpha);
  const logY = logStandardGamma(source, beta);
  return 1 / (1 + Math.exp(logY - logX));
}
