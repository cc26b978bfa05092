import { describe, expect, test } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { reservedKeyPaths } from "./reserved-keys.js";
import { runOperation } from "./run.js";

describe("reserved keys", () => {
  test("finds __proto__ own keys from JSON anywhere, with their paths", () => {
    const input = JSON.parse('{"a": {"__proto__": 1}, "b": [{"c": 2}, {"__proto__": {"x": 1}}], "constructor": 3}');
    expect(reservedKeyPaths(input)).toEqual(["body.a.__proto__", "body.b.1.__proto__"]);
    expect(reservedKeyPaths({ a: 1, b: [1, 2, { c: null }] })).toEqual([]);
  });

  test("deep nesting does not overflow the stack", () => {
    let text = '{"__proto__": 0}';
    for (let i = 0; i < 50_000; i++) text = `[${text}]`;
    expect(reservedKeyPaths(JSON.parse(text), 1)).toHaveLength(1);
  });

  test("an operation refuses __proto__ with a 422 naming the path instead of dropping it", () => {
    const request = JSON.parse('{"model": {"variables": [], "equations": {"Y": "2*x"}, "distributions": {}}, "intervention": {"__proto__": 5}, "outcome": "Y"}');
    const error = expectIslError(() => runOperation("causal/counterfactual", request), "ISL_VALIDATION_ERROR");
    expect(error.validationFailures).toEqual(["body.intervention.__proto__: '__proto__' is reserved and cannot be a variable, node or field name"]);
  });
});
