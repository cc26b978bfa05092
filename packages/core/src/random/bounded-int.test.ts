/**
 * Tests of unbiased bounded integers: scripted sources show the rejection step; counts and means
 * within 5 SE show uniformity.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { boundedInt } from "./bounded-int.js";
import type { RandomSource } from "./random-source.js";
import { createRng } from "./rng.js";
import { STANDARD_ERRORS } from "./statistical-checks.test-support.js";

/** A scripted source: returns the given 32-bit words / uniforms in order. */
function scripted(words: number[], uniforms: number[] = []): RandomSource & { used: () => number } {
  let w = 0;
  let u = 0;
  return {
    nextUint32: () => words[w++] ?? 0,
    next: () => uniforms[u++] ?? 0,
    used: () => w + u,
  };
}

describe("boundedInt: rejection removes modulo bias", () => {
  it.each([
    // 2³² mod 3 = 1, so the limit is 2³² − 1 and the single word 4294967295 is rejected.
    { n: 3, words: [4294967295, 5], expected: 2, draws: 2 },
    { n: 3, words: [4294967294], expected: 4294967294 % 3, draws: 1 },
    // 2³² mod 10 = 6: words ≥ 4294967290 are rejected.
    { n: 10, words: [4294967290, 4294967295, 4294967289], expected: 9, draws: 3 },
    // 2³² is a multiple of 2³²: nothing is rejected and the word is returned as is.
    { n: 2 ** 32, words: [4294967295], expected: 4294967295, draws: 1 },
    { n: 1, words: [123], expected: 0, draws: 1 },
  ])("n = $n, words $words → $expected after $draws draws", ({ n, words, expected, draws }) => {
    const source = scripted(words);
    expect(boundedInt(source, n)).toBe(expected);
    expect(source.used()).toBe(draws);
  });

  it("uses 53-bit words above 2³²: rejects w ≥ 2⁵³ − (2⁵³ mod n)", () => {
    const n = 2 ** 52 + 1;
    // 2⁵³ = 2n − 2, so 2⁵³ mod n = n − 2 and the limit is n: any w ≥ n is rejected.
    const limit = 2 ** 53 - (2 ** 53 % n);
    expect(limit).toBe(n);
    const source = scripted([], [(limit + 2) / 2 ** 53, 0.25]);
    expect(boundedInt(source, n)).toBe((0.25 * 2 ** 53) % n);
    expect(source.used()).toBe(2);
  });
});

describe("Rng.int", () => {
  it("n = 7: each value's count within 5 SE of N/7", () => {
    const draws = 70_000;
    const counts = new Array<number>(7).fill(0);
    const rng = createRng("int-7");
    for (let i = 0; i < draws; i++) counts[rng.int(7)]! += 1;
    // Each count ~ Binomial(N, 1/7): SE = √(N·(1/7)·(6/7)).
    const se = Math.sqrt(draws * (1 / 7) * (6 / 7));
    for (const c of counts) expect(Math.abs(c - draws / 7)).toBeLessThanOrEqual(STANDARD_ERRORS * se);
  });

  it("n = 2³⁵: mean within 5 SE of (n − 1)/2 and every draw an integer in range", () => {
    const n = 2 ** 35;
    const draws = 20_000;
    const rng = createRng("int-large");
    let sum = 0;
    for (let i = 0; i < draws; i++) {
      const k = rng.int(n);
      expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      sum += k;
    }
    // Discrete uniform on [0, n): variance (n² − 1)/12, so SE(mean) = √((n² − 1)/12/N).
    const se = Math.sqrt((n * n - 1) / 12 / draws);
    expect(Math.abs(sum / draws - (n - 1) / 2)).toBeLessThanOrEqual(STANDARD_ERRORS * se);
  });

  it.each([{ n: 0 }, { n: -3 }, { n: 2.5 }, { n: 2 ** 53 + 2 }, { n: Number.NaN }])("rejects n = $n", ({ n }) => {
    expect(() => createRng(1).int(n)).toThrowError(IslError);
    expect(() => createRng(1).int(n)).toThrowError(/n must be an integer in \[1, 2\^53\]/);
  });
});
