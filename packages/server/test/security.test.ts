/** Request gates: API-key auth, public paths, rate limiting, body limit, helmet, CORS, client IP and proxies. */
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { operations } from "@olumi/contracts";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { apiKeyMatcher, createApp, createLogger, defaultConfig, loadConfig, SlidingWindowLog, type AppOptions } from "../src/index.js";
import { recordingLogger } from "./helpers.js";

const KEY = "key-alpha-0123456789";
const OTHER_KEY = "key-beta-9876543210";
const validate = operations.find((op) => op.id === "causal/validate")!;

function app(env: NodeJS.ProcessEnv, extra: AppOptions = {}) {
  return createApp({ logger: recordingLogger(), config: loadConfig(env), runOperation: () => ({ ok: true }), ...extra });
}

function envelopeOf(body: Record<string, unknown>) {
  return { code: body.code, reason: body.reason, retryable: body.retryable, request_id: body.request_id };
}

describe("constant-time key matcher", () => {
  it("matches exactly the configured keys", () => {
    const matches = apiKeyMatcher([KEY, OTHER_KEY]);
    expect([KEY, OTHER_KEY].every(matches)).toBe(true);
    for (const wrong of ["", KEY.slice(0, -1), `${KEY}x`, KEY.toUpperCase(), " " + KEY]) expect(matches(wrong)).toBe(false);
    expect(apiKeyMatcher([])(KEY)).toBe(false);
  });
});

describe("API-key auth", () => {
  const secured = app({ ISL_API_KEYS: `${KEY},${OTHER_KEY}` });

  it("401 missing_api_key with upstream hints and the request-id headers", async () => {
    const res = await request(secured).post(validate.path).set("X-Request-Id", "no-key").send({});
    expect(res.status).toBe(401);
    expect(envelopeOf(res.body)).toEqual({ code: "ISL_UNAUTHORIZED", reason: "missing_api_key", retryable: false, request_id: "no-key" });
    expect(res.body).toMatchObject({ message: "Missing API key. Provide X-API-Key header.", source: "isl", degraded: false });
    expect(res.body.recovery).toEqual({ hints: ["Include X-API-Key header in your request", "Ensure API key is properly configured"], suggestion: "Provide X-API-Key header" });
    expect(res.headers["x-request-id"]).toBe("no-key");
    expect(res.headers["x-trace-id"]).toBe("no-key");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("401 invalid_api_key for a wrong key, never echoing it", async () => {
    const res = await request(secured).post(validate.path).set("X-API-Key", "wrong-key-abc").send({});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "ISL_UNAUTHORIZED", reason: "invalid_api_key", message: "Invalid API key." });
    expect(res.body.recovery.hints).toEqual(["Verify your API key is correct", "Check if your API key has expired"]);
    expect(res.headers["x-request-id"]).toMatch(/^req_[0-9a-f]{16}$/);
    expect(JSON.stringify(res.headers) + res.text).not.toContain("wrong-key-abc");
  });

  it("accepts each configured key; Authorization: Bearer is not a key", async () => {
    for (const key of [KEY, OTHER_KEY]) expect((await request(secured).post(validate.path).set("X-API-Key", key).send({})).status).toBe(200);
    expect((await request(secured).post(validate.path).set("Authorization", `Bearer ${KEY}`).send({})).status).toBe(401);
  });

  it("keeps /health*, /ready, /metrics, /docs, /redoc and /openapi.json public; 404s behind auth stay 401", async () => {
    for (const path of ["/health", "/ready", "/openapi.json", "/docs/"]) expect((await request(secured).get(path)).status, path).toBe(200);
    for (const path of ["/health/redis", "/metrics", "/redoc"]) expect((await request(secured).get(path)).status, path).not.toBe(401);
    expect((await request(secured).get("/api/v1/unknown")).status).toBe(401);
    expect((await request(secured).get("/healthz")).status).toBe(401);
  });

  it("without keys (development) auth is off", async () => {
    expect((await request(app({})).post(validate.path).send({})).status).toBe(200);
  });

  it("never writes a key into logs or error bodies, even when the request fails inside", async () => {
    const raw: string[] = [];
    const errors = recordingLogger();
    const failing = createApp({
      logger: createLogger({ level: "trace", destination: { write: (line: string) => void raw.push(line) } }),
      config: loadConfig({ ISL_API_KEYS: KEY }),
      runOperation: () => {
        throw new Error("boom");
      },
    });
    const bodies: string[] = [];
    for (const key of [KEY, "stranger-key-777"]) bodies.push((await request(failing).post(validate.path).set("X-API-Key", key).send({})).text);
    bodies.push((await request(app({ ISL_API_KEYS: KEY }, { logger: errors })).post(validate.path).set("X-API-Key", "stranger-key-777").send({})).text);
    expect(raw.length).toBeGreaterThan(0);
    const everything = raw.join("\n") + bodies.join("\n") + JSON.stringify(errors.calls);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain("stranger-key-777");
  });
});

describe("rate limiting (sliding window, after auth)", () => {
  it("answers 429 after N requests with Retry-After, RateLimit headers, the envelope and request ids", async () => {
    let clock = 1_000;
    const limited = app({ RATE_LIMIT_PER_MINUTE: "3" }, { rateLimitClock: () => clock });
    const seen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const ok = await request(limited).post(validate.path).send({});
      expect(ok.status).toBe(200);
      expect(ok.headers["ratelimit-policy"]).toBe('"3-in-1min"; q=3; w=60');
      seen.push(ok.headers.ratelimit as string);
      clock += 10_000;
    }
    expect(seen).toEqual(['"3-in-1min"; r=2; t=60', '"3-in-1min"; r=1; t=50', '"3-in-1min"; r=0; t=40']);
    const res = await request(limited).post(validate.path).set("X-Request-Id", "too-many").send({});
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("30");
    expect(res.headers.ratelimit).toBe('"3-in-1min"; r=0; t=30');
    expect(res.headers["x-request-id"]).toBe("too-many");
    expect(envelopeOf(res.body)).toEqual({ code: "ISL_RATE_LIMIT_EXCEEDED", reason: "too_many_requests", retryable: true, request_id: "too-many" });
    expect(res.body.message).toBe("Rate limit exceeded. Please wait 30 seconds before retrying.");
    expect(res.body.recovery).toEqual({
      hints: ["Wait 30 seconds before retrying", "Reduce request frequency", "Consider implementing client-side rate limiting"],
      suggestion: "Retry after 30 seconds",
    });
    expect((await request(limited).get("/health")).status).toBe(200);
    clock += 30_001;
    expect((await request(limited).post(validate.path).send({})).status).toBe(200);
  });

  it("keys by API key when authenticated: one key's exhaustion does not block another", async () => {
    const limited = app({ ISL_API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT_PER_MINUTE: "2" }, { rateLimitClock: () => 0 });
    for (let i = 0; i < 2; i += 1) expect((await request(limited).post(validate.path).set("X-API-Key", KEY).send({})).status).toBe(200);
    expect((await request(limited).post(validate.path).set("X-API-Key", KEY).send({})).status).toBe(429);
    expect((await request(limited).post(validate.path).set("X-API-Key", OTHER_KEY).send({})).status).toBe(200);
    // Invalid keys are stopped by auth first and get no bucket of their own.
    expect((await request(limited).post(validate.path).set("X-API-Key", "random-1").send({})).status).toBe(401);
  });

  it("keys by client IP without auth, ignoring X-Forwarded-For unless proxies are trusted", async () => {
    const direct = app({ RATE_LIMIT_PER_MINUTE: "1" }, { rateLimitClock: () => 0 });
    expect((await request(direct).post(validate.path).set("X-Forwarded-For", "1.1.1.1").send({})).status).toBe(200);
    expect((await request(direct).post(validate.path).set("X-Forwarded-For", "2.2.2.2").send({})).status).toBe(429);
    const proxied = app({ RATE_LIMIT_PER_MINUTE: "1", TRUSTED_PROXIES: "loopback" }, { rateLimitClock: () => 0 });
    expect((await request(proxied).post(validate.path).set("X-Forwarded-For", "1.1.1.1").send({})).status).toBe(200);
    expect((await request(proxied).post(validate.path).set("X-Forwarded-For", "2.2.2.2").send({})).status).toBe(200);
    // The client cannot prepend a fake address: the right-most untrusted hop is used.
    expect((await request(proxied).post(validate.path).set("X-Forwarded-For", "9.9.9.9, 2.2.2.2").send({})).status).toBe(429);
  });

  it("the window slides: requests leave it one by one (checked against a direct count)", () => {
    const log = new SlidingWindowLog(3, 60_000);
    const times = [0, 5_000, 20_000, 30_000, 59_999, 60_000, 64_999, 65_000, 80_000, 80_001, 140_000];
    const accepted: number[] = [];
    for (const t of times) {
      const inWindow = accepted.filter((a) => a > t - 60_000).length;
      const decision = log.hit("c", t);
      expect(decision.allowed, `t=${t}`).toBe(inWindow < 3);
      if (decision.allowed) accepted.push(t);
    }
    expect(accepted).toEqual([0, 5_000, 20_000, 60_000, 65_000, 80_000, 140_000]);
  });

  it("forgets idle clients: memory stays bounded by the clients of one window", () => {
    const log = new SlidingWindowLog(5, 60_000);
    for (let i = 0; i < 10_001; i += 1) log.hit(`ip:${i}`, 0);
    expect(log.size).toBe(10_001);
    log.hit("late", 60_000);
    expect(log.size).toBe(1);
  });
});

/** Sends `total` bytes of a JSON array-of-one-string body in chunks over a real socket, with or without Content-Length. */
async function sendLargeBody(url: URL, total: number, withLength: boolean): Promise<{ status: number; body: Record<string, unknown>; requestId: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": "big-body" };
    if (withLength) headers["content-length"] = String(total);
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")), requestId: res.headers["x-request-id"] as string | undefined }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    req.write('["');
    sent += 2;
    const pump = (): void => {
      while (sent + chunk.length < total - 2) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end(Buffer.alloc(total - 2 - sent, "a").toString() + '"]');
    };
    pump();
  });
}

describe("body limit on bytes read", () => {
  it("413 with and without Content-Length (chunked), and accepts a body just under the limit", async () => {
    const server = createApp({ logger: recordingLogger(), config: defaultConfig(), runOperation: () => ({ ok: true }) }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${validate.path}`);
      for (const withLength of [true, false]) {
        const res = await sendLargeBody(url, 10 * 1024 * 1024 + 1024, withLength);
        expect(res.status, `content-length: ${withLength}`).toBe(413);
        expect(res.body).toMatchObject({ code: "ISL_REQUEST_TOO_LARGE", message: "Request body too large. Maximum size is 10MB.", request_id: "big-body" });
        expect(res.requestId).toBe("big-body");
      }
      // A chunked body under the limit is read whole and reaches the injected operation runner.
      const small = await sendLargeBody(url, 1024 * 1024, false);
      expect(small.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("helmet and CORS", () => {
  const corsApp = app({ CORS_ORIGINS: "https://app.example,https://other.example", CORS_ALLOW_CREDENTIALS: "true", ISL_API_KEYS: KEY });

  it("sets helmet's default headers", async () => {
    const res = await request(corsApp).get("/health");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=/);
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
  });

  it("echoes an allowed origin with credentials and exposed headers", async () => {
    const res = await request(corsApp).get("/health").set("Origin", "https://app.example");
    expect(res.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(res.headers["access-control-allow-credentials"]).toBe("true");
    expect(res.headers["access-control-expose-headers"]).toContain("X-Request-Id");
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it("gives a denied origin no CORS headers", async () => {
    const res = await request(corsApp).get("/health").set("Origin", "https://evil.example");
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("answers preflights before auth: 204 with methods and headers when allowed, bare 204 when denied", async () => {
    const ok = await request(corsApp).options(validate.path).set("Origin", "https://other.example").set("Access-Control-Request-Method", "POST").set("Access-Control-Request-Headers", "x-api-key, content-type");
    expect(ok.status).toBe(204);
    expect(ok.headers["access-control-allow-origin"]).toBe("https://other.example");
    expect(ok.headers["access-control-allow-methods"]).toContain("POST");
    expect(ok.headers["access-control-allow-headers"]).toContain("X-API-Key");
    expect(ok.headers["access-control-max-age"]).toBe("600");
    const denied = await request(corsApp).options(validate.path).set("Origin", "https://evil.example").set("Access-Control-Request-Method", "POST");
    expect(denied.status).toBe(204);
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
    expect(denied.headers["access-control-allow-methods"]).toBeUndefined();
  });

  it("answers the wildcard with * and never with credentials", async () => {
    const open = app({ CORS_ORIGINS: "*" });
    const res = await request(open).get("/health").set("Origin", "https://anyone.example");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});
