/**
 * `batch/validate`: runs each `causal/validate` request of the batch in order. An item that throws
 * (cyclic graph, unknown node, latent treatment…) is reported inline with `success: false`, its
 * message in `error` (upstream's string field) and the Olumi error envelope in `error_envelope`;
 * the other items are unaffected (batch-items.ts). No durations in the body, so equal batches give
 * equal bytes. Complexity: the sum of the items' costs. Reference: upstream batch router (reference §3.1).
 */
import type { BatchValidationResponse, RequestOf } from "@olumi/contracts";
import { runBatchItems } from "./batch-items.js";
import { causalValidateHandler } from "./causal-validate.js";
import type { HandlerContext } from "./context.js";

type Response = Omit<BatchValidationResponse, "metadata">;

/** The `batch/validate` handler. */
export function batchValidateHandler(request: RequestOf<"batch/validate">, ctx: HandlerContext): Response {
  return runBatchItems(request.requests, ctx, (item) => causalValidateHandler(item, ctx));
}
