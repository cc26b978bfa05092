/**
 * OpenTelemetry tracing: one SERVER span per request, continuing the caller's W3C trace context
 * (`traceparent` / `tracestate`, https://www.w3.org/TR/trace-context/), exported over OTLP/HTTP
 * (JSON) to `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces` in batches. The span is named
 * `<METHOD> <route template>` and carries the method, the route template, the status code and the
 * request id; 5xx responses mark it as an error. The response carries `traceparent` naming the
 * server span, so a caller can link its own span to it.
 *
 * The tracer provider is private to the app (nothing is registered globally), so several apps in
 * one process, and Sentry's own instrumentation, do not interfere. Cost per request: one span,
 * O(1); export runs off the request path.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapGetter, defaultTextMapSetter, trace, type Context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { RequestHandler, Response } from "express";
import { ISL_VERSION } from "@olumi/contracts";
import { requestIdOf } from "./middleware.js";
import { endpointOf } from "./observe.js";

/** Instrumentation scope name of the spans. */
export const TRACER_NAME = "@olumi/isl-server";

/** Options of {@link createTracing}. */
export interface TracingOptions {
  /** OTLP base endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`), e.g. `http://collector:4318`; spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** `service.name` of the resource (default "isl"). */
  serviceName?: string;
  /** `service.version`'s companion: the build id, as `service.instance.build` (default "unknown"). */
  build?: string;
  /** `deployment.environment.name` (default "development"). */
  environment?: string;
  /** Delay between two batch exports in milliseconds (default 1000). */
  exportDelayMs?: number;
}

/** Request tracing: the middleware and the provider's lifecycle. */
export interface Tracing {
  /** Middleware opening the request's span; mount it right after the request context. */
  readonly middleware: RequestHandler;
  /** Exports every finished span now. */
  flush(): Promise<void>;
  /** Exports what is left and stops the exporter (graceful shutdown). */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP traces URL for a base endpoint (`…/v1/traces`, no double slash). */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/v1/traces`;
}

const propagator = new W3CTraceContextPropagator();

/** The trace context a request carries in `traceparent`/`tracestate` (the root context when absent or malformed). */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** Creates the tracer provider, the OTLP exporter and the request middleware. */
export function createTracing(options: TracingOptions): Tracing {
  const exporter = new OTLPTraceExporter({ url: tracesUrl(options.endpoint) });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      "service.name": options.serviceName ?? "isl",
      "service.version": ISL_VERSION,
      "service.instance.build": options.build ?? "unknown",
      "deployment.environment.name": options.environment ?? "development",
    }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exportDelayMs ?? 1000 })],
  });
  const tracer = provider.getTracer(TRACER_NAME, ISL_VERSION);

  const middleware: RequestHandler = (req, res: Response, next) => {
    const parent = extractTraceContext(req.headers);
    const span = tracer.startSpan(`${req.method} request`, { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method } }, parent);
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
    if (carrier.traceparent !== undefined) res.setHeader("traceparent", carrier.traceparent);
    (res.locals as { traceId?: string }).traceId = span.spanContext().traceId;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      const route = endpointOf(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({
        "http.route": route,
        "http.response.status_code": res.statusCode,
        "isl.request_id": requestIdOf(res),
      });
      if (!res.writableFinished) span.setAttribute("isl.client_aborted", true);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once("finish", end);
    res.once("close", end);
    next();
  };

  return {
    middleware,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** The trace id of the span serving `res`, when tracing is on. */
export function traceIdOf(res: Response): string | undefined {
  return (res.locals as { traceId?: string }).traceId;
}
