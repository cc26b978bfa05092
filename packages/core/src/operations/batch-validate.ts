/**
 * `batch/validate`: runs each `causal/validate` request of the batch in order. An item that throws
 * (cyclic graph, unknown node, latent treatment…) is reported inline with `success: false`, its
 * message in `error` (upstream's string field) and the Olumi error envelope in `error_envelope`;
 * the other items are unaffected. No durations in the body, so equal batches give equal bytes.
 * Complexity: the sum of the items' costs. Reference: upstream batch router (reference §3.1).
 */
import type { BatchValidationResponse, RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { causalValidateHandler } from "./causal-validate.js";
import type { HandlerContext } from "./context.js";
import { toErrorEnvelope } from "./error-envelope.js";

type Response = Omit<BatchValidationResponse, "metadata">;
type Item = Response["results"][number];

/** The `batch/validate` handler. */
export function batchValidateHandler(request: RequestOf<"batch/validate">, ctx: HandlerContext): Response {
  const results: Item[] = request.requests.map((item, index) => {
    try {
      if (ctx.signal.aborted) {
        throw new IslError("ISL_TIMEOUT", `The batch was stopped before item ${index} ran (deadline reached or client gone).`, {
          details: { index },
          recovery: { hints: ["Send fewer requests per batch.", "Retry the failed items."], suggestion: "Retry with a smaller batch." },
        });
      }
      return { index, success: true, result: causalValidateHandler(item, ctx) };
    } catch (error) {
      const { body } = toErrorEnvelope(error, `${ctx.requestId}#${index}`);
      return { index, success: false, error: body.message, error_envelope: body };
    }
  });
  const successful = results.filter((r) => r.success).length;
  return { results, summary: { total_requests: results.length, successful, failed: results.length - successful } };
}
