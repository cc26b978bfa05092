/**
 * Maps anything thrown by an operation to the Olumi error envelope and its HTTP status, in one
 * place for every adapter. Unknown errors become a generic 500 that never carries the internal
 * message or stack.
 */
import { ERROR_CODES, type ErrorEnvelope } from "@olumi/contracts";
import { isIslError } from "../errors.js";

const INTERNAL_RECOVERY = {
  hints: ["Check server logs for details", "Simplify your request if possible", "Contact support if the error persists"],
  suggestion: "Retry with the same input or contact support",
};

const GENERIC_RECOVERY = { hints: ["Check your request parameters", "Refer to API documentation"], suggestion: "Fix the input and retry" };

/** An error envelope with its HTTP status. */
export interface ErrorResult {
  status: number;
  body: ErrorEnvelope;
}

/** The envelope and status for `error`; `requestId` is echoed in the body. */
export function toErrorEnvelope(error: unknown, requestId: string): ErrorResult {
  if (isIslError(error)) {
    const entry = ERROR_CODES[error.code];
    // NOTE: an operation whose contract fixes its error body (PLoT's analyze/v2 422 `blocked`) sends it verbatim.
    if (error.body !== undefined) {
      const blockedId = error.body["request_id"];
      const merged = {
        ...error.body,
        code: error.code,
        message: error.message,
        reason: entry.reason,
        recovery: error.recovery ?? GENERIC_RECOVERY,
        retryable: entry.retryable,
        source: "isl",
        request_id: typeof blockedId === "string" && blockedId !== "" ? blockedId : requestId,
        degraded: false,
        ...(error.validationFailures ? { validation_failures: error.validationFailures } : {}),
      };
      return { status: entry.status, body: merged as unknown as ErrorEnvelope };
    }
    const body: ErrorEnvelope = {
      code: error.code,
      message: error.message,
      reason: entry.reason,
      recovery: error.recovery ?? GENERIC_RECOVERY,
      retryable: entry.retryable,
      source: "isl",
      request_id: requestId,
      degraded: false,
    };
    if (error.validationFailures) body.validation_failures = error.validationFailures;
    if (Object.keys(error.details).length > 0) body.details = error.details;
    return { status: entry.status, body };
  }
  return {
    status: 500,
    body: {
      code: "ISL_COMPUTATION_ERROR",
      message: "An unexpected error occurred during computation",
      reason: ERROR_CODES.ISL_COMPUTATION_ERROR.reason,
      recovery: INTERNAL_RECOVERY,
      retryable: true,
      source: "isl",
      request_id: requestId,
      degraded: false,
    },
  };
}
