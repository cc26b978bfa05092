/**
 * The analyze/v2 422 `blocked` body: `{analysis_status: "blocked", status_reason, critiques,
 * request_id}` with blocker critiques only (plot-v2-engine.md §2.3 steps 1 and 4; fixture
 * `C-invalid-frame`). Schema failures report the first issue as `"<path joined by ' -> '>: <msg>"`
 * under code VALIDATION_ERROR; pipeline blockers (cycle, empty interventions, …) use their own code.
 * Complexity: O(size of the message).
 * Reference: plot-v2-engine.md §2.3, §4.20; plot-client.md §4.
 */
import type { z } from "zod";
import { IslError } from "../errors.js";
import { makeCritique, type PlotCritique } from "./critique.js";

/** Options of {@link plotBlockedError}. */
export interface BlockedOptions {
  affectedNodeIds?: readonly string[];
  affectedOptionIds?: readonly string[];
  /** The request id to echo; the handler fills it in when compile-time code does not know it. */
  requestId: string | undefined;
}

/** The body of a blocked 422. */
export interface PlotBlockedBody {
  analysis_status: "blocked";
  status_reason: string;
  critiques: PlotCritique[];
  request_id: string;
  [key: string]: unknown;
}

/**
 * Builds the blocked body for a list of blocker critiques.
 *
 * @param critiques - Blockers, first one gives `status_reason`.
 * @param requestId - Request id echoed in the body.
 */
export function blockedBody(critiques: PlotCritique[], requestId: string): PlotBlockedBody {
  return { analysis_status: "blocked", status_reason: critiques[0]?.message ?? "Blocked", critiques, request_id: requestId };
}

/**
 * An IslError (ISL_VALIDATION_ERROR, 422) whose response body is the PLoT blocked body with one
 * blocker critique.
 *
 * @param code - Critique code (`GRAPH_CYCLE_DETECTED`, `VALIDATION_ERROR`, …).
 * @param message - Human-readable reason; also `status_reason`.
 */
export function plotBlockedError(code: string, message: string, options: BlockedOptions): IslError {
  const critique = makeCritique({
    code,
    severity: "blocker",
    source: "validation",
    message,
    ...(options.affectedNodeIds ? { affectedNodeIds: options.affectedNodeIds } : {}),
    ...(options.affectedOptionIds ? { affectedOptionIds: options.affectedOptionIds } : {}),
  });
  return new IslError("ISL_VALIDATION_ERROR", message, {
    body: blockedBody([critique], options.requestId ?? ""),
    validationFailures: [message],
    recovery: { hints: ["Fix the field named in status_reason and resend"], suggestion: "Correct the request" },
  });
}

/**
 * The blocked error for a failed schema parse: the first issue, as `"a -> 0 -> b: message"`.
 *
 * @param error - The zod error.
 * @param requestId - The id to echo (upstream mints `isl-<12 hex>` here; we derive it from the content).
 */
export function schemaBlockedError(error: z.ZodError, requestId: string): IslError {
  const lines = error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(" -> ") : "body"}: ${issue.message}`);
  const message = lines[0] ?? "body: invalid request";
  const blocked = plotBlockedError("VALIDATION_ERROR", message, { requestId });
  return new IslError(blocked.code, message, { body: blocked.body!, validationFailures: lines, recovery: blocked.recovery! });
}

/**
 * The body's own `request_id` when it is a non-empty string (PLoT sends it in the body).
 *
 * @param input - The unparsed request.
 */
export function bodyRequestId(input: unknown): string | undefined {
  if (input === null || typeof input !== "object") return undefined;
  const id = (input as Record<string, unknown>)["request_id"];
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Replaces the request id of a blocked error's body (compile-time blockers do not know it).
 *
 * @returns The same error when it carries no blocked body, else a copy with `request_id` set.
 */
export function withBlockedRequestId(error: unknown, requestId: string): unknown {
  if (!(error instanceof IslError) || error.body === undefined || error.body["analysis_status"] !== "blocked") return error;
  return new IslError(error.code, error.message, {
    body: { ...error.body, request_id: requestId },
    ...(error.validationFailures ? { validationFailures: error.validationFailures } : {}),
    ...(error.recovery ? { recovery: error.recovery } : {}),
  });
}
