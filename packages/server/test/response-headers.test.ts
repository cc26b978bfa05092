/**
 * `x-olumi-*` headers and gzip: the response hash is the canonical hash (core's hash module,
 * checked here against upstream's test vector) of the *decompressed* body, on compressed and
 * uncompressed responses alike, and on error envelopes too.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { operations } from "@olumi/contracts";
import { canonicalJson, sha256Hex } from "@olumi/isl-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/index.js";
import { GZIP_THRESHOLD_BYTES, isUnhashedPath, responseBodyHash, traceReceivedValue } from "../src/response-headers.js";
import { quietApp } from "./helpers.js";

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed when gzip was used). */
  wire: Buffer;
}

let server: Server;
let base: string;

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function decoded(res: RawResponse): string {
  return (res.headers["content-encoding"] === "gzip" ? gunzipSync(res.wire) : res.wire).toString("utf8");
}

const validate = operations.find((op) => op.id === "causal/validate");

beforeAll(async () => {
  const app = quietApp({ build: "abcdef0123456789", config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, apiKeys: ["k-123456"], authEnabled: true } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("responseBodyHash", () => {
  it("reproduces upstream's canonical-hash test vector", () => {
    expect(responseBodyHash('{"b": 2, "a": 1}')).toBe("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
    expect(responseBodyHash(new TextEncoder().encode('{"a":1,"b":2}'))).toBe("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
  });

  it("escapes non-ASCII as upstream's canonical JSON does (vector a60b496b…081c)", () => {
    const hash = responseBodyHash('{"unicode":"café","emoji":"🚀"}');
    expect(hash?.slice(0, 8)).toBe("a60b496b");
    expect(hash?.slice(-4)).toBe("081c");
    expect(responseBodyHash(Buffer.from('{"unicode":"café","emoji":"🚀"}', "utf8"))).toBe(hash);
  });

  it("gives no hash for text that is not JSON", () => {
    expect(responseBodyHash("not json")).toBeUndefined();
  });
});

describe("traceReceivedValue", () => {
  it("echoes well-formed ids and hashes, and never a malformed one", () => {
    expect(traceReceivedValue(undefined, undefined)).toBe("none:none");
    expect(traceReceivedValue("req-1", "ABCDEF012345")).toBe("req-1:abcdef012345");
    expect(traceReceivedValue("bad id with spaces", "zz")).toBe("invalid:invalid");
  });

  it("lists the documentation paths as unhashed", () => {
    for (const path of ["/metrics", "/docs", "/docs/x.css", "/redoc", "/openapi.json"]) expect(isUnhashedPath(path)).toBe(true);
    expect(isUnhashedPath("/api/v1/causal/validate")).toBe(false);
  });
});

describe("x-olumi-* headers", () => {
  it("sets the service, build, downstream and trace-received headers", async () => {
    const res = await send("GET", "/health", { "X-Request-Id": "abc.123", "x-olumi-payload-hash": "0123456789ab" });
    expect(res.headers["x-olumi-service"]).toBe("isl");
    expect(res.headers["x-olumi-service-build"]).toBe("abcdef0");
    expect(res.headers["x-olumi-downstream-calls"]).toBe("");
    expect(res.headers["x-olumi-trace-received"]).toBe("abc.123:0123456789ab");
  });

  it("hashes a small uncompressed JSON body", async () => {
    const res = await send("GET", "/health", {});
    expect(res.headers["content-encoding"]).toBeUndefined();
    const body = decoded(res);
    expect(res.headers["x-olumi-response-hash"]).toBe(sha256Hex(canonicalJson(JSON.parse(body))));
  });

  it("hashes the decompressed body of a gzip response", async () => {
    expect(validate).toBeDefined();
    const res = await send("POST", validate!.path, { "Content-Type": "application/json", "Accept-Encoding": "gzip", "X-API-Key": "k-123456" }, JSON.stringify(validate!.example));
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const body = decoded(res);
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(GZIP_THRESHOLD_BYTES);
    expect(res.wire.length).toBeLessThan(Buffer.byteLength(body));
    expect(res.headers["x-olumi-response-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers["x-olumi-response-hash"]).toBe(sha256Hex(canonicalJson(JSON.parse(body))));
  });

  it("gives the same hash with and without compression", async () => {
    const body = JSON.stringify(validate!.example);
    const headers = { "Content-Type": "application/json", "X-API-Key": "k-123456", "X-Request-Id": "same-id" };
    const plain = await send("POST", validate!.path, headers, body);
    const zipped = await send("POST", validate!.path, { ...headers, "Accept-Encoding": "gzip" }, body);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(decoded(zipped)).toBe(decoded(plain));
    expect(zipped.headers["x-olumi-response-hash"]).toBe(plain.headers["x-olumi-response-hash"]);
  });

  it("hashes error envelopes, the 401 of a missing key included", async () => {
    const res = await send("POST", validate!.path, { "Content-Type": "application/json" }, "{}");
    expect(res.status).toBe(401);
    expect(res.headers["x-olumi-service"]).toBe("isl");
    expect(res.headers["x-olumi-response-hash"]).toBe(sha256Hex(canonicalJson(JSON.parse(decoded(res)))));
  });

  it("does not hash /openapi.json, which is still compressed", async () => {
    const res = await send("GET", "/openapi.json", { "Accept-Encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["x-olumi-response-hash"]).toBeUndefined();
    expect(res.headers["x-olumi-service"]).toBe("isl");
  });
});
