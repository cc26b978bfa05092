/**
 * Request identity: the id a caller sends in `X-Request-Id` (preferred) or `X-Trace-Id`, kept
 * when it is safe to echo, else a fresh `req_` + 16 hex id. The id is not a result; it only
 * ties a response, its metadata and the logs together.
 */
import { randomUUID } from "node:crypto";

/** Longest caller-supplied id the server echoes. */
export const MAX_REQUEST_ID_LENGTH = 128;

const SAFE_ID = /^[A-Za-z0-9._:-]+$/;

/** True when `value` is an id the server may echo: 1..128 characters of `[A-Za-z0-9._:-]`. */
export function isSafeRequestId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_REQUEST_ID_LENGTH && SAFE_ID.test(value);
}

/** A fresh request id: `req_` followed by 16 lower-case hex digits. */
export function generateRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/** Reads one header value (the first, when repeated). */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request id for a request with these headers: the first safe value of `x-request-id`,
 * then `x-trace-id`; otherwise a generated one. Header names must be lower case (as Node gives them).
 */
export function resolveRequestId(headers: Record<string, string | string[] | undefined>): string {
  for (const name of ["x-request-id", "x-trace-id"]) {
    const value = headerValue(headers[name])?.trim();
    if (isSafeRequestId(value)) return value;
  }
  return generateRequestId();
}
