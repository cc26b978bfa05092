/**
 * The byte-bounded LRU: examples, then a property test against a naive reference (an array in
 * recency order whose byte total is recomputed from scratch after every operation).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteLruCache, entryBytes } from "../src/byte-lru.js";

describe("ByteLruCache", () => {
  it("evicts the least recently used entries to stay within the byte budget", () => {
    const cache = new ByteLruCache({ maxBytes: 30, maxEntryBytes: 30 });
    cache.set("a", "123456789"); // 10 bytes
    cache.set("b", "123456789");
    cache.set("c", "123456789");
    expect(cache.get("a")).toBe("123456789"); // a is now most recent
    cache.set("d", "123456789");
    expect(cache.has("b")).toBe(false);
    expect(cache.has("a") && cache.has("c") && cache.has("d")).toBe(true);
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 30, evictions: 1 });
  });

  it("counts UTF-8 bytes, not UTF-16 code units", () => {
    expect(entryBytes("k", "é")).toBe(3);
    expect(entryBytes("", "😀")).toBe(4);
  });

  it("refuses entries over maxEntryBytes (default a quarter of the budget) without evicting anything", () => {
    const cache = new ByteLruCache({ maxBytes: 100 });
    cache.set("a", "x".repeat(10));
    expect(cache.set("big", "x".repeat(30))).toBe(false);
    expect(cache.has("a")).toBe(true);
    expect(cache.stats()).toMatchObject({ rejected: 1, maxEntryBytes: 25, entries: 1 });
  });

  it("drops expired entries when read", () => {
    let t = 0;
    const cache = new ByteLruCache({ maxBytes: 100, now: () => t });
    cache.set("a", "1", 1000);
    t = 999;
    expect(cache.get("a")).toBe("1");
    t = 1000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, expirations: 1 });
  });

  it("replacing a key updates its size", () => {
    const cache = new ByteLruCache({ maxBytes: 100 });
    cache.set("a", "12345");
    cache.set("a", "1");
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 2 });
    expect(() => new ByteLruCache({ maxBytes: -1 })).toThrow(/maxBytes/);
  });
});

type Op = { kind: "set"; key: string; value: string } | { kind: "get"; key: string };

describe("ByteLruCache against a naive reference", () => {
  it("holds the same entries in the same recency order after any sequence of operations", () => {
    const key = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), key, value: fc.string({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant("get" as const), key }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.array(op, { maxLength: 80 }), (maxBytes, entryLimit, ops: Op[]) => {
        const maxEntryBytes = Math.min(entryLimit, maxBytes);
        const cache = new ByteLruCache({ maxBytes, maxEntryBytes });
        let reference: { key: string; value: string }[] = []; // least recent first
        const size = (e: { key: string; value: string }): number => new TextEncoder().encode(e.key).length + new TextEncoder().encode(e.value).length;
        for (const o of ops) {
          if (o.kind === "get") {
            const found = reference.find((e) => e.key === o.key);
            expect(cache.get(o.key)).toBe(found?.value);
            if (found) reference = [...reference.filter((e) => e.key !== o.key), found];
          } else {
            reference = reference.filter((e) => e.key !== o.key);
            const entry = { key: o.key, value: o.value };
            const stored = size(entry) <= maxEntryBytes;
            expect(cache.set(o.key, o.value)).toBe(stored);
            if (stored) {
              while (reference.reduce((s, e) => s + size(e), 0) + size(entry) > maxBytes) reference.shift();
              reference.push(entry);
            }
          }
          const total = reference.reduce((s, e) => s + size(e), 0);
          expect(cache.stats()).toMatchObject({ entries: reference.length, bytes: total });
          expect(total).toBeLessThanOrEqual(maxBytes);
        }
        for (const e of reference) expect(cache.has(e.key)).toBe(true);
      }),
      { seed: 5150, numRuns: 300 },
    );
  });
});
