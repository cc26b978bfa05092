/**
 * Affine chains: a left-leaning sum `t0 ± t1 ± … ± tm` whose terms are constants, variables,
 * `c*v`, `v*c` or `-v`, evaluated by fused loops `out[i] = c0*a0[i] + c1*a1[i] + …` (up to four
 * terms per pass) instead of one pass per operator. Terms that are not of that form join the chain
 * as precomputed columns with coefficient ±1. The fused form performs the same IEEE operations in
 * the same order as the tree: `a - c*v` = `a + (-c)*v` and `1*v` = `v` and `c*1` = `c` exactly, and
 * JavaScript never contracts `a + b*c` into a fused multiply–add, so results are bit-identical.
 * Complexity: O(m) to detect; O(n · m) per evaluation in ⌈m/4⌉ passes. Reference: none (loop fusion,
 * as in array compilers; e.g. numexpr's blocked evaluation).
 */
import type { ExpressionNode } from "./ast.js";

/** Where a term's values come from. */
export type AffineSource =
  | { readonly kind: "column"; readonly slot: number }
  | { readonly kind: "ones" }
  | { readonly kind: "node"; readonly node: ExpressionNode };

/** One term `coefficient * source[i]` of an affine chain. */
export interface AffineTerm {
  readonly coefficient: number;
  readonly source: AffineSource;
}

/**
 * The terms of `node` when it is a chain of at least two `+`/`-` terms, else undefined.
 *
 * @param node - A folded expression.
 * @param slotOf - Slot of each variable.
 * @returns Terms in evaluation order; the first has the sign +.
 */
export function affineTerms(node: ExpressionNode, slotOf: (name: string) => number): AffineTerm[] | undefined {
  if (node.kind !== "binary" || (node.operator !== "+" && node.operator !== "-")) return undefined;
  const reversed: AffineTerm[] = [];
  let spine: ExpressionNode = node;
  while (spine.kind === "binary" && (spine.operator === "+" || spine.operator === "-")) {
    reversed.push(classify(spine.right, spine.operator === "-" ? -1 : 1, slotOf));
    spine = spine.left;
  }
  reversed.push(classify(spine, 1, slotOf));
  return reversed.reverse();
}

/** A term with sign `sign`: simple forms become coefficient × column, the rest a computed node. */
function classify(node: ExpressionNode, sign: 1 | -1, slotOf: (name: string) => number): AffineTerm {
  if (node.kind === "number") return { coefficient: sign * node.value, source: { kind: "ones" } };
  const scaled = scaledVariable(node);
  if (scaled !== undefined) return { coefficient: sign * scaled.coefficient, source: { kind: "column", slot: slotOf(scaled.name) } };
  if (node.kind === "unary" && node.operator === "-") {
    const inner = scaledVariable(node.operand);
    if (inner !== undefined) return { coefficient: -sign * inner.coefficient, source: { kind: "column", slot: slotOf(inner.name) } };
  }
  return { coefficient: sign, source: { kind: "node", node } };
}

/** `v` as 1·v, `c*v` and `v*c` as c·v; anything else undefined. */
function scaledVariable(node: ExpressionNode): { coefficient: number; name: string } | undefined {
  if (node.kind === "variable") return { coefficient: 1, name: node.name };
  if (node.kind === "binary" && node.operator === "*") {
    if (node.left.kind === "number" && node.right.kind === "variable") return { coefficient: node.left.value, name: node.right.name };
    if (node.left.kind === "variable" && node.right.kind === "number") return { coefficient: node.right.value, name: node.left.name };
  }
  return undefined;
}

/**
 * Evaluates `out[i] = Σ_k coefficients[k] * arrays[k][i]` left to right (or, when `accumulate`,
 * `out[i] = out[i] + Σ …`), four terms per pass.
 *
 * @param out - Output.
 * @param coefficients - Term coefficients.
 * @param arrays - Term columns (same length as `coefficients`).
 * @param accumulate - Whether `out` already holds the first term.
 * @param n - Number of elements.
 */
export function fusedAffine(out: Float64Array, coefficients: Float64Array, arrays: readonly Float64Array[], accumulate: boolean, n: number): void {
  const m = arrays.length;
  let k = 0;
  if (!accumulate) {
    const size = Math.min(4, m);
    if (size === 1) first1(out, coefficients[0]!, arrays[0]!, n);
    else if (size === 2) first2(out, coefficients[0]!, arrays[0]!, coefficients[1]!, arrays[1]!, n);
    else if (size === 3) first3(out, coefficients[0]!, arrays[0]!, coefficients[1]!, arrays[1]!, coefficients[2]!, arrays[2]!, n);
    else first4(out, coefficients[0]!, arrays[0]!, coefficients[1]!, arrays[1]!, coefficients[2]!, arrays[2]!, coefficients[3]!, arrays[3]!, n);
    k = size;
  }
  while (k < m) {
    const size = Math.min(4, m - k);
    if (size === 1) add1(out, coefficients[k]!, arrays[k]!, n);
    else if (size === 2) add2(out, coefficients[k]!, arrays[k]!, coefficients[k + 1]!, arrays[k + 1]!, n);
    else if (size === 3) add3(out, coefficients[k]!, arrays[k]!, coefficients[k + 1]!, arrays[k + 1]!, coefficients[k + 2]!, arrays[k + 2]!, n);
    else add4(out, coefficients[k]!, arrays[k]!, coefficients[k + 1]!, arrays[k + 1]!, coefficients[k + 2]!, arrays[k + 2]!, coefficients[k + 3]!, arrays[k + 3]!, n);
    k += size;
  }
}

type F = Float64Array;

function first1(o: F, c0: number, a0: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = c0 * a0[i]!;
}
function first2(o: F, c0: number, a0: F, c1: number, a1: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = c0 * a0[i]! + c1 * a1[i]!;
}
function first3(o: F, c0: number, a0: F, c1: number, a1: F, c2: number, a2: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = c0 * a0[i]! + c1 * a1[i]! + c2 * a2[i]!;
}
function first4(o: F, c0: number, a0: F, c1: number, a1: F, c2: number, a2: F, c3: number, a3: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = c0 * a0[i]! + c1 * a1[i]! + c2 * a2[i]! + c3 * a3[i]!;
}
function add1(o: F, c0: number, a0: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = o[i]! + c0 * a0[i]!;
}
function add2(o: F, c0: number, a0: F, c1: number, a1: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = o[i]! + c0 * a0[i]! + c1 * a1[i]!;
}
function add3(o: F, c0: number, a0: F, c1: number, a1: F, c2: number, a2: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = o[i]! + c0 * a0[i]! + c1 * a1[i]! + c2 * a2[i]!;
}
function add4(o: F, c0: number, a0: F, c1: number, a1: F, c2: number, a2: F, c3: number, a3: F, n: number): void {
  for (let i = 0; i < n; i++) o[i] = o[i]! + c0 * a0[i]! + c1 * a1[i]! + c2 * a2[i]! + c3 * a3[i]!;
}
