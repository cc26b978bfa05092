/**
 * Runs the worked examples of every docs/*.md page: each ```json isl-request <operation-id>``` block
 * is sent to its operation, and the ```json isl-response``` block that follows must match the result
 * (every field shown must be equal; fields not shown are not compared). Arrays of objects inside the
 * shown fields are compared element by element the same way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { isOperationId } from "@olumi/contracts";
import { runOperation } from "@olumi/isl-core";

const docsDir = fileURLToPath(new URL(".", import.meta.url));
const fence = /```json (isl-request|isl-response)([^\n]*)\n([\s\S]*?)```/g;

interface Example {
  page: string;
  operation: string;
  request: unknown;
  response: Record<string, unknown>;
}

function examplesOf(page: string): Example[] {
  const text = readFileSync(`${docsDir}/${page}`, "utf8");
  const out: Example[] = [];
  let pending: { operation: string; request: unknown } | undefined;
  for (const m of text.matchAll(fence)) {
    const body = JSON.parse(m[3]!) as unknown;
    if (m[1] === "isl-request") pending = { operation: m[2]!.trim(), request: body };
    else if (pending) {
      out.push({ page, ...pending, response: body as Record<string, unknown> });
      pending = undefined;
    }
  }
  return out;
}

const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md"));
const examples = pages.flatMap(examplesOf);

describe("docs worked examples", () => {
  test("there are worked examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  test.each(examples.map((e, i) => [`${e.page} #${i} ${e.operation}`, e] as const))("%s", (_name, e) => {
    expect(isOperationId(e.operation)).toBe(true);
    const result = runOperation(e.operation as "causal/validate", e.request);
    expect(result).toMatchObject(e.response);
  });
});
