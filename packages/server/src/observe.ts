/**
 * Per-request observability middleware: counts the request in `isl_active_requests` while it is
 * in flight and, once the response ends (or the client goes away), records the HTTP metrics and
 * writes the one completion log line. The endpoint label is the matched route template, or
 * `/docs` for the documentation UI, or `unmatched`, so labels stay bounded whatever paths arrive.
 */
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import { hashUserId, logRequest } from "./logging.js";
import { UNMATCHED_ENDPOINT, type IslMetrics } from "./metrics.js";
import { requestIdOf } from "./middleware.js";

/** The route template a finished request matched, for labels and logs. */
export function endpointOf(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (route !== undefined && typeof route.path === "string") return `${req.baseUrl}${route.path}`;
  const path = req.originalUrl.split("?")[0] ?? "";
  if (path === "/docs" || path.startsWith("/docs/")) return "/docs";
  return UNMATCHED_ENDPOINT;
}

function userHashOf(req: Request): string | null {
  const value = req.headers["x-user-id"];
  const userId = Array.isArray(value) ? value[0] : value;
  return userId === undefined || userId === "" ? null : hashUserId(userId);
}

/** `{ trace_id }` when the tracing middleware opened a span for this request (see tracing.ts), else nothing. */
function traceFieldOf(res: Response): { trace_id?: string } {
  const traceId = (res.locals as { traceId?: unknown }).traceId;
  return typeof traceId === "string" ? { trace_id: traceId } : {};
}

/** Middleware recording metrics and the completion log line of each request (`logger` undefined: no log line). */
export function observeRequests(metrics: IslMetrics, logger: Logger | undefined): RequestHandler {
  return (req, res: Response, next) => {
    const started = performance.now();
    metrics.activeRequests.inc();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      metrics.activeRequests.dec();
      const seconds = (performance.now() - started) / 1000;
      const endpoint = endpointOf(req);
      metrics.recordRequest(req.method, endpoint, res.statusCode, seconds);
      if (logger !== undefined) {
        logRequest(logger, {
          request_id: requestIdOf(res),
          endpoint,
          method: req.method,
          status_code: res.statusCode,
          duration_ms: Math.round(seconds * 1e6) / 1e3,
          user_hash: userHashOf(req),
          ...traceFieldOf(res),
        });
      }
    };
    res.once("finish", finish);
    res.once("close", finish);
    next();
  };
}
