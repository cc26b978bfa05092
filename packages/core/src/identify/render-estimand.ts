/**
 * Renders an estimand as plain text (`Σ_{Z} P(Y | X, Z) P(Z)`) or LaTeX
 * (`\sum_{Z} P(Y \mid X, Z) P(Z)`). A Σ extends to the end of the expression it starts, so a
 * composite factor that is followed by other factors is bracketed; quotients in text put
 * parentheses around any side that is not a single probability term.
 * Complexity: O(size of the output).
 * Reference: the notation of Shpitser & Pearl (AAAI 2006) and Pearl, "Causality" (2009).
 */
import { variableNode, type Estimand } from "./estimand.js";

function textOf(e: Estimand): string {
  switch (e.type) {
    case "probability":
      return `P(${e.variables.join(", ")}${e.given.length > 0 ? ` | ${e.given.join(", ")}` : ""})`;
    case "sum":
      return `Σ_{${e.over.join(", ")}} ${textOf(e.body)}`;
    case "quotient": {
      const side = (s: Estimand): string => (s.type === "probability" ? textOf(s) : `(${textOf(s)})`);
      return `${side(e.numerator)} / ${side(e.denominator)}`;
    }
    case "product": {
      if (e.factors.length === 0) return "1";
      const last = e.factors.length - 1;
      return e.factors
        .map((f, i) => (f.type === "quotient" || (f.type !== "probability" && i < last) ? `[${textOf(f)}]` : textOf(f)))
        .join(" ");
    }
  }
}

/** A variable in LaTeX: one letter as is, longer names upright with `_` escaped; primes kept. */
function latexName(v: string): string {
  const base = variableNode(v);
  const primes = v.slice(base.length);
  const body = /^[A-Za-z]$/.test(base) ? base : `\\mathrm{${base.replace(/_/g, "\\_")}}`;
  return body + primes;
}

function latexOf(e: Estimand): string {
  switch (e.type) {
    case "probability": {
      const vars = e.variables.map(latexName).join(", ");
      return e.given.length > 0 ? `P(${vars} \\mid ${e.given.map(latexName).join(", ")})` : `P(${vars})`;
    }
    case "sum":
      return `\\sum_{${e.over.map(latexName).join(", ")}} ${latexOf(e.body)}`;
    case "quotient":
      return `\\frac{${latexOf(e.numerator)}}{${latexOf(e.denominator)}}`;
    case "product": {
      if (e.factors.length === 0) return "1";
      const last = e.factors.length - 1;
      return e.factors
        .map((f, i) => (f.type !== "probability" && f.type !== "quotient" && i < last ? `\\left[ ${latexOf(f)} \\right]` : latexOf(f)))
        .join(" ");
    }
  }
}

/**
 * Plain-text rendering, e.g. `Σ_{M} P(M | X) Σ_{X'} P(Y | M, X') P(X')`.
 *
 * @param e - The estimand (bound variables already renamed for readability).
 * @returns The text.
 */
export function estimandText(e: Estimand): string {
  return textOf(e);
}

/**
 * LaTeX rendering, e.g. `\sum_{M} P(M \mid X) \sum_{X'} P(Y \mid M, X') P(X')`.
 *
 * @param e - The estimand.
 * @returns The LaTeX source (math mode, without delimiters).
 */
export function estimandLatex(e: Estimand): string {
  return latexOf(e);
}

/**
 * The query in text, e.g. `P(Y | do(X), Z)`.
 *
 * @param treatment - Intervened variables (sorted).
 * @param outcome - Outcome variables (sorted).
 * @param given - Conditioning variables (sorted; may be empty).
 * @returns The text.
 */
export function queryText(treatment: readonly string[], outcome: readonly string[], given: readonly string[] = []): string {
  const parts = [...(treatment.length > 0 ? [`do(${treatment.join(", ")})`] : []), ...given];
  return `P(${outcome.join(", ")}${parts.length > 0 ? ` | ${parts.join(", ")}` : ""})`;
}

/**
 * The query in LaTeX, e.g. `P(Y \mid do(X), Z)`.
 *
 * @param treatment - Intervened variables (sorted).
 * @param outcome - Outcome variables (sorted).
 * @param given - Conditioning variables (sorted; may be empty).
 * @returns The LaTeX source.
 */
export function queryLatex(treatment: readonly string[], outcome: readonly string[], given: readonly string[] = []): string {
  const parts = [...(treatment.length > 0 ? [`\\mathrm{do}(${treatment.map(latexName).join(", ")})`] : []), ...given.map(latexName)];
  return `P(${outcome.map(latexName).join(", ")}${parts.length > 0 ? ` \\mid ${parts.join(", ")}` : ""})`;
}
