/** The OpenAPI document: one path per operation, every `$ref` resolvable, examples included. */
import { ErrorEnvelope, GraphV2, operations } from "@olumi/contracts";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { openApiDocument, operationIdToCamel } from "../src/index.js";
import { ComponentSet } from "../src/openapi.js";
import { quietApp } from "./helpers.js";

type Json = Record<string, unknown>;

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe("GET /openapi.json", async () => {
  const res = await request(quietApp()).get("/openapi.json");
  const doc = res.body as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;

  it("is an OpenAPI 3.1 document with the engine version", () => {
    expect(res.status).toBe(200);
    expect(doc.openapi).toBe("3.1.0");
    expect((doc.info as Json).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("resolves every $ref to a component schema", () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z0-9_.-]+$/);
      expect(schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined();
    }
  });

  it("keeps no $defs or $schema left over from the conversion", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/$defs/");
    expect(text).not.toContain('"$schema"');
  });

  it("defines the error envelope as ErrorResponse", () => {
    expect(schemas.ErrorResponse).toMatchObject({ type: "object" });
    expect((schemas.ErrorResponse as { required: string[] }).required).toEqual(expect.arrayContaining(["code", "message", "request_id"]));
  });

  it.each(operations.map((op) => [op.id, op] as const))("documents %s fully", (_id, op) => {
    const entry = paths[op.path]?.[op.method.toLowerCase()] as Json | undefined;
    expect(entry).toBeDefined();
    expect(entry).toMatchObject({ operationId: operationIdToCamel(op.id), summary: op.summary, description: op.description, tags: [...op.tags] });
    const responses = entry?.responses as Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    for (const status of ["400", "422", "500"]) expect(responses[status]?.content["application/json"]?.schema.$ref).toBe("#/components/schemas/ErrorResponse");
    expect(responses["200"]?.content["application/json"]?.schema.$ref).toMatch(/^#\/components\/schemas\//);
    if (op.method !== "GET") {
      const body = (entry?.requestBody as { content: Record<string, { example: unknown; schema: { $ref: string } }> }).content["application/json"];
      expect(body?.example).toEqual(op.example);
      expect(body?.schema.$ref).toMatch(/^#\/components\/schemas\//);
    }
  });

  it("lists health and readiness", () => {
    expect(paths["/health"]?.get).toBeDefined();
    expect(paths["/ready"]?.get).toBeDefined();
  });

  it("is built once and identical across apps", async () => {
    const again = await request(quietApp()).get("/openapi.json");
    expect(again.text).toBe(res.text);
    expect(openApiDocument()).toBe(openApiDocument());
  });
});

describe("operationIdToCamel", () => {
  it.each([
    ["causal/validate", "causalValidate"],
    ["robustness/analyze/v2", "robustnessAnalyzeV2"],
    ["what-if/run-batch", "whatIfRunBatch"],
  ])("%s → %s", (id, camel) => {
    expect(operationIdToCamel(id)).toBe(camel);
  });
});

describe("ComponentSet", () => {
  it("publishes a schema whose input view differs as <Id>Input, and renames what references it", () => {
    const set = new ComponentSet();
    expect(set.add(GraphV2, "output", "Fallback")).toBe("GraphV2");
    expect(set.add(GraphV2, "input", "Fallback")).toBe("GraphV2Input");
    const input = JSON.stringify(set.schemas.GraphV2Input);
    expect(input).toContain("#/components/schemas/NodeV2Input");
    expect(JSON.stringify(set.schemas.GraphV2)).toContain("#/components/schemas/NodeV2\"");
    expect((set.schemas.NodeV2 as { required: string[] }).required).toContain("intercept");
    expect((set.schemas.NodeV2Input as { required: string[] }).required).not.toContain("intercept");
    expect(set.schemas.ObservedStateInput).toBeUndefined();
  });

  it("reuses a component when both views agree", () => {
    const set = new ComponentSet();
    set.add(ErrorEnvelope, "output", "X");
    expect(set.add(ErrorEnvelope, "input", "X")).toBe("ErrorResponse");
    expect(Object.keys(set.schemas).sort()).toEqual(["ErrorResponse", "RecoveryHints"]);
  });
});
