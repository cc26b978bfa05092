/**
 * Structural model assembly: from the upstream `StructuralModel` JSON (`variables`, `equations`,
 * `distributions`) to a validated, compiled model. A variable is exogenous when it has a
 * distribution, endogenous when it has an equation; one with both is an error, and one that an
 * equation reads but that has neither is an error unless the caller declares it an input (a value
 * that every simulation must supply by intervention, as upstream's `do(Price = 15)` on a model
 * without a definition of Price). Equations are parsed against the known names, their references
 * give the causal graph, which the graph core validates (cycles reported with the cycle) and orders
 * topologically; each equation is then compiled once to a column kernel.
 * Complexity: O(total equation length + V log V + E). Reference: J. Pearl, "Causality" (2nd ed.,
 * 2009), §1.4 (structural causal models); Kahn's topological order via createDag.
 */
import { IDENTIFIER_PATTERN, LIMITS } from "@olumi/contracts";
import { IslError, isIslError } from "../errors.js";
import { createDag } from "../graph/dag.js";
import { compareNames, listNamesForMessage } from "../graph/node-lookup.js";
import { referencedVariables, type ExpressionNode } from "./ast.js";
import { compileExpression, type CompiledExpression } from "./compile.js";
import { validateDistribution, type DistributionSpec } from "./distributions.js";
import { locate } from "./equation-error.js";
import { parseExpression } from "./parser.js";

/** The model JSON as upstream sends it (see `StructuralModel` in @olumi/contracts). */
export interface StructuralModelInput {
  /** Declared variable names (upstream never used them; here they only widen the known names). */
  readonly variables?: readonly string[] | undefined;
  /** `{variable: expression}` for the endogenous variables. */
  readonly equations?: Readonly<Record<string, string>> | undefined;
  /** `{variable: {type, parameters}}` for the exogenous variables. */
  readonly distributions?: Readonly<Record<string, unknown>> | undefined;
}

/** Options of {@link buildStructuralModel}. */
export interface BuildModelOptions {
  /** Variables with neither equation nor distribution that simulations will set by intervention. */
  readonly inputs?: Iterable<string> | undefined;
}

/** One endogenous variable's equation. */
export interface ModelEquation {
  readonly variable: string;
  /** The equation as written. */
  readonly text: string;
  /** Its syntax tree. */
  readonly expression: ExpressionNode;
  /** The variables it reads, sorted by name. */
  readonly parents: readonly string[];
  /** Its column kernel (slots as in {@link StructuralCausalModel.slotOf}). */
  readonly compiled: CompiledExpression;
}

/** A validated, compiled structural causal model. */
export interface StructuralCausalModel {
  /** Every variable in topological order (smallest name first among ready ones); slot = position. */
  readonly order: readonly string[];
  /** Slot of each variable (its position in {@link order}). */
  readonly slotOf: ReadonlyMap<string, number>;
  /** Variables with a distribution, sorted by name. */
  readonly exogenous: readonly string[];
  /** Variables with an equation, in topological order. */
  readonly endogenous: readonly string[];
  /** Variables with neither, declared as inputs: every simulation must intervene on them. */
  readonly inputs: readonly string[];
  /** Equations by variable. */
  readonly equations: ReadonlyMap<string, ModelEquation>;
  /** Distributions by variable. */
  readonly distributions: ReadonlyMap<string, DistributionSpec>;
  /** Register columns the kernels need (the maximum over equations). */
  readonly registers: number;
  /** Things accepted but worth telling the caller (ignored parameters, unused declared variables). */
  readonly warnings: readonly string[];
}

/**
 * Builds a structural causal model from the upstream JSON.
 *
 * @param input - `{variables, equations, distributions}`.
 * @param options - Input variables to allow without a definition.
 * @returns The validated, ordered and compiled model.
 * @throws IslError ISL_INVALID_MODEL for malformed fields, bad names, too many entries or a variable
 *   with both an equation and a distribution; ISL_INVALID_EQUATION for an equation that does not
 *   parse or reads an unknown name (with the column); ISL_INVALID_DISTRIBUTION for a bad
 *   distribution; ISL_MISSING_VARIABLE for a variable that equations read but nothing defines;
 *   ISL_DAG_CYCLIC with `details.cycle` when the equations are circular.
 */
export function buildStructuralModel(input: StructuralModelInput, options: BuildModelOptions = {}): StructuralCausalModel {
  const equationEntries = recordEntries(input?.equations, "equations", LIMITS.modelEquations);
  const distributionEntries = recordEntries(input?.distributions, "distributions", LIMITS.dictSize);
  const declared = declaredVariables(input?.variables);
  for (const [name] of [...equationEntries, ...distributionEntries]) checkName(name);
  const equationNames = new Set(equationEntries.map(([name]) => name));
  const distributionNames = new Set(distributionEntries.map(([name]) => name));
  // NOTE: an input that has a definition is simply a defined variable (an intervention replaces it).
  const inputs = new Set<string>();
  for (const name of options.inputs ?? []) {
    checkName(name);
    if (!equationNames.has(name) && !distributionNames.has(name)) inputs.add(name);
  }

  const both = [...distributionNames].filter((name) => equationNames.has(name)).sort(compareNames);
  if (both.length > 0) {
    throw modelError(
      `Variable${both.length > 1 ? "s" : ""} ${both.map((s) => `'${s}'`).join(", ")} ${both.length > 1 ? "have" : "has"} both a distribution and an equation. Give each variable one definition: a distribution (exogenous) or an equation (endogenous).`,
      { variables: both },
      "Remove the distribution or the equation of each listed variable.",
    );
  }

  const warnings: string[] = [];
  const distributions = new Map<string, DistributionSpec>();
  for (const [name, raw] of [...distributionEntries].sort((a, b) => compareNames(a[0], b[0]))) distributions.set(name, validateDistribution(name, raw, warnings));

  const known = new Set<string>([...equationNames, ...distributions.keys(), ...declared, ...inputs]);
  const parsed = new Map<string, { text: string; expression: ExpressionNode; parents: string[] }>();
  const usedBy = new Map<string, { variable: string; column: number }[]>();
  for (const [variable, value] of equationEntries) {
    // NOTE: parseExpression rejects a non-string with a message naming the variable.
    const text = value as string;
    const expression = parseExpression(text, { variable, knownVariables: known });
    const references = referencedVariables(expression);
    for (const { name, start } of references) {
      if (name === variable) {
        throw new IslError("ISL_DAG_CYCLIC", `The equation for '${variable}' uses '${variable}' itself (${locate({ text, variable }, start)}). Structural equations must not be circular.`, {
          details: { cycle: [variable, variable], variable, column: start + 1 },
          recovery: { hints: [`Remove '${variable}' from its own equation; for feedback over time use separate variables (${variable}_t, ${variable}_next).`], suggestion: "Break the self-reference." },
        });
      }
      const list = usedBy.get(name) ?? [];
      list.push({ variable, column: start + 1 });
      usedBy.set(name, list);
    }
    parsed.set(variable, { text, expression, parents: references.map((r) => r.name).sort(compareNames) });
  }

  const undefinedUsed = [...usedBy.keys()].filter((name) => !equationNames.has(name) && !distributions.has(name) && !inputs.has(name)).sort(compareNames);
  if (undefinedUsed.length > 0) {
    const where = undefinedUsed.map((name) => `'${name}' (used by ${usedBy.get(name)!.map((u) => `'${u.variable}'`).join(", ")})`).join("; ");
    throw new IslError("ISL_MISSING_VARIABLE", `Variable${undefinedUsed.length > 1 ? "s" : ""} ${where} ${undefinedUsed.length > 1 ? "have" : "has"} neither an equation nor a distribution. Give each a distribution or an equation, or set it by intervention.`, {
      details: { variables: undefinedUsed, usedBy: Object.fromEntries(undefinedUsed.map((name) => [name, usedBy.get(name)!])) },
      recovery: {
        hints: [`Add a distribution, e.g. "distributions": {"${undefinedUsed[0]!}": {"type": "normal", "parameters": {"mean": 0, "std": 1}}}.`, "Or intervene on it, so its value is given."],
        suggestion: "Define every variable that the equations read.",
      },
    });
  }
  for (const name of [...declared].sort(compareNames)) {
    if (!known.has(name) || equationNames.has(name) || distributions.has(name) || inputs.has(name) || usedBy.has(name)) continue;
    warnings.push(`Variable '${name}' is listed in variables but has no equation or distribution and no equation uses it; it is ignored.`);
  }

  const nodes = [...new Set([...equationNames, ...distributions.keys(), ...inputs])];
  const edges: [string, string][] = [];
  for (const [variable, equation] of parsed) for (const parent of equation.parents) edges.push([parent, variable]);
  const order = orderVariables(nodes, edges, parsed);
  const slotOf = new Map(order.map((name, i) => [name, i]));
  const equations = new Map<string, ModelEquation>();
  let registers = 0;
  for (const variable of order) {
    const equation = parsed.get(variable);
    if (equation === undefined) continue;
    const compiled = compileExpression(equation.expression, slotOf);
    registers = Math.max(registers, compiled.registers);
    equations.set(variable, { variable, ...equation, compiled });
  }
  return {
    order,
    slotOf,
    exogenous: [...distributions.keys()],
    endogenous: [...equations.keys()],
    inputs: [...inputs].sort(compareNames),
    equations,
    distributions,
    registers,
    warnings,
  };
}

/** Topological order through the graph core; a cycle becomes an equations-flavoured error. */
function orderVariables(nodes: string[], edges: [string, string][], parsed: ReadonlyMap<string, { text: string }>): string[] {
  if (nodes.length === 0) return [];
  try {
    const dag = createDag({ nodes, edges });
    return Array.from(dag.topologicalOrder, (v) => dag.names[v]!);
  } catch (error) {
    if (!isIslError(error) || error.code !== "ISL_DAG_CYCLIC") throw error;
    const cycle = error.details.cycle as string[];
    const steps = cycle.slice(1).map((variable, i) => `the equation for '${variable}' uses '${cycle[i]!}'`);
    throw new IslError("ISL_DAG_CYCLIC", `The structural equations are circular: ${cycle.join(" → ")} (${steps.join(", ")}). Each variable must be computable from variables before it.`, {
      details: { cycle, equations: Object.fromEntries(cycle.slice(1).map((v) => [v, parsed.get(v)?.text ?? ""])) },
      recovery: {
        hints: [`Remove one of these dependencies: ${steps.join("; ")}.`, "For feedback over time, use time-indexed variables (Price_t, Demand_t_next)."],
        suggestion: "Break the cycle by removing a variable from one equation.",
      },
    });
  }
}

/** Own entries of a JSON object field (never its prototype), with a size limit. */
function recordEntries(value: unknown, field: string, limit: number): [string, unknown][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== "object" || Array.isArray(value)) {
    throw modelError(`'${field}' must be an object mapping variable names to ${field === "equations" ? "equation strings" : "distributions"}.`, { field }, `Give '${field}' as {"Name": …}.`);
  }
  const entries = Object.entries(value);
  if (entries.length > limit) throw modelError(`'${field}' has ${entries.length} entries; at most ${limit} are allowed.`, { field, count: entries.length, limit }, "Use fewer variables.");
  return entries;
}

/** The declared `variables` list, validated. */
function declaredVariables(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw modelError("'variables' must be a list of variable names.", { field: "variables" }, 'Give variables as ["A", "B"].');
  for (const name of value) checkName(name);
  return value as string[];
}

/** Requires an identifier of at most LIMITS.nameLength characters. */
function checkName(name: unknown): void {
  if (typeof name === "string" && name.length <= LIMITS.nameLength && IDENTIFIER_PATTERN.test(name)) return;
  const shown = typeof name === "string" ? `'${name.slice(0, 60)}${name.length > 60 ? "…" : ""}'` : String(name);
  throw modelError(
    `Variable name ${shown} is not a valid identifier. Must start with a letter or underscore, contain only alphanumeric characters and underscores, and have at most ${LIMITS.nameLength} characters.`,
    { name: typeof name === "string" ? name.slice(0, 200) : String(name) },
    "Rename the variable, e.g. 'Market_Size' instead of 'Market Size'.",
  );
}

/** An ISL_INVALID_MODEL error. */
function modelError(message: string, details: Record<string, unknown>, suggestion: string): IslError {
  return new IslError("ISL_INVALID_MODEL", message, { details, recovery: { hints: [suggestion], suggestion } });
}

/**
 * Lists variable names for a message (at most 20, then a count).
 *
 * @param names - Names in display order.
 */
export function listVariables(names: readonly string[]): string {
  return names.length === 0 ? "(none)" : listNamesForMessage(names);
}
