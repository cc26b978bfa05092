/**
 * The telemetry and response-shaping layer of the app, assembled from the configuration:
 * OpenTelemetry request spans (when `OTEL_EXPORTER_OTLP_ENDPOINT` is set), Sentry reports of
 * 500s (when `SENTRY_DSN` is set), gzip and the `x-olumi-*` headers. `createApp` mounts
 * {@link Telemetry.middleware} right after the request context, so that every response (401, 413
 * and 429 included) is traced, compressed and carries the headers, and calls
 * {@link Telemetry.reportError} from its error handler for every 500.
 */
import { ISL_VERSION } from "@olumi/contracts";
import type { Request, RequestHandler, Response } from "express";
import type { ServerConfig } from "./config.js";
import { createSentryReporter, type ErrorReporter } from "./error-reporting.js";
import { requestIdOf } from "./middleware.js";
import { endpointOf } from "./observe.js";
import { gzip, olumiResponseHeaders } from "./response-headers.js";
import { createTracing, traceIdOf, type Tracing } from "./tracing.js";

/** The app's telemetry. */
export interface Telemetry {
  /** Tracing, gzip and `x-olumi-*` headers, in that order. */
  readonly middleware: RequestHandler[];
  /** Request tracing, when an OTLP endpoint is configured. */
  readonly tracing: Tracing | undefined;
  /** Sentry, when a DSN is configured. */
  readonly errors: ErrorReporter | undefined;
  /** Reports an unhandled error (a 500) of the request `res` answers. */
  reportError(error: unknown, req: Request, res: Response): void;
  /** Sends pending spans and reports, then stops both exporters (graceful shutdown). */
  shutdown(): Promise<void>;
}

/** Options of {@link createTelemetry}. */
export interface TelemetryOptions {
  /** Short build id for `x-olumi-service-build` and the span resource. */
  build: string;
  /** Replaces the Sentry reporter built from `SENTRY_DSN`. */
  errorReporter?: ErrorReporter;
}

/** Builds the telemetry of an app from its configuration. */
export function createTelemetry(config: ServerConfig, options: TelemetryOptions): Telemetry {
  const tracing =
    config.otlpEndpoint === undefined
      ? undefined
      : createTracing({ endpoint: config.otlpEndpoint, serviceName: config.otelServiceName, build: options.build, environment: config.environment });
  const errors =
    options.errorReporter ??
    (config.sentryDsn === undefined
      ? undefined
      : createSentryReporter({
          dsn: config.sentryDsn,
          environment: config.sentryEnvironment ?? config.environment,
          release: `isl@${ISL_VERSION}`,
          secrets: config.apiKeys,
        }));
  const middleware: RequestHandler[] = [...(tracing === undefined ? [] : [tracing.middleware]), gzip(), olumiResponseHeaders({ build: options.build })];
  return {
    middleware,
    tracing,
    errors,
    reportError(error, req, res) {
      errors?.report(error, { requestId: requestIdOf(res), endpoint: endpointOf(req), method: req.method, traceId: traceIdOf(res) });
    },
    async shutdown() {
      await Promise.all([tracing?.shutdown(), errors?.close()]);
    },
  };
}
