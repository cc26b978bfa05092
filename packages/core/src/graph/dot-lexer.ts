/**
 * Tokenizer for DAGitty-style DOT text: identifiers (plain, numeral, or double-quoted with `\"`,
 * `\\` and line-continuation escapes), punctuation `{ } [ ] = ; , +`, the edge operators `->`, `<-`,
 * `<->` and `--`, and comments (`// …`, `/* … *\/`, and lines starting with `#`), each token with
 * its 1-based line and column. One pass, O(length of the text).
 * Reference: the DOT language grammar, https://graphviz.org/doc/info/lang.html (lexical rules);
 * J. Textor et al., "Robust causal inference using directed acyclic graphs: the R package
 * 'dagitty'", Int. J. Epidemiology 45 (2016) (the `dag { … }` dialect and `<->`).
 */
import { IslError } from "../errors.js";

/** What a token is. */
export type DotTokenKind = "id" | "{" | "}" | "[" | "]" | "=" | ";" | "," | "+" | "->" | "<-" | "<->" | "--" | "eof";

/** One token with its position. */
export interface DotToken {
  /** The kind. */
  readonly kind: DotTokenKind;
  /** For `id`: the identifier's value (quotes removed, escapes applied); otherwise the token's text. */
  readonly text: string;
  /** True for a double-quoted identifier (never a keyword). */
  readonly quoted: boolean;
  /** 1-based line of the token's first character. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) of the token's first character. */
  readonly column: number;
}

/**
 * A DOT syntax error (ISL_INVALID_INPUT) at a position, saying what was expected and what was found.
 *
 * @param line - 1-based line.
 * @param column - 1-based column.
 * @param expected - What the parser needed, e.g. "a node name or '}'".
 * @param found - What it saw, e.g. "'->'" or "the end of the text".
 * @param hint - Optional extra advice.
 * @returns The error to throw.
 */
export function dotSyntaxError(line: number, column: number, expected: string, found: string, hint?: string): IslError {
  return new IslError("ISL_INVALID_INPUT", `DOT syntax error at line ${line}, column ${column}: expected ${expected}, found ${found}.${hint === undefined ? "" : ` ${hint}`}`, {
    details: { field: "dot", line, column, expected, found },
    recovery: {
      hints: [
        hint ?? `Check the text near line ${line}, column ${column}.`,
        "A graph looks like: dag { x [exposure] y [outcome] u [latent] x -> y u -> x u -> y x <-> z }",
        "Quote names that are not plain identifiers: \"blood pressure\" -> outcome",
      ],
      suggestion: `Fix the DOT text at line ${line}, column ${column}.`,
      example: "dag { x [exposure] y [outcome] x -> y z -> x z -> y }",
    },
  });
}

const isIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdPart = (c: number): boolean => isIdStart(c) || isDigit(c);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;

/** How a token is written when an error names it. */
export function describeToken(token: DotToken): string {
  if (token.kind === "eof") return "the end of the text";
  if (token.kind === "id") return token.quoted ? `the quoted name "${token.text}"` : `'${token.text}'`;
  return `'${token.text}'`;
}

/**
 * Splits DOT text into tokens, ending with one `eof` token.
 *
 * @param text - The DOT text.
 * @returns The tokens.
 * @throws IslError ISL_INVALID_INPUT for an unterminated comment or string, or a character that
 *   cannot start a token (with its line and column).
 */
export function tokenizeDot(text: string): DotToken[] {
  const tokens: DotToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  /** Adds a token and moves the cursor to `next`, the index after it. */
  const push = (kind: DotTokenKind, value: string, next: number, startLine: number, startColumn: number, quoted = false): void => {
    tokens.push({ kind, text: value, quoted, line: startLine, column: startColumn });
    i = next;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const column = i - lineStart + 1;
    if (c === 10) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    // '#' starts a comment line when only blanks precede it on its line.
    if (c === 35 && text.slice(lineStart, i).trim().length === 0) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw dotSyntaxError(line, column, "'*/' to close the comment", "the end of the text");
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 2;
      continue;
    }
    if (c === 34) {
      const startLine = line;
      let value = "";
      let k = i + 1;
      for (;;) {
        if (k >= n) throw dotSyntaxError(startLine, column, "'\"' to close the quoted name", "the end of the text");
        const d = text.charCodeAt(k);
        if (d === 34) break;
        if (d === 92 && k + 1 < n) {
          const e = text.charCodeAt(k + 1);
          if (e === 34 || e === 92) {
            value += text[k + 1]!;
            k += 2;
            continue;
          }
          if (e === 10) {
            line++;
            lineStart = k + 2;
            k += 2;
            continue;
          }
        }
        if (d === 10) {
          line++;
          lineStart = k + 1;
        }
        value += text[k]!;
        k++;
      }
      push("id", value, k + 1, startLine, column, true);
      continue;
    }
    if (isIdStart(c)) {
      let k = i + 1;
      while (k < n && isIdPart(text.charCodeAt(k))) k++;
      push("id", text.slice(i, k), k, line, column);
      continue;
    }
    const numeral = /^-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)/y;
    numeral.lastIndex = 0;
    const rest = c === 45 || c === 46 || isDigit(c) ? numeral.exec(text.slice(i, i + 64)) : null;
    if (rest !== null && !(c === 45 && (text.charCodeAt(i + 1) === 62 || text.charCodeAt(i + 1) === 45))) {
      const next = i + rest[0].length;
      if (next < n && isIdPart(text.charCodeAt(next))) {
        throw dotSyntaxError(line, column, "a name", `'${rest[0]}${text[next]!}…'`, "A name cannot start with a digit unless it is quoted, e.g. \"1st_visit\".");
      }
      push("id", rest[0], next, line, column);
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    if (three === "<->") push("<->", three, i + 3, line, column);
    else if (two === "->" || two === "<-" || two === "--") push(two, two, i + 2, line, column);
    else if ("{}[]=;,+".includes(text[i]!)) push(text[i] as DotTokenKind, text[i]!, i + 1, line, column);
    else {
      const shown = text.codePointAt(i)!;
      const hint =
        text[i] === "<" ? "HTML-like labels are not supported; quote the name instead." : text[i] === ":" ? "Node ports (a:port) are not supported." : undefined;
      throw dotSyntaxError(line, column, "a name, an edge (->, <-, <->) or punctuation ({ } [ ] = ; ,)", `'${String.fromCodePoint(shown)}'`, hint);
    }
  }
  tokens.push({ kind: "eof", text: "", quoted: false, line, column: i - lineStart + 1 });
  return tokens;
}
