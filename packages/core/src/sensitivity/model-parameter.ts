/**
 * Maps a sensitivity assumption's name to a parameter of a structural model, as a function from
 * the parameter's value to a model variant. Three forms are accepted:
 * - `"<V>.<p>"` where V has a distribution with parameter p (e.g. `"noise.std"`): the distribution
 *   parameter; each value rebuilds the distributions (the draws of other variables are unchanged).
 * - `"<Y>.<X>"` where Y has an equation that reads X exactly once: the coefficient of X in Y, i.e.
 *   the number written directly next to X in a product (`500*Price` → 500; a bare `X` has
 *   coefficient 1). The literal is replaced by a model input set by intervention.
 * - `"<P>"` where P is read by equations but defined nowhere (a free parameter): its value.
 * Anything else cannot be mapped and is rejected with the field and the accepted forms.
 * Complexity: O(equation size) to map. Reference: A. Saltelli et al., "Global Sensitivity
 * Analysis: The Primer" (2008), ch. 1 (model parameters as inputs of a sensitivity analysis).
 */
import { DISTRIBUTION_PARAMETERS } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { parseExpression, printExpression, referencedVariables, type ExpressionNode, type StructuralModelInput } from "../scm/index.js";

/** A model parameter that an assumption names. */
export interface ModelParameter {
  /** What it is. */
  readonly kind: "coefficient" | "distribution_parameter" | "free_parameter";
  /** The assumption name. */
  readonly name: string;
  /** Its value in the model as given (null for a free parameter). */
  readonly modelValue: number | null;
  /** The model with the parameter made settable, and the interventions that set it to `value`. */
  readonly at: (value: number) => { readonly model: StructuralModelInput; readonly interventions: ReadonlyMap<string, number> };
}

/**
 * Maps an assumption name to a model parameter.
 *
 * @param model - The model JSON.
 * @param name - The assumption's name.
 * @param field - The request field of the name, for errors (e.g. `assumptions[2].name`).
 * @param reserved - Names already in use (the mapping adds a new input name that avoids them).
 * @returns The parameter.
 * @throws IslError ISL_VALIDATION_ERROR when the name maps to no parameter.
 */
export function mapModelParameter(model: StructuralModelInput, name: string, field: string, reserved: ReadonlySet<string> = new Set()): ModelParameter {
  const equations = model.equations ?? {};
  const distributions = (model.distributions ?? {}) as Record<string, { type: keyof typeof DISTRIBUTION_PARAMETERS; parameters: Record<string, number> }>;
  const dot = name.indexOf(".");
  if (dot > 0) {
    const owner = name.slice(0, dot);
    const member = name.slice(dot + 1);
    const distribution = Object.hasOwn(distributions, owner) ? distributions[owner] : undefined;
    if (distribution !== undefined && Object.hasOwn(distribution.parameters, member)) {
      return {
        kind: "distribution_parameter",
        name,
        modelValue: distribution.parameters[member]!,
        at: (value) => ({
          model: { ...model, distributions: { ...distributions, [owner]: { ...distribution, parameters: { ...distribution.parameters, [member]: value } } } },
          interventions: new Map(),
        }),
      };
    }
    if (Object.hasOwn(equations, owner)) return coefficient(model, owner, member, name, field, reserved);
  } else if (!Object.hasOwn(equations, name) && !Object.hasOwn(distributions, name)) {
    const readers = Object.entries(equations).filter(([variable, text]) => referencedVariables(parseExpression(text, { variable })).some((r) => r.name === name));
    if (readers.length > 0) return { kind: "free_parameter", name, modelValue: null, at: (value) => ({ model, interventions: new Map([[name, value]]) }) };
  }
  throw unmapped(name, field, "it names no distribution parameter, equation coefficient or free parameter of the model");
}

function coefficient(model: StructuralModelInput, owner: string, variable: string, name: string, field: string, reserved: ReadonlySet<string>): ModelParameter {
  const text = model.equations![owner]!;
  const tree = parseExpression(text, { variable: owner });
  const occurrences = countOccurrences(tree, variable);
  if (occurrences !== 1) throw unmapped(name, field, `'${variable}' occurs ${occurrences} times in the equation of '${owner}' (a coefficient needs exactly one occurrence)`);
  let parameterName = `isl_param_${owner}_${variable}`;
  const used = new Set([...reserved, ...Object.keys(model.equations ?? {}), ...Object.keys(model.distributions ?? {}), ...(model.variables ?? [])]);
  while (used.has(parameterName)) parameterName += "_";
  let modelValue: number | null = null;
  const parameterNode: ExpressionNode = { kind: "variable", name: parameterName, start: 0, end: 0 };
  const rewrite = (node: ExpressionNode): ExpressionNode => {
    switch (node.kind) {
      case "number":
        return node;
      case "variable":
        if (node.name !== variable) return node;
        modelValue = 1;
        return { kind: "binary", operator: "*", left: parameterNode, right: node, start: node.start, end: node.end };
      case "unary":
        return { ...node, operand: rewrite(node.operand) };
      case "call":
        return { ...node, args: node.args.map(rewrite) };
      case "binary": {
        if (node.operator === "*") {
          const isTarget = (n: ExpressionNode): boolean => n.kind === "variable" && n.name === variable;
          if (isTarget(node.right) && node.left.kind === "number") {
            modelValue = node.left.value;
            return { ...node, left: parameterNode };
          }
          if (isTarget(node.left) && node.right.kind === "number") {
            modelValue = node.right.value;
            return { ...node, right: parameterNode };
          }
        }
        return { ...node, left: rewrite(node.left), right: rewrite(node.right) };
      }
    }
  };
  const rewritten = printExpression(rewrite(tree));
  const variant: StructuralModelInput = { ...model, equations: { ...model.equations, [owner]: rewritten } };
  return { kind: "coefficient", name, modelValue, at: (value) => ({ model: variant, interventions: new Map([[parameterName, value]]) }) };
}

function countOccurrences(node: ExpressionNode, variable: string): number {
  switch (node.kind) {
    case "number":
      return 0;
    case "variable":
      return node.name === variable ? 1 : 0;
    case "unary":
      return countOccurrences(node.operand, variable);
    case "call":
      return node.args.reduce((sum, arg) => sum + countOccurrences(arg, variable), 0);
    case "binary":
      return countOccurrences(node.left, variable) + countOccurrences(node.right, variable);
  }
}

function unmapped(name: string, field: string, why: string): IslError {
  return new IslError("ISL_VALIDATION_ERROR", `${field} '${name}' cannot be mapped to a model parameter: ${why}.`, {
    details: { field, value: name },
    recovery: {
      hints: [
        `"<Variable>.<parameter>" for a distribution parameter (e.g. "noise.std")`,
        `"<Equation>.<Variable>" for the coefficient of a variable in an equation (e.g. "Revenue.Price")`,
        `"<name>" for a free parameter that equations read and nothing defines`,
      ],
      suggestion: "Name the assumption after the model parameter it concerns.",
    },
  });
}
