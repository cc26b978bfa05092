/**
 * Squeeze lines for the ziggurat's wedge test. In layer i ≥ 1 a rejected attempt's abscissa x lies
 * in [x[i+1], x[i]) and the test is y < f(x) = exp(−x²/2). On that interval f is convex when
 * x[i+1] ≥ 1 and concave when x[i] ≤ 1 (f'' = (x² − 1)·f), so the chord through the layer's corners
 * bounds f from above (convex) or below (concave) and the tangent at the interval's midpoint from the
 * other side. Each line is shrunk (lower) or stretched (upper) by a relative margin of 1e-12, far
 * above the error of portableExp (< 1 ulp), of rounding x²/2 (≤ 7.5e-16 relative for x < 3.66) and of
 * evaluating the line (≤ ~1e-14), so lower(x) ≤ portableExp(−x²/2) ≤ upper(x) holds for the computed
 * values: a y below the lower line is accepted and a y at or above the upper line rejected exactly as
 * the exp test would decide, and only the thin band between them needs the exponential. Layers that
 * straddle x = 1, and the base layer, get lines that never decide. Only basic operations and
 * portableExp are used, so the lines are the same in every engine (they could differ without
 * changing any draw). Complexity: O(layers), once at load.
 * Reference: G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables",
 * J. Statistical Software 5(8) (2000); squeeze principle: L. Devroye, "Non-Uniform Random Variate
 * Generation" (1986), §II.3.
 */
import { portableExp } from "./portable-exp.js";
import { ZIGGURAT_LAYERS, ZIGGURAT_TABLES } from "./ziggurat-normal.js";

/** Relative margin by which the lines are moved away from f. */
export const SQUEEZE_MARGIN = 1e-12;

/** Lines y = intercept + slope·x per layer, bounding exp(−x²/2) on the layer's wedge. */
export interface ZigguratSqueezeLines {
  readonly lowerIntercept: Float64Array;
  readonly lowerSlope: Float64Array;
  readonly upperIntercept: Float64Array;
  readonly upperSlope: Float64Array;
}

/** Builds the squeeze lines for the 256 layers of ZIGGURAT_TABLES. */
export function zigguratSqueezeLines(): ZigguratSqueezeLines {
  const { x, fi } = ZIGGURAT_TABLES;
  const lowerIntercept = new Float64Array(ZIGGURAT_LAYERS).fill(-1);
  const lowerSlope = new Float64Array(ZIGGURAT_LAYERS);
  const upperIntercept = new Float64Array(ZIGGURAT_LAYERS).fill(2);
  const upperSlope = new Float64Array(ZIGGURAT_LAYERS);
  for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
    const a = x[i + 1]!;
    const b = x[i]!;
    if (a < 1 && b > 1) continue;
    // Chord through (a, f(a)) and (b, f(b)); tangent at the midpoint m: f(m)·(1 − m·(x − m)).
    const chordSlope = (fi[i]! - fi[i + 1]!) / (b - a);
    const chordIntercept = fi[i]! - chordSlope * b;
    const m = 0.5 * (a + b);
    const fm = portableExp(-0.5 * m * m);
    const tangentSlope = -m * fm;
    const tangentIntercept = fm * (1 + m * m);
    const convex = a >= 1;
    const low = 1 - SQUEEZE_MARGIN;
    const high = 1 + SQUEEZE_MARGIN;
    lowerIntercept[i] = (convex ? tangentIntercept : chordIntercept) * low;
    lowerSlope[i] = (convex ? tangentSlope : chordSlope) * low;
    upperIntercept[i] = (convex ? chordIntercept : tangentIntercept) * high;
    upperSlope[i] = (convex ? chordSlope : tangentSlope) * high;
  }
  return { lowerIntercept, lowerSlope, upperIntercept, upperSlope };
}
