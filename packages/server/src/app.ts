/**
 * `createApp`: the Express 5 application. Every operation of the table is mounted at its
 * `path` with its `method`; nothing here names an operation. Around them: request ids, timing,
 * health, the OpenAPI document, Swagger UI, and the error envelope for every failure.
 */
import { LIMITS, operations, type ErrorEnvelope, type OperationId } from "@olumi/contracts";
import { runOperation, toErrorEnvelope } from "@olumi/isl-core";
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import swaggerUi from "swagger-ui-express";
import helmet from "helmet";
import { apiKeyAuth } from "./auth.js";
import { defaultConfig, type ServerConfig } from "./config.js";
import { cors } from "./cors.js";
import { slidingWindowRateLimit } from "./rate-limit.js";
import { CACHE_SERVICE_PATHS, createCacheServices, type RedisTuning } from "./cache-services.js";
import { withCache } from "./with-cache.js";
import { healthReporter, resolveBuild } from "./health.js";
import { bodyParserError, methodNotAllowedError, routeNotFoundError, unsupportedContentTypeError } from "./http-errors.js";
import { requestContext, requestIdOf } from "./middleware.js";
import { openApiDocument } from "./openapi.js";
import { PlotComputeGovernor, plotAnalysisGate, plotGovernedPaths } from "./plot-governor.js";
import type { Logger } from "pino";
import { createLogger, isPinoLogger, type LogLevel } from "./logging.js";
import { createMetrics, METRICS_CONTENT_TYPE, renderMetrics } from "./metrics.js";
import { endpointOf, observeRequests } from "./observe.js";
import { createTelemetry } from "./telemetry.js";
import type { ErrorReporter } from "./error-reporting.js";
import { redocRouter } from "./redoc.js";
import { redisStatusOf } from "./cache-services.js";
import { deadlineSecondsFor, routeTimeoutTable } from "./deadlines.js";
import { operationRoute } from "./operation-route.js";
import { pooledRunner } from "./pooled-runner.js";
import { checkReadiness, notReadyReportError, servicesHealth, type ServiceSources } from "./service-status.js";
import type { WorkerPool } from "./worker-pool.js";

/** Where the server reports internal failures (never sent to clients). */
export interface ServerLogger {
  error(message: string, error?: unknown): void;
}

/** The function that runs an operation; core's `runOperation` unless a test injects another. */
export type OperationRunner = (id: OperationId, input: unknown, options: { requestId: string; signal: AbortSignal }) => unknown;

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Parsed configuration (default {@link defaultConfig}: development, auth off, 100 requests/min). */
  config?: ServerConfig;
  /** Monotonic clock for the rate limiter, in milliseconds (default `performance.now`). */
  rateLimitClock?: () => number;
  /** Build identifier for `/health` (default: `ISL_BUILD_SHA` or `GIT_SHA` from the environment, else "unknown"). */
  build?: string;
  /** Readiness probe for `GET /ready` (default: always ready). */
  isReady?: () => boolean;
  /**
   * Logging. A pino logger (see `createLogger`) gets one completion line per request and the
   * internal errors (with stack); a bare {@link ServerLogger} gets only the internal errors and
   * no request lines. Default: `createLogger({ level: logLevel })` on stdout.
   */
  logger?: ServerLogger | Logger;
  /** Level of the default logger (the server passes `LOG_LEVEL`; default `info`). Ignored when `logger` is given. */
  logLevel?: LogLevel;
  /** Runs an operation (default: core's `runOperation`). */
  runOperation?: OperationRunner;
  /** Redis connection tuning (timeouts, reconnect delay, breaker thresholds) over the config's; the target comes from the config. */
  redis?: RedisTuning;
  /** The PLoT compute governor (default: min(2, cores) workers and the config's `maxCostUnits`; see plot-governor.ts). */
  plotGovernor?: PlotComputeGovernor;
  /** Where 500s are reported (default: Sentry when the config has a DSN, else nowhere). */
  errorReporter?: ErrorReporter;
  /** Worker pool for the operations whose table entry says `cost: "heavy"` (default: every operation runs inline). */
  workerPool?: WorkerPool;
}

/** Content types accepted for request bodies. */
export const JSON_TYPES = ["application/json", "application/*+json"];

const consoleLogger: ServerLogger = { error: (message, error) => console.error(message, error) };

function sendError(res: Response, error: unknown): void {
  const { status, body } = toErrorEnvelope(error, requestIdOf(res));
  res.status(status).json(body satisfies ErrorEnvelope);
}

/**
 * Rejects bodies that are present but not JSON. A request without a body (or with an empty one)
 * goes on with `req.body` undefined, so that the schema reports the missing fields (422).
 */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const empty = req.get("content-length") === "0";
  if (!empty && req.is(JSON_TYPES) === false) next(unsupportedContentTypeError(req.get("content-type")));
  else next();
};

const parseJsonBody = express.json({ limit: LIMITS.bodyBytes, type: JSON_TYPES, strict: true });

/** The Express app serving every operation of the table. */
export function createApp(options: AppOptions = {}): Express {
  const requestLogger: Logger | undefined = isPinoLogger(options.logger)
    ? options.logger
    : options.logger === undefined
      ? createLogger({ level: options.logLevel })
      : undefined;
  const logger: ServerLogger = isPinoLogger(options.logger) || options.logger === undefined ? consoleLogger : options.logger;
  const metrics = createMetrics(operations, options.workerPool);
  const inline: OperationRunner = (id, input, opts) => runOperation(id, input, opts);
  const run: OperationRunner = options.runOperation ?? (options.workerPool === undefined ? inline : pooledRunner(options.workerPool, operations, inline));
  const isReady = options.isReady ?? (() => true);
  const health = healthReporter(options.build, (options.config ?? defaultConfig()).maxCostUnits, { redis: () => redisStatusOf(app) });
  const app = express();
  app.disable("x-powered-by");
  app.use(requestContext());
  const telemetry = createTelemetry(options.config ?? defaultConfig(), { build: resolveBuild(options.build).build, errorReporter: options.errorReporter });
  app.locals.telemetry = telemetry;
  app.use(telemetry.middleware);
  app.use(observeRequests(metrics, requestLogger));
  app.locals.metrics = metrics;
  // Gates after observation, so 401/413/429 are logged and counted like every other response.
  const config = options.config ?? defaultConfig();
  app.set("trust proxy", config.trustProxy);
  app.use(helmet());
  app.use(cors({ origins: config.corsOrigins, allowCredentials: config.corsAllowCredentials }));
  if (config.authEnabled) app.use(apiKeyAuth(config.apiKeys));
  const cacheServices = createCacheServices({ config, metrics, redis: options.redis, log: (level, message, fields) => requestLogger?.[level](fields ?? {}, message) });
  app.locals.cacheServices = cacheServices;
  const cachedRun = cacheServices.cache === undefined ? run : withCache(run, cacheServices.cache, operations);
  app.use(slidingWindowRateLimit({ limit: config.rateLimitPerMinute, now: options.rateLimitClock, shared: cacheServices.rateLimiter }));

  const allowed = new Map<string, Set<string>>();
  const allow = (path: string, method: string): void => {
    allowed.set(path, (allowed.get(path) ?? new Set()).add(method));
  };

  const plotPaths = plotGovernedPaths(operations);
  const plotGovernor = options.plotGovernor ?? new PlotComputeGovernor({ maxCostUnits: config.maxCostUnits });
  if (plotPaths.length > 0) app.post(plotPaths, requireJsonBody, parseJsonBody, plotAnalysisGate({ maxCostUnits: config.maxCostUnits, governor: plotGovernor }));
  const deadlines = routeTimeoutTable(config.routeTimeouts ?? []);
  for (const op of operations) {
    const deadlineSeconds = deadlineSecondsFor(op.path, deadlines, config.requestTimeoutSeconds);
    const handle = operationRoute(op, { run: cachedRun, deadlineSeconds, onSuccess: (seconds, cacheHit) => metrics.recordOperation(op, seconds, cacheHit) });
    const method = op.method.toLowerCase() as "get" | "post" | "patch";
    if (op.method === "GET") app.get(op.path, handle);
    else app[method](op.path, requireJsonBody, parseJsonBody, handle);
    allow(op.path, op.method);
  }

  app.get("/health", (_req, res) => {
    res.json(health());
  });
  app.locals.workerPool = options.workerPool;
  const services: ServiceSources = {
    pool: options.workerPool,
    redis: () => redisStatusOf(app),
    redisRequired: config.production && config.redis !== undefined,
    draining: () => app.locals.draining === true,
    sentryConfigured: telemetry.errors !== undefined,
    tracingConfigured: telemetry.tracing !== undefined,
    extra: isReady,
    timestamp: () => health().timestamp,
  };
  app.get("/ready", (_req, res) => {
    const report = checkReadiness(services);
    if (report.ready) res.json(health());
    else sendError(res, notReadyReportError(report));
  });
  app.get("/health/services", (_req, res) => {
    res.json(servicesHealth(services));
  });
  allow("/health/services", "GET");
  app.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  app.get("/metrics", (_req, res, next) => {
    renderMetrics(metrics).then((text) => {
      res.type(METRICS_CONTENT_TYPE).send(text);
    }, next);
  });
  for (const path of ["/health", "/ready", "/openapi.json", "/metrics"]) allow(path, "GET");
  for (const path of CACHE_SERVICE_PATHS) allow(path, "GET");
  app.use(redocRouter());
  app.use(cacheServices.router());
  app.use("/docs", swaggerUi.serve, swaggerUi.setup(openApiDocument(), { customSiteTitle: "ISL API" }));

  for (const [path, methods] of allowed) {
    const list = [...methods].sort();
    if (methods.has("GET")) list.push("HEAD");
    list.push("OPTIONS");
    app.all(path, (req, res) => {
      res.set("Allow", list.join(", "));
      if (req.method === "OPTIONS") res.status(204).end();
      else sendError(res, methodNotAllowedError(req.method, req.path, list));
    });
  }

  app.use((req, res) => {
    sendError(res, routeNotFoundError(req.method, req.path));
  });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, body } = toErrorEnvelope(bodyParserError(error) ?? error, requestIdOf(res));
    if (status >= 500) telemetry.reportError(error, req, res);
    if (status >= 500 && requestLogger !== undefined) requestLogger.error({ err: error, request_id: requestIdOf(res), endpoint: endpointOf(req) }, "internal error");
    else if (status >= 500) logger.error(`ISL request ${requestIdOf(res)} failed`, error);
    res.status(status).json(body);
  });
  return app;
}
