/**
 * Exogenous distributions of a structural model: validation of the upstream JSON
 * (`{type, parameters}` with the names in DISTRIBUTION_PARAMETERS) with messages that name the
 * variable, and column sampling through the seeded `Rng`'s column fills.
 * Families: normal(mean, std), uniform(min, max), beta(alpha, beta), exponential(scale: the mean),
 * lognormal(mu, sigma of the underlying normal), triangular(min, mode, max), gamma(shape, scale),
 * bernoulli(p), point_mass(value).
 * Complexity: O(1) to validate; O(n) to sample a column. Reference: see random/ for the samplers.
 */
import { DISTRIBUTION_PARAMETERS } from "@olumi/contracts";
import { IslError } from "../errors.js";
import type { Rng } from "../random/index.js";

/** A distribution family name. */
export type DistributionFamily = keyof typeof DISTRIBUTION_PARAMETERS;

/** A validated distribution: its family and exactly the family's parameters, all finite. */
export interface DistributionSpec {
  readonly type: DistributionFamily;
  /** The family's parameters by name (only the names in DISTRIBUTION_PARAMETERS). */
  readonly parameters: Readonly<Record<string, number>>;
}

/** A check of one parameter: the rule in words and the test. */
interface Rule {
  readonly valid: string;
  readonly test: (value: number, p: Readonly<Record<string, number>>) => boolean;
}

const ANY: Rule = { valid: "a finite number", test: () => true };
const NON_NEGATIVE: Rule = { valid: "a finite number ≥ 0", test: (v) => v >= 0 };
const POSITIVE: Rule = { valid: "a finite number > 0", test: (v) => v > 0 };

/** Per family, the rule for each parameter, checked in order. */
const RULES: ReadonlyMap<DistributionFamily, readonly (readonly [string, Rule])[]> = new Map<DistributionFamily, readonly (readonly [string, Rule])[]>([
  ["normal", [["mean", ANY], ["std", NON_NEGATIVE]]],
  ["uniform", [["min", ANY], ["max", { valid: "≥ min with a finite width max − min", test: (v, p) => v >= p.min! && Number.isFinite(v - p.min!) }]]],
  ["beta", [["alpha", POSITIVE], ["beta", POSITIVE]]],
  ["exponential", [["scale", POSITIVE]]],
  ["lognormal", [["mu", ANY], ["sigma", NON_NEGATIVE]]],
  [
    "triangular",
    [
      ["min", ANY],
      ["max", { valid: "> min with a finite width max − min", test: (v, p) => v > p.min! && Number.isFinite(v - p.min!) }],
      ["mode", { valid: "in [min, max]", test: (v, p) => v >= p.min! && v <= p.max! }],
    ],
  ],
  ["gamma", [["shape", POSITIVE], ["scale", POSITIVE]]],
  ["bernoulli", [["p", { valid: "a probability in [0, 1]", test: (v) => v >= 0 && v <= 1 }]]],
  ["point_mass", [["value", ANY]]],
]);

/** The family names, for messages. */
const FAMILIES = [...RULES.keys()].sort();

/**
 * Validates one variable's distribution.
 *
 * @param variable - The variable it belongs to (for messages).
 * @param raw - `{type, parameters}` as in the upstream JSON.
 * @param warnings - Receives one line per ignored parameter name.
 * @returns The validated distribution.
 * @throws IslError ISL_INVALID_DISTRIBUTION naming the variable, the family and the parameter:
 *   unknown family, missing or non-finite parameter, or a value outside its range.
 */
export function validateDistribution(variable: string, raw: unknown, warnings: string[] = []): DistributionSpec {
  const object = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as { type?: unknown; parameters?: unknown }) : undefined;
  const type = object?.type;
  const rules = typeof type === "string" ? RULES.get(type as DistributionFamily) : undefined;
  if (rules === undefined) {
    throw invalid(variable, "type", `The distribution of '${variable}' has unknown type ${JSON.stringify(type ?? null)}. Known types: ${FAMILIES.join(", ")}.`, {
      type: type === undefined ? null : String(type),
      knownTypes: FAMILIES,
    });
  }
  const family = type as DistributionFamily;
  const given = object!.parameters;
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    throw invalid(variable, "parameters", `The distribution of '${variable}' (${family}) needs a 'parameters' object with ${DISTRIBUTION_PARAMETERS[family].join(", ")}.`, { type: family });
  }
  const parameters: Record<string, number> = {};
  for (const [name, rule] of rules) {
    const value = Object.hasOwn(given, name) ? (given as Record<string, unknown>)[name] : undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const what = value === undefined ? "is missing" : `must be a finite number (got ${JSON.stringify(value) ?? String(value)})`;
      throw invalid(variable, name, `The distribution of '${variable}' (${family}): parameter '${name}' ${what}. A ${family} distribution needs ${DISTRIBUTION_PARAMETERS[family].join(", ")}.`, {
        type: family,
        parameter: name,
      });
    }
    if (!rule.test(value, parameters)) {
      throw invalid(variable, name, `The distribution of '${variable}' (${family}): parameter '${name}' must be ${rule.valid} (got ${value}).`, {
        type: family,
        parameter: name,
        value,
        valid: rule.valid,
      });
    }
    parameters[name] = value;
  }
  const known = new Set(rules.map(([name]) => name));
  for (const name of Object.keys(given).sort()) {
    if (!known.has(name)) warnings.push(`The distribution of '${variable}' (${family}) ignores parameter '${name}' (it uses ${DISTRIBUTION_PARAMETERS[family].join(", ")}).`);
  }
  return { type: family, parameters };
}

/** An ISL_INVALID_DISTRIBUTION error for `variable`'s distribution. */
function invalid(variable: string, field: string, message: string, details: Record<string, unknown>): IslError {
  return new IslError("ISL_INVALID_DISTRIBUTION", message, {
    details: { variable, field, ...details },
    recovery: {
      hints: [`Fix distributions.${variable}.${field === "type" ? "type" : `parameters.${field}`}.`, "Parameter names per type: " + FAMILIES.map((f) => `${f}(${DISTRIBUTION_PARAMETERS[f].join(", ")})`).join(", ") + "."],
      suggestion: `Give '${variable}' a valid distribution.`,
      example: '{"type": "normal", "parameters": {"mean": 0, "std": 1}}',
    },
  });
}

/**
 * Fills a column with draws from a distribution.
 *
 * @param spec - A validated distribution.
 * @param rng - The variable's own stream (a fork), so other variables' draws do not shift it.
 * @param out - The column; all of it is filled.
 */
export function sampleDistribution(spec: DistributionSpec, rng: Rng, out: Float64Array): void {
  const p = spec.parameters;
  switch (spec.type) {
    case "normal":
      rng.fillNormal(out, p.mean!, p.std!);
      return;
    case "uniform":
      rng.fillUniform(out, p.min!, p.max!);
      return;
    case "beta":
      rng.fillBeta(out, p.alpha!, p.beta!);
      return;
    case "exponential":
      rng.fillExponential(out, p.scale!);
      return;
    case "lognormal":
      rng.fillLognormal(out, p.mu!, p.sigma!);
      return;
    case "triangular":
      rng.fillTriangular(out, p.min!, p.mode!, p.max!);
      return;
    case "gamma":
      rng.fillGamma(out, p.shape!, p.scale!);
      return;
    case "bernoulli":
      rng.fillBernoulli(out, p.p!);
      return;
    case "point_mass":
      out.fill(p.value!);
      return;
  }
}
