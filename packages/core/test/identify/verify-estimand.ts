/**
 * The numeric estimand check: on a random discrete model with explicit latent variables, the
 * estimand evaluated on the observational joint must equal the true P(y | do(x), z) computed by
 * enumeration in the mutilated model — exactly (rational arithmetic), for every value of x, y, z and
 * of any other variable the estimand mentions (it must not depend on them).
 */
import { freeVariables, type Estimand } from "../../src/identify/estimand.js";
import { interventionalConditional, observedJoint, type DiscreteModel } from "./discrete-model.js";
import { EstimandEvaluator } from "./evaluate-estimand.js";

/**
 * Checks `estimands` (equal-valued alternatives, e.g. raw and simplified) against the truth.
 *
 * @returns The number of value assignments compared per estimand.
 * @throws Error describing the first mismatch.
 */
export function verifyEstimands(model: DiscreteModel, estimands: readonly Estimand[], x: string[], y: string[], z: string[] = []): number {
  const evaluator = new EstimandEvaluator(observedJoint(model));
  const truth = interventionalConditional(model, x, y, z);
  const query = new Set([...x, ...y, ...z]);
  const domain = new Map(model.names.map((v, i) => [v, model.domain[i]!]));
  let checked = 0;
  for (const estimand of estimands) {
    const extra = [...freeVariables(estimand)].filter((v) => !query.has(v)).sort();
    for (const v of extra) if (!model.observed[model.names.indexOf(v)]) throw new Error(`estimand has free variable '${v}', not an observed node`);
    const vars = [...query, ...extra];
    let assignments: Map<string, number>[] = [new Map()];
    for (const v of vars) assignments = assignments.flatMap((a) => Array.from({ length: domain.get(v)! }, (_, k) => new Map([...a, [v, k]])));
    checked = assignments.length;
    for (const values of assignments) {
      const expected = truth(values);
      const actual = evaluator.evaluate(estimand, values);
      if (!actual.equals(expected)) {
        throw new Error(`estimand ≠ truth at ${JSON.stringify([...values])}: ${actual.toFraction()} vs ${expected.toFraction()}`);
      }
    }
  }
  return checked;
}
