/**
 * Parser of the structural-equation language: tokens to an AST with source positions, by
 * precedence climbing (Pratt) for the binary operators and recursive descent for signs, powers and
 * atoms, with Python's precedence and associativity: `**` is right-associative and binds tighter
 * than a sign on its left (`-2**2 = -4`, `2**-1 = 0.5`); `* / // %` and `+ -` are left-associative;
 * comparisons bind loosest and do not chain. Limits on length, tokens and nesting depth keep the
 * recursion shallow, so no input can overflow the stack.
 * Complexity: O(length) time; recursion depth O(maxDepth).
 * References: V. R. Pratt, "Top down operator precedence", POPL 1973; The Python Language
 * Reference §6.5 (power operator) and §6.17 (operator precedence).
 */
import { LIMITS } from "@olumi/contracts";
import { compareNames, listNamesForMessage } from "../graph/node-lookup.js";
import {
  BINARY_PRECEDENCE,
  FUNCTION_NAMES,
  FUNCTIONS,
  isComparison,
  isFunctionName,
  type BinaryOperator,
  type CallNode,
  type ExpressionNode,
} from "./ast.js";
import { closestName } from "./closest-name.js";
import { equationError, type EquationSource } from "./equation-error.js";
import { describeToken, isOperator, tokenize, type Token } from "./lexer.js";

/** Default nesting limit: levels of parentheses, signs, calls and powers. */
export const DEFAULT_MAX_DEPTH = 64;
/** Default limit on the number of tokens of one equation. */
export const DEFAULT_MAX_TOKENS = 1000;
/** Default limit on the length of one equation in characters (as upstream). */
export const DEFAULT_MAX_LENGTH: number = LIMITS.equationLength;

/** Options of {@link parseExpression}. */
export interface ParseOptions {
  /** The variable this equation defines, named in error messages. */
  readonly variable?: string | undefined;
  /** When given, every variable the equation reads must be in this set (else ISL_INVALID_EQUATION). */
  readonly knownVariables?: ReadonlySet<string> | undefined;
  /** Most characters (default 1000). */
  readonly maxLength?: number | undefined;
  /** Most nesting levels of parentheses, signs, calls and powers (default 64). */
  readonly maxDepth?: number | undefined;
  /** Most tokens (default 1000). */
  readonly maxTokens?: number | undefined;
}

/** What an expression may start with, for messages. */
const OPERAND_EXPECTED = "a number, a variable, a function call or '('";

/**
 * Parses one equation (the right-hand side of `variable = …`) into an AST.
 *
 * @param text - The equation, e.g. `"10000 + 500*Price - 200*Brand"`.
 * @param options - The variable it defines (for messages), known variables and limits.
 * @returns The root node; spans are 0-based offsets into `text`.
 * @throws IslError ISL_INVALID_EQUATION naming the variable, the column, and what was expected and
 *   found: for text that is not a string, empty, too long, too deeply nested or with too many tokens;
 *   unexpected characters or tokens; unbalanced parentheses; unknown functions or wrong argument
 *   counts; unknown variables (when `knownVariables` is given); chained comparisons.
 * @example parseExpression("-2**2") // unary minus applied to 2**2
 */
export function parseExpression(text: string, options: ParseOptions = {}): ExpressionNode {
  const source: EquationSource = { text: typeof text === "string" ? text : "", variable: options.variable };
  if (typeof text !== "string") {
    throw equationError(source, 0, `The equation must be a string (got ${text === null ? "null" : typeof text})`, {
      hints: ['Write the equation as text, e.g. "2 * X + 1".'],
    });
  }
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    throw equationError(source, maxLength, `Equation is too long (${text.length} characters; at most ${maxLength})`, {
      hints: ["Introduce intermediate variables, each with its own shorter equation."],
      details: { length: text.length, limit: maxLength },
    });
  }
  const tokens = tokenize(source, options.maxTokens ?? DEFAULT_MAX_TOKENS);
  if (tokens.length === 1) {
    throw equationError(source, 0, "Empty equation", { hints: ["Write an expression such as 2 * X + 1, or give the variable a distribution instead."] });
  }
  return new Parser(source, tokens, options.knownVariables, options.maxDepth ?? DEFAULT_MAX_DEPTH).parseAll();
}

/** Longest name shown in full in a message. */
const SHOWN_NAME_LENGTH = 60;

/** A name for a message: in full up to 60 characters, else cut with "…". */
function shortName(name: string): string {
  return name.length <= SHOWN_NAME_LENGTH ? name : `${name.slice(0, SHOWN_NAME_LENGTH)}…`;
}

/** One parse: a cursor over the tokens and the current nesting depth. */
class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly source: EquationSource,
    private readonly tokens: readonly Token[],
    private readonly knownVariables: ReadonlySet<string> | undefined,
    private readonly maxDepth: number,
  ) {}

  /** The whole equation: one expression, then the end. */
  parseAll(): ExpressionNode {
    const node = this.parseBinary(0);
    const next = this.peek();
    if (next.type !== "end") {
      if (next.type === ")") {
        throw equationError(this.source, next.start, "Unmatched ')'", { hints: ["Remove the ')' or add the matching '(' before it."] });
      }
      const implicit = next.type === "number" || next.type === "identifier" || next.type === "(";
      throw equationError(this.source, next.start, `Unexpected ${describeToken(next)}`, {
        expected: "an operator or the end of the equation",
        found: describeToken(next),
        ...(implicit ? { note: "Write '*' for multiplication (2 * x, not 2x or 2 x)." } : {}),
        hints: implicit ? ["Write '*' between factors: 2 * x, (a + b) * c."] : [],
      });
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private advance(): Token {
    const token = this.tokens[this.position]!;
    if (token.type !== "end") this.position++;
    return token;
  }

  /** Binary operators by precedence climbing; `minPrecedence` is the loosest operator accepted. */
  private parseBinary(minPrecedence: number): ExpressionNode {
    let left = this.parseUnary();
    let madeComparison = false;
    for (;;) {
      const token = this.peek();
      if (token.type !== "operator") return left;
      const operator = token.text as BinaryOperator;
      const precedence = BINARY_PRECEDENCE.get(operator)!;
      if (precedence < minPrecedence) return left;
      if (madeComparison && isComparison(operator)) {
        throw equationError(this.source, token.start, `Chained comparison '${operator}'`, {
          note: "Comparisons do not chain: write if(a < b, if(b < c, 1, 0), 0) or (a < b) * (b < c).",
          hints: ["Parenthesise to compare a comparison's 0/1 result on purpose: (a < b) < c."],
        });
      }
      this.advance();
      const right = this.parseBinary(precedence + 1);
      left = { kind: "binary", operator, left, right, start: left.start, end: right.end };
      madeComparison = isComparison(operator);
    }
  }

  /** A signed operand: `-u`, `+u`, or a power. Every nesting level passes through here. */
  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (++this.depth > this.maxDepth) {
      throw equationError(this.source, token.start, `Expression is nested too deeply (more than ${this.maxDepth} levels of parentheses, signs, calls or powers)`, {
        hints: ["Remove redundant parentheses or signs, or split the equation into intermediate variables."],
        details: { limit: this.maxDepth },
      });
    }
    let node: ExpressionNode;
    if (isOperator(token, "-") || isOperator(token, "+")) {
      this.advance();
      const operand = this.parseUnary();
      node = { kind: "unary", operator: token.text as "-" | "+", operand, start: token.start, end: operand.end };
    } else {
      node = this.parsePower();
    }
    this.depth--;
    return node;
  }

  /** `atom ** unary` (right-associative through {@link parseUnary}), or an atom. */
  private parsePower(): ExpressionNode {
    const base = this.parseAtom();
    if (!isOperator(this.peek(), "**")) return base;
    this.advance();
    const exponent = this.parseUnary();
    return { kind: "binary", operator: "**", left: base, right: exponent, start: base.start, end: exponent.end };
  }

  /** A number, a variable, a call or a parenthesised expression. */
  private parseAtom(): ExpressionNode {
    const token = this.advance();
    switch (token.type) {
      case "number":
        return { kind: "number", value: token.value, start: token.start, end: token.end };
      case "identifier":
        return this.peek().type === "(" ? this.parseCall(token) : this.variable(token);
      case "(": {
        const inner = this.parseBinary(0);
        const close = this.advance();
        if (close.type !== ")") {
          throw equationError(this.source, close.start, "Missing ')'", {
            expected: "')'",
            found: describeToken(close),
            note: `The '(' at column ${token.start + 1} is not closed.`,
            hints: ["Balance the parentheses."],
          });
        }
        return inner;
      }
      default: {
        const problem = token.type === "end" ? "Unexpected end of equation" : `Unexpected ${describeToken(token)}`;
        throw equationError(this.source, token.start, problem, {
          expected: OPERAND_EXPECTED,
          found: describeToken(token),
          hints: token.type === "end" ? ["Complete the expression after the last operator."] : [],
        });
      }
    }
  }

  /** A variable reference, checked against the known variables when they are given. */
  private variable(token: Token): ExpressionNode {
    const name = token.text;
    if (this.knownVariables !== undefined && !this.knownVariables.has(name)) {
      const shown = shortName(name);
      if (isFunctionName(name)) {
        throw equationError(this.source, token.start, `Function '${name}' is used without arguments`, {
          note: `Call it with parentheses: ${FUNCTIONS.get(name)!.signature}.`,
          hints: [`Write ${FUNCTIONS.get(name)!.signature}.`],
        });
      }
      const known = [...this.knownVariables].sort(compareNames);
      const suggestion = closestName(name, known);
      throw equationError(this.source, token.start, `Unknown variable '${shown}'`, {
        note: `${suggestion === undefined ? "" : `Did you mean '${suggestion}'? `}Known variables: ${known.length === 0 ? "(none)" : listNamesForMessage(known)}.`,
        hints: [
          ...(suggestion === undefined ? [] : [`Replace '${shown}' with '${suggestion}'.`]),
          `Define '${shown}' with an equation or a distribution, or use one of the known variables.`,
        ],
        details: { name: shown, ...(suggestion === undefined ? {} : { suggestion }) },
      });
    }
    return { kind: "variable", name, start: token.start, end: token.end };
  }

  /** `name(arg, …)` with the function and its argument count checked. */
  private parseCall(nameToken: Token): CallNode {
    const name = nameToken.text;
    if (!isFunctionName(name) && this.knownVariables?.has(name) === true) {
      throw equationError(this.source, nameToken.start, `'${shortName(name)}' is a variable, not a function`, {
        note: `Write '*' for multiplication: ${shortName(name)} * (…).`,
        hints: [`Write ${shortName(name)} * (…) to multiply.`],
      });
    }
    if (!isFunctionName(name)) {
      const suggestion = closestName(name, FUNCTION_NAMES);
      throw equationError(this.source, nameToken.start, `Unknown function '${shortName(name)}'`, {
        note: `${suggestion === undefined ? "" : `Did you mean '${suggestion}'? `}Known functions: ${FUNCTION_NAMES.join(", ")}.`,
        hints: ["Use one of the known functions, or write the computation with operators."],
        details: { name: shortName(name), knownFunctions: FUNCTION_NAMES, ...(suggestion === undefined ? {} : { suggestion }) },
      });
    }
    this.advance();
    const args: ExpressionNode[] = [];
    if (this.peek().type !== ")") {
      for (;;) {
        args.push(this.parseBinary(0));
        const separator = this.advance();
        if (separator.type === ")") break;
        if (separator.type !== ",") {
          throw equationError(this.source, separator.start, "Missing ')'", {
            expected: "',' or ')'",
            found: describeToken(separator),
            note: `The call to '${name}' at column ${nameToken.start + 1} is not closed.`,
            hints: ["Separate arguments with commas and close the call with ')'."],
          });
        }
      }
    } else {
      this.advance();
    }
    const arity = FUNCTIONS.get(name)!;
    if (args.length < arity.min || args.length > arity.max) {
      const count = arity.min === arity.max ? `${arity.min}` : arity.max === Infinity ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
      throw equationError(this.source, nameToken.start, `Wrong number of arguments for '${name}' (got ${args.length}; it takes ${count})`, {
        note: `Write ${arity.signature}.`,
        hints: [`Write ${arity.signature}.`],
        details: { name, arguments: args.length, signature: arity.signature },
      });
    }
    const close = this.tokens[this.position - 1]!;
    return { kind: "call", callee: name, args, start: nameToken.start, end: close.end };
  }
}
