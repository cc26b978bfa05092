/**
 * `Rng`: a seeded stream of random numbers with named, independent forks and the samplers ISL uses
 * (scalar and column-filling). The generator is xoshiro128**, implemented here with its 128-bit
 * state in one Int32Array per stream (no per-instance closures, so every call site that draws from
 * an `Rng` stays monomorphic however many streams exist); the state is the SHA-256 of the stream's
 * seed path. Uniforms carry 53 random bits built from two 32-bit words.
 * Complexity: O(1) per scalar draw, O(n) per column fill with no allocation; fork O(path length).
 * Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4) (2021); docs/determinism.md for the seed and fork rules.
 */
import { fillUniformColumn } from "./column-kernels.js";
import { fillNormalLanes, seedNormalLanes, type NormalLaneStates } from "./normal-lanes.js";
import { IslError } from "../errors.js";
import { betaFromGammas } from "./beta.js";
import { boundedInt } from "./bounded-int.js";
import { standardGamma } from "./gamma.js";
import { bernoulliTrial, exponentialScale, triangularInverse, uniformBetween } from "./inverse-transform.js";
import { checkColumn, checkInterval, checkLocationScale, checkPositive, checkProbability, checkTriangular } from "./parameters.js";
import type { RandomSource } from "./random-source.js";
import { childSeedPath, rootSeedPath } from "./seed-path.js";
import { sha256Words } from "./sha256-words.js";
import { fisherYatesShuffle, type MutableSequence } from "./shuffle.js";
import { xoshiro128StateFromDigest } from "./xoshiro128.js";
import { standardNormal } from "./ziggurat-normal.js";

const TWO_POW_53 = 9007199254740992;
const INV_TWO_POW_53 = 1 / TWO_POW_53;

/** Throws ISL_INVALID_INPUT for a bad integer bound. */
function invalidBound(method: string, n: unknown): never {
  throw new IslError("ISL_INVALID_INPUT", `${method}: n must be an integer in [1, 2^53] (got ${String(n)})`, {
    details: { method, argument: "n", value: String(n) },
    recovery: { hints: ["Pass the number of alternatives, e.g. rng.int(array.length)."], suggestion: "Use a positive integer bound." },
  });
}

/**
 * A deterministic random stream. Create one with {@link createRng}; derive independent sub-streams
 * with {@link Rng.fork}. Not safe to share between concurrent consumers that must stay reproducible:
 * give each consumer its own fork.
 */
export class Rng implements RandomSource {
  /** Path that identifies this stream: the escaped root seed, then "/"-separated fork names. */
  readonly seedPath: string;
  /** xoshiro128** state s0 … s3 (signed 32-bit words), advanced by every draw. */
  private readonly state: Int32Array;

  /**
   * Builds the stream for a seed path (use {@link createRng} or {@link Rng.fork} instead).
   *
   * @param seedPath - Escaped seed path; the generator state is SHA-256 of it.
   */
  constructor(seedPath: string) {
    this.seedPath = seedPath;
    // Same state as xoshiro128StateFromKey(streamKey(seedPath)), without the hex round trip (tested).
    this.state = xoshiro128StateFromDigest(sha256Words(seedPath));
  }

  /**
   * Independent sub-stream named `name`. Its seed depends only on this stream's seed path and the
   * name, never on how many numbers have been drawn, so `rng.fork("noise")` yields the same
   * sequence wherever it is called, and draws elsewhere do not shift it. Forking the same name
   * twice gives two streams with identical sequences.
   *
   * @param name - Non-empty name; "/" and "%" are escaped in the path.
   * @returns A new `Rng` with seed path `${seedPath}/${name}`.
   * @throws IslError ISL_INVALID_INPUT if `name` is not a non-empty string.
   */
  fork(name: string): Rng {
    return new Rng(childSeedPath(this.seedPath, name));
  }

  /** Next uniform integer in [0, 2³²). */
  nextUint32(): number {
    // One xoshiro128** step, as in xoshiro128Next (xoshiro128.ts), inlined.
    const state = this.state;
    const s0 = state[0]!;
    const s1 = state[1]!;
    const s2 = state[2]! ^ s0;
    const s3 = state[3]! ^ s1;
    const m = Math.imul(s1, 5);
    state[0] = s0 ^ s3;
    state[1] = s1 ^ s2;
    state[2] = s2 ^ (s1 << 9);
    state[3] = (s3 << 11) | (s3 >>> 21);
    return Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  }

  /** Next uniform double in [0, 1) with 53 random bits (a multiple of 2⁻⁵³). */
  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * INV_TWO_POW_53;
  }

  /**
   * Uniform on [min, max) (max itself only through rounding).
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless min ≤ max are finite with finite width.
   */
  uniform(min = 0, max = 1): number {
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max && Number.isFinite(max - min))) checkInterval("uniform", min, max);
    return uniformBetween(this, min, max);
  }

  /**
   * Normal with mean `mean` and standard deviation `sd` (ziggurat method).
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless mean is finite and sd is finite and ≥ 0.
   */
  normal(mean = 0, sd = 1): number {
    if (!(Number.isFinite(mean) && Number.isFinite(sd) && sd >= 0)) checkLocationScale("normal", "mean", mean, "sd", sd);
    return mean + sd * standardNormal(this);
  }

  /**
   * Log-normal: exp(N(mu, sigma)); `mu` and `sigma` are the mean and sd of the underlying normal.
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless mu is finite and sigma is finite and ≥ 0.
   */
  lognormal(mu = 0, sigma = 1): number {
    if (!(Number.isFinite(mu) && Number.isFinite(sigma) && sigma >= 0)) checkLocationScale("lognormal", "mu", mu, "sigma", sigma);
    return Math.exp(mu + sigma * standardNormal(this));
  }

  /**
   * Gamma with shape k and scale θ (mean kθ, variance kθ²), Marsaglia–Tsang.
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless shape > 0 and scale > 0 are finite.
   */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0 && scale > 0 && Number.isFinite(shape) && Number.isFinite(scale))) checkPositive("gamma", { shape, scale });
    return scale * standardGamma(this, shape);
  }

  /**
   * Beta(alpha, beta) on [0, 1], from two gamma draws.
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless alpha > 0 and beta > 0 are finite.
   */
  beta(alpha: number, beta: number): number {
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) checkPositive("beta", { alpha, beta });
    return betaFromGammas(this, alpha, beta);
  }

  /**
   * Exponential with mean `scale` (for a rate λ pass scale = 1/λ).
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless scale > 0 is finite.
   */
  exponential(scale = 1): number {
    if (!(scale > 0 && Number.isFinite(scale))) checkPositive("exponential", { scale });
    return exponentialScale(this, scale);
  }

  /**
   * Triangular on [min, max] with peak `mode` (inverse CDF).
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless min ≤ mode ≤ max, min < max, all finite.
   */
  triangular(min: number, mode: number, max: number): number {
    if (!(Number.isFinite(min) && Number.isFinite(mode) && Number.isFinite(max) && min <= mode && mode <= max && min < max && Number.isFinite(max - min))) {
      checkTriangular(min, mode, max);
    }
    return triangularInverse(this, min, mode, max);
  }

  /**
   * Bernoulli: 1 with probability p, else 0.
   *
   * @throws IslError ISL_INVALID_DISTRIBUTION unless p is in [0, 1].
   */
  bernoulli(p: number): 0 | 1 {
    if (!(typeof p === "number" && p >= 0 && p <= 1)) checkProbability("bernoulli", "p", p);
    return bernoulliTrial(this, p);
  }

  /**
   * Uniform integer in [0, n), without modulo bias.
   *
   * @throws IslError ISL_INVALID_INPUT unless n is an integer in [1, 2⁵³].
   */
  int(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_53)) invalidBound("int", n);
    return boundedInt(this, n);
  }

  /**
   * Shuffles an array or typed array in place (Fisher–Yates); every permutation equally likely.
   *
   * @returns The same array.
   */
  shuffle<S extends MutableSequence<unknown>>(items: S): S {
    return fisherYatesShuffle(this, items);
  }

  /** Fills `out` with uniforms on [min, max); returns `out`. Same checks as {@link Rng.uniform}. */
  fillUniform(out: Float64Array, min = 0, max = 1): Float64Array {
    checkColumn("fillUniform", out);
    checkInterval("uniform", min, max);
    fillUniformColumn(this.state, out, min, max - min);
    return out;
  }

  /** Fills `out` with N(mean, sd²) draws; returns `out`. Same checks as {@link Rng.normal}. */
  fillNormal(out: Float64Array, mean = 0, sd = 1): Float64Array {
    checkColumn("fillNormal", out);
    checkLocationScale("normal", "mean", mean, "sd", sd);
    fillNormalLanes(this.state, out, mean, sd);
    return out;
  }

  /**
   * The five generators of a normal fill (normal-lanes.ts), for filling a column block by block:
   * advances this stream exactly as a `fillNormal` of n ≥ 1 values does, and filling consecutive
   * blocks from the returned states (every block but the last a multiple of 4 long) gives the same
   * values as that one `fillNormal`.
   */
  normalLanes(): NormalLaneStates {
    return seedNormalLanes(this.state);
  }

  /** Fills `out` with log-normal draws; returns `out`. Same checks as {@link Rng.lognormal}. */
  fillLognormal(out: Float64Array, mu = 0, sigma = 1): Float64Array {
    checkColumn("fillLognormal", out);
    checkLocationScale("lognormal", "mu", mu, "sigma", sigma);
    fillNormalLanes(this.state, out, mu, sigma);
    for (let i = 0, n = out.length; i < n; i++) out[i] = Math.exp(out[i]!);
    return out;
  }

  /** Fills `out` with Gamma(shape, scale) draws; returns `out`. Same checks as {@link Rng.gamma}. */
  fillGamma(out: Float64Array, shape: number, scale = 1): Float64Array {
    checkColumn("fillGamma", out);
    checkPositive("gamma", { shape, scale });
    for (let i = 0, n = out.length; i < n; i++) out[i] = scale * standardGamma(this, shape);
    return out;
  }

  /** Fills `out` with Beta(alpha, beta) draws; returns `out`. Same checks as {@link Rng.beta}. */
  fillBeta(out: Float64Array, alpha: number, beta: number): Float64Array {
    checkColumn("fillBeta", out);
    checkPositive("beta", { alpha, beta });
    for (let i = 0, n = out.length; i < n; i++) out[i] = betaFromGammas(this, alpha, beta);
    return out;
  }

  /** Fills `out` with exponential draws of mean `scale`; returns `out`. Same checks as {@link Rng.exponential}. */
  fillExponential(out: Float64Array, scale = 1): Float64Array {
    checkColumn("fillExponential", out);
    checkPositive("exponential", { scale });
    for (let i = 0, n = out.length; i < n; i++) out[i] = exponentialScale(this, scale);
    return out;
  }

  /** Fills `out` with triangular draws; returns `out`. Same checks as {@link Rng.triangular}. */
  fillTriangular(out: Float64Array, min: number, mode: number, max: number): Float64Array {
    checkColumn("fillTriangular", out);
    checkTriangular(min, mode, max);
    for (let i = 0, n = out.length; i < n; i++) out[i] = triangularInverse(this, min, mode, max);
    return out;
  }

  /** Fills `out` with Bernoulli(p) draws as 0/1; returns `out`. Same checks as {@link Rng.bernoulli}. */
  fillBernoulli(out: Float64Array, p: number): Float64Array {
    checkColumn("fillBernoulli", out);
    checkProbability("bernoulli", "p", p);
    for (let i = 0, n = out.length; i < n; i++) out[i] = this.next() < p ? 1 : 0;
    return out;
  }
}

/**
 * Root random stream for a seed.
 *
 * @param seed - A finite number or non-empty string; 42 and "42" give the same stream.
 * @returns The `Rng` whose seed path is the escaped seed.
 * @throws IslError ISL_INVALID_INPUT for NaN, ±Infinity, empty strings or other types.
 * @example createRng(42).fork("noise").normal(0, 1)
 */
export function createRng(seed: string | number): Rng {
  return new Rng(rootSeedPath(seed));
}
