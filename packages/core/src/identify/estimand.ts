/**
 * The estimand AST: expressions over the observational distribution of the observed variables, as
 * the ID and IDC algorithms produce them. Four node types: a probability term P(A | B), a product,
 * a marginalisation Σ_S (sum over the joint values of S), and a quotient. Nodes are immutable;
 * constructors validate and sort, so structurally equal expressions have equal keys.
 * Complexity: constructors O(k log k) in the number of variables; `freeVariables`, `estimandKey` and
 * `estimandSize` are memoised per node, so O(size) once per expression.
 * Reference: the expression language of I. Shpitser, J. Pearl, "Identification of joint interventional
 * distributions in recursive semi-Markovian causal models", AAAI 2006 (Σ, products, conditionals).
 *
 * Semantics. An expression with free variables F denotes a function of the values of F:
 * P(A | B) = P(A, B) / P(B) under the observational joint; a product multiplies; Σ_S E sums E over every
 * joint value of S (S is bound in E, shadowing any outer variable of the same name); N / D divides.
 * A bound variable is named after a node, optionally followed by primes (`X'`, `X''`): it ranges over
 * that node's values. The empty product is the constant 1.
 */
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";

/** P(variables | given): an observational (conditional) probability of observed variables. */
export interface ProbabilityTerm {
  readonly type: "probability";
  /** The variables whose probability this is; non-empty, sorted, no repeats. */
  readonly variables: readonly string[];
  /** The conditioning variables; sorted, no repeats, disjoint from `variables`. */
  readonly given: readonly string[];
}

/** The product of its factors; the empty product is 1. */
export interface ProductTerm {
  readonly type: "product";
  readonly factors: readonly Estimand[];
}

/** Σ_{over} body: the sum of `body` over every joint value of the variables `over` (sorted). */
export interface SumTerm {
  readonly type: "sum";
  readonly over: readonly string[];
  readonly body: Estimand;
}

/** numerator / denominator. */
export interface QuotientTerm {
  readonly type: "quotient";
  readonly numerator: Estimand;
  readonly denominator: Estimand;
}

/** An identification estimand: an expression over observational probabilities. */
export type Estimand = ProbabilityTerm | ProductTerm | SumTerm | QuotientTerm;

/** The constant 1 (the empty product). */
export const ESTIMAND_ONE: ProductTerm = Object.freeze({ type: "product", factors: Object.freeze([]) as readonly Estimand[] });

function sortedUnique(names: readonly string[], what: string): string[] {
  const out = [...names].sort(compareNames);
  for (let i = 1; i < out.length; i++) {
    if (out[i] === out[i - 1]) {
      throw new IslError("ISL_INVALID_INPUT", `Estimand ${what} lists '${out[i]!}' twice.`, {
        details: { field: what, variable: out[i] },
        recovery: { hints: ["List each variable once."], suggestion: `Remove the repeated '${out[i]!}'.` },
      });
    }
  }
  return out;
}

/**
 * P(variables | given).
 *
 * @param variables - Non-empty list of variable names.
 * @param given - Conditioning variable names (default none); must not overlap `variables`.
 * @returns The term, with both lists sorted by {@link compareNames}.
 * @throws IslError ISL_INVALID_INPUT for an empty variable list, repeats, or overlap.
 */
export function probabilityTerm(variables: readonly string[], given: readonly string[] = []): ProbabilityTerm {
  const vars = sortedUnique(variables, "probability variables");
  const cond = sortedUnique(given, "probability conditioning set");
  if (vars.length === 0) {
    throw new IslError("ISL_INVALID_INPUT", "A probability term needs at least one variable.", {
      details: { given: cond },
      recovery: { hints: ["Use the constant ESTIMAND_ONE for an empty product."], suggestion: "Give at least one variable." },
    });
  }
  const shared = vars.filter((v) => cond.includes(v));
  if (shared.length > 0) {
    throw new IslError("ISL_INVALID_INPUT", `A probability term cannot both ask for and condition on ${shared.join(", ")}.`, {
      details: { variables: vars, given: cond, shared },
      recovery: { hints: ["Remove the shared variables from one of the two lists."], suggestion: "Make the two lists disjoint." },
    });
  }
  return { type: "probability", variables: vars, given: cond };
}

/**
 * The product of `factors` (no simplification; see `simplifyEstimand`).
 *
 * @param factors - The factors, in the order given.
 * @returns The product node.
 */
export function productTerm(factors: readonly Estimand[]): ProductTerm {
  return factors.length === 0 ? ESTIMAND_ONE : { type: "product", factors: [...factors] };
}

/**
 * Σ_{over} body. An empty `over` is kept as a node (no simplification here).
 *
 * @param over - Variables summed over.
 * @param body - The summand.
 * @returns The sum node, `over` sorted.
 */
export function sumTerm(over: readonly string[], body: Estimand): SumTerm {
  return { type: "sum", over: sortedUnique(over, "sum variables"), body };
}

/**
 * numerator / denominator.
 *
 * @param numerator - The numerator.
 * @param denominator - The denominator.
 * @returns The quotient node.
 */
export function quotientTerm(numerator: Estimand, denominator: Estimand): QuotientTerm {
  return { type: "quotient", numerator, denominator };
}

/** True for the constant 1 (an empty product). */
export function isEstimandOne(e: Estimand): boolean {
  return e.type === "product" && e.factors.length === 0;
}

/**
 * The node a bound variable ranges over: its name without trailing primes (`X''` → `X`).
 *
 * @param name - A variable name as it appears in an estimand.
 * @returns The node name.
 */
export function variableNode(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 39) end--;
  return name.slice(0, end);
}

const freeMemo = new WeakMap<Estimand, ReadonlySet<string>>();

/**
 * The free variables of an expression (those not bound by an enclosing Σ inside it).
 *
 * @param e - The expression.
 * @returns The set of free variable names (memoised; do not mutate).
 */
export function freeVariables(e: Estimand): ReadonlySet<string> {
  const cached = freeMemo.get(e);
  if (cached !== undefined) return cached;
  let out: Set<string>;
  switch (e.type) {
    case "probability":
      out = new Set([...e.variables, ...e.given]);
      break;
    case "product":
      out = new Set();
      for (const f of e.factors) for (const v of freeVariables(f)) out.add(v);
      break;
    case "sum": {
      out = new Set(freeVariables(e.body));
      for (const v of e.over) out.delete(v);
      break;
    }
    case "quotient":
      out = new Set([...freeVariables(e.numerator), ...freeVariables(e.denominator)]);
      break;
  }
  freeMemo.set(e, out);
  return out;
}

const keyMemo = new WeakMap<Estimand, string>();

/**
 * A canonical string of an expression: equal keys ⇔ structurally equal trees (same node types,
 * variables and factor order). Used for cancellation and deterministic ordering.
 *
 * @param e - The expression.
 * @returns The key (memoised).
 */
export function estimandKey(e: Estimand): string {
  const cached = keyMemo.get(e);
  if (cached !== undefined) return cached;
  let key: string;
  switch (e.type) {
    case "probability":
      key = `P(${e.variables.join(",")}|${e.given.join(",")})`;
      break;
    case "product":
      key = `*[${e.factors.map(estimandKey).join(";")}]`;
      break;
    case "sum":
      key = `S{${e.over.join(",")}}[${estimandKey(e.body)}]`;
      break;
    case "quotient":
      key = `/[${estimandKey(e.numerator)};${estimandKey(e.denominator)}]`;
      break;
  }
  keyMemo.set(e, key);
  return key;
}

const sizeMemo = new WeakMap<Estimand, number>();

/**
 * The number of nodes of an expression tree (shared subtrees counted each time they occur), capped
 * at `Number.MAX_SAFE_INTEGER`.
 *
 * @param e - The expression.
 * @returns Its size.
 */
export function estimandSize(e: Estimand): number {
  const cached = sizeMemo.get(e);
  if (cached !== undefined) return cached;
  let size: number;
  switch (e.type) {
    case "probability":
      size = 1;
      break;
    case "product":
      size = 1 + e.factors.reduce((s, f) => s + estimandSize(f), 0);
      break;
    case "sum":
      size = 1 + estimandSize(e.body);
      break;
    case "quotient":
      size = 1 + estimandSize(e.numerator) + estimandSize(e.denominator);
      break;
  }
  size = Math.min(size, Number.MAX_SAFE_INTEGER);
  sizeMemo.set(e, size);
  return size;
}
