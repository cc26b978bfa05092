/**
 * `GET /ready` and `GET /health/services`: what the instance depends on, checked live.
 * Ready = accepting work (not draining for shutdown), every worker thread started, and Redis
 * connected when it is required (production, where the configuration insists on Redis).
 * `/health/services` always answers 200 with each dependency's real status (upstream's route
 * always failed with 500, reference/upstream-service.md §6.1) and `overall_status: degraded` when
 * one the instance uses is unhealthy.
 */
import { IslError } from "@olumi/isl-core";
import type { RedisStatusSummary } from "./cache-services.js";
import type { WorkerPool, WorkerPoolStats } from "./worker-pool.js";

/** Live sources of readiness and service status. */
export interface ServiceSources {
  /** The worker pool, when operations run in one. */
  pool?: WorkerPool | undefined;
  /** Redis state now. */
  redis: () => RedisStatusSummary;
  /** True when `/ready` needs Redis connected. */
  redisRequired: boolean;
  /** True while the server drains for shutdown. */
  draining: () => boolean;
  /** Error reporting (Sentry) is configured. */
  sentryConfigured: boolean;
  /** Span export (OpenTelemetry over OTLP) is configured. */
  tracingConfigured: boolean;
  /** An extra readiness probe supplied by the embedding code (default: ready). */
  extra?: () => boolean;
  /** Wall-clock time for the body's `timestamp` (ISO 8601; the app passes the `/health` clock). */
  timestamp: () => string;
}

/** The result of a readiness check. */
export interface ReadinessReport {
  ready: boolean;
  checks: {
    /** Not draining for shutdown. */
    accepting: boolean;
    /** Every worker thread has loaded the worker entry (true when there is no pool). */
    workers_started: boolean;
    /** Redis connected; null when not required. */
    redis_reachable: boolean | null;
    /** The embedding code's probe. */
    custom: boolean;
  };
}

/** Checks readiness now. */
export function checkReadiness(sources: ServiceSources): ReadinessReport {
  const accepting = !sources.draining();
  const workersStarted = sources.pool === undefined ? true : sources.pool.started;
  const redisReachable = sources.redisRequired ? sources.redis().connected : null;
  const custom = sources.extra?.() ?? true;
  return {
    ready: accepting && workersStarted && redisReachable !== false && custom,
    checks: { accepting, workers_started: workersStarted, redis_reachable: redisReachable, custom },
  };
}

/** 503 for `/ready`, naming the checks that failed. */
export function notReadyReportError(report: ReadinessReport): IslError {
  const failing = Object.entries(report.checks)
    .filter(([, value]) => value === false)
    .map(([name]) => name);
  return new IslError("ISL_SERVICE_UNAVAILABLE", `The service is not ready to accept requests (failing: ${failing.join(", ")}).`, {
    details: { checks: report.checks },
    recovery: { hints: ["Wait a few seconds before retrying", "See GET /health/services for each dependency"], suggestion: "Retry shortly" },
  });
}

/** Status of one dependency. */
export type ServiceStatus = "healthy" | "starting" | "unhealthy" | "not_configured" | "configured" | "inline";

/** The body of `GET /health/services`. */
export interface ServicesHealthBody {
  overall_status: "healthy" | "degraded";
  timestamp: string;
  services: {
    worker_pool: { status: ServiceStatus } & Partial<WorkerPoolStats>;
    redis: { status: ServiceStatus } & RedisStatusSummary;
    sentry: { status: ServiceStatus };
    opentelemetry: { status: ServiceStatus };
  };
}

function poolStatus(pool: WorkerPool | undefined): ServicesHealthBody["services"]["worker_pool"] {
  if (pool === undefined) return { status: "inline" };
  const stats = pool.stats();
  const status: ServiceStatus = stats.closed || stats.start_error !== undefined ? "unhealthy" : stats.started ? "healthy" : "starting";
  return { status, ...stats };
}

/** Each dependency's status now. */
export function servicesHealth(sources: ServiceSources): ServicesHealthBody {
  const redis = sources.redis();
  const redisStatus: ServiceStatus = !redis.configured ? "not_configured" : redis.connected ? "healthy" : "unhealthy";
  const workerPool = poolStatus(sources.pool);
  const degraded = workerPool.status === "unhealthy" || workerPool.status === "starting" || redisStatus === "unhealthy";
  return {
    overall_status: degraded ? "degraded" : "healthy",
    timestamp: sources.timestamp(),
    services: {
      worker_pool: workerPool,
      redis: { status: redisStatus, ...redis },
      sentry: { status: sources.sentryConfigured ? "configured" : "not_configured" },
      opentelemetry: { status: sources.tracingConfigured ? "configured" : "not_configured" },
    },
  };
}
