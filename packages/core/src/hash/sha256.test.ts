/**
 * Table-driven tests of SHA-256 (FIPS 180-4 examples) and the upstream canonical-hash vectors.
 */
import { describe, expect, it } from "vitest";
import { canonicalHash, payloadHash, sha256Hex } from "./sha256.js";

describe("sha256Hex", () => {
  it.each([
    // FIPS 180-4 examples.
    { input: "", expected: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { input: "abc", expected: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { input: new Uint8Array([0x61, 0x62, 0x63]), expected: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    // UTF-8 encoding of "é" is c3 a9 (python: hashlib.sha256("é".encode()).hexdigest()).
    { input: "é", expected: "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c" },
  ])("sha256Hex($input)", ({ input, expected }) => {
    expect(sha256Hex(input)).toBe(expected);
  });
});

describe("canonicalHash: upstream vectors", () => {
  it.each([
    { value: { a: 1, b: 2 }, hash: "43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777" },
    { value: { b: 2, a: 1 }, hash: "43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777" },
    { value: { nested: { z: 26, a: 1 }, top: "value" }, hash: "364c86da6b8b2ac24d66ae42e5f710f052d830a519c681f3af90f732c24afeb5" },
    { value: { unicode: "café", emoji: "🚀" }, hash: "a60b496b50428850cf1d441bfa50cc3f267b1944ddfe128bdbae5e4ce6bf081c" },
    { value: { empty: {}, null: null, list: [1, 2, 3] }, hash: "c5faec7dedb631c6ed1d2d959558196001a15e106a75673cca487028a03f5a6d" },
  ])("canonicalHash($value) = $hash", ({ value, hash }) => {
    expect(canonicalHash(value)).toBe(hash);
    expect(payloadHash(value)).toBe(hash.slice(0, 12));
  });

  it("hashes a string as given, not as its JSON literal", () => {
    expect(canonicalHash('{"a":1,"b":2}')).toBe("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
    expect(canonicalHash("abc")).toBe(sha256Hex("abc"));
    expect(canonicalHash("abc")).not.toBe(sha256Hex('"abc"'));
  });

  it("payloadHash is 12 lowercase hex characters", () => {
    expect(payloadHash({ any: ["thing"] })).toMatch(/^[0-9a-f]{12}$/);
  });
});
