/**
 * Coefficient elasticities of an expected outcome: for each numeric literal c of the model's
 * equations, e = (c / E[Y]) · ∂E[Y]/∂c = d ln E[Y] / d ln c, estimated by a central finite difference
 * with common random numbers (the same exogenous draws for c(1+h) and c(1−h)):
 *   e ≈ (Ȳ₊ − Ȳ₋) / (2h · Ȳ),
 * which is exact (up to rounding) when Y is linear in c. Standard error from the per-sample
 * differences d_j = (Y₊_j − Y₋_j)/(2h): sd(d)/√N/|Ȳ| (Ȳ held fixed). A literal of value 0 is skipped
 * (its relative perturbation is zero); when Ȳ = 0 the elasticity is undefined (null) and only the
 * absolute sensitivity c·∂E/∂c is reported. Cost: 2 model runs per literal.
 * Reference: P. Glasserman, "Monte Carlo Methods in Financial Engineering" (2003), §7.1 (finite
 * differences with common random numbers).
 */
/** A coefficient (numeric literal) of one equation. */
export interface Coefficient {
  /** The equation's variable. */
  readonly variable: string;
  /** Position of the literal among the equation's literals. */
  readonly index: number;
  /** Its value. */
  readonly value: number;
  /** 1-based column of the literal in the equation text. */
  readonly column: number;
}

/** The elasticity of E[Y] with respect to one coefficient. */
export interface CoefficientElasticity extends Coefficient {
  /** d ln E[Y] / d ln c, or null when E[Y] = 0 or a perturbed run was not finite. */
  readonly elasticity: number | null;
  /** c · ∂E[Y]/∂c: the change of E[Y] per unit relative change of c. */
  readonly sensitivity: number | null;
  /** Monte Carlo standard error of the elasticity (0 when the outcome is linear in c and deterministic). */
  readonly standardError: number | null;
}

/** Options of {@link coefficientElasticities}. */
export interface ElasticityOptions {
  /** The coefficients to perturb. */
  readonly coefficients: readonly Coefficient[];
  /** Mean of the unperturbed outcome over the same draws. */
  readonly baselineMean: number;
  /** Runs the model with one coefficient set to a value; returns the outcome column (same draws every call), or undefined when it has non-finite values. */
  readonly evaluate: (coefficient: Coefficient, value: number) => Float64Array | undefined;
  /** Relative step h (default 0.01, i.e. ±1%). */
  readonly step?: number;
}

/**
 * Estimates every coefficient's elasticity.
 *
 * @param options - Coefficients, baseline mean, the model, the step.
 * @returns One entry per coefficient with a nonzero value, in input order.
 */
export function coefficientElasticities(options: ElasticityOptions): CoefficientElasticity[] {
  const h = options.step ?? 0.01;
  const e0 = options.baselineMean;
  const out: CoefficientElasticity[] = [];
  for (const coefficient of options.coefficients) {
    if (coefficient.value === 0) continue;
    const plusRun = options.evaluate(coefficient, coefficient.value * (1 + h));
    const plus = plusRun === undefined ? undefined : Float64Array.from(plusRun);
    const minus = plus === undefined ? undefined : options.evaluate(coefficient, coefficient.value * (1 - h));
    if (plus === undefined || minus === undefined) {
      out.push({ ...coefficient, elasticity: null, sensitivity: null, standardError: null });
      continue;
    }
    const n = plus.length;
    let sum = 0;
    let sumSquares = 0;
    for (let j = 0; j < n; j++) {
      const d = (plus[j]! - minus[j]!) / (2 * h);
      sum += d;
      sumSquares += d * d;
    }
    const sensitivity = sum / n;
    const sd = Math.sqrt(Math.max(0, sumSquares / n - sensitivity * sensitivity));
    const defined = e0 !== 0;
    out.push({ ...coefficient, elasticity: defined ? sensitivity / e0 : null, sensitivity, standardError: defined ? sd / Math.sqrt(n) / Math.abs(e0) : null });
  }
  return out;
}

/**
 * The coefficients (numeric literals) of an equation, with their 1-based columns.
 *
 * @param variable - The equation's variable.
 * @param literals - Its literals from numericLiterals().
 */
export function coefficientsOf(variable: string, literals: readonly { index: number; value: number; start: number }[]): Coefficient[] {
  return literals.map((l) => ({ variable, index: l.index, value: l.value, column: l.start + 1 }));
}
