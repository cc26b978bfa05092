/**
 * Shared runner of batch operations: runs each item with its own handler call, in order, and
 * turns an item's failure into an inline result (`success: false`, upstream's `error` string and
 * the Olumi `error_envelope`) so one bad item never fails the batch; stops cleanly (per item) when
 * the caller aborts. Complexity: the sum of the items' costs. Reference: upstream batch router (§3.1).
 */
import type { ErrorEnvelope } from "@olumi/contracts";
import { IslError } from "../errors.js";
import type { HandlerContext } from "./context.js";
import { toErrorEnvelope } from "./error-envelope.js";

/** One item's outcome. */
export type BatchItem<Result> = { index: number; success: true; result: Result } | { index: number; success: false; error: string; error_envelope: ErrorEnvelope };

/** A batch's items and counts. */
export interface BatchOutcome<Result> {
  results: BatchItem<Result>[];
  summary: { total_requests: number; successful: number; failed: number };
}

/**
 * Runs `run(item, index)` for each item, catching per-item errors.
 *
 * @param items - The batch's requests.
 * @param ctx - The batch's context (its signal and request id; error envelopes get `<id>#<index>`).
 * @param run - Runs one item.
 */
export function runBatchItems<Item, Result>(items: readonly Item[], ctx: HandlerContext, run: (item: Item, index: number) => Result): BatchOutcome<Result> {
  const results: BatchItem<Result>[] = items.map((item, index) => {
    try {
      if (ctx.signal.aborted) {
        throw new IslError("ISL_TIMEOUT", `The batch was stopped before item ${index} ran (deadline reached or client gone).`, {
          details: { index },
          recovery: { hints: ["Send fewer requests per batch.", "Retry the failed items."], suggestion: "Retry with a smaller batch." },
        });
      }
      return { index, success: true as const, result: run(item, index) };
    } catch (error) {
      const { body } = toErrorEnvelope(error, `${ctx.requestId}#${index}`);
      return { index, success: false as const, error: body.message, error_envelope: body };
    }
  });
  const successful = results.filter((r) => r.success).length;
  return { results, summary: { total_requests: results.length, successful, failed: results.length - successful } };
}
