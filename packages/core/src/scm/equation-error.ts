/**
 * The ISL_INVALID_EQUATION error of the expression language: what was wrong, at which column,
 * in the equation for which variable, what was expected and what was found.
 * Complexity: O(1) (the equation text in `details` is cut to a bounded excerpt).
 * Reference: none (error reporting).
 */
import { IslError } from "../errors.js";

/** Characters of the equation shown on each side of the error position in `details.excerpt`. */
const EXCERPT_RADIUS = 40;

/** Where an equation comes from, for messages. */
export interface EquationSource {
  /** The equation text. */
  readonly text: string;
  /** The variable the equation defines, if any (`"Revenue"` in the equation for 'Revenue'). */
  readonly variable?: string | undefined;
}

/** Optional parts of an equation error. */
export interface EquationErrorParts {
  /** What the parser expected at this position, e.g. `"a number, a variable or '('"`. */
  readonly expected?: string;
  /** What it found, e.g. `"')'"` or `"end of equation"`. */
  readonly found?: string;
  /** Extra sentence appended to the message (e.g. the list of known functions). */
  readonly note?: string;
  /** Concrete ways to fix it, most useful first. */
  readonly hints?: readonly string[];
  /** Extra machine-readable details. */
  readonly details?: Record<string, unknown>;
}

/**
 * Where in which equation: `"at column 7 in the equation for 'Revenue'"`.
 *
 * @param source - The equation.
 * @param offset - 0-based offset in the text.
 */
export function locate(source: EquationSource, offset: number): string {
  const which = source.variable === undefined ? "in the equation" : `in the equation for '${source.variable}'`;
  return `at column ${offset + 1} ${which}`;
}

/**
 * Builds an ISL_INVALID_EQUATION error. The message reads
 * `"<problem> at column <c> in the equation for '<variable>'. <note>"`.
 *
 * @param source - The equation text and the variable it defines.
 * @param offset - 0-based offset of the problem (the column is offset + 1).
 * @param problem - What is wrong, e.g. `"Unknown function 'foo'"`.
 * @param parts - Expected/found, a note, hints and details.
 * @returns The error, to be thrown by the caller.
 */
export function equationError(source: EquationSource, offset: number, problem: string, parts: EquationErrorParts = {}): IslError {
  const column = offset + 1;
  let message = `${problem} ${locate(source, offset)}.`;
  if (parts.expected !== undefined && parts.found !== undefined) message += ` Expected ${parts.expected} but found ${parts.found}.`;
  if (parts.note !== undefined) message += ` ${parts.note}`;
  const from = Math.max(0, offset - EXCERPT_RADIUS);
  const excerpt = source.text.slice(from, offset + EXCERPT_RADIUS);
  return new IslError("ISL_INVALID_EQUATION", message, {
    details: {
      ...(source.variable === undefined ? {} : { variable: source.variable }),
      column,
      ...(parts.expected === undefined ? {} : { expected: parts.expected }),
      ...(parts.found === undefined ? {} : { found: parts.found }),
      excerpt,
      excerptColumn: column - from,
      ...parts.details,
    },
    recovery: {
      hints: [...(parts.hints ?? []), "Equations use numbers, variable names, + - * / // % **, comparisons, parentheses and the functions listed in docs/scm.md."],
      suggestion: `Fix the equation${source.variable === undefined ? "" : ` for '${source.variable}'`} near column ${column}.`,
      example: "Revenue = 10000 + 500 * Price - 200 * Brand",
    },
  });
}
