/**
 * Per-request context: the request id (echoed in `X-Request-Id` and `X-Trace-Id`), an
 * AbortSignal that fires when the client goes away, `X-Processing-Time-Ms` (wall time from
 * arrival to the response headers, measured with `performance.now()`), and `Connection: close`
 * while the app drains for shutdown (`app.locals.draining`).
 */
import type { RequestHandler, Response } from "express";
import { resolveRequestId } from "./request-id.js";

interface ContextLocals {
  requestId?: string;
  signal?: AbortSignal;
}

/** The request id of the request `res` answers. */
export function requestIdOf(res: Response): string {
  return (res.locals as ContextLocals).requestId ?? "unknown";
}

/** The AbortSignal of the request `res` answers (aborted when the client disconnects first). */
export function signalOf(res: Response): AbortSignal {
  return (res.locals as ContextLocals).signal ?? new AbortController().signal;
}

/** Middleware installing the request id, the abort signal and the processing-time header. */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const requestId = resolveRequestId(req.headers);
    const controller = new AbortController();
    const locals = res.locals as ContextLocals;
    locals.requestId = requestId;
    locals.signal = controller.signal;
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Trace-Id", requestId);
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const writeHead = res.writeHead;
    // NOTE: the header is set at the last moment before the status line is written, so it covers
    // every path (routes, errors, static files) without each of them having to remember it.
    res.writeHead = function patchedWriteHead(this: Response, ...args: unknown[]) {
      if (!this.headersSent) this.setHeader("X-Processing-Time-Ms", (performance.now() - started).toFixed(3));
      // While the server drains for shutdown, every response closes its connection, so keep-alive
      // clients reconnect (to another instance) instead of reusing a socket that is about to go.
      if (!this.headersSent && req.app.locals.draining === true) this.setHeader("Connection", "close");
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
