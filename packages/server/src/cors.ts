/**
 * CORS from `CORS_ORIGINS`: an allowed `Origin` is echoed in `Access-Control-Allow-Origin` (with
 * `Vary: Origin`); `*` allows any origin but never with credentials (config rejects that pair).
 * Preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered here, before auth and
 * rate limiting: 204 with the allowed methods and headers when the origin is allowed, 204 without
 * any CORS header (so the browser blocks the call) when it is not. Headers as upstream (§3.6).
 */
import type { RequestHandler } from "express";

/** Request headers a browser may send. */
export const CORS_ALLOWED_HEADERS = [
  "Content-Type", "Authorization", "X-API-Key", "X-Request-Id", "X-Trace-Id", "X-Correlation-Id", "X-User-Id", "traceparent",
  "Accept", "Accept-Language", "Content-Language", "x-olumi-payload-hash", "x-olumi-caller-service", "x-olumi-trace-id",
];
/** Response headers a browser may read. */
export const CORS_EXPOSED_HEADERS = [
  "X-Request-Id", "X-Trace-Id", "X-Processing-Time-Ms", "RateLimit", "RateLimit-Policy", "Retry-After",
  "x-olumi-service", "x-olumi-service-build", "x-olumi-response-hash", "x-olumi-trace-received", "x-olumi-downstream-calls",
];
const ALLOWED_METHODS = "GET, POST, PATCH, OPTIONS";

/** Options of {@link cors}. */
export interface CorsOptions {
  origins: readonly string[];
  allowCredentials: boolean;
}

/** The CORS middleware. */
export function cors(options: CorsOptions): RequestHandler {
  const anyOrigin = options.origins.includes("*");
  const allowed = new Set(options.origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (origin === undefined) {
      next();
      return;
    }
    res.append("Vary", "Origin");
    const ok = allowed.has(origin) || anyOrigin;
    if (ok) {
      const listed = allowed.has(origin);
      res.setHeader("Access-Control-Allow-Origin", listed ? origin : "*");
      // Credentials only for an explicitly listed origin, never through the wildcard.
      if (options.allowCredentials && listed) res.setHeader("Access-Control-Allow-Credentials", "true");
    }
    if (!preflight) {
      if (ok) res.setHeader("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS.join(", "));
      next();
      return;
    }
    if (ok) {
      res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS.join(", "));
      res.setHeader("Access-Control-Max-Age", "600");
    }
    res.status(204).end();
  };
}
