/** Operation id → client method path. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { camelCaseSegment, methodPath, type CamelCase } from "../src/index.js";

describe("camelCaseSegment", () => {
  it.each([
    ["validate", "validate"],
    ["run-batch", "runBatch"],
    ["what-if-now", "whatIfNow"],
    ["v2", "v2"],
    ["a--b", "aB"],
  ])("%s → %s", (segment, expected) => {
    expect(camelCaseSegment(segment)).toBe(expected);
  });

  it("agrees with the type-level CamelCase", () => {
    expectTypeOf<CamelCase<"what-if-now">>().toEqualTypeOf<"whatIfNow">();
    expectTypeOf<CamelCase<"a--b">>().toEqualTypeOf<"aB">();
    expectTypeOf<CamelCase<"validate">>().toEqualTypeOf<"validate">();
  });
});

describe("methodPath", () => {
  it.each([
    ["causal/validate", ["causal", "validate"]],
    ["robustness/analyze/v2", ["robustness", "analyze", "v2"]],
    ["what-if/run-batch", ["whatIf", "runBatch"]],
  ])("%s → %j", (id, path) => {
    expect(methodPath(id)).toEqual(path);
  });
});
