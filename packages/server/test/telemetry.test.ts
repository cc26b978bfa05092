/**
 * OpenTelemetry and Sentry against real HTTP endpoints on loopback: a local server plays the OTLP
 * collector (spans arrive as OTLP/JSON at /v1/traces with the caller's trace id), and another plays
 * the Sentry host of the DSN (an envelope arrives for a 500 with the request id and no API key).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { operations } from "@olumi/contracts";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createLogger, defaultConfig, loadConfig } from "../src/index.js";
import { redactEvent } from "../src/error-reporting.js";
import type { Telemetry } from "../src/telemetry.js";
import { extractTraceContext, tracesUrl } from "../src/tracing.js";
import { trace } from "@opentelemetry/api";
import { recordingLogger } from "./helpers.js";

interface Received {
  method: string;
  url: string;
  body: string;
}

/** A loopback HTTP server recording every request it gets. */
async function recorder(): Promise<{ server: Server; base: string; received: Received[]; waitFor: (match: (r: Received) => boolean) => Promise<Received> }> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const waitFor = async (match: (r: Received) => boolean): Promise<Received> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const hit = received.find(match);
      if (hit !== undefined) return hit;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    throw new Error("nothing matching arrived within 10 s");
  };
  return { server, base, received, waitFor };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

const validate = operations.find((op) => op.id === "causal/validate")!;
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN = "00f067aa0ba902b7";

describe("W3C trace context", () => {
  it("extracts the caller's trace id from traceparent and ignores malformed ones", () => {
    const good = trace.getSpanContext(extractTraceContext({ traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01` }));
    expect(good?.traceId).toBe(TRACE_ID);
    expect(good?.spanId).toBe(PARENT_SPAN);
    expect(trace.getSpanContext(extractTraceContext({ traceparent: "00-zz-00-01" }))).toBeUndefined();
    expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
  });

  it("builds the traces URL under the base endpoint", () => {
    expect(tracesUrl("http://c:4318")).toBe("http://c:4318/v1/traces");
    expect(tracesUrl("http://c:4318/")).toBe("http://c:4318/v1/traces");
  });

  it("rejects a bad OTEL_EXPORTER_OTLP_ENDPOINT with a clear message", () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "ftp://x" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT=.*OTLP\/HTTP collector/);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }).otlpEndpoint).toBe("http://127.0.0.1:4318");
  });

  it("validates OTEL_SERVICE_NAME and SENTRY_ENVIRONMENT as short names", () => {
    expect(() => loadConfig({ OTEL_SERVICE_NAME: "isl api" })).toThrow(/OTEL_SERVICE_NAME="isl api": expected 1 to 64 letters/);
    expect(() => loadConfig({ SENTRY_ENVIRONMENT: "" })).toThrow(/SENTRY_ENVIRONMENT=/);
    const config = loadConfig({ OTEL_SERVICE_NAME: "isl-eu", SENTRY_ENVIRONMENT: "staging" });
    expect([config.otelServiceName, config.sentryEnvironment]).toEqual(["isl-eu", "staging"]);
  });
});

describe("OpenTelemetry export to a local collector", () => {
  let collector: Awaited<ReturnType<typeof recorder>>;
  beforeAll(async () => {
    collector = await recorder();
  });
  afterAll(async () => {
    await close(collector.server);
  });

  it("exports one server span per request, in the caller's trace, with route, status and request id", async () => {
    const config = { ...loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.base, OTEL_SERVICE_NAME: "isl-test" }), rateLimitPerMinute: 1_000_000 };
    const app = createApp({ config, logger: recordingLogger() });
    const telemetry = app.locals.telemetry as Telemetry;
    expect(telemetry.tracing).toBeDefined();
    const res = await request(app)
      .post(validate.path)
      .set("traceparent", `00-${TRACE_ID}-${PARENT_SPAN}-01`)
      .set("X-Request-Id", "trace-test-1")
      .send(validate.example as object);
    expect(res.status).toBe(200);
    expect(res.headers.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    await telemetry.tracing!.flush();
    const post = await collector.waitFor((r) => r.url === "/v1/traces" && r.body.includes(TRACE_ID));
    expect(post.method).toBe("POST");
    const payload = JSON.parse(post.body) as {
      resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    const resource = payload.resourceSpans[0]!.resource.attributes;
    expect(resource.find((a) => a.key === "service.name")?.value.stringValue).toBe("isl-test");
    const spans = payload.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const span = spans.find((s) => s.traceId === TRACE_ID)!;
    expect(span.parentSpanId).toBe(PARENT_SPAN);
    expect(span.name).toBe(`POST ${validate.path}`);
    expect(res.headers.traceparent).toContain(`-${String(span.spanId)}-`);
    const attributes = Object.fromEntries(
      (span.attributes as { key: string; value: Record<string, unknown> }[]).map((a) => [a.key, Object.values(a.value)[0]]),
    );
    expect(attributes["http.route"]).toBe(validate.path);
    expect(Number(attributes["http.response.status_code"])).toBe(200);
    expect(attributes["isl.request_id"]).toBe("trace-test-1");
    await telemetry.shutdown();
  });

  it("puts the trace id in the request's log line", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const app = createApp({ config: { ...defaultConfig(), otlpEndpoint: collector.base, rateLimitPerMinute: 1_000_000 }, logger });
    const res = await request(app).get("/health").set("traceparent", `00-${TRACE_ID}-${PARENT_SPAN}-01`).set("X-Request-Id", "log-trace-1");
    expect(res.status).toBe(200);
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.request_id === "log-trace-1");
    expect(line?.trace_id).toBe(TRACE_ID);
    await (app.locals.telemetry as Telemetry).shutdown();
  });

  it("starts a new trace when the caller sends none", async () => {
    const app = createApp({ config: { ...defaultConfig(), otlpEndpoint: collector.base, rateLimitPerMinute: 1_000_000 }, logger: recordingLogger() });
    const res = await request(app).get("/health");
    expect(res.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(res.headers.traceparent).not.toContain(TRACE_ID);
    const telemetry = app.locals.telemetry as Telemetry;
    const traceId = String(res.headers.traceparent).split("-")[1]!;
    await telemetry.tracing!.flush();
    const post = await collector.waitFor((r) => r.body.includes(traceId));
    expect(post.body).toContain('"http.route"');
    await telemetry.shutdown();
  });

  it("sends nothing and sets no traceparent when no endpoint is configured", async () => {
    const app = createApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000 }, logger: recordingLogger() });
    const res = await request(app).get("/health").set("traceparent", `00-${TRACE_ID}-${PARENT_SPAN}-01`);
    expect(res.status).toBe(200);
    expect(res.headers.traceparent).toBeUndefined();
    expect((app.locals.telemetry as Telemetry).tracing).toBeUndefined();
  });
});

describe("Sentry reports to a local DSN host", () => {
  let host: Awaited<ReturnType<typeof recorder>>;
  beforeAll(async () => {
    host = await recorder();
  });
  afterAll(async () => {
    await close(host.server);
  });

  it("reports a 500 with the request id tag, without the API key, and the client sees only the envelope", async () => {
    const apiKey = "sk-live-telemetry-0123456789";
    const dsn = `http://publickey@${host.base.slice("http://".length)}/42`;
    const config = { ...loadConfig({ SENTRY_DSN: dsn, ISL_API_KEYS: apiKey, SENTRY_ENVIRONMENT: "ci" }), rateLimitPerMinute: 1_000_000 };
    const app = createApp({
      config,
      logger: recordingLogger(),
      runOperation: () => {
        throw new Error(`database exploded while using key ${apiKey}`);
      },
    });
    const res = await request(app).post(validate.path).set("X-API-Key", apiKey).set("X-Request-Id", "sentry-req-7").send(validate.example as object);
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("database exploded");
    expect(JSON.stringify(res.body)).not.toContain(apiKey);
    expect(res.body.request_id).toBe("sentry-req-7");
    const telemetry = app.locals.telemetry as Telemetry;
    expect(await telemetry.errors!.flush(5000)).toBe(true);
    const envelope = await host.waitFor((r) => r.url.startsWith("/api/42/envelope/"));
    expect(envelope.method).toBe("POST");
    const [header, itemHeader, item] = envelope.body.split("\n").map((line) => (line === "" ? undefined : (JSON.parse(line) as Record<string, unknown>)));
    expect(header?.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(itemHeader?.type).toBe("event");
    const event = item as { tags: Record<string, string>; environment: string; release: string; exception: { values: { value: string }[] } };
    expect(event.tags.request_id).toBe("sentry-req-7");
    expect(event.tags.endpoint).toBe(validate.path);
    expect(event.environment).toBe("ci");
    expect(event.release).toMatch(/^isl@\d+\.\d+\.\d+/);
    expect(event.exception.values[0]!.value).toBe("database exploded while using key [REDACTED]");
    expect(envelope.body).not.toContain(apiKey);
    await telemetry.shutdown();
  });

  it("does not report client errors", async () => {
    const before = host.received.length;
    const dsn = `http://publickey@${host.base.slice("http://".length)}/43`;
    const app = createApp({ config: { ...defaultConfig(), sentryDsn: dsn, rateLimitPerMinute: 1_000_000 }, logger: recordingLogger() });
    const res = await request(app).post(validate.path).send({ nonsense: true });
    expect(res.status).toBe(422);
    const telemetry = app.locals.telemetry as Telemetry;
    expect(await telemetry.errors!.flush(2000)).toBe(true);
    expect(host.received.slice(before).filter((r) => r.url.startsWith("/api/43/"))).toEqual([]);
    await telemetry.shutdown();
  });

  it("redacts every secret, in keys and values, at any depth", () => {
    const event = { message: "k1 and k2", extra: { nested: ["x k2 y"], k1: 1 } };
    expect(redactEvent(event, ["k1", "k2"])).toEqual({ message: "[REDACTED] and [REDACTED]", extra: { nested: ["x [REDACTED] y"], "[REDACTED]": 1 } });
    expect(redactEvent(event, [])).toBe(event);
  });
});
