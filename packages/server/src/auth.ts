/**
 * API-key authentication: `X-API-Key` against the configured keys. The candidate and every key
 * are hashed with SHA-256 and compared with `crypto.timingSafeEqual` (equal-length digests), and
 * every key is compared (no early exit), so timing reveals neither a key's content nor its length.
 * Public paths (`/health*`, `/ready`, `/metrics`, `/docs*`, `/redoc*`, `/openapi.json`) need no key.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { invalidApiKeyError, missingApiKeyError, sendGateError } from "./security-errors.js";

/** True for the paths that never need a key. */
export function isPublicPath(path: string): boolean {
  return (
    path === "/health" || path.startsWith("/health/") || path === "/ready" || path === "/metrics" || path === "/openapi.json" ||
    path === "/docs" || path.startsWith("/docs/") || path === "/redoc" || path.startsWith("/redoc/")
  );
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** A constant-time matcher for `keys`: true when the candidate equals one of them. */
export function apiKeyMatcher(keys: readonly string[]): (candidate: string) => boolean {
  const digests = keys.map(digest);
  return (candidate) => {
    const probe = digest(candidate);
    let found = false;
    for (const d of digests) found = timingSafeEqual(probe, d) || found;
    return found;
  };
}

interface AuthLocals {
  apiKeyId?: string;
}

/** The authenticated key's identity (`sha256(key)` first 16 hex), or undefined when unauthenticated. */
export function apiKeyIdOf(res: Response): string | undefined {
  return (res.locals as AuthLocals).apiKeyId;
}

/** Middleware rejecting non-public requests without a valid `X-API-Key` (401 envelope). */
export function apiKeyAuth(keys: readonly string[]): RequestHandler {
  const matches = apiKeyMatcher(keys);
  return (req, res, next) => {
    if (isPublicPath(req.path)) {
      next();
      return;
    }
    const header = req.headers["x-api-key"];
    const candidate = Array.isArray(header) ? header[0] : header;
    if (candidate === undefined || candidate === "") sendGateError(res, missingApiKeyError(), "missing_api_key");
    else if (!matches(candidate)) sendGateError(res, invalidApiKeyError(), "invalid_api_key");
    else {
      (res.locals as AuthLocals).apiKeyId = digest(candidate).toString("hex").slice(0, 16);
      next();
    }
  };
}
