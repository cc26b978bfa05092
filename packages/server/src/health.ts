/** `GET /health` and `GET /ready`: liveness and readiness bodies (upstream-service.md §6.1). */
import { ISL_VERSION } from "@olumi/contracts";
import { CONFIG_FINGERPRINT } from "@olumi/isl-core";
import { PLOT_DEFAULT_MAX_COST_UNITS, type ComputeAdmissionBlock } from "@olumi/isl-core";
import { computeAdmissionField } from "./plot-health.js";
import type { RedisStatusSummary } from "./cache-services.js";

/** The body of `GET /health` (and of `GET /ready` when ready). */
export interface HealthBody {
  status: "healthy";
  version: string;
  /** Short build id (7 characters) or `"unknown"`. */
  build: string;
  /** Full build id, or null when unknown. */
  build_full: string | null;
  /** When the body was produced (wall clock; not part of any computation result). */
  timestamp: string;
  /** Fingerprint of the engine configuration, as in `_metadata.config_fingerprint`. */
  config_fingerprint: string;
  /** PLoT's compute-admission capability (ceiling, formula version, weights, parameters, caps); see plot-health.ts. */
  compute_admission: ComputeAdmissionBlock;
  /** Seconds since the app was created (monotonic clock). */
  uptime_seconds: number;
  /** Redis state (from the cache services; `not_configured` without Redis). */
  redis: RedisStatusSummary;
}

/** Live sources of the health body beyond the build identity. */
export interface HealthProbes {
  /** Redis state now (default: not configured). */
  redis?: () => RedisStatusSummary;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** The Redis summary when no Redis is configured. */
export const REDIS_NOT_CONFIGURED: RedisStatusSummary = { configured: false, state: "not_configured", connected: false, circuit_breaker: null };

/** Build identity: from the option, else `ISL_BUILD_SHA` or `GIT_SHA` in the environment. */
export function resolveBuild(build: string | undefined, env: NodeJS.ProcessEnv = process.env): { build: string; build_full: string | null } {
  const full = build ?? env.ISL_BUILD_SHA ?? env.GIT_SHA;
  if (full === undefined || full.trim() === "") return { build: "unknown", build_full: null };
  const trimmed = full.trim();
  return { build: trimmed.slice(0, 7), build_full: trimmed };
}

/** A function producing the health body for this build. */
export function healthReporter(build: string | undefined, maxCostUnits: number = PLOT_DEFAULT_MAX_COST_UNITS, probes: HealthProbes = {}): () => HealthBody {
  const identity = resolveBuild(build);
  const now = probes.now ?? (() => performance.now());
  const createdAt = now();
  return () => ({
    status: "healthy",
    version: ISL_VERSION,
    ...identity,
    timestamp: new Date().toISOString(),
    config_fingerprint: CONFIG_FINGERPRINT,
    compute_admission: computeAdmissionField(maxCostUnits),
    uptime_seconds: Math.round(now() - createdAt) / 1000,
    redis: probes.redis?.() ?? { ...REDIS_NOT_CONFIGURED },
  });
}
