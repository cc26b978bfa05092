/**
 * The PLoT compute governor (plot-v2-engine.md §6.3) and the HTTP gate of the PLoT analysis routes.
 *
 * Governor: `workers` = min(2, cores), a queue of 2·workers, and an in-flight cost budget of
 * workers·max_cost_units. Admission of a request of cost c from caller k, checked in this order:
 * admitted ≥ workers + queue ⇒ 503 `service_busy_queue_full`; k's admitted ≥ workers ⇒ 429
 * `caller_concurrency_exceeded`; admitted cost + c > budget ⇒ 503 `service_busy_cost_budget`; else
 * admitted until its response closes. Every refusal carries `Retry-After: 5` (PLoT retries 429 and
 * 503 within its budget). O(1) per admission and release; memory O(callers in flight).
 *
 * Gate (per request on a governed route, after authentication and the rate limiter): the
 * `response_version` query parameter / `X-ISL-Response-Version` header must be 1 or 2 when present;
 * the body is priced with the advertised cost model and refused with a 422 over the ceiling
 * (core's {@link admitPlotRequest}); then the governor admits it.
 *
 * The caller is the authenticated API key's id; without authentication, the SHA-256 of the sent
 * `X-API-Key` (never the key itself), else `_anon` — upstream keys the governor by X-API-Key or "_anon".
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { IslError, admitPlotRequest, type IslErrorOptions } from "@olumi/isl-core";
import type { Operation } from "@olumi/contracts";
import type { RequestHandler, Response } from "express";
import { apiKeyIdOf } from "./auth.js";
import { sendGateError } from "./security-errors.js";

/** Operation ids whose requests go through the gate and the governor. */
export const PLOT_GOVERNED_OPERATION_IDS: readonly string[] = ["robustness/analyze/v2", "robustness/analyze/unified", "robustness/decision-flip/v2"];

/** Seconds a refused caller is told to wait (upstream's constant). */
export const GOVERNOR_RETRY_AFTER_SECONDS = 5;

/** Options of {@link PlotComputeGovernor}. */
export interface PlotGovernorOptions {
  /** Concurrent analyses per caller, and the size of the worker share (default min(2, cores)). */
  workers?: number;
  /** Admitted analyses beyond `workers` that may wait (default 2·workers). */
  queue?: number;
  /** The admission ceiling; the in-flight budget is workers·maxCostUnits. */
  maxCostUnits: number;
}

/** Why the governor refused a request. */
export type GovernorRefusalReason = "service_busy_queue_full" | "caller_concurrency_exceeded" | "service_busy_cost_budget";

/** The outcome of {@link PlotComputeGovernor.admit}. */
export type GovernorDecision = { admitted: true; release: () => void } | { admitted: false; reason: GovernorRefusalReason };

/** Counts admitted analyses overall and per caller, and their summed cost. */
export class PlotComputeGovernor {
  /** Concurrent analyses per caller. */
  readonly workers: number;
  /** Total admitted analyses allowed: workers + queue. */
  readonly capacity: number;
  /** In-flight cost budget: workers·maxCostUnits. */
  readonly costBudget: number;
  private admitted = 0;
  private admittedCost = 0;
  private readonly perCaller = new Map<string, number>();

  constructor(options: PlotGovernorOptions) {
    const workers = options.workers ?? Math.min(2, availableParallelism());
    const queue = options.queue ?? 2 * workers;
    if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
    if (!Number.isSafeInteger(queue) || queue < 0) throw new RangeError(`queue must be a non-negative integer, got ${queue}`);
    this.workers = workers;
    this.capacity = workers + queue;
    this.costBudget = workers * options.maxCostUnits;
  }

  /** Analyses admitted and not yet released. */
  get inFlight(): number {
    return this.admitted;
  }

  /**
   * Admits one analysis of `cost` units for `caller`, or says why not. The returned `release`
   * is idempotent.
   */
  admit(caller: string, cost: number): GovernorDecision {
    if (this.admitted >= this.capacity) return { admitted: false, reason: "service_busy_queue_full" };
    const mine = this.perCaller.get(caller) ?? 0;
    if (mine >= this.workers) return { admitted: false, reason: "caller_concurrency_exceeded" };
    if (this.admittedCost + cost > this.costBudget) return { admitted: false, reason: "service_busy_cost_budget" };
    this.admitted += 1;
    this.admittedCost += cost;
    this.perCaller.set(caller, mine + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.admitted -= 1;
      this.admittedCost -= cost;
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    };
    return { admitted: true, release };
  }
}

/** The error of a governor refusal (429 for the caller limit, 503 otherwise). */
export function governorRefusalError(reason: GovernorRefusalReason): IslError {
  const options: IslErrorOptions = {
    details: { reason, retry_after: GOVERNOR_RETRY_AFTER_SECONDS },
    recovery: {
      hints: [`Wait ${GOVERNOR_RETRY_AFTER_SECONDS} seconds before retrying`, "Send fewer analyses at the same time"],
      suggestion: `Retry after ${GOVERNOR_RETRY_AFTER_SECONDS} seconds`,
    },
  };
  if (reason === "caller_concurrency_exceeded") return new IslError("ISL_RATE_LIMIT_EXCEEDED", "Too many concurrent analyses from this caller. Retry shortly.", options);
  return new IslError("ISL_SERVICE_UNAVAILABLE", "Analysis service is at compute capacity. Retry shortly.", options);
}

/** 422 for a `response_version` other than 1 or 2. */
export function responseVersionError(value: string): IslError {
  return new IslError("ISL_VALIDATION_ERROR", `response_version must be 1 or 2, got ${JSON.stringify(value.slice(0, 20))}.`, {
    details: { field: "response_version", value: value.slice(0, 20), allowed: [1, 2] },
    recovery: { hints: ["Send ?response_version=2 (or the header X-ISL-Response-Version: 2)"], suggestion: "Use response_version=2" },
  });
}

/** The paths of the governed operations present in `table`. */
export function plotGovernedPaths(table: readonly Pick<Operation, "id" | "path">[]): string[] {
  return table.filter((op) => PLOT_GOVERNED_OPERATION_IDS.includes(op.id)).map((op) => op.path);
}

/** The governor's caller key for a response's request. */
export function governorCallerOf(res: Response, apiKeyHeader: string | string[] | undefined): string {
  const keyId = apiKeyIdOf(res);
  if (keyId !== undefined) return `key:${keyId}`;
  const header = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
  if (header === undefined || header === "") return "_anon";
  return `key:${createHash("sha256").update(header, "utf8").digest("hex").slice(0, 16)}`;
}

function requestedVersion(query: unknown, header: string | undefined): string | undefined {
  if (header !== undefined) return header.trim();
  const value = (query as Record<string, unknown> | undefined)?.response_version;
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return String(value[0]);
  return undefined;
}

/** Options of {@link plotAnalysisGate}. */
export interface PlotGateOptions {
  /** The admission ceiling (`ISL_MAX_COST_UNITS`). */
  maxCostUnits: number;
  /** The governor shared by every governed route. */
  governor: PlotComputeGovernor;
}

/**
 * Middleware for the governed routes; mount after the JSON body parser. Refusals go to the error
 * handler (422) or are sent here (429/503 with `Retry-After`); admitted requests hold a governor
 * slot until their response closes.
 */
export function plotAnalysisGate(options: PlotGateOptions): RequestHandler {
  return (req, res, next) => {
    const version = requestedVersion(req.query, req.get("x-isl-response-version"));
    if (version !== undefined && version !== "1" && version !== "2") {
      next(responseVersionError(version));
      return;
    }
    let cost = 0;
    try {
      cost = admitPlotRequest(req.body, options.maxCostUnits)?.costUnits ?? 0;
    } catch (error) {
      next(error);
      return;
    }
    const decision = options.governor.admit(governorCallerOf(res, req.headers["x-api-key"]), cost);
    if (!decision.admitted) {
      res.setHeader("Retry-After", String(GOVERNOR_RETRY_AFTER_SECONDS));
      sendGateError(res, governorRefusalError(decision.reason), decision.reason);
      return;
    }
    res.once("finish", decision.release);
    res.once("close", decision.release);
    next();
  };
}
