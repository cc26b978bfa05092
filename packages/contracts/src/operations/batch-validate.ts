/**
 * `batch/validate`: up to 50 `causal/validate` requests in one call. Each item succeeds or fails on
 * its own; a failing item never fails the batch. Upstream shape (`BatchValidationRequest`,
 * `BatchValidationItem`, `BatchValidationResponse`): `error` keeps upstream's string (the message),
 * and `error_envelope` adds the full Olumi error envelope. The body carries no durations, so equal
 * requests give equal bytes; adapters report timing in headers.
 */
import { z } from "zod";
import { ErrorEnvelope, ISLResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { CausalValidationRequest, CausalValidationResponse } from "./causal-validate.js";

/** Most requests in one batch (upstream limit). */
export const MAX_BATCH_VALIDATIONS = 50;

/** `BatchValidationRequest`. */
export const BatchValidationRequest = z
  .object({
    requests: z.array(CausalValidationRequest).min(1).max(MAX_BATCH_VALIDATIONS).describe("1 to 50 causal/validate requests; each is validated against its schema before any runs."),
  })
  .meta({ id: "BatchValidationRequest" });
export type BatchValidationRequest = z.infer<typeof BatchValidationRequest>;

/** `BatchValidationItem`. */
export const BatchValidationItem = z
  .object({
    index: z.number().int().min(0).describe("Position of the request in `requests`."),
    success: z.boolean(),
    result: CausalValidationResponse.optional().describe("The causal/validate response (without its own metadata) when the item succeeded."),
    error: z.string().optional().describe("Upstream field: the error message when the item failed."),
    error_envelope: ErrorEnvelope.optional().describe("The full error envelope (code, recovery, details) when the item failed; `request_id` is the batch's id with `#<index>`."),
  })
  .meta({ id: "BatchValidationItem" });

/** `BatchValidationResponse`. */
export const BatchValidationResponse = z
  .object({
    results: z.array(BatchValidationItem).describe("One item per request, in request order."),
    summary: z
      .object({ total_requests: z.number().int(), successful: z.number().int(), failed: z.number().int() })
      .describe("Counts. Upstream also sent duration_ms and avg_duration_ms; ISL leaves timing to the X-Processing-Time-Ms header so that bodies stay deterministic."),
    metadata: ISLResponseMetadata.optional(),
  })
  .meta({ id: "BatchValidationResponse" });
export type BatchValidationResponse = z.infer<typeof BatchValidationResponse>;

/** The `batch/validate` operation. */
export const batchValidate = defineOperation({
  id: "batch/validate",
  request: BatchValidationRequest,
  response: BatchValidationResponse,
  summary: "Run up to 50 causal/validate requests in one call, with per-item errors inline",
  description:
    "Runs each request through causal/validate in order. An item that fails (a cyclic graph, an unknown node…) is reported inline with success: false, the error message in `error` (as upstream) and the Olumi error envelope in `error_envelope`; the other items are unaffected. " +
    "A request that does not match the CausalValidationRequest schema fails the whole batch with 422, naming the item (body.requests.<i>…).",
  tags: ["Causal Inference", "Batch"],
  metric: "isl_batch_validations_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "metadata",
  example: {
    requests: [
      {
        dag: { nodes: ["Price", "Brand", "Revenue"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]] },
        treatment: "Price",
        outcome: "Revenue",
      },
      {
        dag: { nodes: ["X", "M", "Y"], edges: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] },
        treatment: "X",
        outcome: "Y",
      },
      {
        dag: { nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] },
        treatment: "A",
        outcome: "B",
      },
    ],
  },
});
