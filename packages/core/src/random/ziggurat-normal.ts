/**
 * Standard normal variates by the ziggurat method with 256 layers: one table lookup and one
 * multiply in 98.5% of attempts, wedge and tail rejection otherwise. Each attempt consumes one 64-bit
 * word (two 32-bit draws): 8 bits choose the layer, 1 bit the sign, 52 bits the abscissa; layer
 * index and abscissa come from disjoint bits (avoiding the correlation noted by Doornik).
 * Complexity: O(1) expected; ~2.04 32-bit words per variate. Tables are built once at module load.
 * References: G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables",
 * J. Statistical Software 5(8) (2000); J. A. Doornik, "An improved ziggurat method to generate
 * normal random samples" (2005); G. Marsaglia, "Generating a variable from the tail of the normal
 * distribution", Technometrics 6 (1964) 101–102.
 */
import { portableExp } from "./portable-exp.js";
import { portableLog } from "./portable-log.js";
import type { RandomSource } from "./random-source.js";

/** Number of layers (boxes) of the ziggurat. */
export const ZIGGURAT_LAYERS = 256;
/** Start of the tail: the right edge of the base layer's rectangle, x₁ (Marsaglia–Tsang, 256 layers). */
export const ZIGGURAT_R = 3.6541528853610088;

/**
 * Every standard normal this module (and the four-lane kernel) draws has |Z| < 14: the fast path
 * and the wedge give |Z| < x₁ = r, and the tail gives r + (−ln(1 − U))/r with 1 − U ≥ 2⁻⁵³, so at
 * most r + 53·ln 2/r ≈ 13.71. Lets callers prove a column finite without scanning it.
 */
export const STANDARD_NORMAL_DRAW_BOUND = 14;

const TWO_POW_52 = 4503599627370496;
const INV_R = 1 / ZIGGURAT_R;

/**
 * Common layer area V = r·f(r) + √(2π)·Φ(−r) for r = {@link ZIGGURAT_R}, as evaluated in double
 * precision (Marsaglia–Tsang print 0.00492867323399 for 256 layers). Written as a literal because
 * Φ would need `Math.exp`, whose last bit differs between engines; the tests recompute it.
 */
export const ZIGGURAT_AREA = 0.004928673233974657;

/** Unnormalised normal density f(x) = exp(−x²/2), bit-identical in every engine. */
function density(x: number): number {
  return portableExp(-0.5 * x * x);
}

/**
 * Layer geometry: every layer has area V = r·f(r) + ∫_r^∞ f = r·f(r) + √(2π)·Φ(−r).
 * x[0] = V/f(r) (virtual width of the base layer), x[1] = r, x[i+1] = f⁻¹(f(x[i]) + V/x[i]),
 * x[256] = 0. Layer i spans heights f(x[i])…f(x[i+1]) with width x[i]. Only basic operations,
 * `Math.sqrt` (correctly rounded everywhere), portableExp and portableLog are used, so the tables,
 * and hence every normal draw, are bit-identical in every JavaScript engine.
 */
function buildTables(): { x: Float64Array; ki: Float64Array; wi: Float64Array; fi: Float64Array; area: number } {
  const area = ZIGGURAT_AREA;
  const x = new Float64Array(ZIGGURAT_LAYERS + 1);
  x[0] = area / density(ZIGGURAT_R);
  x[1] = ZIGGURAT_R;
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
    const xi = x[i] as number;
    x[i + 1] = Math.sqrt(-2 * portableLog(density(xi) + area / xi));
  }
  x[ZIGGURAT_LAYERS] = 0;
  const ki = new Float64Array(ZIGGURAT_LAYERS);
  const wi = new Float64Array(ZIGGURAT_LAYERS);
  const fi = new Float64Array(ZIGGURAT_LAYERS + 1);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    ki[i] = Math.floor(((x[i + 1] as number) / (x[i] as number)) * TWO_POW_52);
    wi[i] = (x[i] as number) / TWO_POW_52;
  }
  for (let i = 0; i <= ZIGGURAT_LAYERS; i++) fi[i] = density(x[i] as number);
  return { x, ki, wi, fi, area };
}

/**
 * The ziggurat tables, exposed read-only for tests: layer edges `x`, acceptance thresholds `ki`
 * (in units of 2⁻⁵²), width scales `wi`, densities `fi`, and the common layer `area`.
 */
export const ZIGGURAT_TABLES: Readonly<{ x: Float64Array; ki: Float64Array; wi: Float64Array; fi: Float64Array; area: number }> =
  Object.freeze(buildTables());

const KI = ZIGGURAT_TABLES.ki;
const WI = ZIGGURAT_TABLES.wi;
const FI = ZIGGURAT_TABLES.fi;

/** Draw from the normal tail x > r by Marsaglia's 1964 exponential rejection. */
function tail(source: RandomSource): number {
  for (;;) {
    // NOTE: 1 − u with u in [0, 1) is an exact uniform in (0, 1], so the logs are finite.
    // portableLog, not Math.log: the tail value must be bit-identical in every engine.
    const xx = -INV_R * portableLog(1 - source.next());
    const yy = -portableLog(1 - source.next());
    if (yy + yy > xx * xx) return ZIGGURAT_R + xx;
  }
}

/**
 * Slow path, taken in ~1.5% of attempts: the rejected attempt (layer, 52-bit abscissa `u`, sign)
 * goes to the tail sampler (layer 0) or the wedge test; on rejection, fresh attempts follow.
 * Exported for the four-lane column kernels (normal-lanes.ts), whose slow path it is (the WebAssembly
 * kernel runs a bit-identical port).
 *
 * @param source - Uniform bit source the attempt came from (further draws are taken from it).
 * @param layer - Layer index of the rejected attempt, 0…255.
 * @param u - Its 52-bit abscissa, an integer in [0, 2⁵²).
 * @param negative - Its sign bit.
 * @returns A standard normal variate.
 */
export function wedgeOrTail(source: RandomSource, layer: number, u: number, negative: boolean): number {
  for (;;) {
    if (layer === 0) {
      const t = tail(source);
      return negative ? -t : t;
    }
    const x = u * WI[layer]!;
    const fLow = FI[layer]!;
    if (fLow + source.next() * (FI[layer + 1]! - fLow) < density(x)) return negative ? -x : x;
    const low = source.nextUint32();
    const high = source.nextUint32();
    layer = low & 0xff;
    negative = (low & 0x100) !== 0;
    u = high * 1048576 + (low >>> 12);
    if (u < KI[layer]!) return negative ? -u * WI[layer]! : u * WI[layer]!;
  }
}

/**
 * One standard normal variate N(0, 1). The common case (inside a layer's inner rectangle) is kept
 * small so that JIT compilers inline it into column loops.
 *
 * @param source - Uniform bit source (an `Rng`).
 * @returns A draw from the standard normal distribution.
 */
export function standardNormal(source: RandomSource): number {
  const low = source.nextUint32();
  const high = source.nextUint32();
  const layer = low & 0xff;
  // 52-bit uniform integer: 32 bits of `high` above bits 12–31 of `low`; bit 8 is the sign.
  const u = high * 1048576 + (low >>> 12);
  // Sign ±1 from bit 8 without a branch (a coin flip would mispredict half the time); the product
  // is exactly ±u·w, as in the four-lane kernels.
  if (u < KI[layer]!) return (1 - ((low >>> 7) & 2)) * (u * WI[layer]!);
  return wedgeOrTail(source, layer, u, (low & 0x100) !== 0);
}
