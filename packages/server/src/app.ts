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
import { healthReporter } from "./health.js";
import { bodyParserError, methodNotAllowedError, notReadyError, routeNotFoundError, unsupportedContentTypeError } from "./http-errors.js";
import { requestContext, requestIdOf, signalOf } from "./middleware.js";
import { openApiDocument } from "./openapi.js";
import type { Logger } from "pino";
import { createLogger, isPinoLogger, type LogLevel } from "./logging.js";
import { createMetrics, METRICS_CONTENT_TYPE, renderMetrics } from "./metrics.js";
import { endpointOf, observeRequests } from "./observe.js";

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
  const metrics = createMetrics(operations);
  const run: OperationRunner = options.runOperation ?? ((id, input, opts) => runOperation(id, input, opts));
  const isReady = options.isReady ?? (() => true);
  const health = healthReporter(options.build);
  const app = express();
  app.disable("x-powered-by");
  app.use(requestContext());
  app.use(observeRequests(metrics, requestLogger));
  app.locals.metrics = metrics;
  // Gates after observation, so 401/413/429 are logged and counted like every other response.
  const config = options.config ?? defaultConfig();
  app.set("trust proxy", config.trustProxy);
  app.use(helmet());
  app.use(cors({ origins: config.corsOrigins, allowCredentials: config.corsAllowCredentials }));
  if (config.authEnabled) app.use(apiKeyAuth(config.apiKeys));
  app.use(slidingWindowRateLimit({ limit: config.rateLimitPerMinute, now: options.rateLimitClock }));

  const allowed = new Map<string, Set<string>>();
  const allow = (path: string, method: string): void => {
    allowed.set(path, (allowed.get(path) ?? new Set()).add(method));
  };

  for (const op of operations) {
    const handle: RequestHandler = (req, res) => {
      const input: unknown = op.method === "GET" ? req.query : req.body;
      const started = performance.now();
      const body = run(op.id, input, { requestId: requestIdOf(res), signal: signalOf(res) });
      metrics.recordOperation(op, (performance.now() - started) / 1000);
      res.status(200).json(body);
    };
    const method = op.method.toLowerCase() as "get" | "post" | "patch";
    if (op.method === "GET") app.get(op.path, handle);
    else app[method](op.path, requireJsonBody, parseJsonBody, handle);
    allow(op.path, op.method);
  }

  app.get("/health", (_req, res) => {
    res.json(health());
  });
  app.get("/ready", (_req, res) => {
    if (isReady()) res.json(health());
    else sendError(res, notReadyError());
  });
  app.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  app.get("/metrics", (_req, res, next) => {
    renderMetrics(metrics).then((text) => {
      res.type(METRICS_CONTENT_TYPE).send(text);
    }, next);
  });
  for (const path of ["/health", "/ready", "/openapi.json", "/metrics"]) allow(path, "GET");
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
    if (status >= 500 && requestLogger !== undefined) requestLogger.error({ err: error, request_id: requestIdOf(res), endpoint: endpointOf(req) }, "internal error");
    else if (status >= 500) logger.error(`ISL request ${requestIdOf(res)} failed`, error);
    res.status(status).json(body);
  });
  return app;
}
