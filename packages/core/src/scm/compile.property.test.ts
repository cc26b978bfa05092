/**
 * Differential and round-trip properties of the expression language on random trees (fast-check,
 * seeded): printing then parsing gives the same tree; the compiled column evaluator (constant
 * folding, fused affine loops, registers, blocks) equals the naive tree-walking interpreter on every
 * sample, bit for bit (Object.is: −0 ≠ +0, NaN = NaN), on inputs that include every IEEE special value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VARIABLES, expressionArbitrary, sampleValue, withoutPositions } from "../../test/scm/expression-support.js";
import { BLOCK_SIZE, compileColumns, evaluateScalar, foldConstants, parseExpression, printExpression, type ExpressionNode } from "./index.js";

const KNOWN = new Set<string>(VARIABLES);

/** Evaluates `node` over the columns both ways and returns the first mismatch, if any. */
function firstMismatch(node: ExpressionNode, columns: Map<string, Float64Array>, n: number): string | undefined {
  const out = new Float64Array(n);
  compileColumns(node, columns)(out, n);
  for (let i = 0; i < n; i++) {
    const env = new Map<string, number>();
    for (const [name, column] of columns) env.set(name, column[i]!);
    const expected = evaluateScalar(node, env);
    if (!Object.is(out[i], expected)) return `sample ${i}: compiled ${out[i]} vs interpreter ${expected} for ${printExpression(node)} with ${JSON.stringify([...env].map(([k, v]) => [k, String(v)]))}`;
  }
  return undefined;
}

/** Columns of `n` samples for every variable, from a flat list of values. */
function columnsFrom(values: readonly number[], n: number): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  VARIABLES.forEach((name, v) => columns.set(name, Float64Array.from({ length: n }, (_, i) => values[(v * n + i) % values.length]!)));
  return columns;
}

describe("expression language properties", () => {
  it("print then parse gives the same tree", () => {
    fc.assert(
      fc.property(expressionArbitrary(6), (node) => {
        const text = printExpression(node);
        expect(withoutPositions(parseExpression(text, { knownVariables: KNOWN }))).toEqual(withoutPositions(node));
        expect(printExpression(parseExpression(text))).toBe(text);
      }),
      { seed: 4_101, numRuns: 1500 },
    );
  });

  it("compiled column evaluation equals the interpreter bit for bit", () => {
    fc.assert(
      fc.property(expressionArbitrary(5), fc.array(sampleValue, { minLength: 1, maxLength: 64 }), fc.integer({ min: 1, max: 24 }), (tree, values, n) => {
        const node = parseExpression(printExpression(tree), { knownVariables: KNOWN });
        expect(firstMismatch(node, columnsFrom(values, n), n)).toBeUndefined();
      }),
      { seed: 4_102, numRuns: 2500 },
    );
  });

  it("stays exact across blocks and for affine chains with special values", () => {
    const chain = fc.array(
      fc.tuple(
        fc.constantFrom("+", "-"),
        fc.oneof(
          fc.constantFrom(...VARIABLES),
          fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(...VARIABLES)).map(([c, v]) => `${printExpression({ kind: "number", value: c, start: 0, end: 0 })} * ${v}`),
          fc.constantFrom("0", "1.5", "sqrt(abs(a))", "(b - c)", "-a", "-(2 * b)", "a / 3", "c * 0.25", "if(a > b, a, b)"),
        ),
      ),
      { minLength: 1, maxLength: 11 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...VARIABLES), chain, fc.array(sampleValue, { minLength: 5, maxLength: 40 }), (head, rest, values) => {
        const text = rest.reduce<string>((acc, [op, term]) => `${acc} ${op} ${term}`, head);
        const node = parseExpression(text);
        expect(firstMismatch(node, columnsFrom(values, 37), 37)).toBeUndefined();
      }),
      { seed: 4_103, numRuns: 1500 },
    );
    const big = BLOCK_SIZE * 2 + 123;
    for (const text of ["0.5 * a - 2 * b + c + 1", "if(a > 0, sqrt(a), -b) * max(b, c, 0.5) // 3", "(a - b) ** 2 % 7 + logistic(c) - clip(a, -1, 1)"]) {
      const values = Array.from({ length: 997 }, (_, i) => (i % 13 === 0 ? Number.NaN : Math.sin(i) * 10 ** ((i % 7) - 3)));
      expect(firstMismatch(parseExpression(text), columnsFrom(values, big), big)).toBeUndefined();
    }
  });

  it("constant folding changes no result", () => {
    fc.assert(
      fc.property(expressionArbitrary(5), fc.array(sampleValue, { minLength: VARIABLES.length, maxLength: VARIABLES.length }), (node, values) => {
        const env = new Map(VARIABLES.map((name, i) => [name, values[i]!]));
        expect(Object.is(evaluateScalar(foldConstants(node), env), evaluateScalar(node, env))).toBe(true);
      }),
      { seed: 4_104, numRuns: 2000 },
    );
  });
});
