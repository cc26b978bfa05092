/**
 * `StructuralModel`: structural equations over named variables plus distributions for the
 * exogenous ones (upstream `StructuralModel`, with more distribution families).
 */
import { z } from "zod";
import { IDENTIFIER_PATTERN, LIMITS } from "./limits.js";

/** A variable name: an identifier of at most 100 characters. */
export const VariableName = z.string().max(LIMITS.nameLength).regex(IDENTIFIER_PATTERN, {
  message: "is not a valid identifier. Must start with a letter or underscore, contain only alphanumeric characters and underscores.",
});

/** Distribution families and the parameters each needs. */
export const DISTRIBUTION_PARAMETERS = {
  normal: ["mean", "std"],
  uniform: ["min", "max"],
  beta: ["alpha", "beta"],
  exponential: ["scale"],
  lognormal: ["mu", "sigma"],
  triangular: ["min", "mode", "max"],
  gamma: ["shape", "scale"],
  bernoulli: ["p"],
  point_mass: ["value"],
} as const;

/** A distribution family name. */
export const DistributionType = z.enum(Object.keys(DISTRIBUTION_PARAMETERS) as [keyof typeof DISTRIBUTION_PARAMETERS, ...(keyof typeof DISTRIBUTION_PARAMETERS)[]]);

/** A distribution: a family and its named, finite parameters. */
export const Distribution = z
  .object({
    type: DistributionType,
    parameters: z.record(z.string(), z.number().finite()),
  })
  .superRefine((d, ctx) => {
    for (const name of DISTRIBUTION_PARAMETERS[d.type]) {
      if (!(name in d.parameters)) {
        ctx.addIssue({
          code: "custom",
          path: ["parameters", name],
          message: `A ${d.type} distribution needs parameter '${name}' (needs: ${DISTRIBUTION_PARAMETERS[d.type].join(", ")}).`,
        });
      }
    }
  })
  .meta({ id: "Distribution" });
export type Distribution = z.infer<typeof Distribution>;

/** `StructuralModel`: variables, equations `{var: expression}` and exogenous distributions. */
export const StructuralModel = z
  .object({
    variables: z.array(VariableName).max(LIMITS.modelVariables),
    equations: z
      .record(VariableName, z.string().min(1).max(LIMITS.equationLength))
      .refine((m) => Object.keys(m).length <= LIMITS.modelEquations, { message: `At most ${LIMITS.modelEquations} equations.` }),
    distributions: z
      .record(VariableName, Distribution)
      .refine((m) => Object.keys(m).length <= LIMITS.dictSize, { message: `At most ${LIMITS.dictSize} distributions.` }),
  })
  .meta({ id: "StructuralModel" });
export type StructuralModel = z.infer<typeof StructuralModel>;
