/**
 * The envelopes of the request gates (401 missing / invalid key, 429 rate limit), with upstream's
 * reasons and hints (reference/upstream-service.md §2.2). They go through core's one
 * `toErrorEnvelope` mapping; only `reason` is narrowed to upstream's more specific value.
 */
import type { ErrorEnvelope } from "@olumi/contracts";
import { IslError, toErrorEnvelope } from "@olumi/isl-core";
import type { Response } from "express";
import { requestIdOf } from "./middleware.js";

/** Sends `error` as the Olumi envelope with its status, replacing the code's generic reason by `reason`. */
export function sendGateError(res: Response, error: IslError, reason: string): void {
  const { status, body } = toErrorEnvelope(error, requestIdOf(res));
  res.status(status).json({ ...body, reason } satisfies ErrorEnvelope);
}

/** 401 for a request without `X-API-Key` (reason `missing_api_key`). */
export function missingApiKeyError(): IslError {
  return new IslError("ISL_UNAUTHORIZED", "Missing API key. Provide X-API-Key header.", {
    recovery: { hints: ["Include X-API-Key header in your request", "Ensure API key is properly configured"], suggestion: "Provide X-API-Key header" },
  });
}

/** 401 for a key that matches none of the configured keys (reason `invalid_api_key`). */
export function invalidApiKeyError(): IslError {
  return new IslError("ISL_UNAUTHORIZED", "Invalid API key.", {
    recovery: { hints: ["Verify your API key is correct", "Check if your API key has expired"], suggestion: "Check your API key" },
  });
}

/** 429 after the rate limit, with the number of seconds until a request would be accepted. */
export function rateLimitError(retryAfterSeconds: number, limit: number): IslError {
  return new IslError("ISL_RATE_LIMIT_EXCEEDED", `Rate limit exceeded. Please wait ${retryAfterSeconds} seconds before retrying.`, {
    details: { retry_after: retryAfterSeconds, limit, window_seconds: 60 },
    recovery: {
      hints: [`Wait ${retryAfterSeconds} seconds before retrying`, "Reduce request frequency", "Consider implementing client-side rate limiting"],
      suggestion: `Retry after ${retryAfterSeconds} seconds`,
    },
  });
}
