/**
 * Monte Carlo simulation of a structural causal model over columns: each exogenous variable's
 * column is drawn from its own fork of the seeded stream (`rng.fork(name)`), so adding, removing or
 * intervening on one variable never shifts another's draws (common random numbers across
 * scenarios); then the equations fill their columns in topological order, block by block. An
 * intervention do(V = c) replaces V's equation or distribution by the constant c. Where WebAssembly
 * SIMD is available the blocks are evaluated in the kernels' memory (kernel-memory-blocks.ts) and
 * the columns of normal exogenous variables are made on first read (simulation-columns.ts); the
 * values are the same bits either way.
 * Non-finite results (division by zero, log of a negative number, overflow) are IEEE values, not
 * errors: they are counted per variable in `nonFinite` and callers decide (see
 * {@link requireFiniteColumns}).
 * Complexity: O(n · (V + total equation size)) time; O(n · V) memory for the columns plus
 * O((V + registers) · 4096) block and scratch memory. Reference: J. Pearl, "Causality" (2nd ed., 2009), §3.2 (do()).
 */
import { IslError } from "../errors.js";
import { STANDARD_NORMAL_DRAW_BOUND, type Rng } from "../random/index.js";
import { wasmAffineKernel } from "./affine-wasm.js";
import { forEachBlock, BLOCK_SIZE } from "./column-evaluator.js";
import { createScratch } from "./compile.js";
import { sampleDistribution, type DistributionSpec } from "./distributions.js";
import { runInKernelMemory, type EquationStep, type StreamedNormal } from "./kernel-memory-blocks.js";
import { FINITE_BOUND, magnitudeBound } from "./magnitude-bound.js";
import { listVariables, type StructuralCausalModel } from "./model.js";
import { countNonFinite } from "./non-finite.js";
import { SimulationColumns, type DeferredColumn } from "./simulation-columns.js";

export { countNonFinite } from "./non-finite.js";

/** Most samples one simulation may draw. */
export const MAX_SAMPLES = 1_000_000;

/** Most values (samples × variables) one simulation may hold: 2²⁶ doubles = 512 MiB of columns. */
export const MAX_SIMULATION_VALUES = 2 ** 26;

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of samples (1 … {@link MAX_SAMPLES}). */
  readonly samples: number;
  /** The stream to draw from; each exogenous variable V uses `rng.fork(V)`. */
  readonly rng: Rng;
  /** do(): variable → constant. */
  readonly interventions?: ReadonlyMap<string, number> | undefined;
  /** Checked between blocks; when aborted the simulation stops with ISL_TIMEOUT. */
  readonly signal?: AbortSignal | undefined;
  /**
   * A previous simulation of the same model with the same sample count whose columns are
   * overwritten instead of allocating new ones (fresh memory costs more than the arithmetic in
   * loops of many simulations). The previous result must not be used afterwards.
   */
  readonly reuse?: Simulation | undefined;
  /**
   * Make every column during the simulation. By default the columns of normal exogenous variables
   * and of intervened ones are made on first read (most callers read a few outcomes); a caller
   * that will read them all saves time with true (copying a block is cheaper than drawing it again).
   */
  readonly everyColumn?: boolean | undefined;
}

/** The result of {@link simulate}. */
export interface Simulation {
  /** Number of samples in every column. */
  readonly samples: number;
  /**
   * One column per variable, in the model's topological order. Columns of normal exogenous
   * variables and of intervened ones may be made on first read (from the same generator states, so
   * with the same values the equations used; or the constant): reading a column can allocate, and
   * iterating makes them all.
   */
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** Count of NaN or ±Infinity values per variable, only for variables that have any (topological order). */
  readonly nonFinite: ReadonlyMap<string, number>;
  /** The interventions applied. */
  readonly interventions: ReadonlyMap<string, number>;
}

/**
 * Simulates the model.
 *
 * @param model - A model from {@link buildStructuralModel}.
 * @param options - Sample count, random stream, interventions, abort signal.
 * @returns Every variable's column and the non-finite counts.
 * @throws IslError ISL_INVALID_INPUT for a bad sample count or more than
 *   {@link MAX_SIMULATION_VALUES} values in all; ISL_INVALID_INTERVENTION for an
 *   intervention on an unknown variable or with a non-finite value; ISL_MISSING_VARIABLE when an
 *   input variable is not intervened on; ISL_TIMEOUT when `signal` aborts.
 */
export function simulate(model: StructuralCausalModel, options: SimulateOptions): Simulation {
  const n = options.samples;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) {
    throw new IslError("ISL_INVALID_INPUT", `samples must be an integer from 1 to ${MAX_SAMPLES} (got ${String(n)}).`, {
      details: { field: "samples", value: String(n), max: MAX_SAMPLES },
      recovery: { hints: ["10,000 samples give Monte Carlo errors of about 1% of a standard deviation."], suggestion: `Use 1 to ${MAX_SAMPLES} samples.` },
    });
  }
  if (n * model.order.length > MAX_SIMULATION_VALUES) {
    const most = Math.floor(MAX_SIMULATION_VALUES / model.order.length);
    throw new IslError("ISL_INVALID_INPUT", `${n} samples of ${model.order.length} variables need ${n * model.order.length} values, more than the ${MAX_SIMULATION_VALUES} (512 MiB) one simulation may hold. Use at most ${most} samples for this model.`, {
      details: { field: "samples", value: n, variables: model.order.length, limit: MAX_SIMULATION_VALUES, maxSamples: most },
      recovery: { hints: [`Use at most ${most} samples.`, "Monte Carlo error shrinks with √n: 100,000 samples are usually plenty."], suggestion: `Reduce samples to ${most} or fewer.` },
    });
  }
  const interventions = checkInterventions(model, options.interventions ?? new Map());
  const missing = model.inputs.filter((name) => !interventions.has(name));
  if (missing.length > 0) {
    throw new IslError("ISL_MISSING_VARIABLE", `Variable${missing.length > 1 ? "s" : ""} ${missing.map((s) => `'${s}'`).join(", ")} ${missing.length > 1 ? "have" : "has"} no equation or distribution and no intervention sets ${missing.length > 1 ? "them" : "it"}.`, {
      details: { variables: missing },
      recovery: { hints: ["Intervene on each listed variable, or give it a distribution in the model."], suggestion: "Set every input variable." },
    });
  }
  const signal = options.signal;
  // NOTE: with the WebAssembly kernels, normal exogenous columns are drawn block by block into
  // kernel memory (kernel-memory-blocks.ts), and their result columns, like intervened variables'
  // constant ones, are made on first read (simulation-columns.ts); otherwise every column is made
  // whole, here.
  const wasm = wasmAffineKernel();
  const streams = (name: string): boolean => wasm !== null && !interventions.has(name) && model.distributions.get(name)?.type === "normal";
  const defers = (name: string): boolean => options.everyColumn !== true && (streams(name) || (wasm !== null && interventions.has(name)));
  const columns: Float64Array[] = model.order.map((name) => (defers(name) ? EMPTY_COLUMN : (reusableColumn(options.reuse, name, n) ?? new Float64Array(n))));
  const deferred = new Map<string, DeferredColumn>();
  const streamed: StreamedNormal[] = [];
  const drawn: number[] = [];
  const constants: { slot: number; value: number }[] = [];
  // NOTE: non-finite values are counted while each column (or block) is still in cache, and only in
  // columns whose magnitude bound does not prove them finite (magnitude-bound.ts).
  const nonFiniteBySlot = new Float64Array(model.order.length);
  const boundBySlot = new Float64Array(model.order.length).fill(Number.POSITIVE_INFINITY);
  model.order.forEach((name, slot) => {
    const value = interventions.get(name);
    if (value !== undefined) {
      if (defers(name)) deferred.set(name, { kind: "constant", value, n, into: reusableColumn(options.reuse, name, n) });
      else columns[slot]!.fill(value);
      constants.push({ slot, value });
      boundBySlot[slot] = Math.abs(value);
      return;
    }
    const distribution = model.distributions.get(name);
    if (distribution === undefined) return;
    boundBySlot[slot] = distributionBound(distribution);
    const scan = !(boundBySlot[slot]! < FINITE_BOUND);
    if (streams(name)) {
      const lanes = options.rng.fork(name).normalLanes();
      const mean = distribution.parameters.mean!;
      const sd = distribution.parameters.std!;
      const keep = !defers(name);
      if (!keep) deferred.set(name, { kind: "normal", lanes: { lanes: lanes.lanes.slice(), slow: lanes.slow.slice() }, mean, sd, n, into: reusableColumn(options.reuse, name, n) });
      streamed.push({ slot, lanes, mean, sd, scan, keep });
      return;
    }
    sampleDistribution(distribution, options.rng.fork(name), columns[slot]!);
    drawn.push(slot);
    if (scan) nonFiniteBySlot[slot] = countNonFinite(columns[slot]!);
  });
  const boundOf = (name: string): number => boundBySlot[model.slotOf.get(name)!]!;
  const steps: EquationStep[] = model.endogenous
    .filter((name) => !interventions.has(name))
    .map((name) => {
      const slot = model.slotOf.get(name)!;
      const compiled = model.equations.get(name)!.compiled;
      boundBySlot[slot] = magnitudeBound(compiled.expression, boundOf);
      return { slot, kernel: compiled.kernel, affine: compiled.affine, scan: !(boundBySlot[slot]! < FINITE_BOUND), keep: true };
    });
  const beforeBlock = (start: number): void => {
    if (signal?.aborted === true) throw timeout(start, n);
  };
  if (wasm !== null) {
    runInKernelMemory(wasm.normal, wasm.affine, { n, columns, streamed, drawn, constants, steps, registers: model.registers, nonFiniteBySlot, beforeBlock });
  } else if (steps.length > 0) {
    const scratch = createScratch(model.registers, Math.min(n, BLOCK_SIZE));
    forEachBlock(columns, n, (views, start, count) => {
      beforeBlock(start);
      for (const { slot, kernel, scan } of steps) {
        const out = views[slot]!;
        kernel(views, out, count, scratch);
        if (scan) nonFiniteBySlot[slot] = nonFiniteBySlot[slot]! + countNonFinite(out, count);
      }
    });
  }
  const nonFinite = new Map<string, number>();
  model.order.forEach((name, slot) => {
    if (nonFiniteBySlot[slot]! > 0) nonFinite.set(name, nonFiniteBySlot[slot]!);
  });
  const result = new SimulationColumns(model.order, (name) => deferred.get(name) ?? columns[model.slotOf.get(name)!]!);
  return { samples: n, columns: result, nonFinite, interventions };
}

/** Placeholder in `columns` for a column made on first read (never written). */
const EMPTY_COLUMN = new Float64Array(0);

/** The array of `name` in a previous simulation when it has exactly n samples (not made if deferred). */
function reusableColumn(previous: Simulation | undefined, name: string, n: number): Float64Array | undefined {
  const columns = previous?.columns;
  const column = columns instanceof SimulationColumns ? columns.storage(name) : columns?.get(name);
  return column instanceof Float64Array && column.length === n ? column : undefined;
}

/** Validates the interventions against the model; returns them in a fresh Map. */
function checkInterventions(model: StructuralCausalModel, interventions: ReadonlyMap<string, number>): Map<string, number> {
  if (!(interventions instanceof Map)) {
    throw new IslError("ISL_INVALID_INTERVENTION", "interventions must be a Map from variable name to value.", {
      details: {},
      recovery: { hints: ["Pass new Map(Object.entries(request.intervention))."], suggestion: "Give interventions as a Map." },
    });
  }
  const out = new Map<string, number>();
  for (const [name, value] of interventions) {
    if (!model.slotOf.has(name)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `Cannot intervene on '${String(name)}': it is not a variable of the model. Variables: ${listVariables(model.order)}.`, {
        details: { variable: String(name), variables: model.order.slice(0, 200) },
        recovery: { hints: ["Intervene on a variable that has an equation or a distribution, or declare it as an input of the model."], suggestion: "Fix the intervention's variable name." },
      });
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new IslError("ISL_INVALID_INTERVENTION", `The intervention on '${name}' must be a finite number (got ${String(value)}).`, {
        details: { variable: name, value: String(value) },
        recovery: { hints: ["Use a finite number; NaN and ±Infinity cannot be set by do()."], suggestion: `Give '${name}' a finite value.` },
      });
    }
    out.set(name, value);
  }
  return out;
}

/** ISL_TIMEOUT for a simulation stopped at sample `done` of `total`. */
function timeout(done: number, total: number): IslError {
  return new IslError("ISL_TIMEOUT", `The simulation was stopped after ${done} of ${total} samples (deadline passed or caller gone).`, {
    details: { completedSamples: done, samples: total },
    recovery: { hints: ["Use fewer samples or a simpler model."], suggestion: "Retry with fewer samples." },
  });
}

/**
 * An upper bound on |draw| of `spec` (Infinity for the unbounded families): normal draws are
 * mean + sd·Z with |Z| < {@link STANDARD_NORMAL_DRAW_BOUND}; uniform ones lie in [min, max] when
 * max − min is finite; bernoulli in {0, 1}; triangular in [min, max] when (max − min)² is finite; a
 * point mass is its value. (Beta draws are a ratio of gamma draws, which can both underflow: scanned.)
 */
function distributionBound(spec: DistributionSpec): number {
  const p = spec.parameters;
  switch (spec.type) {
    case "normal":
      return Math.abs(p.mean!) + STANDARD_NORMAL_DRAW_BOUND * p.std!;
    case "uniform":
      return Number.isFinite(p.max! - p.min!) ? Math.max(Math.abs(p.min!), Math.abs(p.max!)) : Number.POSITIVE_INFINITY;
    case "triangular":
      // NOTE: the inverse transform multiplies two widths, so their product must be finite too.
      return (p.max! - p.min!) * (p.max! - p.min!) < FINITE_BOUND ? Math.max(Math.abs(p.min!), Math.abs(p.max!)) : Number.POSITIVE_INFINITY;
    case "bernoulli":
      return 1;
    case "point_mass":
      return Math.abs(p.value!);
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/**
 * Refuses a simulation whose listed variables contain non-finite values, naming the variable where
 * they first arise (the earliest, in topological order, of the listed variables and their ancestors
 * that has any).
 *
 * @param model - The model simulated.
 * @param simulation - Its result.
 * @param variables - The variables that must be finite (default: all).
 * @throws IslError ISL_VALIDATION_ERROR naming the originating equation or distribution, the count
 *   and the sample size.
 */
export function requireFiniteColumns(model: StructuralCausalModel, simulation: Simulation, variables: readonly string[] = model.order): void {
  if (!variables.some((name) => simulation.nonFinite.has(name))) return;
  // NOTE: the origin is the earliest variable, in topological order, among the listed variables
  // and their ancestors (an intervened variable has no ancestors) that has non-finite values.
  const ancestors = new Set<string>();
  const stack = [...variables];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (ancestors.has(name)) continue;
    ancestors.add(name);
    if (!simulation.interventions.has(name)) stack.push(...(model.equations.get(name)?.parents ?? []));
  }
  const origin = model.order.find((name) => ancestors.has(name) && simulation.nonFinite.has(name))!;
  const count = simulation.nonFinite.get(origin)!;
  const equation = model.equations.get(origin);
  const source = equation !== undefined && !simulation.interventions.has(origin) ? `The equation for '${origin}' (${equation.text.slice(0, 200)})` : `The distribution of '${origin}'`;
  throw new IslError("ISL_VALIDATION_ERROR", `${source} produced ${count} non-finite value${count > 1 ? "s" : ""} (NaN or ±Infinity) in ${simulation.samples} samples.`, {
    details: { variable: origin, nonFinite: count, samples: simulation.samples, affected: [...simulation.nonFinite.keys()] },
    recovery: {
      hints: ["Guard divisions and logarithms, e.g. log(max(x, 1e-9)) or if(d != 0, n / d, 0).", "Check for overflow: exp() and ** above about 1e308 give Infinity."],
      suggestion: `Make the equation for '${origin}' finite for every value its inputs can take.`,
    },
  });
}
