/**
 * Per-route-prefix request deadlines (reference/upstream-service.md §3.4): the longest matching
 * prefix gives the deadline, else `REQUEST_TIMEOUT_SECONDS`. `ISL_ROUTE_TIMEOUTS` overrides or
 * adds prefixes. When a deadline passes the route answers 504 ISL_TIMEOUT at once and aborts the
 * computation's signal; the worker pool then stops the computation (see worker-pool.ts).
 */
import { IslError } from "@olumi/isl-core";

/** One prefix and its deadline. */
export interface RouteTimeout {
  /** Path prefix, e.g. `/api/v1/causal/`. */
  readonly prefix: string;
  /** Deadline in seconds (fractions allowed). */
  readonly seconds: number;
}

/** Upstream's table (HEAD): 30 s validation/utility/outcomes, 60 s explain/teaching/team/aggregation, 90 s causal/robustness, 120 s analysis, 180 s batch. */
export const UPSTREAM_ROUTE_TIMEOUTS: readonly RouteTimeout[] = [
  { prefix: "/api/v1/validation/", seconds: 30 },
  { prefix: "/api/v1/utility/", seconds: 30 },
  { prefix: "/api/v1/outcomes/", seconds: 30 },
  { prefix: "/api/v1/explain/", seconds: 60 },
  { prefix: "/api/v1/teaching/", seconds: 60 },
  { prefix: "/api/v1/team/", seconds: 60 },
  { prefix: "/api/v1/aggregation/", seconds: 60 },
  { prefix: "/api/v1/causal/", seconds: 90 },
  { prefix: "/api/v1/robustness/", seconds: 90 },
  { prefix: "/api/v1/analysis/", seconds: 120 },
  { prefix: "/api/v1/batch/", seconds: 180 },
];

/** The upstream table with `overrides` applied (same prefix replaces, new prefix adds). */
export function routeTimeoutTable(overrides: readonly RouteTimeout[] = []): RouteTimeout[] {
  const table = new Map(UPSTREAM_ROUTE_TIMEOUTS.map((t) => [t.prefix, t.seconds]));
  for (const o of overrides) table.set(o.prefix, o.seconds);
  return [...table].map(([prefix, seconds]) => ({ prefix, seconds })).sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
}

/** The deadline in seconds for `path`: longest matching prefix of `table`, else `fallbackSeconds`. */
export function deadlineSecondsFor(path: string, table: readonly RouteTimeout[], fallbackSeconds: number): number {
  let best: RouteTimeout | undefined;
  for (const entry of table) if (path.startsWith(entry.prefix) && (best === undefined || entry.prefix.length > best.prefix.length)) best = entry;
  return best?.seconds ?? fallbackSeconds;
}

/** Parses `ISL_ROUTE_TIMEOUTS`: `prefix=seconds` pairs separated by commas; throws with the bad entry named. */
export function parseRouteTimeouts(text: string): RouteTimeout[] {
  const entries = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return entries.map((entry) => {
    const eq = entry.lastIndexOf("=");
    const prefix = eq < 0 ? "" : entry.slice(0, eq).trim();
    const secondsText = eq < 0 ? "" : entry.slice(eq + 1).trim();
    const seconds = /^\d+(\.\d+)?$/.test(secondsText) ? Number(secondsText) : Number.NaN;
    if (!prefix.startsWith("/") || !(seconds > 0 && seconds <= 3600)) {
      throw new Error(`${JSON.stringify(entry.slice(0, 80))} must be /path/prefix=seconds with seconds in (0, 3600]`);
    }
    return { prefix, seconds };
  });
}

/** 504 as upstream words it: "Request processing timed out after {T} seconds." */
export function requestTimeoutError(seconds: number): IslError {
  return new IslError("ISL_TIMEOUT", `Request processing timed out after ${seconds} seconds.`, {
    details: { timeout_seconds: seconds },
    recovery: {
      hints: ["Try with a smaller or simpler input", "Reduce the number of Monte Carlo iterations if applicable", "Consider breaking complex analyses into smaller parts"],
      suggestion: "Retry with simpler input",
    },
  });
}
