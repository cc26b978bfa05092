/**
 * Tests of request seed derivation, including the worked example quoted in docs/determinism.md.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { canonicalJson } from "./canonical-json.js";
import { deriveSeed } from "./derive-seed.js";
import { canonicalHash } from "./sha256.js";

describe("deriveSeed: worked example (docs/determinism.md)", () => {
  it("derives 3617662960 from the request without its seed", () => {
    const request = { treatment: "X", outcome: "Y", samples: 1000, seed: null };
    // Step 1: drop `seed` (null is not a usable seed) and canonicalise.
    expect(canonicalJson({ treatment: "X", outcome: "Y", samples: 1000 })).toBe('{"outcome":"Y","samples":1000,"treatment":"X"}');
    // Step 2: SHA-256 of the canonical text (python: hashlib.sha256(text.encode()).hexdigest()).
    expect(canonicalHash({ treatment: "X", outcome: "Y", samples: 1000 })).toBe(
      "d7a127f07957296b0e086e86094f871962d72435aa978c344840daec13b4170d",
    );
    // Step 3: the first 8 hex digits as an unsigned 32-bit integer: 0xd7a127f0 = 3617662960.
    expect(0xd7a127f0).toBe(3617662960);
    expect(deriveSeed(request)).toEqual({ seed: 3617662960, source: "derived" });
  });
});

describe("deriveSeed: rule", () => {
  it.each([
    { request: { seed: 42, n: 1 }, expected: { seed: 42, source: "request" } },
    { request: { seed: 0 }, expected: { seed: 0, source: "request" } },
    { request: { seed: -7 }, expected: { seed: -7, source: "request" } },
    { request: { seed: "run-1" }, expected: { seed: "run-1", source: "request" } },
  ])("uses a usable request seed as given: $request", ({ request, expected }) => {
    expect(deriveSeed(request)).toEqual(expected);
  });

  it.each([
    { request: { seed: 1.5, n: 1 }, why: "non-integer" },
    { request: { seed: "", n: 1 }, why: "empty string" },
    { request: { seed: null, n: 1 }, why: "null" },
    { request: { seed: Number.NaN, n: 1 }, why: "NaN" },
    { request: { seed: [1], n: 1 }, why: "array" },
  ])("derives when the seed is unusable ($why), ignoring the seed member", ({ request }) => {
    const derived = deriveSeed(request);
    expect(derived.source).toBe("derived");
    expect(derived).toEqual(deriveSeed({ n: 1 }));
  });

  it.each([
    { request: { n: 1 } },
    { request: [1, 2, 3] },
    { request: "text" },
    { request: null },
    { request: { nested: { seed: 5 } } },
  ])("derived seeds are unsigned 32-bit integers: $request", ({ request }) => {
    const { seed, source } = deriveSeed(request);
    expect(source).toBe("derived");
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThanOrEqual(0xffffffff);
    expect(seed).toBe(Number.parseInt(canonicalHash(request).slice(0, 8), 16));
  });

  it("only the top-level seed member is special", () => {
    expect(deriveSeed({ nested: { seed: 5 } })).not.toEqual(deriveSeed({ nested: {} }));
  });

  it("rejects requests with no canonical form", () => {
    expect(() => deriveSeed({ x: Number.NaN })).toThrowError(IslError);
  });
});
