import { describe, expect, test } from "vitest";
import { ERROR_CODES, findOperation, isOperationId, operations } from "@olumi/contracts";

describe("operation table", () => {
  test("ids are unique, sorted, and paths are /api/v1/<id>", () => {
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const op of operations) {
      expect(op.path).toBe(`/api/v1/${op.id}`);
      expect(op.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/);
    }
  });

  test.each(operations.map((op) => [op.id, op] as const))("%s: example parses, metadata and docs are present", (_id, op) => {
    expect(op.request.safeParse(op.example).success).toBe(true);
    expect(op.summary.length).toBeGreaterThan(10);
    expect(op.description.length).toBeGreaterThan(op.summary.length);
    expect(op.tags.length).toBeGreaterThan(0);
    if (op.metric) expect(op.metric).toMatch(/^isl_[a-z_]+_total$/);
  });

  test("lookup", () => {
    expect(findOperation("causal/validate")?.id).toBe("causal/validate");
    expect(findOperation("causal/nope")).toBeUndefined();
    expect(isOperationId("causal/validate")).toBe(true);
    expect(isOperationId("x")).toBe(false);
  });

  test("error codes: statuses and names", () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^ISL_[A-Z_]+$/);
      expect([400, 401, 404, 405, 413, 422, 429, 500, 503, 504]).toContain(entry.status);
      expect(entry.retryable).toBe(entry.status === 429 || entry.status >= 500);
    }
  });
});
