/**
 * Loader of the WebAssembly SIMD normal kernel (normal-lanes-kernel.wat, bytes as hex in
 * normal-lanes-kernel-bytes.ts): feature detection with `WebAssembly.validate`, synchronous
 * instantiation (the module is ~2 KB, under Chromium's 4 KB main-thread limit for synchronous
 * compilation), the ziggurat tables and squeeze lines copied into its memory, and the fill loop
 * that runs the kernel on 4,096-value chunks and copies each chunk out while it is in cache. No
 * imports, no I/O, no Node built-ins. Complexity: O(n) per fill; one-time O(module size) compilation on first use.
 * Reference: WebAssembly Core Specification 2.0 (W3C, 2022), fixed-width SIMD.
 */
import { NORMAL_LANES_KERNEL_HEX } from "./normal-lanes-kernel-bytes.js";
import { ZIGGURAT_LAYERS, ZIGGURAT_TABLES } from "./ziggurat-normal.js";
import { zigguratSqueezeLines } from "./ziggurat-squeeze.js";

/** Byte offsets in the kernel's memory (see the .wat header). */
const SLOW_OFFSET = 64;
const KI_OFFSET = 128;
const WI_OFFSET = 4224;
const FI_OFFSET = 8320;
const OUT_OFFSET = 12288;
const SQUEEZE_OFFSET = 94208;
/** Values per kernel call: a multiple of 4, so lane i mod 4 carries over between chunks. */
const CHUNK = 4096;
/** First byte of the memory that callers may use for blocks of values (above the kernel's own 128 KiB). */
export const NORMAL_KERNEL_ARENA_BASE = 131072;
/** Bytes of one WebAssembly memory page. */
const PAGE_BYTES = 65536;

/** The instantiated kernel. */
export interface NormalLanesKernel {
  /**
   * Fills `out` from the lane and slow stream states (normal-lanes.ts layout), advancing both in
   * place (so a later call continues the sequence when out.length was a multiple of 4).
   *
   * @param lanes - 16 words, word j of lane k at index 4j + k.
   * @param slow - The slow stream's state s0 … s3.
   * @param out - Column to fill.
   * @param mean - Location.
   * @param sd - Scale ≥ 0.
   */
  fill(lanes: Int32Array, slow: Int32Array, out: Float64Array, mean: number, sd: number): void;
  /**
   * Like {@link NormalLanesKernel.fill}, but writes `count` values straight into the kernel's memory
   * at byte offset `at` (a multiple of 32 in the arena, see {@link NormalLanesKernel.reserveArena}).
   *
   * @param lanes - 16 words, advanced in place.
   * @param slow - The slow stream's state, advanced in place.
   * @param at - Byte offset of the first value.
   * @param count - Number of values.
   * @param mean - Location.
   * @param sd - Scale ≥ 0.
   */
  fillAt(lanes: Int32Array, slow: Int32Array, at: number, count: number, mean: number, sd: number): void;
  /**
   * The kernel's memory. Bytes from {@link NORMAL_KERNEL_ARENA_BASE} up belong to the caller of
   * {@link NormalLanesKernel.reserveArena} (one user at a time; the SCM simulator keeps its blocks
   * there, and other WebAssembly kernels import this memory).
   */
  readonly memory: WebAssembly.Memory;
  /**
   * Grows the memory so that `bytes` bytes from {@link NORMAL_KERNEL_ARENA_BASE} exist (never
   * shrinks). Growing detaches earlier views of `memory.buffer`: make views after reserving.
   *
   * @param bytes - Bytes needed.
   * @returns {@link NORMAL_KERNEL_ARENA_BASE}.
   */
  reserveArena(bytes: number): number;
  /** The kernel's port of `portableLog` (exported for the bit-identity tests). */
  log(x: number): number;
  /** The kernel's port of `portableExp` (exported for the bit-identity tests). */
  exp(x: number): number;
}

/** Exports of the WebAssembly module. */
interface KernelExports {
  memory: WebAssembly.Memory;
  fill(out: number, groups: number, mean: number, sd: number): void;
  log(x: number): number;
  exp(x: number): number;
}

/** The module's bytes, decoded from hex. */
export function normalLanesKernelBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(NORMAL_LANES_KERNEL_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(NORMAL_LANES_KERNEL_HEX.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Instantiates the kernel, or returns null when WebAssembly or its SIMD feature is unavailable. */
function instantiate(): NormalLanesKernel | null {
  if (typeof WebAssembly !== "object") return null;
  let exports: KernelExports;
  try {
    const bytes = normalLanesKernelBytes();
    if (!WebAssembly.validate(bytes)) return null;
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as KernelExports;
  } catch {
    // NOTE: an engine that refuses synchronous compilation or SIMD falls back to the JavaScript kernel.
    return null;
  }
  const buffer = exports.memory.buffer;
  // Tables indexed by sign·256 + layer (bits 0–8 of an attempt's low word): KI twice, WI and −WI.
  const ki = new Float64Array(buffer, KI_OFFSET, 2 * ZIGGURAT_LAYERS);
  ki.set(ZIGGURAT_TABLES.ki);
  ki.set(ZIGGURAT_TABLES.ki, ZIGGURAT_LAYERS);
  const wi = new Float64Array(buffer, WI_OFFSET, 2 * ZIGGURAT_LAYERS);
  wi.set(ZIGGURAT_TABLES.wi);
  wi.set(ZIGGURAT_TABLES.wi.map((w) => -w), ZIGGURAT_LAYERS);
  new Float64Array(buffer, FI_OFFSET, ZIGGURAT_LAYERS + 1).set(ZIGGURAT_TABLES.fi);
  const lines = zigguratSqueezeLines();
  [lines.lowerIntercept, lines.lowerSlope, lines.upperIntercept, lines.upperSlope].forEach((table, k) =>
    new Float64Array(buffer, SQUEEZE_OFFSET + 8 * ZIGGURAT_LAYERS * k, ZIGGURAT_LAYERS).set(table),
  );
  const memory = exports.memory;
  // NOTE: views are remade after the memory grows (growing detaches the old buffer).
  let views = memoryViews(memory.buffer);
  const fillGroups = exports.fill;
  return {
    fill(lanes, slow, out, mean, sd) {
      if (views.lanes.buffer !== memory.buffer) views = memoryViews(memory.buffer);
      const { lanes: laneMemory, slow: slowMemory, chunk } = views;
      laneMemory.set(lanes);
      slowMemory.set(slow);
      const n = out.length;
      for (let start = 0; start < n; start += CHUNK) {
        const count = Math.min(CHUNK, n - start);
        fillGroups(OUT_OFFSET, (count + 3) >>> 2, mean, sd);
        out.set(count === CHUNK ? chunk : chunk.subarray(0, count), start);
      }
      lanes.set(laneMemory);
      slow.set(slowMemory);
    },
    fillAt(lanes, slow, at, count, mean, sd) {
      if (views.lanes.buffer !== memory.buffer) views = memoryViews(memory.buffer);
      const { lanes: laneMemory, slow: slowMemory } = views;
      laneMemory.set(lanes);
      slowMemory.set(slow);
      // NOTE: a group that straddles `count` writes up to three values past it (the caller's block
      // has room: blocks are whole groups), and the lanes advance by whole groups, which is what a
      // fill of a length that is not a multiple of 4 does too.
      for (let done = 0; done < count; done += CHUNK) fillGroups(at + 8 * done, (Math.min(CHUNK, count - done) + 3) >>> 2, mean, sd);
      lanes.set(laneMemory);
      slow.set(slowMemory);
    },
    memory,
    reserveArena(bytes) {
      const needed = Math.ceil((NORMAL_KERNEL_ARENA_BASE + bytes) / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
      if (needed > 0) memory.grow(needed);
      return NORMAL_KERNEL_ARENA_BASE;
    },
    log: exports.log,
    exp: exports.exp,
  };
}

/** Views of the lane states, the slow stream's state and the default output chunk. */
function memoryViews(buffer: ArrayBuffer): { lanes: Int32Array; slow: Int32Array; chunk: Float64Array } {
  return { lanes: new Int32Array(buffer, 0, 16), slow: new Int32Array(buffer, SLOW_OFFSET, 4), chunk: new Float64Array(buffer, OUT_OFFSET, CHUNK) };
}

let kernel: NormalLanesKernel | null | undefined;
let enabled = true;

/**
 * The WebAssembly SIMD kernel, instantiated on first use; null where the engine lacks WebAssembly
 * SIMD, or while disabled by {@link enableWasmNormalKernel} (callers then use the JavaScript
 * implementation, which gives the same bits).
 */
export function wasmNormalLanesKernel(): NormalLanesKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/**
 * Turns the WebAssembly kernel off (or back on) for this JavaScript realm, so that tests and
 * benchmarks can run the JavaScript implementation through the public API. Results do not change:
 * both implementations give the same bits.
 *
 * @param on - false to use the JavaScript implementation, true (the default state) for the kernel.
 * @returns The previous setting.
 */
export function enableWasmNormalKernel(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}
