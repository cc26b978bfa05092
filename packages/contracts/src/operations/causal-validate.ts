/**
 * `causal/validate`: is the total causal effect of `treatment` on `outcome` identifiable by
 * covariate adjustment, and with which sets? Request and response fields as upstream
 * (`CausalValidationRequest`, `CausalValidationResponse`), with a few additive fields.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ConfidenceLevel, ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";
import { ConditionalInstrument } from "./causal-instruments.js";
import { HedgeWitness } from "./causal-identify.js";

/** `CausalValidationRequest`. */
export const CausalValidationRequest = z
  .object({
    dag: DAGStructure,
    treatment: z.string().min(1).max(LIMITS.nameLength).describe("The exposure node."),
    outcome: z.string().min(1).max(LIMITS.nameLength).describe("The outcome node."),
    observed: z
      .array(NodeName)
      .max(LIMITS.nodeList)
      .nullish()
      .describe("Upstream field: when given, every node not listed is latent (added to dag.latent)."),
    max_results: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(100)
      .describe("At most this many minimal adjustment sets are listed; `adjustment_sets_truncated` tells if more exist."),
  })
  .meta({ id: "CausalValidationRequest" });
export type CausalValidationRequest = z.infer<typeof CausalValidationRequest>;

/** `AssumptionDetail`. */
export const AssumptionDetail = z.object({ type: z.string(), description: z.string(), critical: z.boolean() }).meta({ id: "AssumptionDetail" });

/** `AlternativeMethod`. */
export const AlternativeMethod = z.object({ method: z.string(), applicable: z.boolean(), reason: z.string() }).meta({ id: "AlternativeMethod" });

/** `SuggestionAction`: the graph change a suggestion proposes. */
export const SuggestionAction = z
  .object({
    add_node: z.string().optional(),
    add_edges: z.array(z.tuple([z.string(), z.string()])).optional(),
    reverse_edge: z.tuple([z.string(), z.string()]).optional(),
    remove_edge: z.tuple([z.string(), z.string()]).optional(),
    measure_node: z.string().optional().describe("A latent node that, once measured, makes the effect identifiable."),
  })
  .meta({ id: "SuggestionAction" });

/** `ValidationSuggestion`. */
export const ValidationSuggestion = z
  .object({
    type: z.string(),
    description: z.string(),
    technical_detail: z.string(),
    priority: z.enum(["critical", "recommended", "optional"]),
    action: SuggestionAction,
  })
  .meta({ id: "ValidationSuggestion" });

/** `ValidationIssue`. */
export const ValidationIssue = z
  .object({
    type: z.enum(["missing_connection", "confounding", "ambiguous_relationship"]),
    description: z.string(),
    affected_nodes: z.array(z.string()),
    suggested_action: z.string(),
  })
  .meta({ id: "ValidationIssue" });

/** `ValidationStatus`. */
export const ValidationStatus = z.enum(["identifiable", "uncertain", "cannot_identify", "degraded"]).meta({ id: "ValidationStatus" });

/** `CausalValidationResponse`. */
export const CausalValidationResponse = z
  .object({
    status: ValidationStatus,
    method: z
      .string()
      .optional()
      .describe('How the effect is identified: "backdoor", "front_door", "do_calculus" (the complete ID algorithm) or "instrumental_variables" (linear models only).'),
    adjustment_sets: z.array(z.array(z.string())).optional().describe("Every minimal adjustment set (each sorted; the list sorted), up to max_results."),
    adjustment_sets_truncated: z.boolean().optional(),
    minimal_set: z.array(z.string()).optional().describe("The smallest adjustment set; ties broken by the sorted node names."),
    canonical_adjustment_set: z.array(z.string()).nullable().optional().describe("An(X ∪ Y) ∩ observed \\ (X ∪ Y ∪ forbidden), or null when no set exists."),
    empty_set_valid: z.boolean().optional(),
    has_causal_path: z.boolean().optional(),
    latent_nodes: z.array(z.string()).optional(),
    identification_formula: z.string().optional(),
    front_door_sets: z.array(z.array(z.string())).optional().describe("Every minimal front-door set (each sorted; the list sorted), up to max_results."),
    front_door_sets_truncated: z.boolean().optional(),
    instruments: z
      .array(ConditionalInstrument)
      .optional()
      .describe("Conditional instruments with their conditioning sets (valid for linear models), at most 10 (or max_results if smaller); causal/instruments lists them all."),
    instruments_truncated: z.boolean().optional(),
    hedge: HedgeWitness.optional().describe("When the ID algorithm proves the effect is not identifiable from the observed distribution: the hedge (F, F′)."),
    structured_assumptions: z.array(AssumptionDetail).optional(),
    alternative_methods: z.array(AlternativeMethod).optional(),
    backdoor_paths: z.array(z.string()).optional().describe('Back-door paths open given the empty set, e.g. "Price ← Brand → Revenue".'),
    reason: z.string().optional(),
    suggestions: z.array(ValidationSuggestion).optional(),
    legacy_suggestions: z.array(z.string()).optional(),
    attempted_methods: z.array(z.string()).optional(),
    issues: z.array(ValidationIssue).optional(),
    confidence: ConfidenceLevel,
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "CausalValidationResponse" });
export type CausalValidationResponse = z.infer<typeof CausalValidationResponse>;

/** The `causal/validate` operation. */
export const causalValidate = defineOperation({
  id: "causal/validate",
  request: CausalValidationRequest,
  response: CausalValidationResponse,
  summary: "Identify the causal effect of a treatment on an outcome: adjustment, front-door, do-calculus or instruments",
  description:
    "Validates the DAG, then applies the generalised adjustment criterion (latent nodes and bidirected edges honoured): lists every minimal adjustment set, the smallest one, the canonical set, the open back-door paths, and the identification formula. " +
    "Front-door sets, conditional instruments and the complete ID algorithm are always evaluated and reported in `alternative_methods`; when adjustment fails the effect is identified by the front-door formula, else by ID (do-calculus), else by instrumental variables (linear models only). " +
    "When nothing identifies it, the hedge proves it, and the suggestions say which variable to measure.",
  tags: ["Causal Inference"],
  metric: "isl_causal_validations_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Price", "Brand", "Revenue", "CustomerAcquisition"],
      edges: [
        ["Price", "Revenue"],
        ["Brand", "Price"],
        ["Brand", "Revenue"],
        ["CustomerAcquisition", "Revenue"],
      ],
    },
    treatment: "Price",
    outcome: "Revenue",
  },
});
