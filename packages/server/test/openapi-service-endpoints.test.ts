/**
 * The service endpoints answer what the OpenAPI document says: every body of `/health`, `/ready`,
 * `/health/services`, `/health/redis`, `/health/circuit-breakers` and `/cache/stats` is checked
 * (closed objects: no undocumented field, no missing required one) against the 200 schema of its
 * path in the generated document, from a memory-only app, an app with the cache off, an app whose
 * Redis is unreachable, and an app with a started worker pool; so is each path's example body. Each
 * path's `security` follows the auth middleware.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, describe, expect, it } from "vitest";
import { closeCacheServices } from "../src/cache-services.js";
import { defaultConfig, isPublicPath, openApiDocument, WorkerPool, type ServerConfig } from "../src/index.js";
import { SERVICE_PATHS } from "../src/openapi-service-schemas.js";
import { checkJsonSchema } from "./json-schema-check.js";
import { quietApp } from "./helpers.js";
import { freePort } from "./free-port.js";

type Json = Record<string, unknown>;

const doc = openApiDocument();
const paths = doc.paths as Record<string, Record<string, Json>>;
const components = (doc.components as { schemas: Record<string, Json> }).schemas;
const ENDPOINTS = ["/health", "/ready", "/health/services", "/health/redis", "/health/circuit-breakers", "/cache/stats"];

function okSchema(path: string): Json {
  const responses = paths[path]?.get?.responses as Record<string, { content: Record<string, { schema: Json }> }> | undefined;
  const schema = responses?.["200"]?.content["application/json"]?.schema;
  if (schema === undefined) throw new Error(`no 200 JSON schema for GET ${path}`);
  return schema;
}

function config(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...defaultConfig(), rateLimitPerMinute: 1_000_000, ...overrides };
}

async function expectDocumented(app: Express, path: string): Promise<Json> {
  const res = await request(app).get(path);
  expect(res.status, path).toBe(200);
  expect(checkJsonSchema(res.body, okSchema(path), components), `${path}: ${JSON.stringify(res.body)}`).toEqual([]);
  return res.body as Json;
}

const opened: Express[] = [];
afterAll(async () => {
  await Promise.all(opened.map((app) => closeCacheServices(app)));
});

describe("the service endpoints in the OpenAPI document", () => {
  it("gives each endpoint an example body that its own schema accepts", () => {
    for (const path of ENDPOINTS) {
      const content = (paths[path]?.get?.responses as Record<string, { content: Record<string, { example?: unknown }> }>)["200"]!.content["application/json"]!;
      expect(content.example, path).toBeDefined();
      expect(checkJsonSchema(content.example, okSchema(path), components), path).toEqual([]);
    }
  });

  it("lists each endpoint, public exactly when the auth middleware lets it through", () => {
    for (const path of ENDPOINTS) {
      const get = paths[path]?.get;
      expect(get, path).toBeDefined();
      if (isPublicPath(path)) expect(get!.security, path).toEqual([]);
      else expect(Object.keys(get!.responses as Json), path).toEqual(expect.arrayContaining(["401", "429"]));
    }
    expect(isPublicPath("/cache/stats")).toBe(false);
    expect(SERVICE_PATHS.map((s) => [s.path, s.public])).toEqual(SERVICE_PATHS.map((s) => [s.path, isPublicPath(s.path)]));
  });

  it("documents /health's uptime, Redis state and compute admission", () => {
    const health = components.HealthResponse as { required: string[] };
    expect(health.required).toEqual(expect.arrayContaining(["uptime_seconds", "redis", "compute_admission", "config_fingerprint", "build_full"]));
  });

  it("has a /health example its own schema accepts", () => {
    const content = (paths["/health"]!.get!.responses as Record<string, { content: Record<string, { example: unknown }> }>)["200"]!.content["application/json"]!;
    expect(checkJsonSchema(content.example, okSchema("/health"), components)).toEqual([]);
  });

  it.each(ENDPOINTS)("GET %s from a memory-only app matches its schema", async (path) => {
    await expectDocumented(quietApp(), path);
  });

  it("GET /cache/stats with the cache off matches the disabled variant", async () => {
    const body = await expectDocumented(quietApp({ config: config({ cacheEnabled: false }) }), "/cache/stats");
    expect(body.enabled).toBe(false);
  });

  it("GET /cache/stats needs the key when keys are configured", async () => {
    const app = quietApp({ config: config({ authEnabled: true, apiKeys: ["k-1"] }) });
    expect((await request(app).get("/cache/stats")).status).toBe(401);
    const res = await request(app).get("/cache/stats").set("X-API-Key", "k-1");
    expect(res.status).toBe(200);
    expect(checkJsonSchema(res.body, okSchema("/cache/stats"), components)).toEqual([]);
    expect((await request(app).get("/health/redis")).status).toBe(200);
  });

  it("every endpoint matches its schema with Redis configured but unreachable", async () => {
    const app = quietApp({ config: config({ redis: { url: `redis://127.0.0.1:${await freePort()}` } }), redis: { maxReconnectDelayMs: 100, commandTimeoutMs: 100, connectTimeoutMs: 200, breaker: { failureThreshold: 1, openMs: 60_000 } } });
    opened.push(app);
    await request(app).post("/api/v1/causal/validate").send({ dag: { nodes: ["X", "Y"], edges: [["X", "Y"]] }, treatment: "X", outcome: "Y" });
    for (const path of ENDPOINTS) await expectDocumented(app, path);
    const redis = await expectDocumented(app, "/health/redis");
    expect(redis).toMatchObject({ status: "unavailable", configured: true, connected: false });
    expect(redis.circuit_breaker).not.toBeNull();
    const services = await expectDocumented(app, "/health/services");
    expect((services.services as Json).redis).toMatchObject({ status: "unhealthy", configured: true });
  });

  it("GET /health/services with a started worker pool matches its schema", async () => {
    const pool = new WorkerPool({ threads: 1 });
    try {
      await pool.start();
      const body = await expectDocumented(quietApp({ workerPool: pool }), "/health/services");
      expect((body.services as Json).worker_pool).toMatchObject({ status: "healthy", threads: 1, started: true });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("checkJsonSchema", () => {
  const schemas = { Thing: { type: "object", properties: { a: { type: "integer", minimum: 0 }, b: { anyOf: [{ type: "string" }, { type: "null" }] } }, required: ["a"] } };
  const thing = { $ref: "#/components/schemas/Thing" };

  it("accepts a matching value", () => {
    expect(checkJsonSchema({ a: 1, b: null }, thing, schemas)).toEqual([]);
  });

  it.each([
    [{ b: "x" }, "missing required 'a'"],
    [{ a: 1, c: 2 }, "undocumented property 'c'"],
    [{ a: 1.5 }, "expected integer"],
    [{ a: -1 }, "minimum"],
    [{ a: 1, b: 3 }, "anyOf"],
  ])("rejects %j", (value, problem) => {
    expect(checkJsonSchema(value, thing, schemas).join("\n")).toContain(problem);
  });

  it("throws on a keyword it does not check", () => {
    expect(() => checkJsonSchema(1, { type: "integer", multipleOf: 2 }, {})).toThrow(/multipleOf/);
  });
});
