/**
 * Exact evaluation of an estimand on an observational joint (fraction.js), following the AST's
 * semantics directly: P(A | B) = P(A, B) / P(B) from margins of the table; Σ_S binds S (shadowing);
 * a bound name `X'` ranges over the values of node X. Memoised on (node, values of its free
 * variables), so nested sums cost polynomially.
 */
import Fraction from "fraction.js";
import { variableNode, freeVariables, type Estimand } from "../../src/identify/estimand.js";
import type { ObservedJoint } from "./discrete-model.js";

/** Evaluates estimands on one observational joint. */
export class EstimandEvaluator {
  private readonly position: Map<string, number>;
  private readonly margins = new Map<string, Map<number, Fraction>>();
  private readonly memo = new WeakMap<Estimand, Map<string, Fraction>>();

  constructor(private readonly joint: ObservedJoint) {
    this.position = new Map(joint.names.map((v, i) => [v, i]));
  }

  private domainOf(name: string): number {
    const i = this.position.get(variableNode(name));
    if (i === undefined) throw new Error(`estimand mentions '${name}', which is not an observed variable`);
    return this.joint.domain[i]!;
  }

  /** The margin of the (sorted) observed variables `vars`, by mixed-radix code of their values. */
  private margin(vars: readonly string[]): Map<number, Fraction> {
    const key = vars.join(",");
    const cached = this.margins.get(key);
    if (cached !== undefined) return cached;
    const idx = vars.map((v) => this.position.get(v)!);
    const out = new Map<number, Fraction>();
    const n = this.joint.names.length;
    const digits = new Int32Array(n);
    for (let code = 0; code < this.joint.table.length; code++) {
      let rest = code;
      for (let i = n - 1; i >= 0; i--) {
        digits[i] = rest % this.joint.domain[i]!;
        rest = Math.floor(rest / this.joint.domain[i]!);
      }
      let m = 0;
      for (const i of idx) m = m * this.joint.domain[i]! + digits[i]!;
      out.set(m, (out.get(m) ?? new Fraction(0)).add(this.joint.table[code]!));
    }
    this.margins.set(key, out);
    return out;
  }

  private probabilityOf(vars: readonly string[], env: ReadonlyMap<string, number>): Fraction {
    if (vars.length === 0) return new Fraction(1);
    const sorted = [...vars].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let code = 0;
    for (const v of sorted) code = code * this.joint.domain[this.position.get(v)!]! + env.get(v)!;
    return this.margin(sorted).get(code) ?? new Fraction(0);
  }

  /**
   * The value of `e` under `env` (values of at least its free variables, by name).
   *
   * @throws Error when a free variable has no value.
   */
  evaluate(e: Estimand, env: ReadonlyMap<string, number>): Fraction {
    const free = [...freeVariables(e)].sort();
    for (const v of free) if (!env.has(v)) throw new Error(`no value for free variable '${v}'`);
    const key = free.map((v) => env.get(v)).join(",");
    let cache = this.memo.get(e);
    if (cache === undefined) {
      cache = new Map();
      this.memo.set(e, cache);
    }
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let out: Fraction;
    switch (e.type) {
      case "probability": {
        // Names in a term are node names or primed bound names; look values up under the term's names.
        const lookup = (names: readonly string[]): Map<string, number> => new Map(names.map((v) => [variableNode(v), env.get(v)!]));
        const joint = lookup([...e.variables, ...e.given]);
        if (joint.size !== e.variables.length + e.given.length) throw new Error("a term names one node twice");
        const num = this.probabilityOf([...joint.keys()], joint);
        const cond = lookup(e.given);
        out = num.div(this.probabilityOf([...cond.keys()], cond));
        break;
      }
      case "product":
        out = e.factors.reduce((acc, f) => acc.mul(this.evaluate(f, env)), new Fraction(1));
        break;
      case "quotient":
        out = this.evaluate(e.numerator, env).div(this.evaluate(e.denominator, env));
        break;
      case "sum": {
        out = new Fraction(0);
        const inner = new Map(env);
        const walk = (k: number): void => {
          if (k === e.over.length) {
            out = out.add(this.evaluate(e.body, inner));
            return;
          }
          const v = e.over[k]!;
          for (let value = 0; value < this.domainOf(v); value++) {
            inner.set(v, value);
            walk(k + 1);
          }
        };
        walk(0);
        break;
      }
    }
    cache.set(key, out);
    return out;
  }
}
