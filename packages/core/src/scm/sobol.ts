/**
 * First-order Sobol indices by pick-freeze Monte Carlo: with two independent sample matrices A and B
 * (one column per input) and A_B^i = A with column i taken from B,
 *   S_i = (1/N) Σ_j (f(B)_j − f₀) · (f(A_B^i)_j − f(A)_j) / V,
 * the estimator of A. Saltelli et al. (2010), Table 2 (b), applied to the centred output (f₀ = the mean of
 * f(A) and f(B); centring does not change the expectation and removes the mean's contribution to
 * the variance). V = population variance of f(A) ∪ f(B). Standard error by the delta method with V
 * held fixed: sd_j(g_j)/√N / V where g_j is the summand. Common random numbers: the same A and B
 * serve every input, so the indices are comparable. Cost: k + 2 model runs of N samples.
 * Reference: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance
 * based sensitivity analysis of model output. Design and estimator for the total sensitivity
 * index", Computer Physics Communications 181 (2010) 259–270.
 */
import { IslError } from "../errors.js";

/** One input's first-order index. */
export interface SobolIndex {
  /** The input (an exogenous variable). */
  readonly input: string;
  /** Estimated first-order index S_i (share of Var(Y) explained by the input alone); may stray outside [0, 1] by Monte Carlo error. */
  readonly index: number;
  /** Monte Carlo standard error of the estimate. */
  readonly standardError: number;
}

/** Options of {@link firstOrderSobol}. */
export interface FirstOrderSobolOptions {
  /** Input names, in the order to report. */
  readonly inputs: readonly string[];
  /** Matrix A: a column per input. */
  readonly a: ReadonlyMap<string, Float64Array>;
  /** Matrix B: an independent column per input, same length. */
  readonly b: ReadonlyMap<string, Float64Array>;
  /**
   * The model: input columns → output column (may be reused by the caller; it is copied). `changed`
   * names the one input whose column differs from A's when the columns are A_B^i (A itself is
   * evaluated first, with `changed` undefined), so a caller may recompute only what depends on it.
   */
  readonly evaluate: (columns: ReadonlyMap<string, Float64Array>, changed?: string) => Float64Array;
  /** Checked before each model run. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Estimates first-order Sobol indices.
 *
 * @param options - Inputs, matrices A and B, the model, an abort signal.
 * @returns One index per input, in input order; all zero when the output does not vary.
 * @throws IslError ISL_TIMEOUT when the signal aborts.
 */
export function firstOrderSobol(options: FirstOrderSobolOptions): SobolIndex[] {
  const { inputs, a, b, evaluate, signal } = options;
  if (inputs.length === 0) return [];
  const run = (columns: ReadonlyMap<string, Float64Array>, changed?: string): Float64Array => {
    if (signal?.aborted === true) {
      throw new IslError("ISL_TIMEOUT", "The variance decomposition was stopped (deadline passed or caller gone).", {
        details: { stage: "sobol" },
        recovery: { hints: ["Use fewer samples or fewer exogenous variables."], suggestion: "Retry with fewer samples." },
      });
    }
    return Float64Array.from(evaluate(columns, changed));
  };
  const yA = run(a);
  const yB = run(b);
  const n = yA.length;
  let f0 = 0;
  for (let j = 0; j < n; j++) f0 += yA[j]! + yB[j]!;
  f0 /= 2 * n;
  let variance = 0;
  for (let j = 0; j < n; j++) variance += (yA[j]! - f0) * (yA[j]! - f0) + (yB[j]! - f0) * (yB[j]! - f0);
  variance /= 2 * n;
  return inputs.map((input) => {
    if (!(variance > 0)) return { input, index: 0, standardError: 0 };
    const mixed = new Map(a);
    mixed.set(input, b.get(input)!);
    const yAB = run(mixed, input);
    let sum = 0;
    let sumSquares = 0;
    for (let j = 0; j < n; j++) {
      const g = (yB[j]! - f0) * (yAB[j]! - yA[j]!);
      sum += g;
      sumSquares += g * g;
    }
    const meanG = sum / n;
    const varG = Math.max(0, sumSquares / n - meanG * meanG);
    return { input, index: meanG / variance, standardError: Math.sqrt(varG / n) / variance };
  });
}
