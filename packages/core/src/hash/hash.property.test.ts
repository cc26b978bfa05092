/**
 * Property tests (fast-check, seeded): key order never changes canonical JSON, hashes or seeds;
 * output is ASCII and round-trips; code-point comparison matches a brute-force reference.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, compareCodePoints } from "./canonical-json.js";
import { deriveSeed } from "./derive-seed.js";
import { canonicalHash } from "./sha256.js";

/** Rebuilds every object of `value` with its keys inserted in the order given by `order`. */
function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order));
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order(Object.keys(record))) {
    // NOTE: defineProperty keeps a "__proto__" key as an own member instead of setting the prototype.
    Object.defineProperty(out, key, { value: reorderKeys(record[key], order), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** JSON values without -0 (which JSON cannot carry) and with full Unicode strings. */
const jsonValue = fc.jsonValue({ maxDepth: 4, stringUnit: "binary" }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** Brute-force reference: compare arrays of code points lexicographically. */
function referenceCompare(a: string, b: string): number {
  const ca = Array.from(a, (ch) => ch.codePointAt(0) ?? 0);
  const cb = Array.from(b, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  return ca.length - cb.length;
}

describe("hash properties", () => {
  it("key insertion order changes neither canonical JSON, hash nor derived seed", () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), (value, reverse) => {
        const permuted = reorderKeys(value, (keys) => (reverse ? [...keys].reverse() : [...keys].sort().reverse()));
        expect(canonicalJson(permuted)).toBe(canonicalJson(value));
        expect(canonicalHash(permuted)).toBe(canonicalHash(value));
        expect(deriveSeed(permuted)).toEqual(deriveSeed(value));
      }),
      { seed: 180, numRuns: 300 },
    );
  });

  it("output is ASCII and parses back to the same data", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = canonicalJson(value);
        expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toEqual(value);
      }),
      { seed: 8259, numRuns: 300 },
    );
  });

  it("compareCodePoints agrees with a code-point array comparison", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(referenceCompare(a, b)));
      }),
      { seed: 10646, numRuns: 1000 },
    );
  });

  it("the request seed member never affects a derived seed", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.oneof(fc.constant(null), fc.constant(""), fc.double({ min: 0.1, max: 0.9 })), (body, badSeed) => {
        const withoutSeed = Object.fromEntries(Object.entries(body).filter(([k]) => k !== "seed"));
        expect(deriveSeed({ ...withoutSeed, seed: badSeed })).toEqual(deriveSeed(withoutSeed));
      }),
      { seed: 32, numRuns: 200 },
    );
  });
});
