/**
 * Python-compatible number rounding and formatting for the PLoT analyze/v2 wire: `round(x, d)`
 * (round-half-even on the exact binary value), `format(x, "+.Nf")` and `format(x, "+.Ng")`, and
 * Shewchuk's exactly rounded sum (`math.fsum`). The earlier Python service produced these strings and
 * numbers; PLoT and the captures compare them character for character.
 * Complexity: O(digits) per rounding/format; O(n) expected for the exact sum.
 * Reference: J. R. Shewchuk, "Adaptive precision floating-point arithmetic and fast robust geometric
 * predicates", Discrete & Computational Geometry 18 (1997) 305–363 (the partials algorithm of fsum);
 * Python Language Reference, "Format Specification Mini-Language".
 */

/**
 * True when `x` lies exactly half-way between two `digits`-decimal numbers. Such a midpoint m/10^(d+1)
 * (last digit 5) is a double only if it is dyadic, i.e. 5^(d+1) divides m; then it is exact when it
 * reads back as x.
 */
function isExactDecimalTie(x: number, digits: number): boolean {
  if (digits + 1 > 100) return false;
  const longer = x.toFixed(digits + 1);
  if (!longer.endsWith("5") || Number(longer) !== x) return false;
  const numerator = BigInt(longer.replace("-", "").replace(".", ""));
  return numerator % 5n ** BigInt(digits + 1) === 0n;
}

/**
 * Decimal string of |x| rounded to `digits` places, half-even on the exact value (Python semantics).
 * JavaScript's `toFixed` already rounds the exact binary value; it differs only on exact ties, where it
 * rounds away from zero, so ties are detected and resolved to the even neighbour.
 */
function fixedAbs(x: number, digits: number): string {
  const a = Math.abs(x);
  if (!isExactDecimalTie(a, digits)) return a.toFixed(digits);
  const down = Number(a.toFixed(digits + 1).slice(0, -1));
  const downText = down.toFixed(digits);
  const lastDigit = Number(downText.charAt(downText.length - 1));
  return lastDigit % 2 === 0 ? downText : a.toFixed(digits);
}

/**
 * Python's `round(x, digits)` for a finite double: the double nearest to x rounded half-even at the
 * given decimal place. Non-finite values are returned unchanged.
 *
 * @param x - Value to round.
 * @param digits - Decimal places, 0–20.
 * @returns The rounded value (−0 kept for negative inputs that round to zero, as Python does).
 */
export function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Number(fixedAbs(x, digits));
  return x < 0 || Object.is(x, -0) ? -magnitude : magnitude;
}

/**
 * Python's `format(x, "+.{digits}f")`: explicit sign, fixed point, half-even on exact ties.
 *
 * @example formatSignedFixed(0.2252964, 3) // "+0.225"
 */
export function formatSignedFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "+nan";
  if (!Number.isFinite(x)) return x > 0 ? "+inf" : "-inf";
  const negative = x < 0 || Object.is(x, -0);
  return (negative ? "-" : "+") + fixedAbs(x, digits);
}

/**
 * Python's `format(x, "+.{precision}g")`: explicit sign, `precision` significant digits, scientific
 * notation when the decimal exponent is < −4 or ≥ precision, trailing zeros removed, exponent with at
 * least two digits (`1e-05`).
 *
 * @example formatSignedGeneral(1.5e-12, 3) // "+1.5e-12"
 */
export function formatSignedGeneral(x: number, precision: number): string {
  if (Number.isNaN(x)) return "+nan";
  if (!Number.isFinite(x)) return x > 0 ? "+inf" : "-inf";
  const p = Math.max(1, precision);
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? "-" : "+";
  const a = Math.abs(x);
  if (a === 0) return `${sign}0`;
  const [mantissaText, exponentText] = a.toExponential(p - 1).split("e") as [string, string];
  const exponent = Number(exponentText);
  const stripZeros = (s: string): string => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (exponent < -4 || exponent >= p) {
    const e = Math.abs(exponent);
    return `${sign}${stripZeros(mantissaText)}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  return sign + stripZeros(fixedAbs(a, Math.max(0, p - 1 - exponent)));
}

/**
 * Exactly rounded floating-point sum (Python's `math.fsum`), by Shewchuk's non-overlapping partials.
 *
 * @param values - Finite numbers.
 * @returns The sum of the exact real values, rounded once to the nearest double.
 */
export function exactSum(values: ArrayLike<number>): number {
  const partials: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let x = values[i] as number;
    let used = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[used++] = lo;
      x = hi;
    }
    partials.length = used;
    partials.push(x);
  }
  // NOTE: final rounding as in CPython's fsum: add partials from the top and fix half-way cases.
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}
