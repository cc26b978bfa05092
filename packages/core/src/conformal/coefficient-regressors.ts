/**
 * Regressors of a predictor that is affine in unknown coefficients: μ_θ(x) = g₀(x) + Σₖ θₖ gₖ(x).
 * With any predictor that can be evaluated at chosen coefficient values, g₀(x) = μ₀(x) and
 * gₖ(x) = μ_{eₖ}(x) − μ₀(x) (eₖ the k-th unit vector). On a structural model simulated with common
 * random numbers this is exact to rounding, because each sample of the outcome is itself affine in
 * θ when θ appears only in the outcome's equation (checked by requireLinearInCoefficients).
 * Complexity: (p + 1) predictor evaluations per point. Reference: none (finite differences of an
 * affine map are exact).
 */

/** Offsets g₀(xᵢ) and the row-major design gₖ(xᵢ) of n points. */
export interface CoefficientRegressors {
  /** g₀(xᵢ), length n. */
  readonly offsets: Float64Array;
  /** gₖ(xᵢ), row-major n × p. */
  readonly design: Float64Array;
  /** p, the number of coefficients. */
  readonly columns: number;
  /** The coefficient names, in column order. */
  readonly names: readonly string[];
}

/**
 * Evaluates the regressors of every point.
 *
 * @param predict - μ at given interventions (point inputs plus coefficient values).
 * @param points - Each point's inputs.
 * @param coefficients - The coefficient names (columns, in this order).
 */
export function coefficientRegressors(predict: (interventions: ReadonlyMap<string, number>) => number, points: readonly ReadonlyMap<string, number>[], coefficients: readonly string[]): CoefficientRegressors {
  const p = coefficients.length;
  const offsets = new Float64Array(points.length);
  const design = new Float64Array(points.length * p);
  points.forEach((inputs, i) => {
    const at = new Map(inputs);
    for (const name of coefficients) at.set(name, 0);
    const base = predict(at);
    offsets[i] = base;
    coefficients.forEach((name, k) => {
      at.set(name, 1);
      design[i * p + k] = predict(at) - base;
      at.set(name, 0);
    });
  });
  return { offsets, design, columns: p, names: coefficients };
}
