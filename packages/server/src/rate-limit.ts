/**
 * Sliding-window-log rate limiter (in memory): a request is allowed while fewer than `limit`
 * accepted requests of the same client fall in the last `windowMs`; rejected requests are not
 * recorded. Per request O(k) amortised for k timestamps pruned; memory O(clients × limit).
 * The client is the authenticated API key's hash, else `req.ip` (which honours only the explicit
 * `trust proxy` setting, never a bare `X-Forwarded-For`).
 *
 * With a `shared` limiter (Redis, see redis-rate-limit.ts) the decision comes from there, so every
 * instance counts against one window; whenever the shared limiter cannot answer (Redis down, slow
 * or its circuit open) the request is decided by this memory log instead, never failed. The memory
 * log also records the requests the shared limiter admitted, so a fallback starts from this
 * instance's recent history rather than from zero.
 *
 * Written here rather than with express-rate-limit 8: its stores must return the reset instant as
 * a wall-clock `Date`, and its bundled memory store is a fixed window. Headers follow the IETF
 * draft-8 RateLimit fields as express-rate-limit emits them: `RateLimit-Policy: "<limit>-in-1min";
 * q=<limit>; w=60` and `RateLimit: "<limit>-in-1min"; r=<remaining>; t=<seconds>`, plus
 * `Retry-After` on 429.
 */
import type { NextFunction, RequestHandler, Response } from "express";
import { apiKeyIdOf } from "./auth.js";
import { rateLimitError, sendGateError } from "./security-errors.js";

/** Options of {@link slidingWindowRateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds (default 60 000). */
  windowMs?: number;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Paths never limited (default: health, readiness and metrics). */
  exempt?: (path: string) => boolean;
  /** A limiter shared between instances (Redis); its failures fall back to the memory log. */
  shared?: SharedRateLimiter;
  /** Called when a shared decision failed and the memory log decided instead. */
  onFallback?: (error: unknown) => void;
}

/** A rate limiter shared between instances (see `RedisSlidingWindow`). */
export interface SharedRateLimiter {
  /** The decision for one request of `client`; rejects when it cannot decide. */
  hit(client: string): Promise<RateDecision>;
}

/** Outcome of one {@link SlidingWindowLog.hit}. */
export interface RateDecision {
  allowed: boolean;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Seconds until the oldest counted request leaves the window (≥ 1 when rejected). */
  resetSeconds: number;
}

/** Per-client timestamp logs of accepted requests. */
export class SlidingWindowLog {
  private readonly logs = new Map<string, number[]>();
  private lastSweep = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a request of `client` at time `at` when allowed, and says whether it is. */
  hit(client: string, at: number): RateDecision {
    const log = this.logs.get(client) ?? [];
    const start = at - this.windowMs;
    let drop = 0;
    while (drop < log.length && log[drop]! <= start) drop += 1;
    if (drop > 0) log.splice(0, drop);
    const allowed = log.length < this.limit;
    if (allowed) log.push(at);
    if (log.length > 0) this.logs.set(client, log);
    else this.logs.delete(client);
    // Idle clients are dropped by a full sweep at most once per window once many are tracked,
    // so the cost stays amortised O(1) per request and memory O(clients active in one window).
    if (this.logs.size > 10_000 && at - this.lastSweep >= this.windowMs) this.sweep(at);
    const oldest = log[0] ?? at;
    const resetSeconds = Math.max(allowed ? 0 : 1, Math.ceil((oldest + this.windowMs - at) / 1000));
    return { allowed, remaining: Math.max(0, this.limit - log.length), resetSeconds };
  }

  /** Number of clients currently tracked. */
  get size(): number {
    return this.logs.size;
  }

  private sweep(at: number): void {
    this.lastSweep = at;
    for (const [client, log] of this.logs) if ((log[log.length - 1] ?? at - this.windowMs) <= at - this.windowMs) this.logs.delete(client);
  }
}

/** True for the health, readiness and metrics paths, which probes poll and the limiter skips. */
export function isProbePath(path: string): boolean {
  return path === "/health" || path.startsWith("/health/") || path === "/ready" || path === "/metrics";
}

/** Middleware enforcing the limit; mount after authentication so keys are known. */
export function slidingWindowRateLimit(options: RateLimitOptions): RequestHandler {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  const exempt = options.exempt ?? isProbePath;
  const log = new SlidingWindowLog(options.limit, windowMs);
  const windowSeconds = Math.round(windowMs / 1000);
  const name = `"${options.limit}-in-${windowSeconds % 60 === 0 ? `${windowSeconds / 60}min` : `${windowSeconds}sec`}"`;
  const policy = `${name}; q=${options.limit}; w=${windowSeconds}`;
  const respond = (res: Response, next: NextFunction, decision: RateDecision): void => {
    res.setHeader("RateLimit-Policy", policy);
    res.setHeader("RateLimit", `${name}; r=${decision.remaining}; t=${decision.resetSeconds}`);
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader("Retry-After", String(decision.resetSeconds));
    sendGateError(res, rateLimitError(decision.resetSeconds, options.limit), "too_many_requests");
  };
  const shared = options.shared;
  return (req, res, next) => {
    if (exempt(req.path)) {
      next();
      return;
    }
    const keyId = apiKeyIdOf(res);
    const client = keyId !== undefined ? `key:${keyId}` : `ip:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
    if (shared === undefined) {
      respond(res, next, log.hit(client, now()));
      return;
    }
    shared.hit(client).then(
      (decision) => {
        if (decision.allowed) log.hit(client, now());
        respond(res, next, decision);
      },
      (error: unknown) => {
        options.onFallback?.(error);
        respond(res, next, log.hit(client, now()));
      },
    );
  };
}
