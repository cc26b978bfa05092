/**
 * The committed docs/openapi.json equals the generated document; the document declares the
 * X-API-Key scheme (public paths opt out with `security: []`) and a valid example per operation;
 * ReDoc is served from the package's own bundle with a CSP that lets it run.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { operations } from "@olumi/contracts";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { defaultConfig, isPublicPath } from "../src/index.js";
import { API_KEY_SCHEME, openApiDocument, openApiJson } from "../src/openapi.js";
import { REDOC_BUNDLE_PATH, REDOC_CSP } from "../src/redoc.js";
import { quietApp } from "./helpers.js";

type Json = Record<string, unknown>;
const COMMITTED = fileURLToPath(new URL("../../../docs/openapi.json", import.meta.url));

describe("docs/openapi.json", () => {
  it("is the generated document (run `pnpm openapi` after changing an operation)", () => {
    const committed = readFileSync(COMMITTED, "utf8");
    expect(committed === openApiJson(), "docs/openapi.json is stale: run `pnpm openapi` and commit the result").toBe(true);
  });
});

describe("security scheme", () => {
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Json>>;

  it("declares X-API-Key and requires it by default", () => {
    const schemes = (doc.components as { securitySchemes: Record<string, Json> }).securitySchemes;
    expect(schemes[API_KEY_SCHEME]).toMatchObject({ type: "apiKey", in: "header", name: "X-API-Key" });
    expect(doc.security).toEqual([{ [API_KEY_SCHEME]: [] }]);
  });

  it("marks exactly the public paths with security: [] (as the auth middleware decides)", () => {
    for (const [path, methods] of Object.entries(paths)) {
      for (const operation of Object.values(methods)) {
        if (isPublicPath(path)) expect(operation.security, path).toEqual([]);
        else {
          expect(operation.security, path).toBeUndefined();
          expect(Object.keys(operation.responses as Json), path).toEqual(expect.arrayContaining(["401", "429"]));
        }
      }
    }
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/health", "/ready", "/metrics", "/openapi.json"]));
  });
});

describe("examples", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, Json>>;

  it("has, for every operation of the table, a request example its own schema accepts", () => {
    for (const op of operations) {
      const operation = paths[op.path]?.[op.method.toLowerCase()];
      expect(operation, op.id).toBeDefined();
      const example = ((operation!.requestBody as Json).content as Record<string, Json>)["application/json"]!.example;
      expect(example, op.id).toBeDefined();
      expect(op.request.safeParse(example).success, op.id).toBe(true);
    }
  });

  it("has a response example on every public path", () => {
    for (const path of ["/health", "/ready", "/metrics", "/openapi.json"]) {
      const ok = (paths[path]!.get!.responses as Record<string, Json>)["200"]!.content as Record<string, Json>;
      expect(Object.values(ok)[0]!.example, path).toBeDefined();
    }
  });
});

describe("GET /redoc", () => {
  const app = quietApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, apiKeys: ["k-1"], authEnabled: true } });

  it("serves a page that loads the local bundle and the local document, with no key", async () => {
    const res = await request(app).get("/redoc");
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/html");
    expect(res.text).toContain(`<script src="${REDOC_BUNDLE_PATH}"></script>`);
    expect(res.text).toContain('<redoc spec-url="/openapi.json"></redoc>');
    expect(res.text).not.toMatch(/https?:\/\//);
    expect(res.text).not.toMatch(/<script>(?!<)/);
    expect(res.headers["content-security-policy"]).toBe(REDOC_CSP);
  });

  it("serves ReDoc's standalone bundle from the redoc package", async () => {
    const res = await request(app).get(REDOC_BUNDLE_PATH);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/javascript");
    expect(res.text.length).toBeGreaterThan(100_000);
    expect(res.text).toContain("Redoc");
  });

  it("allows what ReDoc needs and nothing from elsewhere", () => {
    const directives = new Map(REDOC_CSP.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(REDOC_CSP).not.toMatch(/https?:|\*/);
  });
});
