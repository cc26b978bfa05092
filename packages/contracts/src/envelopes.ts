/**
 * The Olumi error envelope and the two response-metadata envelopes (upstream
 * upstream-service.md §2.2 and §8).
 */
import { z } from "zod";

/** What a caller can do about an error. */
export const RecoveryHints = z
  .object({ hints: z.array(z.string()), suggestion: z.string(), example: z.string().optional() })
  .meta({ id: "RecoveryHints" });

/** The Olumi error envelope ("Olumi Error Response Schema v1.0"). */
export const ErrorEnvelope = z
  .object({
    code: z.string().describe("Machine-readable code, e.g. ISL_DAG_CYCLIC."),
    message: z.string().describe("What was wrong, in one sentence."),
    reason: z.string().optional(),
    recovery: RecoveryHints.optional(),
    validation_failures: z.array(z.string()).optional().describe('One line per failed check: "<path>: <message>".'),
    details: z.record(z.string(), z.unknown()).optional().describe("Machine-readable specifics (cycle nodes, available nodes…)."),
    retryable: z.boolean(),
    source: z.literal("isl"),
    request_id: z.string(),
    degraded: z.boolean(),
  })
  .meta({ id: "ErrorResponse" });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** How the seed of a response was chosen. */
export const SeedSource = z.enum(["request", "derived"]);

/** Legacy response metadata, serialised under `_metadata`. */
export const ResponseMetadata = z
  .object({
    isl_version: z.string(),
    config_fingerprint: z.string().describe("First 12 hex of the SHA-256 of the engine configuration's canonical JSON."),
    config_details: z.record(z.string(), z.unknown()),
    request_id: z.string(),
    seed: z.string().describe("The seed this response used (see docs/determinism.md)."),
    seed_source: SeedSource,
    cache_hit: z.boolean().optional().describe("Set (true) by the HTTP server when the body came from its result cache; absent when it was computed for this request."),
  })
  .meta({ id: "ResponseMetadata" });
export type ResponseMetadata = z.infer<typeof ResponseMetadata>;

/** Newer response metadata, serialised under `metadata`. */
export const ISLResponseMetadata = z
  .object({
    request_id: z.string().min(1).max(100),
    computation_time_ms: z.number().min(0),
    isl_version: z.string(),
    algorithm: z.string().max(100).optional(),
    cache_hit: z.boolean(),
    seed: z.string(),
    seed_source: SeedSource,
  })
  .meta({ id: "ISLResponseMetadata" });
export type ISLResponseMetadata = z.infer<typeof ISLResponseMetadata>;

/** `ExplanationMetadata`: the plain-language account every legacy response carries. */
export const ExplanationMetadata = z
  .object({
    summary: z.string(),
    reasoning: z.string(),
    technical_basis: z.string(),
    assumptions: z.array(z.string()),
  })
  .meta({ id: "ExplanationMetadata" });
export type ExplanationMetadata = z.infer<typeof ExplanationMetadata>;

/** `ConfidenceLevel`. */
export const ConfidenceLevel = z.enum(["high", "medium", "low"]).meta({ id: "ConfidenceLevel" });
