/**
 * Probability that every target outcome lands in its range under do(intervened = point), estimated
 * by Monte Carlo with common random numbers: the exogenous columns are drawn once (seeded, one fork
 * per variable, as `simulate` does) and reused at every evaluated point, so differences between
 * points carry no fresh sampling noise. Per point only the equations between the intervened
 * variables and the targets are re-run, in blocks: in the WebAssembly kernels' memory where the
 * engine has WebAssembly SIMD (affine chains in the SIMD kernel, see scm/kernel-memory-blocks.ts),
 * else by the JavaScript column kernels over the columns; both give the same bits.
 * Complexity: O(samples · (equation size of the targets' non-intervened ancestors + targets)) per
 * point; O(samples · variables) memory. Reference: common random numbers, P. Glasserman, "Monte
 * Carlo Methods in Financial Engineering" (2004), §4.1.
 */
import { IslError } from "../errors.js";
import type { Rng } from "../random/index.js";
import { wasmAffineKernel } from "../scm/affine-wasm.js";
import { BLOCK_SIZE, createScratch, forEachBlock, simulate, type StructuralCausalModel } from "../scm/index.js";
import { runInKernelMemory } from "../scm/kernel-memory-blocks.js";

/** Options of {@link createPointEvaluator}. */
export interface PointEvaluatorOptions {
  readonly model: StructuralCausalModel;
  /** Intervened variables, in the order of every point's coordinates. */
  readonly variables: readonly string[];
  /** A point to start from (used once to draw the exogenous columns). */
  readonly start: Float64Array;
  /** Target outcomes and their ranges. */
  readonly targets: readonly { readonly outcome: string; readonly lo: number; readonly hi: number }[];
  /** Exogenous variables held fixed (context). */
  readonly fixed: ReadonlyMap<string, number>;
  /** Monte Carlo samples per point (use 1 for a model without random exogenous variables). */
  readonly samples: number;
  /** The stream of the exogenous draws. */
  readonly rng: Rng;
  readonly signal?: AbortSignal | undefined;
}

/** Evaluates points against the targets with common random numbers. */
export interface PointEvaluator {
  /** Samples per point. */
  readonly samples: number;
  /** Number of equations re-run per point. */
  readonly equationsPerPoint: number;
  /** Count of samples in which every target is in range, at `point` (coordinates as `variables`). */
  hits(point: Float64Array): number;
  /** After {@link PointEvaluator.hits}: the outcome column of a target at that point (overwritten by the next call). */
  outcomeColumn(outcome: string): Float64Array;
}

/**
 * Creates the evaluator (draws the exogenous columns once).
 *
 * @param options - Model, intervened variables, targets, samples and stream.
 * @returns The evaluator.
 * @throws IslError from `simulate` for bad samples or interventions; ISL_VALIDATION_ERROR from
 *   `hits` when a target outcome is NaN or infinite at a point (named with the point); ISL_TIMEOUT
 *   when `signal` aborts.
 */
export function createPointEvaluator(options: PointEvaluatorOptions): PointEvaluator {
  const { model, variables, targets, samples: n, signal } = options;
  const interventions = new Map<string, number>(options.fixed);
  variables.forEach((name, i) => interventions.set(name, options.start[i]!));
  const base = simulate(model, { samples: n, rng: options.rng, interventions, signal, everyColumn: true });
  const columns = model.order.map((name) => base.columns.get(name)!);
  const intervenedSlots = variables.map((name) => model.slotOf.get(name)!);
  const needed = ancestorsOf(model, targets.map((t) => t.outcome));
  const targetNames = new Set(targets.map((t) => t.outcome));
  const targetSlots = new Set(targets.map((t) => model.slotOf.get(t.outcome)!));
  const steps = model.endogenous
    .filter((name) => needed.has(name) && !interventions.has(name))
    .map((name) => {
      const compiled = model.equations.get(name)!.compiled;
      return { slot: model.slotOf.get(name)!, kernel: compiled.kernel, affine: compiled.affine, scan: false, keep: targetNames.has(name) };
    });
  // NOTE: in kernel memory, the columns the steps read but do not compute are copied in per block:
  // the drawn ancestors, and the intervened variables as constants.
  const wasm = wasmAffineKernel();
  const stepSlots = new Set(steps.map((step) => step.slot));
  const drawnSlots = model.order.filter((name) => needed.has(name) && !interventions.has(name)).map((name) => model.slotOf.get(name)!).filter((slot) => !stepSlots.has(slot));
  const fixedConstants = [...options.fixed].filter(([name]) => !variables.includes(name)).map(([name, value]) => ({ slot: model.slotOf.get(name)!, value }));
  const unusedCounts = new Float64Array(model.order.length);
  const scratch = createScratch(model.registers, Math.min(n, BLOCK_SIZE));
  const targetColumns = targets.map((t) => ({ ...t, column: columns[model.slotOf.get(t.outcome)!]! }));
  const inTarget = new Uint8Array(n);

  return {
    samples: n,
    equationsPerPoint: steps.length,
    hits(point: Float64Array): number {
      if (signal?.aborted === true) throw timeout();
      // NOTE: the kernel-memory path takes the intervened values as constants (and copies out only
      // the targets); the JavaScript path reads them from the columns.
      intervenedSlots.forEach((slot, i) => {
        if (wasm === null || steps.length === 0 || targetSlots.has(slot)) columns[slot]!.fill(point[i]!);
      });
      if (steps.length > 0 && wasm !== null) {
        const constants = [...fixedConstants, ...intervenedSlots.map((slot, i) => ({ slot, value: point[i]! }))];
        runInKernelMemory(wasm.normal, wasm.affine, { n, columns, streamed: [], drawn: drawnSlots, constants, steps, registers: model.registers, nonFiniteBySlot: unusedCounts, beforeBlock: () => undefined });
      } else if (steps.length > 0) {
        forEachBlock(columns, n, (views, _start, count) => {
          for (const { slot, kernel } of steps) kernel(views, views[slot]!, count, scratch);
        });
      }
      // NOTE: one branch-free pass per target (about half the samples of a point near the region's
      // edge are in range, so a branch would be mispredicted half the time): it marks the samples
      // in range, ANDed over the targets, counts them, and counts NaN and ±Infinity.
      let count = 0;
      targetColumns.forEach(({ outcome, lo, hi, column }, t) => {
        let bad = 0;
        count = 0;
        if (t === 0) {
          for (let i = 0; i < n; i++) {
            const y = column[i]!;
            const inside = +(y >= lo) & +(y <= hi);
            inTarget[i] = inside;
            count += inside;
            bad += +(y - y !== 0);
          }
        } else {
          for (let i = 0; i < n; i++) {
            const y = column[i]!;
            const inside = inTarget[i]! & +(y >= lo) & +(y <= hi);
            inTarget[i] = inside;
            count += inside;
            bad += +(y - y !== 0);
          }
        }
        if (bad > 0) throw nonFiniteOutcome(outcome, bad, n, variables, point);
      });
      return count;
    },
    outcomeColumn(outcome: string): Float64Array {
      return columns[model.slotOf.get(outcome)!]!;
    },
  };
}

/** The variables and all their ancestors in the model. */
function ancestorsOf(model: StructuralCausalModel, variables: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...variables];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const parent of model.equations.get(name)?.parents ?? []) stack.push(parent);
  }
  return seen;
}

function nonFiniteOutcome(outcome: string, bad: number, n: number, variables: readonly string[], point: Float64Array): IslError {
  const at = variables.map((name, i) => `${name} = ${point[i]!}`).join(", ");
  return new IslError("ISL_VALIDATION_ERROR", `The model gives non-finite values (NaN or ±Infinity) of target '${outcome}' in ${bad} of ${n} samples at ${at}; the probability of meeting the target is undefined there.`, {
    details: { outcome, nonFinite: bad, samples: n, point: Object.fromEntries(variables.map((name, i) => [name, point[i]!])) },
    recovery: { hints: ["Guard the equations (e.g. max(x, 1e-9) before log or division), or narrow feasible_ranges to where the model is defined."], suggestion: "Make the model finite over the feasible ranges." },
  });
}

function timeout(): IslError {
  return new IslError("ISL_TIMEOUT", "The robustness analysis was stopped (deadline passed or caller gone).", {
    details: {},
    recovery: { hints: ["Use fewer samples or fewer points (min_samples)."], suggestion: "Retry with a smaller request." },
  });
}
