/**
 * Tests of the Fisher–Yates shuffle: permutation, typed arrays, uniformity over S₃ within 5 SE.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "./rng.js";
import { STANDARD_ERRORS } from "./statistical-checks.test-support.js";

describe("Rng.shuffle (Fisher–Yates)", () => {
  it.each([
    { items: [] as number[] },
    { items: [1] },
    { items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { items: ["a", "b", "c", "a"] },
  ])("permutes in place and keeps the multiset: $items", ({ items }) => {
    const copy = [...items];
    const result = createRng("shuffle").shuffle(copy);
    expect(result).toBe(copy);
    expect([...result].sort()).toEqual([...items].sort());
  });

  it("shuffles typed arrays", () => {
    const column = Float64Array.from([1, 2, 3, 4, 5]);
    createRng("typed").shuffle(column);
    expect(Array.from(column).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("all 6 permutations of 3 items are equally likely (each count within 5 SE)", () => {
    const trials = 60_000;
    const counts = new Map<string, number>();
    const rng = createRng("shuffle-uniform");
    for (let t = 0; t < trials; t++) {
      const key = rng.shuffle([0, 1, 2]).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Each count ~ Binomial(N, 1/6): SE = √(N·(1/6)·(5/6)).
    const se = Math.sqrt(trials * (1 / 6) * (5 / 6));
    for (const c of counts.values()) expect(Math.abs(c - trials / 6)).toBeLessThanOrEqual(STANDARD_ERRORS * se);
  });

  it("is reproducible for a seed", () => {
    const a = createRng(9).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = createRng(9).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).toEqual(b);
  });
});
