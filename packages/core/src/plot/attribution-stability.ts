/**
 * Attribution stability of a factor's elasticity: the coefficient of variation CV = std/|el| of the
 * elasticity over bootstrap backgrounds, banded by the operational thresholds (≤ 0.1 high, ≤ 0.3
 * moderate, else low; |el| < 1e-6 negligible), the provisional confidence blend of that band with the
 * CV (method "stability-cv-blend-v1", uncalibrated), and the top-level `stability_thresholds` block.
 * Complexity: O(1).
 * Reference: plot-v2-engine.md §4.7; plot-client.md §3.6.
 */
import { roundHalfEven } from "./wire-number.js";

/** CV at or below which attribution is "high". */
export const STABILITY_HIGH_MODERATE_BOUNDARY = 0.1;
/** CV at or below which attribution is "moderate" (else "low"). */
export const STABILITY_MODERATE_LOW_BOUNDARY = 0.3;

/** Attribution stability bands. */
export type AttributionStability = "high" | "moderate" | "low" | "negligible";

/** The top-level `stability_thresholds` block. */
export interface StabilityThresholdsBlock {
  high_moderate_boundary: number;
  moderate_low_boundary: number;
  version: "v1.0-operational-defaults";
  provisional: true;
}

/** The constant `stability_thresholds` block (present iff some factor row carries attribution_stability). */
export function stabilityThresholds(): StabilityThresholdsBlock {
  return { high_moderate_boundary: STABILITY_HIGH_MODERATE_BOUNDARY, moderate_low_boundary: STABILITY_MODERATE_LOW_BOUNDARY, version: "v1.0-operational-defaults", provisional: true };
}

/** Band of an elasticity given its bootstrap std. */
export function attributionStability(elasticity: number, std: number): AttributionStability {
  const a = Math.abs(elasticity);
  if (a < 1e-6) return "negligible";
  const cv = std / a;
  if (cv <= STABILITY_HIGH_MODERATE_BOUNDARY) return "high";
  if (cv <= STABILITY_MODERATE_LOW_BOUNDARY) return "moderate";
  return "low";
}

/** Band weights of the confidence blend. */
const BAND_CONFIDENCE: Record<AttributionStability, number> = { high: 0.9, moderate: 0.6, low: 0.3, negligible: 0.1 };

/**
 * How the CV enters the confidence blend.
 * - `one_minus_cv` (ISL 7fcc0f79, late 2026): 0.3·clamp01(1 − CV).
 * - `reciprocal_one_plus_cv` (ISL build 9a22a1a, captures P1–P5: reproduces 0.3815 and 0.3891): 0.3/(1 + CV).
 */
export type ConfidenceBlend = "one_minus_cv" | "reciprocal_one_plus_cv";

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Provisional confidence of a factor row: round4(clamp01(0.7·band + 0.3·f(CV))) with band weights high 0.9,
 * moderate 0.6, low 0.3, negligible 0.1; just the band weight when |el| ≤ 1e-6 or the std is unknown.
 */
export function attributionConfidence(elasticity: number, std: number | undefined, band: AttributionStability, blend: ConfidenceBlend = "one_minus_cv"): number {
  const weight = BAND_CONFIDENCE[band];
  const a = Math.abs(elasticity);
  if (a <= 1e-6 || std === undefined || !Number.isFinite(std)) return weight;
  const cv = std / a;
  const cvTerm = blend === "one_minus_cv" ? clamp01(1 - cv) : 1 / (1 + cv);
  return roundHalfEven(clamp01(0.7 * weight + 0.3 * cvTerm), 4);
}
