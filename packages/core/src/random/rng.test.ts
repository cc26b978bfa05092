/**
 * Tests of `Rng`: reproducibility, pinned xoshiro128** outputs keyed by SHA-256, 53-bit uniforms, and
 * fork independence and stability.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { createRng, Rng } from "./rng.js";
import { streamKey } from "./seed-path.js";
import { referenceStateFromKey, referenceXoshiro128Words } from "./xoshiro128-reference.test-support.js";

/** First `n` uniforms of a stream. */
function draws(rng: Rng, n = 8): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe("createRng: reproducibility", () => {
  it.each([{ seed: 42 }, { seed: 0 }, { seed: -1 }, { seed: 3617662960 }, { seed: "run-1" }, { seed: "é/🚀" }])(
    "same seed ⇒ identical sequence ($seed)",
    ({ seed }) => {
      expect(draws(createRng(seed), 64)).toEqual(draws(createRng(seed), 64));
    },
  );

  it.each([
    { a: 1, b: 2 },
    { a: "a", b: "b" },
    { a: 42, b: "43" },
    { a: "x", b: "x " },
  ])("different seeds ⇒ different sequences ($a vs $b)", ({ a, b }) => {
    expect(draws(createRng(a))).not.toEqual(draws(createRng(b)));
  });

  it("an integer seed and its decimal string name the same stream", () => {
    expect(createRng(42).seedPath).toBe("42");
    expect(draws(createRng(42))).toEqual(draws(createRng("42")));
  });

  it("is pinned to xoshiro128** seeded with SHA-256 of the seed path (checked against a BigInt reference)", () => {
    // sha256("42") = 73475cb40a568e8da8a045ced110137e…: state (0x73475cb4, 0x0a568e8d, 0xa8a045ce,
    // 0xd110137e). A change here changes every seeded result ISL produces.
    const key = "73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049";
    const words = referenceXoshiro128Words(referenceStateFromKey(key), 5);
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(words.slice(0, 3));
    const expectedNext = ((words[3]! >>> 5) * 2 ** 26 + (words[4]! >>> 6)) / 2 ** 53;
    expect(rng.next()).toBe(expectedNext);
    // The same pin as literals (also computed with a Python transcription of the step).
    expect(words).toEqual([2609341793, 467351020, 143278678, 2250002679, 553722792]);
  });

  it("agrees with the BigInt reference over 10,000 words, through next() and fillUniform", () => {
    const words = referenceXoshiro128Words(referenceStateFromKey(streamKey("42/long")), 10_000);
    const scalar = createRng(42).fork("long");
    const fromNext = Array.from({ length: 2500 }, () => scalar.next());
    const fromFill = Array.from(createRng(42).fork("long").fillUniform(new Float64Array(2500)));
    const expected = Array.from({ length: 2500 }, (_, i) => ((words[2 * i]! >>> 5) * 2 ** 26 + (words[2 * i + 1]! >>> 6)) / 2 ** 53);
    expect(fromNext).toEqual(expected);
    expect(fromFill).toEqual(expected);
    expect(Array.from({ length: 5000 }, () => scalar.nextUint32())).toEqual(words.slice(5000));
  });

  it.each([{ seed: Number.NaN }, { seed: Infinity }, { seed: "" }, { seed: null as unknown as number }, { seed: {} as unknown as number }])(
    "rejects seed $seed with ISL_INVALID_INPUT",
    ({ seed }) => {
      expect(() => createRng(seed)).toThrowError(IslError);
      expect(() => createRng(seed)).toThrowError(/seed must be a finite number or a non-empty string/);
    },
  );
});

describe("Rng.next and nextUint32", () => {
  it("next() is in [0, 1) and a multiple of 2^-53", () => {
    const rng = createRng("bits");
    for (let i = 0; i < 10_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      expect(Number.isInteger(u * 2 ** 53)).toBe(true);
    }
  });

  it("next() uses more than 32 bits of resolution", () => {
    const rng = createRng("resolution");
    const fine = draws(rng, 1000).filter((u) => !Number.isInteger(u * 2 ** 32));
    // A 32-bit uniform would never leave a remainder below 2^-32; with 53 bits, almost all do.
    expect(fine.length).toBeGreaterThan(990);
  });

  it("nextUint32() is an integer in [0, 2^32)", () => {
    const rng = createRng("words");
    for (let i = 0; i < 10_000; i++) {
      const w = rng.nextUint32();
      expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
    }
  });
});

describe("column fills (fused kernels) and scalar draws", () => {
  it.each([{ n: 100_000 }, { n: 0 }, { n: 1 }])("fillNormal of $n uses the four-lane layout: 20 parent words when n ≥ 1, none when n = 0", ({ n }) => {
    // The values themselves are checked against an independent reference in normal-lanes.test.ts.
    const filled = createRng("fill-advance");
    const column = filled.fillNormal(new Float64Array(n), 0.5, 2);
    const scalar = createRng("fill-advance");
    for (let i = 0; i < (n === 0 ? 0 : 20); i++) scalar.nextUint32();
    expect(column.length).toBe(n);
    expect(draws(filled, 4)).toEqual(draws(scalar, 4));
  });

  it("fillUniform leaves the stream where the same count of next() calls would", () => {
    const filled = createRng("uniform-state");
    filled.fillUniform(new Float64Array(1001));
    const scalar = createRng("uniform-state");
    draws(scalar, 1001);
    expect(filled.nextUint32()).toBe(scalar.nextUint32());
  });

  it("interleaved fills and scalar draws stay in step", () => {
    const a = createRng("interleave");
    const b = createRng("interleave");
    // A normal or lognormal fill of n ≥ 1 values takes 20 words (the four-lane layout's seeds).
    const skip20 = (r: Rng): void => {
      for (let i = 0; i < 20; i++) r.nextUint32();
    };
    a.fillNormal(new Float64Array(3));
    const fromFills = [a.next(), ...a.fillUniform(new Float64Array(2)), a.normal()];
    a.fillLognormal(new Float64Array(2));
    fromFills.push(a.next());
    skip20(b);
    const fromScalars = [b.next(), b.next(), b.next(), b.normal()];
    skip20(b);
    fromScalars.push(b.next());
    expect(fromFills).toEqual(fromScalars);
  });
});

describe("Rng.fork", () => {
  it.each([
    { seed: 42, names: ["noise"], path: "42/noise" },
    { seed: "run", names: ["a", "b"], path: "run/a/b" },
    { seed: "x/y", names: ["a/b"], path: "x%2Fy/a%2Fb" },
    { seed: 1, names: ["100%"], path: "1/100%25" },
  ])("seedPath of $seed → $names is $path", ({ seed, names, path }) => {
    let rng = createRng(seed);
    for (const name of names) rng = rng.fork(name);
    expect(rng.seedPath).toBe(path);
  });

  it("fork draws do not depend on draws made on the parent", () => {
    const fresh = createRng(7).fork("a");
    const parent = createRng(7);
    draws(parent, 100);
    expect(draws(parent.fork("a"))).toEqual(draws(fresh));
  });

  it("fork('a') is unaffected by draws on fork('b')", () => {
    const root = createRng(7);
    const expected = draws(root.fork("a"));
    const b = root.fork("b");
    draws(b, 1000);
    expect(draws(root.fork("a"))).toEqual(expected);
  });

  it("forks differ from each other and from the parent", () => {
    const root = createRng(7);
    const seqs = [draws(root.fork("a")), draws(root.fork("b")), draws(createRng(7)), draws(root.fork("a").fork("a"))];
    for (let i = 0; i < seqs.length; i++) for (let j = i + 1; j < seqs.length; j++) expect(seqs[i]).not.toEqual(seqs[j]);
  });

  it("escaping keeps fork('a/b') distinct from fork('a').fork('b')", () => {
    const root = createRng(7);
    expect(draws(root.fork("a/b"))).not.toEqual(draws(root.fork("a").fork("b")));
  });

  it("the same name forked twice gives the same stream", () => {
    const root = createRng(7);
    expect(draws(root.fork("noise"))).toEqual(draws(root.fork("noise")));
  });

  it.each([{ name: "" }, { name: 3 as unknown as string }])("rejects fork name $name", ({ name }) => {
    expect(() => createRng(1).fork(name)).toThrowError(/fork: name must be a non-empty string/);
  });
});
