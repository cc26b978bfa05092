/**
 * Readable bound variables: renames every variable bound by a Σ that would otherwise shadow a name
 * visible at that point (a free variable of the whole estimand, a reserved name such as a query
 * variable, or a variable bound further out) to
 * the node's name with primes (`X` → `X'` → `X''`), so each printed name has one meaning. The
 * renaming is capture-avoiding (α-conversion), so the estimand's value is unchanged.
 * Complexity: O(size · depth) for the scope sets.
 * Reference: α-conversion (Church 1941); the primed notation is that of the front-door formula,
 * Σ_m P(m | x) Σ_{x'} P(y | m, x') P(x') (Pearl, "Causality", 2009, §3.3.2).
 */
import { freeVariables, probabilityTerm, productTerm, quotientTerm, sumTerm, variableNode, type Estimand } from "./estimand.js";

function rename(e: Estimand, visible: ReadonlySet<string>, mapping: ReadonlyMap<string, string>): Estimand {
  const map = (v: string): string => mapping.get(v) ?? v;
  switch (e.type) {
    case "probability":
      return mapping.size === 0 ? e : probabilityTerm(e.variables.map(map), e.given.map(map));
    case "product":
      return productTerm(e.factors.map((f) => rename(f, visible, mapping)));
    case "quotient":
      return quotientTerm(rename(e.numerator, visible, mapping), rename(e.denominator, visible, mapping));
    case "sum": {
      const innerVisible = new Set(visible);
      const innerMapping = new Map(mapping);
      const over: string[] = [];
      for (const v of e.over) {
        let name = variableNode(v);
        while (innerVisible.has(name)) name += "'";
        innerMapping.set(v, name);
        innerVisible.add(name);
        over.push(name);
      }
      return sumTerm(over, rename(e.body, innerVisible, innerMapping));
    }
  }
}

/**
 * Renames bound variables so that none shadows a visible name (see the module header).
 *
 * @param e - The estimand.
 * @param reserved - Further names a bound variable must not take (e.g. the query's treatment, so that a
 *   formula that does not depend on X reads Σ_{X'} …, not Σ_{X} …).
 * @returns An equal estimand whose bound variables are node names, primed where needed.
 */
export function renameBoundVariables(e: Estimand, reserved: Iterable<string> = []): Estimand {
  return rename(e, new Set([...freeVariables(e), ...reserved]), new Map());
}
