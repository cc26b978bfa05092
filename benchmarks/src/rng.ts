/**
 * Benchmark of the ISL random kernel: milliseconds per million draws for uniforms, scalar normals,
 * a 1e6-element column fill of normals, and 50 streams × 10,000 normals (the SCM pattern: fresh forks,
 * and 50 live streams), each next to a baseline measured in the same run —
 * a hand-written xoshiro128** loop into a Float64Array (uniforms) and Box–Muller normals on it.
 * Normal columns come from the four-lane layout (normal-lanes.ts): a second table sets its
 * WebAssembly SIMD kernel against its JavaScript implementation (the fallback) and the bare
 * hand-written generator producing the same number of words, all in the same run.
 * Method: warm-up runs, then the median of several timed repetitions. O(reps × n) time.
 * References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4) (2021) (xoshiro128**); G. E. P. Box, M. E. Muller, "A note on the generation of
 * random normal deviates", Ann. Math. Statist. 29 (1958) 610–611.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/rng.ts
 */
import { createRng, fillNormalLanesJs, seedNormalLanes, wasmNormalLanesKernel } from "@olumi/isl-core/random";

/** Draws per timed repetition. */
const DRAWS = 1_000_000;
/** Streams in the multi-stream rows (one per SCM variable, as in a 50-node model). */
const STREAMS = 50;
/** Draws per stream in the multi-stream rows. */
const STREAM_LENGTH = 10_000;
/** Untimed repetitions before timing (lets the JIT optimise every loop). */
const WARMUP_REPS = 3;
/** Timed repetitions; the median is reported. */
const TIMED_REPS = 11;

/** A xoshiro128** generator over four 32-bit words, seeded by splitmix32. */
function xoshiro128ss(seed: number): () => number {
  let x = seed >>> 0;
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
}

/** Baseline uniforms: one xoshiro128** word per draw, scaled by 2⁻³² (32-bit resolution). */
function baselineUniforms(word: () => number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = word() * 2.3283064365386963e-10;
}

/** Baseline normals: Box–Muller on xoshiro128** uniforms, both outputs of each pair used. */
function baselineBoxMuller(word: () => number, out: Float64Array): void {
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    const u1 = (word() + 1) * 2.3283064365386963e-10;
    const u2 = word() * 2.3283064365386963e-10;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    out[i] = radius * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
  }
}

/** Median wall time in ms of `run` after warm-up; `sink` keeps results observable. */
function medianMs(run: () => void, sink: Float64Array): number {
  for (let r = 0; r < WARMUP_REPS; r++) run();
  const times: number[] = [];
  let checksum = 0;
  for (let r = 0; r < TIMED_REPS; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
    checksum += sink[r % sink.length] ?? 0;
  }
  if (Number.isNaN(checksum)) throw new Error("benchmark produced NaN");
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

interface Row {
  task: string;
  isl: number;
  baselineName: string;
  baseline: number;
}

function main(): void {
  const out = new Float64Array(DRAWS);
  const base = new Float64Array(DRAWS);
  const rng = createRng("benchmark").fork("rng");
  const word = xoshiro128ss(0x1234abcd);
  const perMillion = 1_000_000 / DRAWS;
  // The SCM case: one stream per variable, many Rng instances alive at once.
  const streams = Array.from({ length: STREAMS }, (_, k) => rng.fork(`live${k}`));
  const streamColumns = Array.from({ length: STREAMS }, () => new Float64Array(STREAM_LENGTH));

  const rows: Row[] = [
    {
      task: "uniform, rng.next() (53-bit)",
      isl: medianMs(() => {
        for (let i = 0; i < DRAWS; i++) out[i] = rng.next();
      }, out) * perMillion,
      baselineName: "xoshiro128** loop (32-bit)",
      baseline: medianMs(() => baselineUniforms(word, base), base) * perMillion,
    },
    {
      task: "uniform column, rng.fillUniform",
      isl: medianMs(() => rng.fillUniform(out, 0, 1), out) * perMillion,
      baselineName: "xoshiro128** loop (32-bit)",
      baseline: medianMs(() => baselineUniforms(word, base), base) * perMillion,
    },
    {
      task: "normal, rng.normal() (ziggurat)",
      isl: medianMs(() => {
        for (let i = 0; i < DRAWS; i++) out[i] = rng.normal(0, 1);
      }, out) * perMillion,
      baselineName: "Box–Muller on xoshiro128**",
      baseline: medianMs(() => baselineBoxMuller(word, base), base) * perMillion,
    },
    {
      task: "normal column 1e6, rng.fillNormal (wasm)",
      isl: medianMs(() => rng.fillNormal(out, 0, 1), out) * perMillion,
      baselineName: "Box–Muller on xoshiro128**",
      baseline: medianMs(() => baselineBoxMuller(word, base), base) * perMillion,
    },
    {
      task: `normal, ${STREAMS} forks x ${STREAM_LENGTH} (fork + fillNormal)`,
      isl: medianMs(() => {
        for (let k = 0; k < STREAMS; k++) rng.fork(`U${k}`).fillNormal(streamColumns[k]!, 0, 1);
      }, streamColumns[0]!) * (1_000_000 / (STREAMS * STREAM_LENGTH)),
      baselineName: "Box–Muller on xoshiro128**",
      baseline: medianMs(() => baselineBoxMuller(word, base), base) * perMillion,
    },
    {
      task: `normal, ${STREAMS} live streams x ${STREAM_LENGTH} (fillNormal)`,
      isl: medianMs(() => {
        for (let k = 0; k < STREAMS; k++) streams[k]!.fillNormal(streamColumns[k]!, 0, 1);
      }, streamColumns[0]!) * (1_000_000 / (STREAMS * STREAM_LENGTH)),
      baselineName: "Box–Muller on xoshiro128**",
      baseline: medianMs(() => baselineBoxMuller(word, base), base) * perMillion,
    },
  ];

  // The four-lane layout's two implementations and the hand-written generator alone (two words per
  // value, the words the lanes consume), one 1e6 column each.
  const kernel = wasmNormalLanesKernel();
  if (kernel === null) throw new Error("this engine has no WebAssembly SIMD");
  const parent = Int32Array.of(1, 2, 3, 4);
  const wasmMs = medianMs(() => {
    const states = seedNormalLanes(parent);
    kernel.fill(states.lanes, states.slow, out, 0, 1);
  }, out);
  const jsMs = medianMs(() => fillNormalLanesJs(seedNormalLanes(parent), out, 0, 1), out);
  const wordsMs = medianMs(() => {
    for (let i = 0; i < DRAWS; i++) {
      word();
      base[i] = word();
    }
  }, base);
  const kernelRows = [
    ["WebAssembly SIMD kernel (fillNormal)", wasmMs.toFixed(2), "1.00", (jsMs / wasmMs).toFixed(2), (wasmMs / wordsMs).toFixed(2)],
    ["JavaScript implementation (fallback)", jsMs.toFixed(2), (jsMs / wasmMs).toFixed(2), "1.00", (jsMs / wordsMs).toFixed(2)],
    ["hand-written xoshiro128**, 2 words per value", wordsMs.toFixed(2), (wordsMs / wasmMs).toFixed(2), (wordsMs / jsMs).toFixed(2), "1.00"],
  ];

  const header = ["task", "ISL ms/1e6", "baseline", "baseline ms/1e6", "ratio ISL/baseline"];
  const lines = rows.map((r) => [r.task, r.isl.toFixed(2), r.baselineName, r.baseline.toFixed(2), (r.isl / r.baseline).toFixed(2)]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => (l[c] ?? "").length)));
  const format = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ");
  console.log(`ISL random kernel: median of ${TIMED_REPS} runs after ${WARMUP_REPS} warm-ups, ${DRAWS} draws each`);
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
  console.log("Four-lane normal column (1e6 values, bit-identical outputs): ms/1e6 and ratios, same run");
  const kernelHeader = ["implementation", "ms/1e6", "x wasm", "x JavaScript", "x bare generator"];
  const kernelWidths = kernelHeader.map((h, c) => Math.max(h.length, ...kernelRows.map((l) => (l[c] ?? "").length)));
  const formatKernel = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(kernelWidths[c] ?? 0)).join("  ");
  console.log(formatKernel(kernelHeader));
  console.log(kernelWidths.map((w) => "-".repeat(w)).join("  "));
  for (const line of kernelRows) console.log(formatKernel(line));
}

main();
