/**
 * `batch/counterfactual`: up to 20 `causal/counterfactual` requests in one call, each succeeding or
 * failing on its own (upstream `BatchCounterfactualRequest` of the batch router / `BatchCounterfactualItem`),
 * with the Olumi error envelope added to failed items. Each item uses the seed it would use alone.
 */
import { z } from "zod";
import { ErrorEnvelope, ISLResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { CounterfactualRequest, CounterfactualResponse } from "./causal-counterfactual.js";

/** Most requests in one batch (upstream limit). */
export const MAX_BATCH_COUNTERFACTUALS = 20;

/** `BatchCounterfactualRequest` of the batch router. */
export const BatchCounterfactualRequests = z
  .object({
    requests: z.array(CounterfactualRequest).min(1).max(MAX_BATCH_COUNTERFACTUALS).describe("1 to 20 causal/counterfactual requests; each is validated against its schema before any runs."),
  })
  .meta({ id: "BatchCounterfactualRequests" });

/** `BatchCounterfactualItem`. */
export const BatchCounterfactualItem = z
  .object({
    index: z.number().int().min(0),
    success: z.boolean(),
    result: CounterfactualResponse.optional().describe("The causal/counterfactual response (without its own metadata) when the item succeeded."),
    error: z.string().optional().describe("Upstream field: the error message when the item failed."),
    error_envelope: ErrorEnvelope.optional(),
  })
  .meta({ id: "BatchCounterfactualItem" });

/** `BatchCounterfactualResponse` of the batch router. */
export const BatchCounterfactualResults = z
  .object({
    results: z.array(BatchCounterfactualItem),
    summary: z.object({ total_requests: z.number().int(), successful: z.number().int(), failed: z.number().int() }),
    metadata: ISLResponseMetadata.optional(),
  })
  .meta({ id: "BatchCounterfactualResults" });

/** The `batch/counterfactual` operation. */
export const batchCounterfactual = defineOperation({
  id: "batch/counterfactual",
  request: BatchCounterfactualRequests,
  response: BatchCounterfactualResults,
  summary: "Run up to 20 causal/counterfactual requests in one call, with per-item errors inline",
  description:
    "Runs each request through causal/counterfactual in order, each with the seed it would get alone (its `seed`, else derived from its content), so an item's result equals the single call's. " +
    "A failing item is reported inline with success: false, `error` (as upstream) and `error_envelope`; the other items are unaffected.",
  tags: ["Causal Inference", "Counterfactual", "Batch"],
  metric: "isl_counterfactual_analyses_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "metadata",
  example: {
    requests: [
      {
        model: { variables: ["X", "Y"], equations: { Y: "10 + 2*X" }, distributions: {} },
        intervention: { X: 10 },
        outcome: "Y",
        samples: 100,
      },
      {
        model: { variables: ["X", "Y"], equations: { Y: "10 + 2*X" }, distributions: {} },
        intervention: { Z: 1 },
        outcome: "Y",
        samples: 100,
      },
    ],
  },
});
