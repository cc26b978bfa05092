/**
 * @olumi/isl-server: the Express 5 HTTP adapter. Every operation of the contracts table is served
 * at `POST /api/v1/<id>`, with `/health`, `/ready`, `/openapi.json` and `/docs`.
 */
export { createApp, JSON_TYPES, type AppOptions, type OperationRunner, type ServerLogger } from "./app.js";
export { startServer, parsePort, DEFAULT_HOST, DEFAULT_PORT, type StartOptions, type RunningServer } from "./start.js";
export { openApiDocument, operationIdToCamel, type JsonObject } from "./openapi.js";
export { resolveRequestId, isSafeRequestId, generateRequestId, MAX_REQUEST_ID_LENGTH } from "./request-id.js";
export { healthReporter, resolveBuild, type HealthBody } from "./health.js";
export { createLogger, hashUserId, maskEmails, maskValue, isPinoLogger, levelForStatus, logRequest, REDACT_PATHS, REDACTED, REDACTED_EMAIL, type LogLevel, type LoggerOptions, type RequestLogFields } from "./logging.js";
export { createMetrics, renderMetrics, processMetricsRegistry, AUDIT_METRIC_NAMES, AUDIT_BUSINESS_COUNTERS, HTTP_DURATION_BUCKETS, METRICS_CONTENT_TYPE, UNMATCHED_ENDPOINT, WORKER_POOL_METRIC_NAMES, type IslMetrics, type MeteredOperation, type PoolGaugeSource } from "./metrics.js";
export { endpointOf, observeRequests } from "./observe.js";
export { loadConfig, defaultConfig, describeConfig, productionProblems, isLoopbackHost, showValue, ConfigError, CONFIG_VARIABLES, DEFAULT_CORS_ORIGINS, LOG_LEVELS, type ServerConfig, type RedisTarget, type TrustProxy, type LogLevel as ConfigLogLevel } from "./config.js";
export { apiKeyAuth, apiKeyMatcher, apiKeyIdOf, isPublicPath } from "./auth.js";
export { slidingWindowRateLimit, SlidingWindowLog, isProbePath, type RateLimitOptions, type RateDecision, type SharedRateLimiter } from "./rate-limit.js";
export { CircuitBreaker, CircuitOpenError, DEFAULT_BREAKER_OPTIONS, type CircuitState, type CircuitBreakerOptions, type CircuitBreakerSnapshot } from "./circuit-breaker.js";
export { ByteLruCache, entryBytes, type ByteLruOptions, type ByteLruStats } from "./byte-lru.js";
export { RedisConnection, describeRedisTarget, errorLabel, notConfiguredRedisHealth, DEFAULT_REDIS_TIMEOUTS, REDIS_OPERATIONS, REDIS_OPERATION_STATUSES, type RedisState, type RedisHealthBody, type RedisConnectionOptions, type RedisEventLog, type RedisOperationStatus } from "./redis-connection.js";
export { RedisSlidingWindow, REDIS_RATE_LIMIT_PREFIX, SLIDING_WINDOW_SCRIPT } from "./redis-rate-limit.js";
export { ResultCache, resultCacheKey, DEFAULT_CACHE_MAX_BYTES, DEFAULT_CACHE_TTL_SECONDS, REDIS_CACHE_PREFIX, type ResultCacheOptions, type CacheStatsBody, type CacheSource } from "./result-cache.js";
export { withCache, markCacheHit, type AnyOperationRunner, type AsyncOperationRunner, type CacheableOperation, type RunnerOptions } from "./with-cache.js";
export { createCacheServices, cacheServicesOf, redisStatusOf, closeCacheServices, CACHE_SERVICE_PATHS, type CacheServices, type CacheServicesOptions, type CacheServiceMetrics, type RedisStatusSummary, type CircuitBreakersBody, type RedisTuning } from "./cache-services.js";
export { cors, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, type CorsOptions } from "./cors.js";
export { WorkerPool, defaultWorkerThreads, defaultWorkerEntry, reviveError, cancelledError, type WorkerEntry, type WorkerPoolOptions, type WorkerPoolStats, type PoolRunOptions } from "./worker-pool.js";
export { pooledRunner, pooledOperationIds, type CostedOperation } from "./pooled-runner.js";
export { operationRoute, type OperationRouteOptions, type RouteRunner, type RouteRunOptions } from "./operation-route.js";
export { UPSTREAM_ROUTE_TIMEOUTS, routeTimeoutTable, deadlineSecondsFor, parseRouteTimeouts, requestTimeoutError, type RouteTimeout } from "./deadlines.js";
export { createSharedAbortFlag, signalFromSharedFlag, markTaskStarted, ABORT_REASONS, type SharedAbortFlag } from "./shared-abort.js";
export { checkReadiness, servicesHealth, notReadyReportError, type ServiceSources, type ReadinessReport, type ServicesHealthBody, type ServiceStatus } from "./service-status.js";
export { runClusterPrimary, isClusterWorker, leaveCluster, clusterProcesses, CLUSTER_SIZE_VARIABLE, type ClusterOptions } from "./cluster.js";
export type { CloseOptions, ShutdownReport } from "./start.js";
export { REDIS_NOT_CONFIGURED, type HealthProbes } from "./health.js";
export { PlotComputeGovernor, plotAnalysisGate, plotGovernedPaths, governorCallerOf, governorRefusalError, responseVersionError, PLOT_GOVERNED_OPERATION_IDS, GOVERNOR_RETRY_AFTER_SECONDS, type PlotGovernorOptions, type PlotGateOptions, type GovernorDecision, type GovernorRefusalReason } from "./plot-governor.js";
export { computeAdmissionField } from "./plot-health.js";
export { createTelemetry, type Telemetry, type TelemetryOptions } from "./telemetry.js";
export { createTracing, extractTraceContext, traceIdOf, tracesUrl, TRACER_NAME, type Tracing, type TracingOptions } from "./tracing.js";
export { createSentryReporter, redactEvent, SENTRY_REDACTED, type ErrorContext, type ErrorReporter, type SentryOptions } from "./error-reporting.js";
export { gzip, olumiResponseHeaders, responseBodyHash, traceReceivedValue, isUnhashedPath, GZIP_LEVEL, GZIP_THRESHOLD_BYTES, OLUMI_SERVICE_NAME, RESPONSE_HASH_MAX_BYTES, type OlumiHeaderOptions } from "./response-headers.js";
export { redocRouter, redocPage, redocBundle, REDOC_BUNDLE_PATH, REDOC_CSP, REDOC_PATH } from "./redoc.js";
export { openApiJson, API_KEY_SCHEME } from "./openapi.js";
