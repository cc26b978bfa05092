/** Every operation of the table, through the real core: examples, determinism, error paths. */
import { ERROR_CODES, ErrorEnvelope, LIMITS, operations, responseRequestId, withoutVolatileFields } from "@olumi/contracts";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { callOperation, otherMethod, quietApp } from "./helpers.js";

const app = quietApp();
const cases = operations.map((op) => [op.id, op] as const);

function expectEnvelope(body: unknown, code: keyof typeof ERROR_CODES, requestId?: string): void {
  const parsed = ErrorEnvelope.safeParse(body);
  expect(parsed.success).toBe(true);
  expect(parsed.data?.code).toBe(code);
  expect(parsed.data?.source).toBe("isl");
  if (requestId !== undefined) expect(parsed.data?.request_id).toBe(requestId);
}

describe.each(cases)("operation %s", (_id, op) => {
  it("answers its example with 200, a body valid for its response schema, and the sent request id", async () => {
    const res = await callOperation(app, op).set("X-Request-Id", "test.example-1").send(op.example);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const parsed = op.response.safeParse(res.body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(responseRequestId(op, res.body)).toBe("test.example-1");
    expect(res.headers["x-request-id"]).toBe("test.example-1");
    expect(res.headers["x-trace-id"]).toBe("test.example-1");
    expect(Number(res.headers["x-processing-time-ms"])).toBeGreaterThanOrEqual(0);
  });

  it("gives byte-identical bodies for the same request twice", async () => {
    const first = await callOperation(app, op).set("X-Request-Id", "same").send(op.example);
    const second = await callOperation(app, op).set("X-Request-Id", "same").send(op.example);
    expect(first.status).toBe(200);
    expect(JSON.stringify(withoutVolatileFields(op, JSON.parse(second.text)))).toBe(JSON.stringify(withoutVolatileFields(op, JSON.parse(first.text))));
  });

  it("takes X-Trace-Id when X-Request-Id is absent", async () => {
    const res = await callOperation(app, op).set("X-Trace-Id", "trace:42").send(op.example);
    expect(res.headers["x-request-id"]).toBe("trace:42");
    expect(responseRequestId(op, res.body)).toBe("trace:42");
  });

  it("replaces an unsafe request id by a generated one, in headers and body alike", async () => {
    const res = await callOperation(app, op).set("X-Request-Id", "bad id <script>").send(op.example);
    const id = res.headers["x-request-id"];
    expect(id).toMatch(/^req_[0-9a-f]{16}$/);
    expect(responseRequestId(op, res.body)).toBe(id);
  });

  it("answers a schema failure with 422 ISL_VALIDATION_ERROR", async () => {
    const res = await callOperation(app, op).set("X-Request-Id", "r422").send({ unexpected: true });
    expect(res.status).toBe(422);
    expectEnvelope(res.body, "ISL_VALIDATION_ERROR", "r422");
    expect((res.body as ErrorEnvelope).validation_failures?.length).toBeGreaterThan(0);
  });

  if (op.method !== "GET") {
    it("answers a request without a body with 422", async () => {
      const res = await callOperation(app, op);
      expect(res.status).toBe(422);
      expectEnvelope(res.body, "ISL_VALIDATION_ERROR");
    });

    it("answers malformed JSON with 400 ISL_INVALID_INPUT and says so", async () => {
      const res = await callOperation(app, op).set("Content-Type", "application/json").set("X-Request-Id", "r400").send('{"dag": [1, 2,');
      expect(res.status).toBe(400);
      expectEnvelope(res.body, "ISL_INVALID_INPUT", "r400");
      expect((res.body as ErrorEnvelope).message).toMatch(/^Malformed JSON in request body/);
    });

    it("answers a non-JSON content type with 400 ISL_INVALID_INPUT", async () => {
      const res = await callOperation(app, op).set("Content-Type", "text/plain").send(JSON.stringify(op.example));
      expect(res.status).toBe(400);
      expectEnvelope(res.body, "ISL_INVALID_INPUT");
      expect((res.body as ErrorEnvelope).message).toContain("text/plain");
    });

    it("accepts JSON with a charset parameter", async () => {
      const res = await callOperation(app, op).set("Content-Type", "application/json; charset=utf-8").send(JSON.stringify(op.example));
      expect(res.status).toBe(200);
    });

    it("answers a body over 10 MB with 413 ISL_REQUEST_TOO_LARGE", async () => {
      const big = JSON.stringify({ padding: "x".repeat(LIMITS.bodyBytes + 1) });
      const res = await callOperation(app, op).set("Content-Type", "application/json").set("X-Request-Id", "r413").send(big);
      expect(res.status).toBe(413);
      expectEnvelope(res.body, "ISL_REQUEST_TOO_LARGE", "r413");
    });
  }

  it("answers the wrong method with 405 ISL_METHOD_NOT_ALLOWED and an Allow header", async () => {
    const method = otherMethod(op);
    const res = await (method === "GET" ? request(app).get(op.path) : request(app).post(op.path).send({}));
    expect(res.status).toBe(405);
    expect(String(res.headers.allow).split(", ")).toContain(op.method);
    expectEnvelope(res.body, "ISL_METHOD_NOT_ALLOWED");
  });

  it("answers OPTIONS with 204 and the allowed methods", async () => {
    const res = await request(app).options(op.path);
    expect(res.status).toBe(204);
    expect(String(res.headers.allow).split(", ")).toContain(op.method);
  });
});
