/**
 * Counterfactual evaluation over columns (abduction–action–prediction): given the exogenous draws,
 * (1) abduction: the factual world is computed along the plan's steps, solving each claimed
 * exogenous term per sample from its observation, U = (v − A)/B with A = f(U=0), B = f(U=1) − A
 * (exact for equations affine in U), and checking observations without a free term; (2) action:
 * intervened variables become constants; (3) prediction: every other endogenous variable is
 * recomputed in topological order from the abducted exogenous values. A context value never
 * overrides an intervention: it only shapes the factual world. Columns are allocated once per
 * evaluator and reused by every run (Sobol and coefficient perturbations run it many times). Where
 * the engine has the WebAssembly kernels, the prediction runs in their memory
 * (kernel-memory-blocks.ts), after the factual world when there is one; the same bits as the
 * JavaScript path, which does both per block.
 * Complexity: O(n · (steps + V) · equation size) per run; memory O(n · V) columns (twice that when
 * an endogenous variable is observed). Reference: J. Pearl, "Causality" (2nd ed., 2009), §7.1.
 */
import { IslError } from "../errors.js";
import type { Rng } from "../random/index.js";
import type { AbductionPlan } from "./abduction.js";
import { wasmAffineKernel } from "./affine-wasm.js";
import { forEachBlock, BLOCK_SIZE } from "./column-evaluator.js";
import { createScratch, type CompiledExpression, type Scratch } from "./compile.js";
import { sampleDistribution } from "./distributions.js";
import { runInKernelMemory, type EquationStep } from "./kernel-memory-blocks.js";
import { listVariables, type StructuralCausalModel } from "./model.js";
import { countNonFinite, MAX_SAMPLES, MAX_SIMULATION_VALUES, type Simulation } from "./simulate.js";

/** Options of {@link createCounterfactualEvaluator}. */
export interface CounterfactualEvaluatorOptions {
  /** The plan from planAbduction for this query's context. */
  readonly plan: AbductionPlan;
  /** do(): variable → constant. */
  readonly interventions: ReadonlyMap<string, number>;
  /** Samples per run. */
  readonly samples: number;
  /** Checked between blocks; when aborted the run stops with ISL_TIMEOUT. */
  readonly signal?: AbortSignal | undefined;
}

/** A reusable counterfactual evaluator for one model, plan and intervention. */
export interface CounterfactualEvaluator {
  /** Samples per run. */
  readonly samples: number;
  /**
   * Runs abduction, action and prediction.
   *
   * @param exogenous - A column of `samples` draws for every variable of `plan.free`.
   * @param overrides - Replacement compiled equations (same slots), e.g. with a perturbed coefficient.
   * @param partial - Recompute only `recompute` (endogenous variables) of the counterfactual world
   *   and take every other variable's column and non-finite count from `baseline`, a world of this
   *   evaluator on the same exogenous columns without these overrides (copied by the caller: runs
   *   overwrite their columns); the factual world (abduction) is not recomputed. The values are those
   *   of a full run when every variable whose equation is overridden, and every descendant of one
   *   that the caller reads, is recomputed, and no overridden equation is used by the abduction.
   * @returns The counterfactual world; its columns are overwritten by the next run.
   * @throws IslError ISL_VALIDATION_ERROR when an observation cannot be inverted in some sample;
   *   ISL_INVALID_INPUT for `partial` with an override of an equation the abduction uses.
   */
  run(exogenous: ReadonlyMap<string, Float64Array>, overrides?: ReadonlyMap<string, CompiledExpression>, partial?: PartialRun): Simulation;
}

/** What a partial run recomputes, and the world it takes everything else from. */
export interface PartialRun {
  readonly baseline: Simulation;
  readonly recompute: ReadonlySet<string>;
}

/**
 * Draws the columns of the given exogenous variables, each from its own fork `rng.fork(name)`
 * (the same streams as simulate(), so results share draws with plain simulations).
 *
 * @param model - The model.
 * @param names - Exogenous variables to draw.
 * @param rng - The parent stream.
 * @param samples - Column length.
 */
export function drawExogenous(model: StructuralCausalModel, names: readonly string[], rng: Rng, samples: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const name of names) {
    const column = new Float64Array(samples);
    sampleDistribution(model.distributions.get(name)!, rng.fork(name), column);
    out.set(name, column);
  }
  return out;
}

/**
 * Builds an evaluator; validates the interventions and the sample count.
 *
 * @param model - The structural model.
 * @param options - Plan, interventions, samples, signal.
 * @throws IslError ISL_INVALID_INTERVENTION for an unknown variable or non-finite value;
 *   ISL_MISSING_VARIABLE for an input neither intervened on nor in context; ISL_INVALID_INPUT for a
 *   bad sample count or too many values.
 */
export function createCounterfactualEvaluator(model: StructuralCausalModel, options: CounterfactualEvaluatorOptions): CounterfactualEvaluator {
  const { plan, interventions, samples: n, signal } = options;
  checkInterventions(model, interventions);
  const missing = model.inputs.filter((name) => !interventions.has(name) && !plan.fixed.has(name));
  if (missing.length > 0) {
    throw new IslError("ISL_MISSING_VARIABLE", `Variable${missing.length > 1 ? "s" : ""} ${missing.map((s) => `'${s}'`).join(", ")} ${missing.length > 1 ? "have" : "has"} no equation or distribution, and neither the intervention nor the context sets ${missing.length > 1 ? "them" : "it"}.`, {
      details: { variables: missing },
      recovery: { hints: ["Intervene on each listed variable, give its value in context, or give it a distribution in the model."], suggestion: "Set every input variable." },
    });
  }
  const width = model.order.length;
  const factualNeeded = plan.steps.length > 0;
  const columnsNeeded = width * (factualNeeded ? 2 : 1) + 4;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLES || n * columnsNeeded > MAX_SIMULATION_VALUES) {
    const most = Math.min(MAX_SAMPLES, Math.floor(MAX_SIMULATION_VALUES / columnsNeeded));
    throw new IslError("ISL_INVALID_INPUT", `samples must be an integer from 1 to ${most} for this model (got ${String(n)}).`, {
      details: { field: "samples", value: String(n), max: most },
      recovery: { hints: ["10,000 samples give Monte Carlo errors of about 1% of a standard deviation."], suggestion: `Use 1 to ${most} samples.` },
    });
  }
  const cfSteps = model.endogenous.filter((name) => !interventions.has(name));
  let scratch: Scratch | undefined;
  // NOTE: what a kernel-memory run needs besides the columns, made on the first such run.
  let kernelPlan: { drawn: number[]; constants: { slot: number; value: number }[]; steps: EquationStep[] } | undefined;
  const kernelMemoryPlan = () => {
    const stepSlots = new Set(cfSteps.map((name) => model.slotOf.get(name)!));
    return {
      drawn: model.order.flatMap((name, slot) => (stepSlots.has(slot) || interventions.has(name) ? [] : [slot])),
      constants: [...interventions].map(([name, value]) => ({ slot: model.slotOf.get(name)!, value })),
      steps: cfSteps.map((name) => {
        const compiled = model.equations.get(name)!.compiled;
        return { slot: model.slotOf.get(name)!, kernel: compiled.kernel, affine: compiled.affine, scan: true, keep: true };
      }),
    };
  };
  // NOTE: columns are allocated by the first run (a caller may only need the validation).
  let memory: ReturnType<typeof allocate> | undefined;
  const allocate = () => {
    const constant = (value: number): Float64Array => new Float64Array(n).fill(value);
    return {
      zeros: new Float64Array(n),
      ones: constant(1),
      tmpA: new Float64Array(n),
      tmpB: new Float64Array(n),
      solved: new Map([...plan.solvedBy.keys()].map((name) => [name, new Float64Array(n)])),
      fixed: new Map([...plan.fixed].map(([name, value]) => [name, constant(value)])),
      factual: new Map(factualNeeded ? model.endogenous.map((name) => [name, new Float64Array(n)]) : []),
      counterfactual: new Map(model.order.filter((name) => interventions.has(name) || model.equations.has(name)).map((name) => [name, interventions.has(name) ? constant(interventions.get(name)!) : new Float64Array(n)])),
    };
  };

  return {
    samples: n,
    run(exogenous, overrides, partial) {
      const abducted = partial === undefined ? undefined : plan.steps.find((step) => overrides?.has(step.variable) === true);
      if (abducted !== undefined) {
        throw new IslError("ISL_INVALID_INPUT", `A partial counterfactual run cannot override the equation of '${abducted.variable}': the abduction uses it, so every variable may change.`, {
          details: { variable: abducted.variable },
          recovery: { hints: ["Run the whole model when an overridden equation is used to infer exogenous terms from the context."], suggestion: "Omit the partial run for this override." },
        });
      }
      memory ??= allocate();
      const { zeros, ones, tmpA, tmpB, solved, fixed, factual, counterfactual } = memory;
      const compiledOf = (name: string): CompiledExpression => overrides?.get(name) ?? model.equations.get(name)!.compiled;
      const registers = Math.max(model.registers, ...[...(overrides?.values() ?? [])].map((c) => c.registers));
      if (scratch === undefined || scratch.registers.length < registers) scratch = createScratch(registers, Math.min(n, BLOCK_SIZE));
      const work = scratch;
      const exogenousColumn = (name: string): Float64Array => {
        const column = fixed.get(name) ?? solved.get(name) ?? exogenous.get(name);
        if (column === undefined || column.length < n) {
          throw new IslError("ISL_INVALID_INPUT", `No column of ${n} draws was given for the exogenous variable '${name}'.`, {
            details: { variable: name },
            recovery: { hints: ["Pass drawExogenous(model, plan.free, rng, samples)."], suggestion: "Give every free exogenous variable a column." },
          });
        }
        return column;
      };
      const factualSlots = model.order.map((name) => factual.get(name) ?? (model.distributions.has(name) || fixed.has(name) ? exogenousColumn(name) : zeros));
      const kept = (name: string): Float64Array | undefined => (partial !== undefined && !partial.recompute.has(name) ? partial.baseline.columns.get(name) : undefined);
      const cfSlots = model.order.map((name, slot) => kept(name) ?? counterfactual.get(name) ?? factualSlots[slot]!);
      const runs = (name: string): boolean => partial === undefined || partial.recompute.has(name);
      const nonFiniteBySlot = new Float64Array(width);
      const factualBlock = (views: readonly Float64Array[], start: number, count: number): void => {
        const facts = views.slice(0, width);
        const [zeroView, oneView, aView, bView] = views.slice(width);
        for (const step of plan.steps) {
          const slot = model.slotOf.get(step.variable)!;
          const compiled = compiledOf(step.variable);
          if (step.kind === "compute") compiled.kernel(facts, facts[slot]!, count, work);
          else if (step.kind === "check") {
            compiled.kernel(facts, aView!, count, work);
            checkObservation(model, step.variable, step.value, aView!, count, start);
            facts[slot]!.fill(step.value);
          } else {
            const termSlot = model.slotOf.get(step.exogenous)!;
            const target = facts[termSlot]!;
            const trial = facts.slice();
            trial[termSlot] = zeroView!;
            compiled.kernel(trial, aView!, count, work);
            trial[termSlot] = oneView!;
            compiled.kernel(trial, bView!, count, work);
            solveTerm(model, step, aView!, bView!, target, count, start);
            facts[slot]!.fill(step.value);
          }
        }
      };
      // NOTE: with the WebAssembly kernels, the factual world (abduction, when something endogenous
      // is observed and the run is not partial) is computed first, block by block in JavaScript,
      // and then the prediction runs in the kernels' memory; per sample these are the same
      // operations as the all-JavaScript path, which does both in one pass over the blocks.
      const wasm = wasmAffineKernel();
      if (wasm !== null && plan.steps.length > 0 && partial === undefined) {
        forEachBlock([...factualSlots, zeros, ones, tmpA, tmpB], n, (views, start, count) => {
          if (signal?.aborted === true) throw timeout(start, n);
          factualBlock(views, start, count);
        });
      }
      if (wasm !== null) {
        kernelPlan ??= kernelMemoryPlan();
        const plain = kernelPlan;
        const steps = overrides === undefined && partial === undefined ? plain.steps : plain.steps.flatMap((step, i) => {
          if (!runs(cfSteps[i]!)) return [];
          const compiled = overrides?.get(cfSteps[i]!);
          return compiled === undefined ? [step] : [{ ...step, kernel: compiled.kernel, affine: compiled.affine }];
        });
        runInKernelMemory(wasm.normal, wasm.affine, {
          n,
          columns: cfSlots,
          streamed: [],
          drawn: partial === undefined ? plain.drawn : inputsOf(steps.map((step) => step.slot)),
          constants: plain.constants,
          steps,
          registers,
          nonFiniteBySlot,
          beforeBlock: (start) => {
            if (signal?.aborted === true) throw timeout(start, n);
          },
        });
        return worldOf(cfSlots, nonFiniteBySlot, partial);
      }
      const all = [...factualSlots, zeros, ones, tmpA, tmpB, ...cfSlots];
      forEachBlock(all, n, (views, start, count) => {
        if (signal?.aborted === true) throw timeout(start, n);
        if (partial === undefined) factualBlock(views, start, count);
        const world = views.slice(width + 4);
        for (const name of cfSteps) {
          if (!runs(name)) continue;
          const slot = model.slotOf.get(name)!;
          compiledOf(name).kernel(world, world[slot]!, count, work);
          nonFiniteBySlot[slot] = nonFiniteBySlot[slot]! + countNonFinite(world[slot]!, count);
        }
      });
      return worldOf(cfSlots, nonFiniteBySlot, partial);
    },
  };

  /** The slots the steps at `stepSlots` read and do not compute (their parents), without the intervened ones. */
  function inputsOf(stepSlots: readonly number[]): number[] {
    const computed = new Set(stepSlots);
    const inputs = new Set<number>();
    for (const slot of stepSlots) {
      for (const parent of model.equations.get(model.order[slot]!)!.parents) {
        const p = model.slotOf.get(parent)!;
        if (!computed.has(p) && !interventions.has(parent)) inputs.add(p);
      }
    }
    return [...inputs].sort((a, b) => a - b);
  }

  /** The counterfactual world of a run: its columns, and the non-finite counts (equations' from the run, the rest counted or from the baseline). */
  function worldOf(cfSlots: readonly Float64Array[], nonFiniteBySlot: Float64Array, partial: PartialRun | undefined): Simulation {
    const columns = new Map<string, Float64Array>();
    const nonFinite = new Map<string, number>();
    model.order.forEach((name, slot) => {
      columns.set(name, cfSlots[slot]!);
      const count =
        partial !== undefined && !partial.recompute.has(name)
          ? (partial.baseline.nonFinite.get(name) ?? 0)
          : model.equations.has(name) && !interventions.has(name)
            ? nonFiniteBySlot[slot]!
            : countNonFinite(cfSlots[slot]!, n);
      if (count > 0) nonFinite.set(name, count);
    });
    return { samples: n, columns, nonFinite, interventions };
  }
}

/** Writes U = (v − A) / (B − A) for one block; refuses a zero or non-finite slope. */
function solveTerm(model: StructuralCausalModel, step: { variable: string; exogenous: string; value: number }, a: Float64Array, b: Float64Array, target: Float64Array, count: number, start: number): void {
  const v = step.value;
  for (let i = 0; i < count; i++) {
    const intercept = a[i]!;
    const slope = b[i]! - intercept;
    const u = (v - intercept) / slope;
    if (slope === 0 || !Number.isFinite(u)) {
      const text = model.equations.get(step.variable)!.text;
      throw new IslError("ISL_VALIDATION_ERROR", `Cannot use the observed value of '${step.variable}': in sample ${start + i} its equation (${step.variable} = ${text.slice(0, 200)}) ${slope === 0 ? `does not depend on '${step.exogenous}' (coefficient 0)` : "gives a non-finite value"}, so '${step.exogenous}' cannot be inferred from the observation.`, {
        details: { variable: step.variable, equation: text.slice(0, 1000), exogenous: step.exogenous, sample: start + i, intercept: String(intercept), coefficient: String(slope) },
        recovery: { hints: [`Make the coefficient of '${step.exogenous}' nonzero for every value of the other parents, or give '${step.exogenous}' in context.`], suggestion: `Remove '${step.variable}' from context or change its equation.` },
      });
    }
    target[i] = u;
  }
}

/** Refuses an observation that a deterministic equation does not reproduce (relative tolerance 1e-9). */
function checkObservation(model: StructuralCausalModel, variable: string, value: number, computed: Float64Array, count: number, start: number): void {
  for (let i = 0; i < count; i++) {
    const c = computed[i]!;
    if (Math.abs(c - value) <= 1e-9 * Math.max(1, Math.abs(value), Math.abs(c))) continue;
    const text = model.equations.get(variable)!.text;
    throw new IslError("ISL_VALIDATION_ERROR", `The observed value ${value} of '${variable}' contradicts its equation (${variable} = ${text.slice(0, 200)}), which gives ${c} in sample ${start + i}. The equation has no exogenous term left to absorb the difference, so no counterfactual is consistent with the context.`, {
      details: { variable, equation: text.slice(0, 1000), observed: value, computed: String(c), sample: start + i },
      recovery: {
        hints: ["Check the observed value and the equation.", "Give the equation an exogenous noise term (e.g. '+ U' with U a distribution), or put the values of its parents in context so it is determined."],
        suggestion: `Remove '${variable}' from context or make it consistent with its equation.`,
      },
    });
  }
}

/** Validates interventions: known variables, finite values. */
function checkInterventions(model: StructuralCausalModel, interventions: ReadonlyMap<string, number>): void {
  for (const [name, value] of interventions) {
    if (!model.slotOf.has(name)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `Cannot intervene on '${String(name)}': it is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
        details: { field: "intervention", variable: String(name), variables: model.order.slice(0, 200) },
        recovery: { hints: ["Intervene on a variable that has an equation or a distribution, or that an equation reads."], suggestion: "Fix the intervention's variable name." },
      });
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `The intervention on '${name}' must be a finite number (got ${String(value)}).`, {
        details: { field: "intervention", variable: name, value: String(value) },
        recovery: { hints: ["NaN and ±Infinity cannot be set by do()."], suggestion: `Give '${name}' a finite value.` },
      });
    }
  }
}

/** ISL_TIMEOUT for a run stopped at sample `done` of `total`. */
function timeout(done: number, total: number): IslError {
  return new IslError("ISL_TIMEOUT", `The counterfactual simulation was stopped after ${done} of ${total} samples (deadline passed or caller gone).`, {
    details: { completedSamples: done, samples: total },
    recovery: { hints: ["Use fewer samples or a simpler model."], suggestion: "Retry with fewer samples." },
  });
}
