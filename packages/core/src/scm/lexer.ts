/**
 * Lexer of the structural-equation language: splits an equation into numbers, identifiers,
 * operators, parentheses and commas, each with its 0-based source offset. Hand-written scanner,
 * no regular expressions on the input and no evaluation of it.
 * Complexity: O(length) time, O(tokens) memory. Reference: none (a standard maximal-munch scanner).
 */
import type { BinaryOperator } from "./ast.js";
import { equationError, type EquationSource } from "./equation-error.js";

/** Kinds of token. */
export type TokenType = "number" | "identifier" | "operator" | "(" | ")" | "," | "end";

/** One token: its kind, text and span `[start, end)`. */
export interface Token {
  readonly type: TokenType;
  /** The characters of the token (empty for `end`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Value of a number token. */
  readonly value: number;
}

/** Two-character operators, tried before one-character ones (maximal munch). */
const TWO_CHAR_OPERATORS: ReadonlySet<string> = new Set(["**", "//", "<=", ">=", "==", "!="]);
/** One-character operators. */
const ONE_CHAR_OPERATORS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "<", ">"]);

/** Character classes by code unit. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * How a character is shown in a message: quoted when printable, as its code point (U+0009) otherwise.
 *
 * @param ch - One character (a code unit or a surrogate pair).
 */
export function showCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${ch}'`;
}

/**
 * What a token is, for messages: `"'x'"`, `"number 2"`, `"end of equation"`.
 *
 * @param token - The token.
 */
export function describeToken(token: Token): string {
  if (token.type === "end") return "end of equation";
  return `'${token.text}'`;
}

/**
 * Splits an equation into tokens, ending with one `end` token.
 *
 * @param source - The equation text and the variable it defines (for messages).
 * @param maxTokens - Most tokens accepted (the `end` token not counted).
 * @returns The tokens in order.
 * @throws IslError ISL_INVALID_EQUATION for an unexpected character, a malformed or infinite number,
 *   or more than `maxTokens` tokens.
 */
export function tokenize(source: EquationSource, maxTokens: number): Token[] {
  const text = source.text;
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, value = Number.NaN): void => {
    if (tokens.length >= maxTokens) {
      throw equationError(source, start, `Too many tokens (more than ${maxTokens})`, {
        hints: ["Split the model into more variables, each with a shorter equation."],
        details: { limit: maxTokens },
      });
    }
    tokens.push({ type, text: text.slice(start, end), start, end, value });
  };
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && i + 1 < length && isDigit(text.charCodeAt(i + 1)))) {
      i = scanNumber(source, i);
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value)) {
        throw equationError(source, start, `Number '${literal}' is too large (it overflows to infinity)`, {
          hints: ["Use a number below 1.8e308, or rescale the variable."],
        });
      }
      push("number", start, i, value);
      continue;
    }
    if (isIdentifierStart(c)) {
      while (i < length && isIdentifierPart(text.charCodeAt(i))) i++;
      push("identifier", start, i);
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.has(two)) {
      i += 2;
      push("operator", start, i);
      continue;
    }
    const ch = text[i]!;
    if (ONE_CHAR_OPERATORS.has(ch)) {
      i++;
      push("operator", start, i);
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      i++;
      push(ch, start, i);
      continue;
    }
    throw unexpectedCharacter(source, i);
  }
  tokens.push({ type: "end", text: "", start: length, end: length, value: Number.NaN });
  return tokens;
}

/** Scans a decimal number with optional fraction and exponent starting at `i`; returns its end. */
function scanNumber(source: EquationSource, i: number): number {
  const text = source.text;
  const length = text.length;
  const start = i;
  while (i < length && isDigit(text.charCodeAt(i))) i++;
  if (i < length && text.charCodeAt(i) === 46) {
    i++;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!(j < length && isDigit(text.charCodeAt(j)))) {
      throw equationError(source, start, `Malformed number '${text.slice(start, j)}'`, {
        expected: "digits after the exponent marker",
        found: j < length ? showCharacter(text[j]!) : "end of equation",
        hints: ["Write exponents as in 1.5e3 or 2E-4."],
      });
    }
    while (j < length && isDigit(text.charCodeAt(j))) j++;
    i = j;
  }
  if (i < length && text.charCodeAt(i) === 46) {
    throw equationError(source, i, "Unexpected '.' after a number", { hints: ["A number has at most one decimal point."] });
  }
  return i;
}

/** Hints for characters that people write by habit from other languages. */
const CHARACTER_HINTS: ReadonlyMap<string, string> = new Map([
  ["^", "Use '**' for powers (x ** 2); '^' is not an operator."],
  ["=", "Use '==' to compare. An equation is only the right-hand side: the variable it defines is its key."],
  ["!", "Use '!=' for 'not equal'."],
  ["&", "Combine conditions with if(): if(a > 0, if(b > 0, 1, 0), 0), or multiply comparisons: (a > 0) * (b > 0)."],
  ["|", "Combine conditions with max(a > 0, b > 0)."],
  ["[", "Brackets are not supported; use parentheses."],
  ["]", "Brackets are not supported; use parentheses."],
  [".", "A number needs a digit before or after the decimal point; attribute access is not supported."],
]);

/** The error for a character that starts no token, with a hint for common mistakes. */
function unexpectedCharacter(source: EquationSource, i: number): Error {
  const code = source.text.codePointAt(i)!;
  const ch = String.fromCodePoint(code);
  const hint = CHARACTER_HINTS.get(ch) ?? "Remove the character or replace it with an operator.";
  return equationError(source, i, `Unexpected character ${showCharacter(ch)}`, { note: hint, hints: [hint] });
}

/**
 * True when the token is the given operator.
 *
 * @param token - A token.
 * @param operator - An operator's text.
 */
export function isOperator(token: Token, operator: BinaryOperator): boolean {
  return token.type === "operator" && token.text === operator;
}
