/**
 * Abduction plan for a counterfactual query (the first step of Pearl's abduction–action–prediction):
 * from the observed facts about a unit (`context`), decides structurally how each fact is used.
 * - An exogenous variable (or a declared input) in context is fixed to the observed value.
 * - An observed endogenous variable V "claims" its one free exogenous term U (a distribution
 *   variable that V's equation reads directly, not fixed by context and not claimed by an earlier
 *   observation in topological order); V's equation must be affine in U (affine-occurrence.ts), and U
 *   is then solved per sample: U = (v − A) / B with A = f(U = 0), B = f(U = 1) − A.
 * - An observed endogenous variable without a free term is checked: its equation must reproduce the
 *   observed value in every sample.
 * Refused (ISL_VALIDATION_ERROR, 422, naming the equation): a term entering non-affinely, two or more
 * free terms, a solved term that also reaches V through another variable, a factual value needed
 * from an input that context does not give. The steps come out in dependency order (a solved U is
 * available once V's other parents are). Semantics and limits: docs/counterfactual.md.
 * Complexity: O(V + E + total equation size). Reference: J. Pearl, "Causality" (2nd ed., 2009),
 * §7.1.1 (Theorem 7.1.7, abduction–action–prediction).
 */
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { affineDegree } from "./affine-occurrence.js";
import { listVariables, type StructuralCausalModel } from "./model.js";

/** One step of the factual (observed) world, in the order it must run. */
export type AbductionStep =
  | { readonly kind: "compute"; readonly variable: string }
  | { readonly kind: "solve"; readonly variable: string; readonly exogenous: string; readonly value: number }
  | { readonly kind: "check"; readonly variable: string; readonly value: number };

/** How a query's context is used; see the file header. */
export interface AbductionPlan {
  /** Exogenous variables and inputs fixed by context, with their values. */
  readonly fixed: ReadonlyMap<string, number>;
  /** Observed endogenous variables with their values. */
  readonly observed: ReadonlyMap<string, number>;
  /** Solved exogenous term → the observed variable it is solved from. */
  readonly solvedBy: ReadonlyMap<string, string>;
  /** Steps of the factual world (empty when nothing endogenous is observed). */
  readonly steps: readonly AbductionStep[];
  /** Exogenous variables drawn from their distributions (neither fixed nor solved), sorted. */
  readonly free: readonly string[];
}

/**
 * Plans the abduction for a context.
 *
 * @param model - The structural model.
 * @param context - Observed values of this unit (variable → value).
 * @returns The plan.
 * @throws IslError ISL_INVALID_INPUT for a context variable the model does not have or a non-finite
 *   value; ISL_VALIDATION_ERROR (422) when an observation cannot be inverted (see the file header).
 */
export function planAbduction(model: StructuralCausalModel, context: ReadonlyMap<string, number>): AbductionPlan {
  const fixed = new Map<string, number>();
  const observed = new Map<string, number>();
  for (const [name, value] of [...context].sort((a, b) => compareNames(a[0], b[0]))) {
    if (!model.slotOf.has(name)) {
      throw new IslError("ISL_INVALID_INPUT", `context names '${name}', which is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
        details: { field: "context", variable: name, variables: model.order.slice(0, 200) },
        recovery: { hints: ["Give context values only for variables that have an equation or a distribution."], suggestion: `Remove '${name}' from context or fix its name.` },
      });
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new IslError("ISL_INVALID_INPUT", `The context value of '${name}' must be a finite number (got ${String(value)}).`, {
        details: { field: "context", variable: name, value: String(value) },
        recovery: { hints: ["NaN and ±Infinity cannot be observed."], suggestion: `Give '${name}' a finite value.` },
      });
    }
    if (model.equations.has(name)) observed.set(name, value);
    else fixed.set(name, value);
  }

  const solvedBy = new Map<string, string>();
  const solves = new Map<string, string>();
  for (const variable of model.order) {
    if (!observed.has(variable)) continue;
    const equation = model.equations.get(variable)!;
    const candidates = equation.parents.filter((p) => model.distributions.has(p) && !fixed.has(p) && !solvedBy.has(p));
    if (candidates.length > 1) {
      throw abductionError(model, variable, `reads ${candidates.length} exogenous terms that are neither observed nor already inferred (${candidates.map((c) => `'${c}'`).join(", ")}), so one observation cannot determine them`, { exogenous: candidates }, [
        `Add all but one of ${candidates.map((c) => `'${c}'`).join(", ")} to context, or observe another variable that reads them.`,
      ]);
    }
    if (candidates.length === 1) {
      const term = candidates[0]!;
      if (affineDegree(equation.expression, term) !== 1) {
        throw abductionError(model, variable, `uses its exogenous term '${term}' non-invertibly (only equations affine in the term, such as f(parents) + ${term} or f(parents) + g(parents)·${term}, can be solved for it)`, { exogenous: [term] }, [
          `Write the equation with additive noise, e.g. '${variable} = … + ${term}'.`,
          `Or give '${term}' in context instead of '${variable}'.`,
        ]);
      }
      solvedBy.set(term, variable);
      solves.set(variable, term);
    }
  }

  const steps: AbductionStep[] = [];
  const done = new Set<string>();
  const active: string[] = [];
  const need = (name: string): void => {
    if (done.has(name)) return;
    if (active.includes(name)) {
      const from = active.indexOf(name);
      throw cycleError(model, [...active.slice(from), name], solvedBy);
    }
    active.push(name);
    const equation = model.equations.get(name);
    if (equation !== undefined) {
      const term = solves.get(name);
      for (const parent of equation.parents) if (parent !== term) need(parent);
      const value = observed.get(name);
      if (value === undefined) steps.push({ kind: "compute", variable: name });
      else if (term !== undefined) steps.push({ kind: "solve", variable: name, exogenous: term, value });
      else steps.push({ kind: "check", variable: name, value });
    } else if (solvedBy.has(name)) need(solvedBy.get(name)!);
    else if (!model.distributions.has(name) && !fixed.has(name)) {
      throw new IslError("ISL_VALIDATION_ERROR", `The observed values in context depend on the input '${name}', whose factual value is not given. Abduction needs every input's observed value.`, {
        details: { variable: name, observed: [...observed.keys()] },
        recovery: { hints: [`Add '${name}' to context with the value it had for this unit.`], suggestion: `Give '${name}' in context.` },
      });
    }
    active.pop();
    done.add(name);
  };
  for (const variable of model.order) if (observed.has(variable)) need(variable);

  const free = model.exogenous.filter((name) => !fixed.has(name) && !solvedBy.has(name));
  return { fixed, observed, solvedBy, steps, free };
}

/** ISL_VALIDATION_ERROR for an observation that cannot be inverted. */
function abductionError(model: StructuralCausalModel, variable: string, problem: string, details: Record<string, unknown>, hints: string[]): IslError {
  const text = model.equations.get(variable)!.text;
  return new IslError("ISL_VALIDATION_ERROR", `Cannot use the observed value of '${variable}': its equation (${variable} = ${text.slice(0, 200)}) ${problem}.`, {
    details: { variable, equation: text.slice(0, 1000), ...details },
    recovery: { hints, suggestion: `Remove '${variable}' from context, or make its equation invertible in one exogenous term.` },
  });
}

/** ISL_VALIDATION_ERROR for a solved term that also reaches its observed variable by another path. */
function cycleError(model: StructuralCausalModel, path: string[], solvedBy: ReadonlyMap<string, string>): IslError {
  const term = path.find((name) => solvedBy.has(name)) ?? path[0]!;
  const variable = solvedBy.get(term) ?? path[0]!;
  return abductionError(model, variable, `is solved for '${term}', but '${term}' also reaches '${variable}' through other variables (${path.join(" → ")}), so the observation is not invertible in '${term}' alone`, { exogenous: [term], path }, [
    `Give '${term}' in context directly, or remove '${variable}' from context.`,
  ]);
}
