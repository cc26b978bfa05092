/**
 * Tests of `sha256Words` against the hashing module's `sha256Hex` (@noble/hashes) on arbitrary
 * strings (fast-check, seeded; every Unicode plane, lone surrogates, lengths across the 55/56- and
 * 64-byte padding boundaries), and of the `Rng` state it seeds against the hex-key rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../hash/sha256.js";
import { streamKey } from "./seed-path.js";
import { sha256Words } from "./sha256-words.js";
import { xoshiro128StateFromDigest, xoshiro128StateFromKey } from "./xoshiro128.js";

const hex = (words: Int32Array): string => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, "0")).join("");

describe("sha256Words", () => {
  it.each([
    { text: "", digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { text: "abc", digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { text: "42/noise", digest: "5baa8fca5538e3c67ad9f821c2ccb1648c6c0fdccd5a049184d7a5d4ec7bd277" },
  ])("FIPS 180-4 / docs vector: $text", ({ text, digest }) => {
    expect(hex(sha256Words(text))).toBe(digest);
  });

  it("equals sha256Hex on arbitrary strings, including lengths around the padding boundaries", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.integer({ min: 50, max: 130 }).map((n) => "x".repeat(n)),
      fc.string({ maxLength: 40 }).map((s) => `${s}\ud800${s}\udfff`),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(hex(sha256Words(t))).toBe(sha256Hex(t));
      }),
      { seed: 256, numRuns: 2000 },
    );
  });

  it("xoshiro128StateFromDigest(sha256Words(p)) = xoshiro128StateFromKey(streamKey(p))", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (p) => {
        expect(Array.from(xoshiro128StateFromDigest(sha256Words(p)))).toEqual(Array.from(xoshiro128StateFromKey(streamKey(p))));
      }),
      { seed: 257, numRuns: 500 },
    );
  });

  it("an all-zero first half falls back to words 4–7, and an all-zero digest to s0 = 0x9e3779b9", () => {
    expect(Array.from(xoshiro128StateFromDigest(Int32Array.of(0, 0, 0, 0, 5, 6, 7, 8)))).toEqual([5, 6, 7, 8]);
    expect(Array.from(xoshiro128StateFromDigest(new Int32Array(8)))).toEqual([0x9e3779b9 | 0, 0, 0, 0]);
  });
});
