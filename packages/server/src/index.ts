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
export { createMetrics, renderMetrics, processMetricsRegistry, AUDIT_METRIC_NAMES, AUDIT_BUSINESS_COUNTERS, HTTP_DURATION_BUCKETS, METRICS_CONTENT_TYPE, UNMATCHED_ENDPOINT, type IslMetrics, type MeteredOperation } from "./metrics.js";
export { endpointOf, observeRequests } from "./observe.js";
export { loadConfig, defaultConfig, describeConfig, productionProblems, isLoopbackHost, showValue, ConfigError, CONFIG_VARIABLES, DEFAULT_CORS_ORIGINS, LOG_LEVELS, type ServerConfig, type RedisTarget, type TrustProxy, type LogLevel as ConfigLogLevel } from "./config.js";
export { apiKeyAuth, apiKeyMatcher, apiKeyIdOf, isPublicPath } from "./auth.js";
export { slidingWindowRateLimit, SlidingWindowLog, isProbePath, type RateLimitOptions, type RateDecision } from "./rate-limit.js";
export { cors, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, type CorsOptions } from "./cors.js";
