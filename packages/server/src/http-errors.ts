/**
 * The HTTP-only failures (bad JSON, wrong content type, oversized body, unknown route, wrong
 * method, not ready) as {@link IslError}s, so that every error body comes from core's one
 * `toErrorEnvelope` mapping.
 */
import { LIMITS } from "@olumi/contracts";
import { IslError, malformedJsonError } from "@olumi/isl-core";

const MAX_ECHOED_PATH = 200;
const BODY_MEGABYTES = Math.round(LIMITS.bodyBytes / (1024 * 1024));

function echoPath(path: string): string {
  return path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}…` : path;
}

/** 400: a POST body that is not JSON. (415 has no code of its own in the contract, so the envelope is ISL_INVALID_INPUT.) */
export function unsupportedContentTypeError(contentType: string | undefined): IslError {
  return new IslError("ISL_INVALID_INPUT", `Unsupported Content-Type '${contentType ?? "(none)"}': request bodies must be application/json.`, {
    details: { content_type: contentType ?? null, expected: "application/json" },
    recovery: { hints: ["Set the header Content-Type: application/json", "Send the request as a JSON object"], suggestion: "Send JSON with Content-Type: application/json" },
  });
}

/** 400: the body could not be read (bad charset or encoding, aborted upload, length mismatch). */
export function unreadableBodyError(detail: string): IslError {
  return new IslError("ISL_INVALID_INPUT", `The request body could not be read: ${detail}.`, {
    recovery: { hints: ["Send UTF-8 JSON", "Use identity, gzip or deflate Content-Encoding only"], suggestion: "Resend the request body" },
  });
}

/** 413: the body is over the size limit. */
export function bodyTooLargeError(): IslError {
  return new IslError("ISL_REQUEST_TOO_LARGE", `Request body too large. Maximum size is ${BODY_MEGABYTES}MB.`, {
    details: { max_bytes: LIMITS.bodyBytes },
    recovery: {
      hints: [`Reduce request body size to under ${BODY_MEGABYTES}MB`, "Consider splitting large requests into smaller batches"],
      suggestion: "Reduce payload size",
    },
  });
}

/** 404: no route at this path. */
export function routeNotFoundError(method: string, path: string): IslError {
  return new IslError("ISL_ROUTE_NOT_FOUND", `No route for ${method} ${echoPath(path)}.`, {
    details: { method, path: echoPath(path) },
    recovery: { hints: ["See GET /openapi.json or /docs for the available routes", "Operations live under /api/v1/"], suggestion: "Use a documented route" },
  });
}

/** 405: the path exists, but not for this method. */
export function methodNotAllowedError(method: string, path: string, allowed: readonly string[]): IslError {
  return new IslError("ISL_METHOD_NOT_ALLOWED", `Method ${method} is not allowed on ${echoPath(path)}; use ${allowed.join(" or ")}.`, {
    details: { method, path: echoPath(path), allowed: [...allowed] },
    recovery: { hints: [`Allowed methods: ${allowed.join(", ")}`], suggestion: `Retry with ${allowed[0] ?? "an allowed method"}` },
  });
}

/** 503: the service is not ready to accept work. */
export function notReadyError(): IslError {
  return new IslError("ISL_SERVICE_UNAVAILABLE", "The service is not ready to accept requests.", {
    recovery: { hints: ["Wait a few seconds before retrying"], suggestion: "Retry shortly" },
  });
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  message?: unknown;
}

/**
 * The {@link IslError} for an error raised by the JSON body parser, or `undefined` when `error`
 * did not come from reading the body (then it is an internal error).
 */
export function bodyParserError(error: unknown): IslError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { type, status, message } = error as BodyParserError;
  if (typeof type !== "string" || typeof status !== "number") return undefined;
  const text = typeof message === "string" ? message : "unreadable body";
  if (type === "entity.parse.failed") return malformedJsonError(text);
  if (type === "entity.too.large") return bodyTooLargeError();
  if (status >= 400 && status < 500) return unreadableBodyError(text);
  return undefined;
}
