/**
 * The route handler of one operation: awaits the runner (inline, worker pool, cached — whatever
 * the app composed) under the route's deadline. The runner's signal aborts when the deadline
 * passes (reason: the 504 IslError) or the client goes away; at the deadline the route answers
 * 504 at once without waiting for the computation, which the pool then stops.
 */
import type { Operation, OperationId } from "@olumi/contracts";
import { IslError } from "@olumi/isl-core";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { requestTimeoutError } from "./deadlines.js";
import { requestIdOf, signalOf } from "./middleware.js";

/** Options the route passes to the runner. */
export interface RouteRunOptions {
  requestId: string;
  signal: AbortSignal;
  /** Called by a caching runner when the body comes from the cache instead of a computation. */
  onCacheHit?: () => void;
}

/** A runner as the route sees it: a value or a promise of one. */
export type RouteRunner = (id: OperationId, input: unknown, options: RouteRunOptions) => unknown;

/** What {@link operationRoute} needs. */
export interface OperationRouteOptions {
  /** Runs the operation. */
  run: RouteRunner;
  /** Deadline of this route in seconds. */
  deadlineSeconds: number;
  /**
   * Called after each successful run with the time it took (seconds) and whether the body came
   * from the result cache (then nothing was computed and the time is only the lookup).
   */
  onSuccess?: (seconds: number, cacheHit: boolean) => void;
}

function clientGoneError(): IslError {
  return new IslError("ISL_TIMEOUT", "The client closed the connection before the computation finished.", {
    recovery: { hints: ["Keep the connection open until the response arrives"], suggestion: "Retry" },
  });
}

/** The Express handler of `op`. */
export function operationRoute(op: Pick<Operation, "id" | "method">, options: OperationRouteOptions): RequestHandler {
  const { run, deadlineSeconds, onSuccess } = options;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const input: unknown = op.method === "GET" ? req.query : req.body;
    const started = performance.now();
    const controller = new AbortController();
    const clientSignal = signalOf(res);
    const onClientGone = (): void => controller.abort(clientGoneError());
    if (clientSignal.aborted) onClientGone();
    else clientSignal.addEventListener("abort", onClientGone, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = requestTimeoutError(deadlineSeconds);
        controller.abort(error);
        reject(error);
      }, deadlineSeconds * 1000);
    });
    try {
      let cacheHit = false;
      const onCacheHit = (): void => {
        cacheHit = true;
      };
      const computation = Promise.resolve().then(() => run(op.id as OperationId, input, { requestId: requestIdOf(res), signal: controller.signal, onCacheHit }));
      const body = await Promise.race([computation, deadline]);
      onSuccess?.((performance.now() - started) / 1000, cacheHit);
      res.status(200).json(body);
    } catch (error) {
      next(error);
    } finally {
      clearTimeout(timer);
      clientSignal.removeEventListener("abort", onClientGone);
    }
  };
}
