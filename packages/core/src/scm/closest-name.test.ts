/**
 * "Did you mean": edit distance against a brute-force recursive definition on short strings, and
 * the suggestion rules (bound, case, ties).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./closest-name.js";

/** Levenshtein distance by its recursive definition (exponential; short strings only). */
function bruteForceDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const cost = a[0] === b[0] ? 0 : 1;
  return Math.min(bruteForceDistance(a.slice(1), b) + 1, bruteForceDistance(a, b.slice(1)) + 1, bruteForceDistance(a.slice(1), b.slice(1)) + cost);
}

describe("closest names", () => {
  it("computes Levenshtein distance", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(bruteForceDistance(a, b));
      }),
      { seed: 77, numRuns: 400 },
    );
  });

  it("suggests only close names, preferring case-insensitive matches and then name order", () => {
    expect(closestName("Prise", ["Brand", "Price"])).toBe("Price");
    expect(closestName("price", ["Prices", "Price"])).toBe("Price");
    expect(closestName("Zeta", ["Brand", "Price"])).toBeUndefined();
    expect(closestName("ab", ["ac", "ad", "aa"])).toBe("aa");
    expect(closestName("Price", ["Price"])).toBeUndefined();
    expect(closestName("sqr", ["sqrt", "exp"])).toBe("sqrt");
  });
});
