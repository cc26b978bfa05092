/**
 * The decision-gain gate of the regression EVPPI: is the information about θ actually usable? Split the
 * draws in two halves (a seeded permutation); on each half fit every option's outcome on 1, x, …, x^d by
 * least squares, apply the learned rule "choose the option with the largest fitted value at θ" to the
 * other half, and compare with always choosing the best single option. The gate passes when the mean
 * out-of-fold gain exceeds 1.96 standard errors (two-fold cross-fitting removes the optimism of fitting
 * and choosing on the same draws).
 * Complexity: O(n·(d + 1)² + n·(d + 1)·O).
 * Reference: V. Chernozhukov et al., "Double/debiased machine learning for treatment and structural
 * parameters", The Econometrics Journal 21 (2018) C1–C68 (cross-fitting); plot-v2-engine.md §4.11.
 */
import type { Rng } from "../random/index.js";

/** One-sided critical value of the decision-gain test. */
export const EVPPI_GAIN_Z = 1.96;

/** Solves the (p × p) normal equations for several right-hand sides by Gaussian elimination with partial pivoting; a negligible pivot drops its coefficient. */
function solveMany(gram: Float64Array, rhs: Float64Array[], p: number): Float64Array[] {
  const m = Float64Array.from(gram);
  const b = rhs.map((r) => Float64Array.from(r));
  let scale = 1e-300;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(m[i * p + i]!));
  const dropped = new Uint8Array(p);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(m[r * p + col]!) > Math.abs(m[pivot * p + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < p; c++) {
        const t = m[col * p + c]!;
        m[col * p + c] = m[pivot * p + c]!;
        m[pivot * p + c] = t;
      }
      for (const v of b) {
        const t = v[col]!;
        v[col] = v[pivot]!;
        v[pivot] = t;
      }
    }
    const d = m[col * p + col]!;
    if (Math.abs(d) <= 1e-13 * scale) {
      dropped[col] = 1;
      continue;
    }
    for (let r = col + 1; r < p; r++) {
      const f = m[r * p + col]! / d;
      if (f === 0) continue;
      for (let c = col; c < p; c++) m[r * p + c]! -= f * m[col * p + c]!;
      for (const v of b) v[r]! -= f * v[col]!;
    }
  }
  return b.map((v) => {
    const x = new Float64Array(p);
    for (let r = p - 1; r >= 0; r--) {
      if (dropped[r] === 1) continue;
      let s = v[r]!;
      for (let c = r + 1; c < p; c++) s -= m[r * p + c]! * x[c]!;
      x[r] = s / m[r * p + r]!;
    }
    return x;
  });
}

/**
 * Runs the two-fold decision-gain test.
 *
 * @param x - θ mapped to [−1, 1], one entry per draw.
 * @param degree - Polynomial degree d.
 * @param outcomes - Per option, the outcome on each draw.
 * @param bestOption - The option with the largest mean outcome.
 * @param rng - Stream for the fold split.
 * @returns True when the cross-fitted gain is significantly positive.
 */
export function decisionGainSignificant(x: Float64Array, degree: number, outcomes: readonly Float64Array[], bestOption: number, rng: Rng): boolean {
  const n = x.length;
  const p = degree + 1;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  rng.shuffle(order);
  const half = n >> 1;
  const folds = [order.subarray(0, half), order.subarray(half)];
  const powers = new Float64Array(p);
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  const options = outcomes.length;
  for (let fold = 0; fold < 2; fold++) {
    const train = folds[fold]!;
    const test = folds[1 - fold]!;
    if (train.length <= p || test.length === 0) return false;
    const gram = new Float64Array(p * p);
    const rhs = outcomes.map(() => new Float64Array(p));
    for (let t = 0; t < train.length; t++) {
      const i = train[t]!;
      powers[0] = 1;
      for (let j = 1; j < p; j++) powers[j] = powers[j - 1]! * x[i]!;
      for (let a = 0; a < p; a++) {
        const pa = powers[a]!;
        for (let b = 0; b < p; b++) gram[a * p + b]! += pa * powers[b]!;
      }
      for (let o = 0; o < options; o++) {
        const y = outcomes[o]![i]!;
        const r = rhs[o]!;
        for (let a = 0; a < p; a++) r[a]! += powers[a]! * y;
      }
    }
    const solved = solveMany(gram, rhs, p);
    const coefficients = new Float64Array(options * p);
    solved.forEach((c, o) => coefficients.set(c, o * p));
    for (let t = 0; t < test.length; t++) {
      const i = test[t]!;
      const xi = x[i]!;
      let rule = 0;
      let best = Number.NEGATIVE_INFINITY;
      for (let o = 0; o < options; o++) {
        let v = 0;
        for (let j = p - 1; j >= 0; j--) v = v * xi + coefficients[o * p + j]!;
        if (v > best) {
          best = v;
          rule = o;
        }
      }
      const gain = outcomes[rule]![i]! - outcomes[bestOption]![i]!;
      sum += gain;
      sumSquares += gain * gain;
      count++;
    }
  }
  const mean = sum / count;
  const variance = Math.max(0, (sumSquares - count * mean * mean) / Math.max(1, count - 1));
  return mean > EVPPI_GAIN_Z * Math.sqrt(variance / count);
}
