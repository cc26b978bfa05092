/**
 * Tests of the four-lane normal layout (normal-lanes.ts): the WebAssembly SIMD kernel and the
 * JavaScript implementation against the independent scalar reference, bit for bit; the seeding and
 * stream-advance rules; and the statistics of the values (moments within 5 SE and KS at
 * α = 0.001 per lane and overall, tail frequency, no correlation between neighbouring lanes).
 */
import { describe, expect, it } from "vitest";
import { normalCdf } from "../numeric/normal-cdf.js";
import { fillNormalLanesJs, NORMAL_LANES, seedNormalLanes, type NormalLaneStates } from "./normal-lanes.js";
import { referenceNormalLanes } from "./normal-lanes-reference.test-support.js";
import { enableWasmNormalKernel, wasmNormalLanesKernel } from "./normal-lanes-wasm.js";
import { createRng } from "./rng.js";
import { streamKey } from "./seed-path.js";
import { expectKolmogorovSmirnov, expectMoments, STANDARD_ERRORS } from "./statistical-checks.test-support.js";
import { referenceStateFromKey, referenceXoshiro128Words } from "./xoshiro128-reference.test-support.js";
import { xoshiro128StateFromKey } from "./xoshiro128.js";
import { ZIGGURAT_R } from "./ziggurat-normal.js";

const kernel = wasmNormalLanesKernel();

/** A copy of lane states (each implementation consumes its own). */
function copyStates(states: NormalLaneStates): NormalLaneStates {
  return { lanes: states.lanes.slice(), slow: states.slow.slice() };
}

/** Fills n values from the stream `path` with both implementations and the reference. */
function threeWays(path: string, n: number, mean: number, sd: number): { wasm: Float64Array; js: Float64Array; reference: Float64Array } {
  const states = seedNormalLanes(xoshiro128StateFromKey(streamKey(path)));
  const wasm = new Float64Array(n);
  const fromWasm = copyStates(states);
  kernel!.fill(fromWasm.lanes, fromWasm.slow, wasm, mean, sd);
  const js = new Float64Array(n);
  fillNormalLanesJs(copyStates(states), js, mean, sd);
  const reference = referenceNormalLanes(referenceStateFromKey(streamKey(path)), n, mean, sd).values;
  return { wasm, js, reference };
}

describe("four-lane normals: implementations agree bit for bit", () => {
  it("WebAssembly SIMD is available in this engine (Node 20)", () => {
    expect(kernel).not.toBeNull();
  });

  it.each([0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 4095, 4096, 4097, 8193, 30_001])("n = %i: wasm = JavaScript = reference", (n) => {
    const { wasm, js, reference } = threeWays(`lanes-${n}`, n, 0.5, 2);
    expect(Array.from(wasm)).toEqual(Array.from(reference));
    expect(Array.from(js)).toEqual(Array.from(reference));
  });

  it.each([1, 3, 4, 5, 4095, 4096, 4097, 9001])("fillAt of n = %i in blocks of 4,096 into kernel memory equals fill (and growing the memory keeps fill working)", (n) => {
    const states = seedNormalLanes(xoshiro128StateFromKey(streamKey(`fill-at-${n}`)));
    const whole = new Float64Array(n);
    const viaFill = copyStates(states);
    kernel!.fill(viaFill.lanes, viaFill.slow, whole, -1, 3);
    const base = kernel!.reserveArena(8 * (n + 4));
    const viaFillAt = copyStates(states);
    for (let start = 0; start < n; start += 4096) kernel!.fillAt(viaFillAt.lanes, viaFillAt.slow, base + 8 * start, Math.min(4096, n - start), -1, 3);
    expect(Array.from(new Float64Array(kernel!.memory.buffer, base, n))).toEqual(Array.from(whole));
    expect(Array.from(viaFillAt.lanes)).toEqual(Array.from(viaFill.lanes));
    expect(Array.from(viaFillAt.slow)).toEqual(Array.from(viaFill.slow));
    kernel!.reserveArena(kernel!.memory.buffer.byteLength + 8 * n);
    const again = new Float64Array(n);
    kernel!.fill(copyStates(states).lanes, copyStates(states).slow, again, -1, 3);
    expect(Array.from(again)).toEqual(Array.from(whole));
  });

  it("a long fill crosses the slow path (wedge and tail) thousands of times and still agrees", () => {
    const { wasm, js, reference } = threeWays("lanes-long", 200_000, -3, 0.25);
    expect(wasm).toEqual(reference);
    expect(js).toEqual(reference);
    // About 1.5% of attempts miss the inner rectangle; the tail (|z| > r) is 2.6e-4 of values.
    const tail = reference.filter((v) => Math.abs((v + 3) / 0.25) > ZIGGURAT_R).length;
    expect(tail).toBeGreaterThan(10);
  });

  it("both implementations advance the states in place: a fill of 4,096 then one of 101 continue one fill of 4,197", () => {
    const states = seedNormalLanes(xoshiro128StateFromKey(streamKey("lanes-continue")));
    const whole = new Float64Array(4197);
    kernel!.fill(states.lanes.slice(), states.slow.slice(), whole, 0, 1);
    const fromWasm = copyStates(states);
    const wasmPieces = [new Float64Array(4096), new Float64Array(101)];
    for (const piece of wasmPieces) kernel!.fill(fromWasm.lanes, fromWasm.slow, piece, 0, 1);
    const fromJs = copyStates(states);
    const jsPieces = [new Float64Array(4096), new Float64Array(101)];
    for (const piece of jsPieces) fillNormalLanesJs(fromJs, piece, 0, 1);
    expect([...wasmPieces[0]!, ...wasmPieces[1]!]).toEqual(Array.from(whole));
    expect([...jsPieces[0]!, ...jsPieces[1]!]).toEqual(Array.from(whole));
  });

  it("sd = 0 gives the mean exactly (also −0 products), and mean/sd apply as mean + sd·z", () => {
    const { wasm, reference } = threeWays("lanes-sd0", 1001, 7, 0);
    expect(wasm).toEqual(reference);
    expect(Array.from(wasm).every((v) => v === 7)).toBe(true);
  });
});

describe("four-lane normals: seeding and stream advance", () => {
  it("lanes take words 0–15 of the parent (lane k = words 4k … 4k+3), the slow stream words 16–19", () => {
    const key = streamKey("lanes-seed");
    const words = referenceXoshiro128Words(referenceStateFromKey(key), 20).map((w) => w | 0);
    const states = seedNormalLanes(xoshiro128StateFromKey(key));
    for (let k = 0; k < NORMAL_LANES; k++) for (let j = 0; j < 4; j++) expect(states.lanes[4 * j + k]).toBe(words[4 * k + j]);
    expect(Array.from(states.slow)).toEqual(words.slice(16, 20));
  });

  it.each([0, 1, 5, 10_000])("Rng.fillNormal of %i values equals the reference and advances the stream by 20 words (0 when empty)", (n) => {
    const path = `lanes-advance-${n}`;
    const rng = createRng(path);
    const column = rng.fillNormal(new Float64Array(n), 1, 3);
    const expected = referenceNormalLanes(referenceStateFromKey(streamKey(path)), n, 1, 3);
    expect(column).toEqual(expected.values);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(expected.after);
  });

  it("fillLognormal is exp of the same four-lane normals", () => {
    const normals = createRng("lanes-lognormal").fillNormal(new Float64Array(999), 0.2, 0.7);
    const lognormals = createRng("lanes-lognormal").fillLognormal(new Float64Array(999), 0.2, 0.7);
    expect(lognormals).toEqual(normals.map((v) => Math.exp(v)));
  });
});

describe("four-lane normals: statistics", () => {
  const N = 400_000;
  const sample = createRng("lanes-statistics").fillNormal(new Float64Array(N));

  it("all values: mean 0, variance 1 within 5 SE; KS against Φ at α = 0.001", () => {
    expectMoments(sample, { mean: 0, variance: 1, excessKurtosis: 0 });
    expectKolmogorovSmirnov(sample, normalCdf);
  });

  it.each([0, 1, 2, 3])("lane %i alone is N(0, 1) (moments, KS)", (lane) => {
    const values = sample.filter((_, i) => i % NORMAL_LANES === lane);
    expectMoments(values, { mean: 0, variance: 1, excessKurtosis: 0 });
    expectKolmogorovSmirnov(values, normalCdf);
  });

  it("neighbouring values (different lanes) and values 4 apart (same lane) are uncorrelated within 5 SE", () => {
    for (const lag of [1, 2, 3, 4, 8]) {
      let sum = 0;
      for (let i = lag; i < N; i++) sum += sample[i]! * sample[i - lag]!;
      // For independent N(0, 1) pairs the product has mean 0 and variance 1.
      expect(Math.abs(sum / (N - lag))).toBeLessThanOrEqual(STANDARD_ERRORS / Math.sqrt(N - lag));
    }
  });

  it("tail frequency P(|Z| > r) = 2Φ(−r) within 5 SE, and the tail itself is Φ-shaped", () => {
    const p = 2 * normalCdf(-ZIGGURAT_R);
    const big = createRng("lanes-tail").fillNormal(new Float64Array(2_000_000));
    const beyond = big.filter((v) => Math.abs(v) > ZIGGURAT_R);
    expect(Math.abs(beyond.length / big.length - p)).toBeLessThanOrEqual(STANDARD_ERRORS * Math.sqrt((p * (1 - p)) / big.length));
    // Conditional CDF of |Z| given |Z| > r.
    const tailCdf = (x: number): number => (x <= ZIGGURAT_R ? 0 : 1 - normalCdf(-x) / normalCdf(-ZIGGURAT_R));
    expectKolmogorovSmirnov(beyond.map(Math.abs), tailCdf);
  });
});
