/**
 * The expected outcome of a model as a function of one of its parameters, under fixed
 * interventions, with common random numbers (the same stream for every value, so differences
 * between values are free of Monte Carlo noise for location and scale parameters); and the default
 * outcome of a model (its unique sink). Complexity: one model build and simulation per value.
 * Reference: J. Pearl, "Causality" (2nd ed., 2009), §3.2 (do()).
 */
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import type { Rng } from "../random/index.js";
import { parseExpression, referencedVariables, type StructuralModelInput } from "../scm/index.js";
import { createUnitModel } from "../explain/unit-model.js";
import type { ModelParameter } from "./model-parameter.js";

/** Options of {@link parameterOutcome}. */
export interface ParameterOutcomeOptions {
  readonly parameter: ModelParameter;
  readonly outcome: string;
  readonly intervention: ReadonlyMap<string, number>;
  readonly samples: number;
  readonly rng: Rng;
  readonly signal?: AbortSignal | undefined;
}

/**
 * E[outcome | do(intervention)] as a function of the parameter's value.
 *
 * @param options - Parameter, outcome, intervention, samples, stream.
 * @returns The function, and whether the model is deterministic (one sample).
 */
export function parameterOutcome(options: ParameterOutcomeOptions): { readonly outcomeOf: (value: number) => number; readonly deterministic: (value: number) => boolean } {
  const unitAt = (value: number) => {
    const { model, interventions } = options.parameter.at(value);
    const all = new Map([...options.intervention, ...interventions]);
    return { unit: createUnitModel({ model, outcome: options.outcome, state: all, levers: [...all.keys()], samples: options.samples, rng: options.rng, signal: options.signal }), all };
  };
  return {
    outcomeOf: (value) => {
      const { unit, all } = unitAt(value);
      return unit.evaluate(all).mean;
    },
    deterministic: (value) => unitAt(value).unit.deterministic,
  };
}

/**
 * The outcome variable: `requested` when given, else the model's unique sink (an equation variable
 * that no equation reads).
 *
 * @param model - The model JSON.
 * @param requested - The request's `outcome`, if any.
 * @returns The outcome name.
 * @throws IslError ISL_VALIDATION_ERROR when there is no unique sink and no outcome was given.
 */
export function resolveOutcome(model: StructuralModelInput, requested: string | null | undefined): string {
  if (requested != null) return requested;
  const equations = model.equations ?? {};
  const read = new Set<string>();
  for (const [variable, text] of Object.entries(equations)) for (const r of referencedVariables(parseExpression(text, { variable }))) read.add(r.name);
  const sinks = Object.keys(equations).filter((v) => !read.has(v)).sort(compareNames);
  if (sinks.length === 1) return sinks[0]!;
  throw new IslError("ISL_VALIDATION_ERROR", `outcome is required: the model has ${sinks.length === 0 ? "no equation variable that no other equation reads" : `${sinks.length} candidate outcomes (${sinks.join(", ")})`}.`, {
    details: { field: "outcome", candidates: sinks },
    recovery: { hints: ["Name the variable whose value the conclusion is about."], suggestion: `Add "outcome": "${sinks[0] ?? "Y"}".` },
  });
}
