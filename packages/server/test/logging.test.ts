/** Request logs: one JSON line per request with every field, redaction, hashed user ids, 5xx errors with stack. */
import { createHash } from "node:crypto";
import { operations } from "@olumi/contracts";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp, createLogger, maskEmails, REDACTED, REDACTED_EMAIL, type LogLevel } from "../src/index.js";

/** A pino logger writing into an array of parsed lines. */
function memoryLogger(level: LogLevel = "info") {
  const raw: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void raw.push(line) } });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const validate = operations.find((op) => op.id === "causal/validate");
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("request completion line", () => {
  it.runIf(validate !== undefined)("writes one line with every field and the right values", async () => {
    const log = memoryLogger();
    const app = createApp({ logger: log.logger, runOperation: () => ({ ok: true }) });
    const res = await request(app).post(validate!.path).set("X-Request-Id", "log-1").set("X-User-Id", "user-42").send({});
    expect(res.status).toBe(200);
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      level: "info",
      request_id: "log-1",
      endpoint: validate!.path,
      method: "POST",
      status_code: 200,
      user_hash: sha256("user-42"),
      message: "request completed",
    });
    expect(typeof line.duration_ms).toBe("number");
    expect(line.duration_ms as number).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(line.timestamp as string))).toBe(false);
    expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("uses the same sanitised id as the response header, and a generated one when the header is unsafe", async () => {
    const log = memoryLogger();
    const res = await request(createApp({ logger: log.logger })).get("/health").set("X-Request-Id", "bad id <x>");
    const line = log.lines()[0]!;
    expect(line.request_id).toBe(res.headers["x-request-id"]);
    expect(line.request_id).toMatch(/^req_[0-9a-f]{16}$/);
    expect(line.user_hash).toBeNull();
  });

  it("labels unknown routes with a fixed endpoint, never the raw path, at level warn", async () => {
    const log = memoryLogger();
    await request(createApp({ logger: log.logger })).get("/api/v1/secret-path-abc/123");
    const line = log.lines()[0]!;
    expect(line).toMatchObject({ endpoint: "unmatched", status_code: 404, level: "warn" });
    expect(log.raw.join("")).not.toContain("secret-path-abc");
  });

  it("never writes the raw X-User-Id, nor the API key, nor the Authorization header", async () => {
    const log = memoryLogger("debug");
    const app = createApp({ logger: log.logger });
    await request(app)
      .get("/health")
      .set("X-User-Id", "alice-raw-user-id")
      .set("X-API-Key", "sk-live-supersecret-123")
      .set("Authorization", "Bearer tok-abcdef");
    const text = log.raw.join("");
    expect(text).toContain(sha256("alice-raw-user-id"));
    expect(text).not.toContain("alice-raw-user-id");
    expect(text).not.toContain("supersecret");
    expect(text).not.toContain("tok-abcdef");
  });

  it.runIf(validate !== undefined)("logs a 5xx with the internal error and stack server-side, never to the client", async () => {
    const log = memoryLogger();
    const app = createApp({
      logger: log.logger,
      runOperation: () => {
        throw new TypeError("secret engine failure");
      },
    });
    const res = await request(app).post(validate!.path).set("X-Request-Id", "boom-2").send({});
    expect(res.status).toBe(500);
    expect(res.text).not.toContain("secret engine failure");
    const lines = log.lines();
    const internal = lines.find((l) => l.message === "internal error");
    expect(internal).toMatchObject({ level: "error", request_id: "boom-2", endpoint: validate!.path });
    const err = internal!.err as { message: string; stack: string; type: string };
    expect(err).toMatchObject({ message: "secret engine failure", type: "TypeError" });
    expect(err.stack).toContain("TypeError: secret engine failure");
    expect(lines.find((l) => l.message === "request completed")).toMatchObject({ level: "error", status_code: 500, request_id: "boom-2" });
  });

  it("writes nothing below the configured level", async () => {
    const log = memoryLogger("error");
    await request(createApp({ logger: log.logger })).get("/health");
    await request(createApp({ logger: log.logger })).get("/nope");
    expect(log.raw).toEqual([]);
  });
});

describe("redaction", () => {
  it("redacts API keys, authorization headers and cookies at the known paths", () => {
    const log = memoryLogger();
    log.logger.info(
      { headers: { "x-api-key": "k-123-secret", authorization: "Bearer b-secret" }, api_key: "plain-secret", nested: { apiKey: "camel-secret", token: "t-secret" } },
      "with secrets",
    );
    const text = log.raw.join("");
    for (const secret of ["k-123-secret", "b-secret", "plain-secret", "camel-secret", "t-secret"]) expect(text).not.toContain(secret);
    const line = log.lines()[0]!;
    expect(line.headers).toEqual({ "x-api-key": REDACTED, authorization: REDACTED });
    expect(line.api_key).toBe(REDACTED);
  });

  it("masks e-mail-like strings in the message, in fields and in errors", () => {
    const log = memoryLogger();
    log.logger.info({ note: "contact bob.smith+x@mail.example.co.uk now" }, "user jane.doe@example.com failed");
    log.logger.error({ err: new Error("no account for eve@corp.io") }, "lookup failed");
    const text = log.raw.join("");
    for (const address of ["jane.doe@example.com", "bob.smith+x@mail.example.co.uk", "eve@corp.io"]) expect(text).not.toContain(address);
    const [first, second] = log.lines();
    expect(first!.message).toBe(`user ${REDACTED_EMAIL} failed`);
    expect(first!.note).toBe(`contact ${REDACTED_EMAIL} now`);
    expect((second!.err as { message: string }).message).toBe(`no account for ${REDACTED_EMAIL}`);
  });

  it.each([
    ["a@b.io", REDACTED_EMAIL],
    ["x first.last@sub.domain.org y", `x ${REDACTED_EMAIL} y`],
    ["no at sign here", "no at sign here"],
    ["user@localhost", "user@localhost"],
    ["2 @ 3", "2 @ 3"],
  ])("maskEmails(%j) → %j", (input, expected) => {
    expect(maskEmails(input)).toBe(expected);
  });
});
