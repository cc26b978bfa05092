/**
 * Input resolution for FACET robustness analysis: picks the structural model (`structural_model`,
 * else a `causal_model` of the same shape), builds it, and checks the intervention proposal, the
 * target outcome ranges and the feasible ranges against it, resolving the default feasible range of
 * each intervened variable to value·(1 ± r) (upstream wrongly assumed [0, 100] for every variable).
 * Complexity: O(model size + number of variables). Reference: upstream-algorithms §3.11 and bug #11.
 */
import { StructuralModel } from "@olumi/contracts";
import { z } from "zod";
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { buildStructuralModel, type StructuralCausalModel } from "../scm/index.js";
import { listVariables } from "../scm/model.js";

/** An axis-aligned range `[lo, hi]`. */
export type Range = readonly [number, number];

/** What {@link resolveRobustnessInput} needs: the request's fields in camelCase. */
export interface RobustnessInput {
  /** Upstream `structural_model`: `{variables, equations, distributions, context?}`. Takes precedence. */
  readonly structuralModel?: unknown;
  /** Upstream `causal_model`: used only when `structuralModel` is absent, and only if it has the StructuralModel shape. */
  readonly causalModel?: unknown;
  /** `{variable: value}`: the intervention do(variable = value) being proposed. */
  readonly interventionProposal: Readonly<Record<string, number>>;
  /** `{outcome: [lo, hi]}`: every outcome must land in its range. */
  readonly targetOutcome: Readonly<Record<string, Range>>;
  /** Relative radius r ∈ (0, 1] of the default feasible range value·(1 ± r). */
  readonly perturbationRadius: number;
  /** `{variable: [lo, hi]}` for some or all intervened variables. */
  readonly feasibleRanges?: Readonly<Record<string, Range>> | null | undefined;
}

/** A checked problem: model, intervened variables (sorted) with proposal and feasible range, targets. */
export interface ResolvedRobustnessInput {
  readonly model: StructuralCausalModel;
  /** Intervened variables, sorted by name. */
  readonly variables: readonly string[];
  /** Proposal value per variable (same order). */
  readonly proposal: Float64Array;
  /** Feasible lower and upper bounds per variable (same order); lower ≤ proposal ≤ upper, lower < upper. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Target outcomes sorted by name. */
  readonly targets: readonly { readonly outcome: string; readonly lo: number; readonly hi: number }[];
  /** Exogenous variables fixed by the model's `context`. */
  readonly fixed: ReadonlyMap<string, number>;
  /** Which field the model came from. */
  readonly modelSource: "structural_model" | "causal_model";
  /** Notes for the caller (model warnings, ignored context entries). */
  readonly warnings: readonly string[];
}

const ModelWithContext = StructuralModel.extend({ context: z.record(z.string(), z.unknown()).optional() });

/**
 * Resolves and validates a robustness request.
 *
 * @param input - The request fields.
 * @returns The checked problem.
 * @throws IslError ISL_INVALID_MODEL when there is no usable model or it is malformed (and the SCM
 *   engine's errors for bad equations and distributions); ISL_INVALID_INTERVENTION for a proposal on
 *   an unknown variable or with a non-finite value; ISL_INVALID_INPUT for a bad radius, target range
 *   or feasible range (which field, what was wrong, how to fix it); ISL_VALIDATION_ERROR for context
 *   on an endogenous variable (abduction is the counterfactual operation's job).
 */
export function resolveRobustnessInput(input: RobustnessInput): ResolvedRobustnessInput {
  const r = input.perturbationRadius;
  if (typeof r !== "number" || !(r > 0 && r <= 1)) {
    throw invalid("perturbation_radius", `perturbation_radius must be in (0, 1] (got ${String(r)}).`, "Use a relative radius such as 0.1 (±10% around each proposed value).");
  }
  const { raw, source } = chooseModel(input.structuralModel, input.causalModel);
  const proposalEntries = Object.entries(input.interventionProposal ?? {}).sort((a, b) => compareNames(a[0], b[0]));
  if (proposalEntries.length === 0) {
    throw invalid("intervention_proposal", "intervention_proposal is empty: name at least one variable and its proposed value.", 'Send e.g. "intervention_proposal": {"Price": 55}.');
  }
  for (const [name, value] of proposalEntries) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `intervention_proposal.${name} must be a finite number (got ${String(value)}).`, {
        details: { field: `intervention_proposal.${name}`, value: String(value) },
        recovery: { hints: ["Give every proposed value as a finite number."], suggestion: `Fix the value of '${name}'.` },
      });
    }
  }
  const variables = proposalEntries.map(([name]) => name);
  const mentioned = mentionedNames(raw);
  for (const name of variables) {
    if (!mentioned.has(name)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `intervention_proposal names '${name}', which is not a variable of the model. Variables: ${listVariables([...mentioned].sort(compareNames))}.`, {
        details: { field: "intervention_proposal", variable: name, variables: [...mentioned].sort(compareNames).slice(0, 200) },
        recovery: { hints: ["Propose values only for variables that the model defines or its equations read."], suggestion: `Fix or remove '${name}'.` },
      });
    }
  }
  const model = buildStructuralModel(raw, { inputs: variables });
  const targets = resolveTargets(input.targetOutcome, model, new Set(variables));
  const warnings = [...model.warnings];
  const fixed = resolveContext(raw.context, model, new Set(variables), warnings);
  const proposal = Float64Array.from(proposalEntries, ([, value]) => value);
  const { lower, upper } = resolveFeasibleRanges(input.feasibleRanges, variables, proposal, r);
  return { model, variables, proposal, lower, upper, targets, fixed, modelSource: source, warnings };
}

/** Names the model defines, declares or reads (identifier tokens of its equations). */
function mentionedNames(raw: { variables: readonly string[]; equations: Readonly<Record<string, string>>; distributions: Readonly<Record<string, unknown>> }): Set<string> {
  const names = new Set<string>([...raw.variables, ...Object.keys(raw.equations), ...Object.keys(raw.distributions)]);
  for (const text of Object.values(raw.equations)) for (const token of text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) names.add(token);
  return names;
}

function chooseModel(structural: unknown, causal: unknown): { raw: ReturnType<typeof ModelWithContext.parse>; source: "structural_model" | "causal_model" } {
  const source = structural !== undefined && structural !== null ? "structural_model" : "causal_model";
  const candidate = source === "structural_model" ? structural : causal;
  const isObject = typeof candidate === "object" && candidate !== null && !Array.isArray(candidate);
  if (!isObject || (source === "causal_model" && !Object.hasOwn(candidate, "equations"))) {
    const graphLike = isObject && (Object.hasOwn(candidate, "nodes") || Object.hasOwn(candidate, "edges"));
    throw new IslError(
      "ISL_INVALID_MODEL",
      source === "causal_model"
        ? `robustness/analyze needs structural equations: send structural_model {variables, equations, distributions}, or a causal_model of that shape. The causal_model sent ${graphLike ? "is a graph (nodes/edges), which says what causes what but not how much" : "has no equations"}.`
        : "structural_model must be an object {variables, equations, distributions, context?}.",
      {
        details: { field: source },
        recovery: {
          hints: ['Add "structural_model": {"variables": ["Price", "Revenue"], "equations": {"Revenue": "2000 * Price"}, "distributions": {}}.', "Equations give each endogenous variable as an expression of its causes (docs/scm.md)."],
          suggestion: "Send a structural model.",
        },
      },
    );
  }
  const parsed = ModelWithContext.safeParse(candidate);
  if (!parsed.success) {
    const failures = parsed.error.issues.map((issue) => `${[source, ...issue.path.map(String)].join(".")}: ${issue.message}`);
    throw new IslError("ISL_INVALID_MODEL", `${source} is not a valid StructuralModel: ${failures.slice(0, 5).join("; ")}.`, {
      details: { field: source },
      validationFailures: failures,
      recovery: { hints: ["A StructuralModel has variables (names), equations {var: expression} and distributions {var: {type, parameters}}."], suggestion: `Fix ${source}.` },
    });
  }
  return { raw: parsed.data, source };
}

function resolveTargets(targetOutcome: Readonly<Record<string, Range>>, model: StructuralCausalModel, intervened: ReadonlySet<string>): { outcome: string; lo: number; hi: number }[] {
  const entries = Object.entries(targetOutcome ?? {}).sort((a, b) => compareNames(a[0], b[0]));
  if (entries.length === 0) throw invalid("target_outcome", "target_outcome is empty: name at least one outcome and its range [min, max].", 'Send e.g. "target_outcome": {"Revenue": [95000, 115000]}.');
  return entries.map(([outcome, range]) => {
    const field = `target_outcome.${outcome}`;
    if (!model.slotOf.has(outcome)) {
      throw new IslError("ISL_NODE_NOT_FOUND", `target_outcome names '${outcome}', which is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
        details: { field, variable: outcome, variables: model.order.slice(0, 200) },
        recovery: { hints: ["Target a variable that has an equation in the model."], suggestion: `Fix or remove '${outcome}'.` },
      });
    }
    if (intervened.has(outcome)) throw invalid(field, `'${outcome}' is both intervened on and a target outcome: its value is set by the proposal, so there is nothing to analyse.`, "Target a downstream variable instead.");
    const [lo, hi] = checkRange(range, field);
    return { outcome, lo, hi };
  });
}

function resolveContext(context: Readonly<Record<string, unknown>> | undefined, model: StructuralCausalModel, intervened: ReadonlySet<string>, warnings: string[]): Map<string, number> {
  const fixed = new Map<string, number>();
  for (const [name, value] of Object.entries(context ?? {}).sort((a, b) => compareNames(a[0], b[0]))) {
    const field = `structural_model.context.${name}`;
    if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(field, `${field} must be a finite number (got ${String(value)}).`, "Give observed values as finite numbers.");
    if (intervened.has(name)) {
      warnings.push(`context.${name} is ignored: the proposal intervenes on '${name}', and an intervention overrides an observation.`);
      continue;
    }
    if (!model.distributions.has(name)) {
      throw new IslError(
        "ISL_VALIDATION_ERROR",
        model.slotOf.has(name)
          ? `context.${name}: '${name}' is endogenous; fixing an observed endogenous value needs abduction of its exogenous terms, which robustness/analyze does not do. Use causal/counterfactual for unit-level questions, or drop it from context.`
          : `context.${name}: '${name}' is not a variable of the model. Variables: ${listVariables(model.order)}.`,
        { details: { field, variable: name }, recovery: { hints: ["Context may fix exogenous variables (those with a distribution) only."], suggestion: `Remove '${name}' from context.` } },
      );
    }
    fixed.set(name, value);
  }
  return fixed;
}

function resolveFeasibleRanges(given: RobustnessInput["feasibleRanges"], variables: readonly string[], proposal: Float64Array, r: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(variables.length);
  const upper = new Float64Array(variables.length);
  const known = new Set(variables);
  for (const name of Object.keys(given ?? {}).sort(compareNames)) {
    if (!known.has(name)) throw invalid(`feasible_ranges.${name}`, `feasible_ranges names '${name}', which the proposal does not intervene on. Intervened: ${listVariables(variables)}.`, "Give feasible ranges only for variables in intervention_proposal.");
  }
  variables.forEach((name, i) => {
    const value = proposal[i]!;
    const field = `feasible_ranges.${name}`;
    // NOTE: own properties only, so a variable called 'constructor' never reads Object's.
    const range = given !== null && given !== undefined && Object.hasOwn(given, name) ? given[name] : undefined;
    let lo: number;
    let hi: number;
    if (range === undefined) {
      // NOTE: value·(1 ± r), ordered, so a negative proposal gives a proper range.
      lo = Math.min(value * (1 - r), value * (1 + r));
      hi = Math.max(value * (1 - r), value * (1 + r));
      if (!(lo < hi)) throw invalid(field, `The proposal for '${name}' is 0, so its default feasible range 0·(1 ± r) is empty.`, `Give "feasible_ranges": {"${name}": [min, max]}.`);
    } else {
      [lo, hi] = checkRange(range, field);
      if (!(lo < hi)) throw invalid(field, `${field} = [${lo}, ${hi}] is empty: min must be less than max.`, "Give a range with min < max.");
      if (value < lo || value > hi) throw invalid(field, `${field} = [${lo}, ${hi}] does not contain the proposal ${name} = ${value}.`, "Widen the range or change the proposal so the proposal is feasible.");
    }
    lower[i] = lo;
    upper[i] = hi;
  });
  return { lower, upper };
}

function checkRange(range: unknown, field: string): [number, number] {
  if (!Array.isArray(range) || range.length !== 2 || !range.every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw invalid(field, `${field} must be [min, max] with two finite numbers.`, "Give the range as a two-element array.");
  }
  const [lo, hi] = range as [number, number];
  if (lo > hi) throw invalid(field, `${field} = [${lo}, ${hi}] has min > max.`, `Swap them: [${hi}, ${lo}].`);
  return [lo, hi];
}

function invalid(field: string, message: string, suggestion: string): IslError {
  return new IslError("ISL_INVALID_INPUT", message, { details: { field }, recovery: { hints: [suggestion], suggestion } });
}
