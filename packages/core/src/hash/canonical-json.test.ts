/**
 * Table-driven tests of canonical JSON: the upstream vectors, byte equality with CPython's
 * json.dumps(sort_keys=True, separators=(",", ":")), JavaScript-specific number rules and rejections.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { canonicalJson, CANONICAL_JSON_MAX_DEPTH, compareCodePoints, quoteAsciiJsonString } from "./canonical-json.js";

describe("canonicalJson: upstream vectors", () => {
  it.each([
    { value: { a: 1, b: 2 }, expected: '{"a":1,"b":2}' },
    { value: { b: 2, a: 1 }, expected: '{"a":1,"b":2}' },
    { value: { nested: { z: 26, a: 1 }, top: "value" }, expected: '{"nested":{"a":1,"z":26},"top":"value"}' },
    { value: { unicode: "café", emoji: "🚀" }, expected: '{"emoji":"\\ud83d\\ude80","unicode":"caf\\u00e9"}' },
    { value: { empty: {}, null: null, list: [1, 2, 3] }, expected: '{"empty":{},"list":[1,2,3],"null":null}' },
    { value: { z: 1, a: 2, m: 3 }, expected: '{"a":2,"m":3,"z":1}' },
  ])("canonicalJson($value) = $expected", ({ value, expected }) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe("canonicalJson: byte-identical to Python json.dumps(sort_keys=True, separators=(',', ':'))", () => {
  // Each expected string was produced by CPython 3 json.dumps with ensure_ascii=True (the default).
  it.each([
    { name: "control characters and DEL", value: { s: "\x00\x01\b\t\n\f\r\x1f\x7f" }, python: "{\"s\":\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\\u007f\"}" },
    { name: "quote, backslash, slash", value: { q: 'say "hi" \\ /path' }, python: "{\"q\":\"say \\\"hi\\\" \\\\ /path\"}" },
    { name: "Latin-1 in keys and values", value: { "k\u00e9y": "\u00fc\u00f1\u00ee" }, python: "{\"k\\u00e9y\":\"\\u00fc\\u00f1\\u00ee\"}" },
    { name: "high BMP and line separators", value: { x: "\uffff\ue000\u2028\u2029" }, python: "{\"x\":\"\\uffff\\ue000\\u2028\\u2029\"}" },
    { name: "astral characters as surrogate pairs", value: { x: "\u{1F600}\u{10000}\u{10FFFF}" }, python: "{\"x\":\"\\ud83d\\ude00\\ud800\\udc00\\udbff\\udfff\"}" },
    { name: "lone surrogates", value: { x: "a\ud800b\udc00" }, python: "{\"x\":\"a\\ud800b\\udc00\"}" },
    {
      name: "key order by code point (astral after U+FF01)",
      value: { "\uff01": 1, "\u{1F600}": 2, z: 3, "\u00e9": 4, "": 5, Z: 6, a: 7, aa: 8 },
      python: "{\"\":5,\"Z\":6,\"a\":7,\"aa\":8,\"z\":3,\"\\u00e9\":4,\"\\uff01\":1,\"\\ud83d\\ude00\":2}",
    },
    { name: "prefixes sort first", value: { b: 1, a: 2, ab: 3, "a\u0000": 4, A: 5 }, python: "{\"A\":5,\"a\":2,\"a\\u0000\":4,\"ab\":3,\"b\":1}" },
    {
      name: "nesting, literals, bigint",
      value: { list: [{ b: 1, a: [true, false, null] }, [], {}], n: -5, big: 12345678901234567890n },
      python: "{\"big\":12345678901234567890,\"list\":[{\"a\":[true,false,null],\"b\":1},[],{}],\"n\":-5}",
    },
  ])("$name", ({ value, python }) => {
    expect(canonicalJson(value)).toBe(python);
  });
});

describe("canonicalJson: JavaScript-specific rules", () => {
  it.each([
    { value: 1.0, expected: "1", note: "1.0 prints as 1 (Python prints 1.0)" },
    { value: -0, expected: "0", note: "-0 prints as 0 (Python prints -0.0)" },
    { value: 0.1, expected: "0.1", note: "shortest round-trip form" },
    { value: 1e21, expected: "1e+21", note: "exponent form from 1e21" },
    { value: 1.5e-7, expected: "1.5e-7", note: "small exponent form" },
    { value: "plain", expected: '"plain"', note: "top-level string" },
    { value: [1, undefined, 3], expected: "[1,null,3]", note: "undefined array element becomes null" },
    { value: { a: undefined, b: 1 }, expected: '{"b":1}', note: "undefined member omitted" },
    { value: { d: { toJSON: () => "2024-01-01" } }, expected: '{"d":"2024-01-01"}', note: "toJSON honoured" },
    { value: Object.assign(Object.create(null) as object, { y: 1, x: 2 }), expected: '{"x":2,"y":1}', note: "null-prototype object" },
  ])("$note", ({ value, expected }) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("keeps the same object reached twice without a cycle", () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"k":1},"b":[{"k":1}]}');
  });
});

describe("canonicalJson: rejected values", () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  let deep: unknown = 0;
  for (let i = 0; i <= CANONICAL_JSON_MAX_DEPTH; i++) deep = [deep];

  it.each([
    { name: "NaN", value: { x: Number.NaN }, message: /\$\.x is NaN/ },
    { name: "Infinity", value: [1, Infinity], message: /\$\[1\] is Infinity/ },
    { name: "-Infinity", value: -Infinity, message: /\$ is -Infinity/ },
    { name: "top-level undefined", value: undefined, message: /is undefined/ },
    { name: "function member", value: { f: () => 1 }, message: /\$\.f is function/ },
    { name: "symbol", value: Symbol("s"), message: /is symbol/ },
    { name: "Map", value: { m: new Map([["a", 1]]) }, message: /instance of Map/ },
    { name: "typed array", value: Float64Array.of(1), message: /instance of Float64Array/ },
    { name: "cycle", value: cyclic, message: /circular reference/ },
    { name: "too deep", value: deep, message: /nested deeper than 1000/ },
  ])("$name → ISL_INVALID_INPUT", ({ value, message }) => {
    let caught: unknown;
    try {
      canonicalJson(value);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IslError);
    expect((caught as IslError).code).toBe("ISL_INVALID_INPUT");
    expect((caught as IslError).message).toMatch(message);
  });
});

describe("compareCodePoints", () => {
  it.each([
    { a: "a", b: "b", sign: -1 },
    { a: "b", b: "a", sign: 1 },
    { a: "a", b: "a", sign: 0 },
    { a: "", b: "a", sign: -1 },
    { a: "a", b: "ab", sign: -1 },
    // UTF-16 order says U+1F600 (0xD83D…) < U+FF01; code-point order says the reverse.
    { a: "\uff01", b: "\u{1F600}", sign: -1 },
    { a: "\u{1F600}", b: "\uff01", sign: 1 },
    { a: "\u{1F600}", b: "\u{1F601}", sign: -1 },
    { a: "\u{10000}", b: "\uffff", sign: 1 },
    // Lone high surrogate (code point U+D83D) sorts below U+E000, as in Python.
    { a: "\ud83d", b: "\ue000", sign: -1 },
    { a: "\ud83d\ue000", b: "\u{1F600}", sign: -1 },
    { a: "x\ud83d", b: "x\u{1F600}", sign: -1 },
  ])("compare($a, $b) has sign $sign", ({ a, b, sign }) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});

describe("quoteAsciiJsonString", () => {
  it.each([
    { text: "", expected: '""' },
    { text: "abc", expected: '"abc"' },
    { text: "~\x7f", expected: '"~\\u007f"' },
    { text: "\u0100", expected: '"\\u0100"' },
  ])("quote($text) = $expected", ({ text, expected }) => {
    expect(quoteAsciiJsonString(text)).toBe(expected);
  });
});
