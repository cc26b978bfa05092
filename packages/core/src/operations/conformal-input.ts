/**
 * Request checks of `causal/counterfactual/conformal` that need the model: the outcome and the
 * intervened variables exist, calibration points give exactly the intervened variables and a
 * finite outcome, and the coefficients in `fit` are undefined names read only by the outcome's
 * equation, which must be linear in them. Complexity: O(points · variables + model size).
 * Reference: none (input validation).
 */
import type { RequestOf } from "@olumi/contracts";
import { requireLinearInCoefficients } from "../conformal/index.js";
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { listVariables, type StructuralCausalModel } from "../scm/model.js";

type Request = RequestOf<"causal/counterfactual/conformal">;

/** The conformal method after normalising upstream spellings. */
export type ConformalMethod = "split" | "cv_plus" | "jackknife_plus";

/** One calibration point: inputs as a Map and the observed outcome. */
export interface CalibrationPoint {
  readonly inputs: ReadonlyMap<string, number>;
  readonly outcome: number;
}

/** "cv+" → "cv_plus", "jackknife+" → "jackknife_plus". */
export function normaliseMethod(method: Request["method"]): ConformalMethod {
  if (method === "cv+") return "cv_plus";
  if (method === "jackknife+") return "jackknife_plus";
  return method;
}

/** Checks the names of the request before the model is built (outcome not intervened, fit unique). */
export function checkNames(request: Request): void {
  if (Object.hasOwn(request.intervention, request.outcome)) {
    throw new IslError("ISL_INVALID_INPUT", `The outcome '${request.outcome}' is also intervened on; under do(${request.outcome} = ${request.intervention[request.outcome]}) it is a constant and needs no interval.`, {
      details: { field: "outcome", outcome: request.outcome },
      recovery: { hints: ["Choose an outcome downstream of the intervention."], suggestion: `Remove '${request.outcome}' from intervention or choose another outcome.` },
    });
  }
  const fit = request.fit ?? [];
  const duplicates = fit.filter((name, i) => fit.indexOf(name) !== i);
  const clash = fit.filter((name) => Object.hasOwn(request.intervention, name) || name === request.outcome);
  if (duplicates.length > 0 || clash.length > 0) {
    throw new IslError("ISL_INVALID_INPUT", duplicates.length > 0 ? `fit lists '${duplicates[0]!}' more than once.` : `fit lists '${clash[0]!}', which is the outcome or an intervened variable; fit names coefficients to estimate.`, {
      details: { field: "fit", names: duplicates.length > 0 ? duplicates : clash },
      recovery: { hints: ["List each coefficient once; coefficients are identifiers of the outcome's equation without an equation or distribution."], suggestion: "Fix the fit list." },
    });
  }
}

/** Checks the model against the request: outcome and intervened variables exist; fit is usable. */
export function checkModel(model: StructuralCausalModel, request: Request, method: ConformalMethod): void {
  const outcome = request.outcome;
  if (!model.slotOf.has(outcome)) {
    throw new IslError("ISL_NODE_NOT_FOUND", `The outcome '${outcome}' is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
      details: { field: "outcome", outcome, variables: model.order.slice(0, 200) },
      recovery: { hints: ["Name a variable that has an equation or a distribution."], suggestion: "Fix the outcome's name." },
    });
  }
  const read = new Set<string>();
  for (const equation of model.equations.values()) for (const parent of equation.parents) read.add(parent);
  for (const name of Object.keys(request.intervention).sort(compareNames)) {
    if (!model.equations.has(name) && !model.distributions.has(name) && !read.has(name)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `Cannot intervene on '${name}': no equation defines or reads it. Variables: ${listVariables(model.order.filter((v) => v !== name))}.`, {
        details: { variable: name, variables: model.order.filter((v) => v !== name).slice(0, 200) },
        recovery: { hints: ["Check the spelling against the model's variables."], suggestion: `Fix the intervention's variable '${name}'.` },
      });
    }
  }
  const fit = request.fit ?? [];
  if (method !== "split" && fit.length === 0) {
    const label = method === "cv_plus" ? "CV+" : "jackknife+";
    throw new IslError("ISL_INVALID_INPUT", `Method '${method}' (${label}) refits the model without each held-out point, so it needs coefficients estimated from the calibration data; this request fits none. List them in 'fit' (identifiers of the outcome's equation that is linear in them), or use method "split", which works with any fixed model.`, {
      details: { field: "method", method, fit: [] },
      recovery: {
        hints: ['Use "method": "split" for a fully specified model.', 'Or write the outcome\'s equation with unknown coefficients, e.g. "a + b*Price", and send "fit": ["a", "b"].'],
        suggestion: 'Use method "split", or add a fit list.',
      },
    });
  }
  if (fit.length === 0) return;
  const equation = model.equations.get(outcome);
  if (equation === undefined) {
    throw new IslError("ISL_INVALID_MODEL", `Coefficients can only be fitted in the outcome's equation, but '${outcome}' has a distribution, not an equation.`, {
      details: { field: "fit", outcome },
      recovery: { hints: ["Give the outcome an equation with the coefficients in it."], suggestion: "Write an equation for the outcome." },
    });
  }
  for (const name of fit) {
    if (model.equations.has(name) || model.distributions.has(name)) {
      throw new IslError("ISL_INVALID_MODEL", `'${name}' is listed in fit but the model defines it (an equation or a distribution); fitted coefficients must be undefined names.`, {
        details: { field: "fit", coefficient: name },
        recovery: { hints: ["Remove its definition from the model, or drop it from fit."], suggestion: `Undefine '${name}' or remove it from fit.` },
      });
    }
    if (!equation.parents.includes(name)) {
      throw new IslError("ISL_INVALID_MODEL", `'${name}' is listed in fit but does not appear in the equation for '${outcome}' (${equation.text.slice(0, 200)}).`, {
        details: { field: "fit", coefficient: name, equation: equation.text.slice(0, 200) },
        recovery: { hints: ["Fitted coefficients must be identifiers of the outcome's equation."], suggestion: `Remove '${name}' from fit.` },
      });
    }
    const others = [...model.equations.values()].filter((e) => e.variable !== outcome && e.parents.includes(name)).map((e) => e.variable);
    if (others.length > 0) {
      throw new IslError("ISL_INVALID_MODEL", `Coefficient '${name}' also appears in the equation for '${others[0]!}'; fitted coefficients may appear only in the outcome's equation ('${outcome}').`, {
        details: { field: "fit", coefficient: name, equations: others },
        recovery: { hints: ["Use a separate coefficient name in each equation, and fix the others to numbers."], suggestion: `Rename '${name}' outside the outcome's equation.` },
      });
    }
  }
  requireLinearInCoefficients(equation.expression, new Set(fit), outcome);
}

/** Calibration points with their inputs checked against the intervention's variables. */
export function calibrationPoints(request: Request): CalibrationPoint[] {
  const expected = Object.keys(request.intervention).sort(compareNames);
  return request.calibration_data.map((point, i) => {
    const names = Object.keys(point.inputs).sort(compareNames);
    const missing = expected.filter((name) => !Object.hasOwn(point.inputs, name));
    const extra = names.filter((name) => !Object.hasOwn(request.intervention, name));
    if (missing.length > 0 || extra.length > 0) {
      throw new IslError("ISL_INVALID_INPUT", `calibration_data.${i}.inputs must give exactly the intervened variables (${expected.join(", ")})${extra.length > 0 ? `; unknown variable${extra.length > 1 ? "s" : ""} ${extra.map((s) => `'${s}'`).join(", ")}` : ""}${missing.length > 0 ? `; missing ${missing.map((s) => `'${s}'`).join(", ")}` : ""}. Each calibration point is an observation of the same inputs as the new point.`, {
        details: { field: `calibration_data.${i}.inputs`, expected, missing, unknown: extra },
        recovery: { hints: ["Give every calibration point the same input variables as the intervention."], suggestion: `Fix calibration_data.${i}.inputs.` },
      });
    }
    let outcome: number;
    if (typeof point.outcome === "number") outcome = point.outcome;
    else {
      const value = Object.hasOwn(point.outcome, request.outcome) ? point.outcome[request.outcome] : undefined;
      if (value === undefined) {
        throw new IslError("ISL_INVALID_INPUT", `calibration_data.${i}.outcome has no value for the outcome '${request.outcome}' (keys: ${Object.keys(point.outcome).slice(0, 20).join(", ") || "none"}).`, {
          details: { field: `calibration_data.${i}.outcome`, outcome: request.outcome },
          recovery: { hints: ["Give the outcome as a number, or as a map with the outcome variable's key."], suggestion: `Add '${request.outcome}' to calibration_data.${i}.outcome.` },
        });
      }
      outcome = value;
    }
    return { inputs: new Map(expected.map((name) => [name, point.inputs[name]!])), outcome };
  });
}
