/** GET /metrics: every audit name, counters and histograms moving, bounded endpoint labels. */
import { operations } from "@olumi/contracts";
import { readFileSync } from "node:fs";
import request from "supertest";
import type { Express } from "express";
import { describe, expect, it } from "vitest";
import { AUDIT_METRIC_NAMES, createMetrics, UNMATCHED_ENDPOINT, WORKER_POOL_METRIC_NAMES, type IslMetrics } from "../src/index.js";
import { callOperation, quietApp } from "./helpers.js";

/** One sample of the exposition text: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text exposition samples (enough of the format for these tests). */
function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (match === null) throw new Error(`unparsable line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(app: Express): Promise<{ text: string; samples: Sample[] }> {
  const res = await request(app).get("/metrics");
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return { text: res.text, samples: parseSamples(res.text) };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === Object.keys(labels).length);
  return found?.value;
}

/** The names the platform audit promises (issue 5, "Observability"), typed out independently of the code. */
const ISSUE_AUDIT_NAMES = [
  "isl_http_requests_total",
  "isl_http_request_duration_seconds",
  "isl_http_errors_total",
  "isl_active_requests",
  "isl_causal_validations_total",
  "isl_counterfactual_analyses_total",
  "isl_preference_queries_generated_total",
  "isl_belief_updates_total",
  "isl_teaching_examples_generated_total",
  "isl_redis_operations_total",
  "isl_cache_hits_total",
  "isl_cache_misses_total",
  "isl_service_up",
  "isl_redis_connected",
  "isl_activa_computation_duration_seconds",
  "isl_bayesian_update_duration_seconds",
  "isl_counterfactual_computation_duration_seconds",
];

const validate = operations.find((op) => op.id === "causal/validate");

describe("GET /metrics", () => {
  it("lists every audit name with its type, and Node process metrics", async () => {
    const { text } = await scrape(quietApp());
    const expectedTypes: Record<string, string> = {
      isl_http_requests_total: "counter",
      isl_http_request_duration_seconds: "histogram",
      isl_http_errors_total: "counter",
      isl_active_requests: "gauge",
      isl_service_up: "gauge",
      isl_redis_connected: "gauge",
    };
    expect(new Set(AUDIT_METRIC_NAMES)).toEqual(new Set(ISSUE_AUDIT_NAMES));
    for (const name of AUDIT_METRIC_NAMES) {
      const type = /_seconds$/.test(name) ? "histogram" : expectedTypes[name] ?? "counter";
      expect(text, name).toContain(`# TYPE ${name} ${type}\n`);
    }
    for (const name of ["process_cpu_user_seconds_total", "nodejs_heap_size_used_bytes", "nodejs_eventloop_lag_seconds"]) expect(text).toContain(`# TYPE ${name} `);
  });

  it("registers every operation's business metric once, with each operation at 0", async () => {
    const { text, samples } = await scrape(quietApp());
    for (const op of operations) {
      if (op.metric === undefined) continue;
      expect(text.split(`# TYPE ${op.metric} counter\n`)).toHaveLength(2);
      expect(value(samples, op.metric, { operation: op.id }), op.id).toBe(0);
    }
    expect(value(samples, "isl_service_up")).toBe(1);
    expect(value(samples, "isl_redis_connected")).toBe(0);
    expect(value(samples, "isl_cache_hits_total")).toBe(0);
    expect(value(samples, "isl_cache_misses_total")).toBe(0);
    for (const name of WORKER_POOL_METRIC_NAMES) {
      expect(text).toContain(`# TYPE ${name} gauge\n`);
      expect(value(samples, name), name).toBe(0);
    }
  });

  it("reads the worker-pool gauges from the pool at every scrape", async () => {
    const stats = { threads: 3, busy: 2, queued: 5 };
    const metrics = createMetrics(operations, { stats: () => stats });
    const read = async (): Promise<number[]> => {
      const samples = parseSamples(await metrics.registry.metrics());
      return WORKER_POOL_METRIC_NAMES.map((name) => value(samples, name)!);
    };
    expect(await read()).toEqual([3, 2, 5]);
    stats.busy = 0;
    stats.queued = 0;
    expect(await read()).toEqual([3, 0, 0]);
  });

  it.runIf(validate !== undefined)("moves the request counter, the histogram, the error counter and the business counter", async () => {
    const app = quietApp({ runOperation: () => ({ ok: true }) });
    for (let i = 0; i < 3; i += 1) expect((await callOperation(app, validate!).send({})).status).toBe(200);
    await request(app).get("/health");
    await request(app).post("/health");
    const { samples } = await scrape(app);
    const path = validate!.path;
    expect(value(samples, "isl_http_requests_total", { method: "POST", endpoint: path, status: "200" })).toBe(3);
    expect(value(samples, "isl_http_requests_total", { method: "GET", endpoint: "/health", status: "200" })).toBe(1);
    expect(value(samples, "isl_http_requests_total", { method: "POST", endpoint: "/health", status: "405" })).toBe(1);
    expect(value(samples, "isl_http_request_duration_seconds_count", { method: "POST", endpoint: path })).toBe(3);
    expect(value(samples, "isl_http_request_duration_seconds_bucket", { method: "POST", endpoint: path, le: "+Inf" })).toBe(3);
    expect(value(samples, "isl_http_request_duration_seconds_sum", { method: "POST", endpoint: path })!).toBeGreaterThan(0);
    expect(value(samples, "isl_http_errors_total", { method: "POST", endpoint: "/health", error_code: "405" })).toBe(1);
    expect(value(samples, "isl_http_errors_total", { method: "POST", endpoint: path, error_code: "200" })).toBeUndefined();
    expect(value(samples, validate!.metric!, { operation: validate!.id })).toBe(3);
    expect(value(samples, "isl_active_requests")).toBe(1);
  });

  it.runIf(validate !== undefined)("does not count a failed operation call in its business counter", async () => {
    const app = quietApp({
      runOperation: () => {
        throw new Error("fails");
      },
    });
    expect((await callOperation(app, validate!).send({})).status).toBe(500);
    const { samples } = await scrape(app);
    expect(value(samples, validate!.metric!, { operation: validate!.id })).toBe(0);
    expect(value(samples, "isl_http_errors_total", { method: "POST", endpoint: validate!.path, error_code: "500" })).toBe(1);
  });

  it("observes counterfactual computation time in its audit histogram", async () => {
    const counterfactual = operations.find((op) => op.metric === "isl_counterfactual_analyses_total");
    expect(counterfactual).toBeDefined();
    const app = quietApp({ runOperation: () => ({ ok: true }) });
    await callOperation(app, counterfactual!).send({});
    const { samples } = await scrape(app);
    expect(value(samples, "isl_counterfactual_computation_duration_seconds_count")).toBe(1);
    expect(value(samples, "isl_bayesian_update_duration_seconds_count")).toBe(0);
  });

  it("returns isl_active_requests to 0 once requests finish, concurrent and failed ones included", async () => {
    const app = quietApp({
      runOperation: () => {
        throw new Error("fails");
      },
    });
    const metrics = app.locals.metrics as IslMetrics;
    const gauge = async (): Promise<number> => (await metrics.activeRequests.get()).values[0]?.value ?? Number.NaN;
    await Promise.all(Array.from({ length: 5 }, () => request(app).get("/health")));
    await Promise.all(Array.from({ length: 3 }, () => request(app).get("/nowhere")));
    if (validate !== undefined) await Promise.all(Array.from({ length: 3 }, () => callOperation(app, validate).send({})));
    expect(await gauge()).toBe(0);
    // While a scrape is being answered, it is itself the one request in flight.
    expect(value((await scrape(app)).samples, "isl_active_requests")).toBe(1);
    expect(await gauge()).toBe(0);
  });

  it("labels every unknown path with one bounded endpoint value", async () => {
    const app = quietApp();
    for (let i = 0; i < 20; i += 1) await request(app).get(`/random/${i}/path-${i}`);
    await request(app).post("/api/v1/not-an-operation").send({});
    const { text, samples } = await scrape(app);
    const endpoints = new Set(samples.filter((s) => s.name === "isl_http_requests_total").map((s) => s.labels.endpoint));
    expect(endpoints).toEqual(new Set([UNMATCHED_ENDPOINT]));
    expect(value(samples, "isl_http_requests_total", { method: "GET", endpoint: UNMATCHED_ENDPOINT, status: "404" })).toBe(20);
    expect(text).not.toContain("/random/");
    expect(text).not.toContain("not-an-operation");
  });

  it.runIf(validate !== undefined)("labels a body-parser failure with its route and the docs UI with /docs", async () => {
    const app = quietApp();
    const bad = await request(app).post(validate!.path).set("Content-Type", "application/json").send("{not json");
    expect(bad.status).toBe(400);
    await request(app).get("/docs/swagger-ui.css");
    await request(app).get("/docs/");
    const { samples } = await scrape(app);
    expect(value(samples, "isl_http_requests_total", { method: "POST", endpoint: validate!.path, status: "400" })).toBe(1);
    expect(value(samples, "isl_http_request_duration_seconds_count", { method: "GET", endpoint: "/docs" })).toBe(2);
  });

  it("is documented: docs/operations/metrics.md names every isl_ metric the endpoint exposes", async () => {
    const page = readFileSync(new URL("../../../docs/operations/metrics.md", import.meta.url), "utf8");
    const { text } = await scrape(quietApp());
    const names = [...text.matchAll(/^# TYPE (isl_[a-z_]+) /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(ISSUE_AUDIT_NAMES.length);
    for (const name of names) expect(page, name).toContain(`\`${name}\``);
  });

  it("keeps separate counts for separate apps", async () => {
    const first = quietApp();
    await request(first).get("/health");
    const { samples } = await scrape(quietApp());
    expect(value(samples, "isl_http_requests_total", { method: "GET", endpoint: "/health", status: "200" })).toBeUndefined();
  });
});
