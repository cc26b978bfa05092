/**
 * E-values for unmeasured confounding: the minimum strength of association, on the risk-ratio
 * scale, that an unmeasured confounder would need with both the exposure and the outcome to
 * explain away an observed risk ratio. E = RR + √(RR·(RR − 1)) for RR ≥ 1 (RR < 1 is inverted
 * first); a standardised mean difference d is converted by RR ≈ exp(0.91·d); the E-value of a
 * confidence interval is that of the limit closest to 1 (1 when the interval contains 1).
 * Complexity: O(1). Reference: T. J. VanderWeele, P. Ding, "Sensitivity analysis in observational
 * research: introducing the E-value", Annals of Internal Medicine 167 (2017) 268–274.
 */
import { IslError } from "../errors.js";

/** Effect measures that have an E-value. */
export type EffectMeasure = "risk_ratio" | "standardized_mean_difference";

/** E-values of an estimate and of its confidence limit. */
export interface EValues {
  /** The estimate on the risk-ratio scale (exp(0.91·d) for a standardised difference). */
  readonly riskRatio: number;
  /** E-value of the point estimate. */
  readonly point: number;
  /** E-value of the confidence limit closest to 1, when limits were given. */
  readonly confidenceLimit: number | null;
}

/**
 * E-value of a risk ratio.
 *
 * @param riskRatio - A positive risk ratio.
 * @returns RR + √(RR(RR − 1)) after inverting RR < 1.
 * @throws IslError ISL_INVALID_INPUT when the ratio is not a positive finite number.
 */
export function eValueRiskRatio(riskRatio: number): number {
  if (!Number.isFinite(riskRatio) || riskRatio <= 0) {
    throw new IslError("ISL_INVALID_INPUT", `A risk ratio must be a positive finite number (got ${riskRatio}).`, {
      details: { field: "effect_estimate", value: String(riskRatio) },
      recovery: { hints: ["Risk ratios are > 0; 1 means no effect."], suggestion: "Send a positive risk ratio." },
    });
  }
  const rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
  return rr + Math.sqrt(rr * (rr - 1));
}

/**
 * Converts a standardised mean difference to an approximate risk ratio, RR ≈ exp(0.91·d).
 *
 * @param d - Standardised mean difference (Cohen's d).
 * @returns The approximate risk ratio.
 */
export function riskRatioFromStandardizedDifference(d: number): number {
  return Math.exp(0.91 * d);
}

/**
 * E-values of an estimate and (optionally) its confidence interval.
 *
 * @param measure - Risk ratio or standardised mean difference.
 * @param estimate - The point estimate.
 * @param lower - Lower confidence limit (same scale), optional.
 * @param upper - Upper confidence limit (same scale), optional.
 * @returns The risk ratio, the E-value of the estimate and of the limit closest to 1.
 */
export function eValues(measure: EffectMeasure, estimate: number, lower?: number | null, upper?: number | null): EValues {
  const toRr = (x: number): number => (measure === "risk_ratio" ? x : riskRatioFromStandardizedDifference(x));
  const riskRatio = toRr(estimate);
  const point = eValueRiskRatio(riskRatio);
  let confidenceLimit: number | null = null;
  if (lower != null || upper != null) {
    const lo = lower != null ? toRr(lower) : undefined;
    const hi = upper != null ? toRr(upper) : undefined;
    if (riskRatio >= 1) confidenceLimit = lo === undefined ? null : lo <= 1 ? 1 : eValueRiskRatio(lo);
    else confidenceLimit = hi === undefined ? null : hi >= 1 ? 1 : eValueRiskRatio(hi);
  }
  return { riskRatio, point, confidenceLimit };
}
