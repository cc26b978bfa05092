/** Routes around the operations: health, readiness, docs, unknown routes, error mapping. */
import { ErrorEnvelope, ISL_VERSION, operations } from "@olumi/contracts";
import { IslError } from "@olumi/isl-core";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { callOperation, quietApp, recordingLogger } from "./helpers.js";

const firstOp = operations[0];

describe("GET /health and /ready", () => {
  it("reports healthy with the version, build and configuration fingerprint", async () => {
    const res = await request(quietApp({ build: "0123456789abcdef" })).get("/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "healthy", version: ISL_VERSION, build: "0123456", build_full: "0123456789abcdef" });
    expect(res.body.config_fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(res.body.timestamp))).toBe(false);
    expect(res.headers["x-request-id"]).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it("says unknown when no build is configured", async () => {
    const res = await request(quietApp({ build: "" })).get("/health");
    expect(res.body).toMatchObject({ build: "unknown", build_full: null });
  });

  it("is ready by default and 503 ISL_SERVICE_UNAVAILABLE when the probe says no", async () => {
    expect((await request(quietApp()).get("/ready")).status).toBe(200);
    const res = await request(quietApp({ isReady: () => false })).get("/ready").set("X-Request-Id", "probe-1");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: "ISL_SERVICE_UNAVAILABLE", retryable: true, request_id: "probe-1" });
  });

  it("answers POST /health with 405 and Allow: GET, HEAD, OPTIONS", async () => {
    const res = await request(quietApp()).post("/health");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(res.body.code).toBe("ISL_METHOD_NOT_ALLOWED");
  });
});

describe("unknown routes", () => {
  it("answers 404 ISL_ROUTE_NOT_FOUND naming the method and path", async () => {
    const res = await request(quietApp()).get("/api/v1/no/such-thing").set("X-Request-Id", "nf");
    expect(res.status).toBe(404);
    expect(ErrorEnvelope.parse(res.body)).toMatchObject({ code: "ISL_ROUTE_NOT_FOUND", request_id: "nf" });
    expect(res.body.message).toContain("GET /api/v1/no/such-thing");
    expect(res.headers["x-request-id"]).toBe("nf");
    expect(Number(res.headers["x-processing-time-ms"])).toBeGreaterThanOrEqual(0);
  });

  it("answers POST to an unknown path with 404, not 405", async () => {
    const res = await request(quietApp()).post("/api/v1/unknown").send({});
    expect(res.status).toBe(404);
  });
});

describe("error mapping of what an operation throws", () => {
  it.runIf(firstOp !== undefined)("maps a domain IslError to its status (400) with details", async () => {
    const app = quietApp({
      runOperation: () => {
        throw new IslError("ISL_DAG_CYCLIC", "Graph contains cycles (not a valid DAG)", { details: { cycle: ["A", "B", "A"] } });
      },
    });
    const res = await callOperation(app, firstOp!).set("X-Request-Id", "dom").send({});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "ISL_DAG_CYCLIC", request_id: "dom", retryable: false, details: { cycle: ["A", "B", "A"] } });
  });

  it.runIf(firstOp !== undefined)("answers an unexpected exception with a generic 500 and logs it", async () => {
    const logger = recordingLogger();
    const app = quietApp({
      logger,
      runOperation: () => {
        throw new TypeError("secret internal detail in /srv/engine.ts");
      },
    });
    const res = await callOperation(app, firstOp!).set("X-Request-Id", "boom").send({});
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: "ISL_COMPUTATION_ERROR", message: "An unexpected error occurred during computation", request_id: "boom" });
    expect(res.text).not.toContain("secret");
    expect(res.text).not.toContain("engine.ts");
    expect(logger.calls).toHaveLength(1);
  });

  it.runIf(firstOp !== undefined)("passes the request id and an unaborted signal to the runner", async () => {
    const seen: { requestId: string; aborted: boolean }[] = [];
    const app = quietApp({
      runOperation: (_id, _input, opts) => {
        seen.push({ requestId: opts.requestId, aborted: opts.signal.aborted });
        return { ok: true };
      },
    });
    await callOperation(app, firstOp!).set("X-Request-Id", "pass-through").send({});
    expect(seen).toEqual([{ requestId: "pass-through", aborted: false }]);
  });
});

describe("GET /docs", () => {
  it("redirects /docs to /docs/ (the UI's assets are relative) and serves Swagger UI as HTML", async () => {
    const first = await request(quietApp()).get("/docs");
    expect(first.status).toBe(301);
    expect(first.headers.location).toBe("/docs/");
    const res = await request(quietApp()).get("/docs").redirects(1);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger-ui/i);
  });

  it("serves the UI's initialiser with the OpenAPI document inside", async () => {
    const res = await request(quietApp()).get("/docs/swagger-ui-init.js");
    expect(res.status).toBe(200);
    for (const op of operations) expect(res.text).toContain(op.path);
  });
});
