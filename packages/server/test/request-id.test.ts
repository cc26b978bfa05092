/** Request-id sanitisation. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRequestId, isSafeRequestId, MAX_REQUEST_ID_LENGTH, resolveRequestId } from "../src/index.js";

describe("resolveRequestId", () => {
  it.each([
    [{ "x-request-id": "abc-123" }, "abc-123"],
    [{ "x-trace-id": "t:1" }, "t:1"],
    [{ "x-request-id": "ok.1", "x-trace-id": "t:1" }, "ok.1"],
    [{ "x-request-id": "bad id", "x-trace-id": "t:1" }, "t:1"],
    [{ "x-request-id": ["first", "second"] }, "first"],
    [{ "x-request-id": "a".repeat(MAX_REQUEST_ID_LENGTH) }, "a".repeat(MAX_REQUEST_ID_LENGTH)],
  ])("%j → %s", (headers, expected) => {
    expect(resolveRequestId(headers)).toBe(expected);
  });

  it.each([[{}], [{ "x-request-id": "" }], [{ "x-request-id": "a".repeat(MAX_REQUEST_ID_LENGTH + 1) }], [{ "x-request-id": "<script>" }]])(
    "generates an id for %j",
    (headers) => {
      expect(resolveRequestId(headers)).toMatch(/^req_[0-9a-f]{16}$/);
    },
  );

  it("always yields a safe id, whatever the headers", () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 200 })), fc.option(fc.string({ maxLength: 200 })), (requestId, traceId) => {
        const headers: Record<string, string> = {};
        if (requestId !== null) headers["x-request-id"] = requestId;
        if (traceId !== null) headers["x-trace-id"] = traceId;
        const id = resolveRequestId(headers);
        expect(isSafeRequestId(id)).toBe(true);
        if (requestId !== null && isSafeRequestId(requestId.trim())) expect(id).toBe(requestId.trim());
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });

  it("generates distinct ids", () => {
    expect(generateRequestId()).not.toBe(generateRequestId());
  });
});
