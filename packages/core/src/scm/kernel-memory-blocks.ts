/**
 * Blocked simulation in WebAssembly memory: the evaluation half of `simulate` (simulate.ts) when
 * the WebAssembly kernels are available. Each variable gets one block-sized slot in the normal-lanes
 * kernel's memory. Per block of samples:
 * - normal exogenous variables are drawn by that kernel straight into their slots, continuing their
 *   four-lane streams, so the values equal one whole-column fill; their result columns are copied
 *   out, or made only when read (simulation-columns.ts);
 * - other drawn columns are copied in;
 * - equations run in topological order: affine chains of variables and constants by the SIMD affine
 *   kernel, every other equation by its compiled JavaScript kernel over views of the slots; each
 *   equation's slot is copied to its result column while it is still in cache (unless the caller
 *   only needs it inside the block).
 * Results are bit-identical to the all-JavaScript path (tested): same draws, same IEEE operations in
 * the same order. What this saves: the noise never makes a round trip through a JavaScript-side
 * copy, the equations' memory traffic stays in cache-sized blocks, and SIMD halves the affine
 * arithmetic.
 * Complexity: O(n · (V + total equation size)) time; O(V · block) kernel memory, grown once and
 * reused (at most {@link KERNEL_MEMORY_BUDGET} bytes: models are limited to a few hundred variables,
 * about 10 MiB of full blocks, and a wider one would get shorter blocks).
 * Reference: none (blocked evaluation as in numexpr; WebAssembly Core Specification 2.0, SIMD).
 */
import type { NormalLaneStates, NormalLanesKernel } from "../random/index.js";
import { affineChainAt, type AffineKernel } from "./affine-wasm.js";
import { BLOCK_SIZE } from "./column-evaluator.js";
import { createScratch, type ColumnKernel } from "./compile.js";
import { countNonFinite } from "./non-finite.js";

/** Most bytes of kernel memory one simulation's slots may take (32 MiB). */
export const KERNEL_MEMORY_BUDGET = 32 * 1024 * 1024;

/** A normal exogenous variable drawn block by block. */
export interface StreamedNormal {
  readonly slot: number;
  /** From `rng.fork(variable).normalLanes()`; advanced block by block. */
  readonly lanes: NormalLaneStates;
  readonly mean: number;
  readonly sd: number;
  /** Whether its values must be scanned for non-finite ones. */
  readonly scan: boolean;
  /** Whether its blocks are copied to its result column (else the column is made on first read). */
  readonly keep: boolean;
}

/** An equation to evaluate. */
export interface EquationStep {
  readonly slot: number;
  readonly kernel: ColumnKernel;
  /** Its plain affine form, when it has one (compile.ts). */
  readonly affine: { readonly coefficients: Float64Array; readonly slots: Int32Array } | undefined;
  /** Whether its values must be scanned for non-finite ones. */
  readonly scan: boolean;
  /** Whether its blocks are copied to its result column (false: only later equations read it). */
  readonly keep: boolean;
}

/** What to evaluate, and where the results go. */
export interface KernelMemoryPlan {
  readonly n: number;
  /** Result columns by slot (length n; unused for streamed slots not kept); constant and already-drawn ones are filled. */
  readonly columns: readonly Float64Array[];
  readonly streamed: readonly StreamedNormal[];
  /** Slots whose whole column is drawn already (copied into their slots block by block). */
  readonly drawn: readonly number[];
  /** Slots held constant by an intervention (their slots are filled once). */
  readonly constants: readonly { readonly slot: number; readonly value: number }[];
  /** Equations in topological order. */
  readonly steps: readonly EquationStep[];
  /** Register columns the JavaScript kernels need. */
  readonly registers: number;
  /** Non-finite counts by slot, added to. */
  readonly nonFiniteBySlot: Float64Array;
  /** Called before each block with its first sample; throws to stop. */
  readonly beforeBlock: (start: number) => void;
}

/**
 * Samples per block in kernel memory: n rounded up to whole groups of four (the normal kernel
 * writes groups), at most {@link BLOCK_SIZE}, and small enough that `slots` blocks fit in
 * {@link KERNEL_MEMORY_BUDGET} (never below one group).
 *
 * @param n - Number of samples (≥ 1).
 * @param slots - Number of block-sized slots.
 */
export function kernelBlockLength(n: number, slots: number): number {
  const fit = 4 * Math.floor(KERNEL_MEMORY_BUDGET / (32 * slots));
  return Math.max(4, Math.min(BLOCK_SIZE, 4 * Math.ceil(n / 4), fit));
}

/** An affine chain with its terms' byte pointers for one slot layout. */
interface Chain {
  readonly coefficients: Float64Array;
  readonly pointers: Int32Array;
  readonly base: number;
  readonly stride: number;
  readonly onesSlot: number;
}

const chainCache = new WeakMap<object, Chain>();

/** The chain of `affine` with pointers for the layout (kept per affine form: runs repeat layouts). */
function chainPointers(affine: NonNullable<EquationStep["affine"]>, base: number, stride: number, onesSlot: number): Chain {
  const cached = chainCache.get(affine);
  if (cached !== undefined && cached.base === base && cached.stride === stride && cached.onesSlot === onesSlot) return cached;
  const chain = { coefficients: affine.coefficients, pointers: Int32Array.from(affine.slots, (slot) => base + (slot < 0 ? onesSlot : slot) * stride), base, stride, onesSlot };
  chainCache.set(affine, chain);
  return chain;
}

/** Scratch for plans whose equations all run in the affine kernel (never read). */
const NO_SCRATCH = createScratch(0, 0);

let lastViews: { buffer: ArrayBuffer; base: number; block: number; views: Float64Array[] } | undefined;

/** Views of `slots` consecutive blocks from `base` (the last layout is kept: loops of many runs reuse it). */
function slotViews(buffer: ArrayBuffer, base: number, block: number, slots: number): Float64Array[] {
  if (lastViews === undefined || lastViews.buffer !== buffer || lastViews.base !== base || lastViews.block !== block || lastViews.views.length < slots) {
    lastViews = { buffer, base, block, views: Array.from({ length: slots }, (_, slot) => new Float64Array(buffer, base + slot * 8 * block, block)) };
  }
  return lastViews.views;
}

/**
 * Runs the plan in the kernels' memory.
 *
 * @param normal - The normal-lanes kernel (owner of the memory).
 * @param affine - The affine kernels (sharing it).
 * @param plan - What to evaluate.
 */
export function runInKernelMemory(normal: NormalLanesKernel, affine: AffineKernel, plan: KernelMemoryPlan): void {
  const { n, columns, streamed, drawn, constants, steps, nonFiniteBySlot } = plan;
  const slots = columns.length + 1; // the last slot is a column of ones
  const block = kernelBlockLength(n, slots);
  const stride = 8 * block;
  const base = normal.reserveArena(stride * slots);
  const views = slotViews(normal.memory.buffer, base, block, slots);
  const onesSlot = slots - 1;
  const pointer = (slot: number): number => base + (slot < 0 ? onesSlot : slot) * stride;
  const chains = steps.map((step) => (step.affine === undefined ? undefined : chainPointers(step.affine, base, stride, onesSlot)));
  if (steps.some((step) => step.affine?.slots.includes(-1) === true)) views[onesSlot]!.fill(1);
  for (const { slot, value } of constants) views[slot]!.fill(value);
  // NOTE: only equations without an affine form run JavaScript kernels, which need scratch.
  const scratch = chains.includes(undefined) ? createScratch(plan.registers, block) : NO_SCRATCH;
  for (let start = 0; start < n; start += block) {
    plan.beforeBlock(start);
    const count = Math.min(block, n - start);
    const whole = count === block;
    for (const { slot, lanes, mean, sd, scan, keep } of streamed) {
      normal.fillAt(lanes.lanes, lanes.slow, pointer(slot), count, mean, sd);
      const view = views[slot]!;
      if (keep) columns[slot]!.set(whole ? view : view.subarray(0, count), start);
      if (scan) nonFiniteBySlot[slot] = nonFiniteBySlot[slot]! + countNonFinite(view, count);
    }
    for (const slot of drawn) {
      const column = columns[slot]!;
      views[slot]!.set(start === 0 && column.length === count ? column : column.subarray(start, start + count));
    }
    for (let s = 0; s < steps.length; s++) {
      const { slot, kernel, scan, keep } = steps[s]!;
      const chain = chains[s];
      const view = views[slot]!;
      if (chain !== undefined) affineChainAt(affine, pointer(slot), chain.coefficients, chain.pointers, count);
      else kernel(views, view, count, scratch);
      if (keep) columns[slot]!.set(whole ? view : view.subarray(0, count), start);
      if (scan) nonFiniteBySlot[slot] = nonFiniteBySlot[slot]! + countNonFinite(view, count);
    }
  }
}
