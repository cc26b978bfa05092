/**
 * The structural evaluator of the analyze/v2 model: one option on one world (edge strengths and
 * factor draws) in topological order. Per node: an intervened node takes its setting (framed by
 * the status-quo rule: attested level equal to the setting ⇒ this draw's status-quo value;
 * non-root with a level ⇒ status-quo value + (setting − level); else the raw setting); otherwise
 * value = base + intercept + Σ parent·strength, where base = the node's factor draw if any, else
 * (roots only) the observed value, else 0; with structural noise on, value += noise and is clamped
 * to [0, 1]. The status-quo reading is the same propagation with no interventions and no noise.
 * Complexity: O(N + E) per evaluation (twice when the option needs the status-quo reading).
 * Reference: plot-v2-engine.md §3.5.
 */
import { SET_NONE, SET_RAW, SET_STATUS_QUO, type PlotModel } from "./model.js";

/** A world: one value per edge (0 = absent) and one factor draw per node (NaN = no draw). */
export interface PlotWorld {
  /** Per edge (model edge order): the strength used on this draw, 0 when the edge is absent. */
  readonly edgeStrength: Float64Array;
  /** Per node (model node order): the factor's draw, NaN when the node has no draw. */
  readonly factorValue: Float64Array;
}

/** Options of {@link evaluateAll} / {@link evaluateGoal}. */
export interface EvaluateOptions {
  /**
   * Structural noise per node (already scaled by epsilon_std), e.g. one row of the main Monte
   * Carlo's epsilon stream. Absent ⇒ noise off (every post-MC structural phase runs noise-free).
   */
  readonly noise?: Float64Array;
  /** Output buffer of length N to reuse (avoids an allocation per call). */
  readonly out?: Float64Array;
  /** Scratch buffer of length N for the status-quo reading (avoids an allocation per call). */
  readonly scratch?: Float64Array;
}

/** Option index meaning "no interventions" (the status-quo reading). */
export const STATUS_QUO_OPTION = -1;

/**
 * The mean world: every edge at mean·exists_probability, no factor draws except `probed`.
 *
 * @param model - The compiled model.
 * @param probed - Optional single factor draw `{nodeIndex, value}`.
 * @returns A fresh world.
 */
export function meanWorld(model: PlotModel, probed?: { nodeIndex: number; value: number }): PlotWorld {
  const edgeStrength = new Float64Array(model.edges.length);
  model.edges.forEach((e, i) => {
    edgeStrength[i] = e.mean * e.existsProbability;
  });
  const factorValue = new Float64Array(model.nodes.length).fill(Number.NaN);
  if (probed) factorValue[probed.nodeIndex] = probed.value;
  return { edgeStrength, factorValue };
}

/** Linear propagation with no interventions; noise applied when given. */
function propagateStatusQuo(model: PlotModel, world: PlotWorld, values: Float64Array): void {
  const { nodes, edges, order } = model;
  const { edgeStrength, factorValue } = world;
  for (let k = 0; k < order.length; k++) {
    const v = order[k]!;
    const node = nodes[v]!;
    values[v] = linearValue(node, v, edges, edgeStrength, factorValue, values);
  }
}

/** base + intercept + Σ parent·strength for node v. */
function linearValue(
  node: PlotModel["nodes"][number],
  v: number,
  edges: PlotModel["edges"],
  edgeStrength: Float64Array,
  factorValue: Float64Array,
  values: Float64Array,
): number {
  const draw = factorValue[v]!;
  let value = draw === draw ? draw : node.isRoot && node.observedValue !== undefined ? node.observedValue : 0;
  value += node.intercept;
  const parents = node.parentEdges;
  for (let j = 0; j < parents.length; j++) {
    const e = parents[j]!;
    value += values[edges[e]!.from]! * edgeStrength[e]!;
  }
  return value;
}

/**
 * Values of every node under one option on one world.
 *
 * @param model - The compiled model.
 * @param world - Edge strengths and factor draws.
 * @param optionIndex - Index into `model.options`, or {@link STATUS_QUO_OPTION} for no interventions.
 * @param options - Noise (off by default) and reusable buffers.
 * @returns Node values in model node order (`options.out` when given).
 */
export function evaluateAll(model: PlotModel, world: PlotWorld, optionIndex: number, options: EvaluateOptions = {}): Float64Array {
  const n = model.nodes.length;
  const values = options.out ?? new Float64Array(n);
  const option = optionIndex >= 0 ? model.options[optionIndex]! : undefined;
  if (!option) {
    if (options.noise) propagateWithNoise(model, world, undefined, undefined, options.noise, values);
    else propagateStatusQuo(model, world, values);
    return values;
  }
  let statusQuo: Float64Array | undefined;
  if (option.needsStatusQuo) {
    statusQuo = options.scratch ?? new Float64Array(n);
    propagateStatusQuo(model, world, statusQuo);
  }
  propagateWithNoise(model, world, option, statusQuo, options.noise, values);
  return values;
}

/** The full propagation of one option. */
function propagateWithNoise(
  model: PlotModel,
  world: PlotWorld,
  option: PlotModel["options"][number] | undefined,
  statusQuo: Float64Array | undefined,
  noise: Float64Array | undefined,
  values: Float64Array,
): void {
  const { nodes, edges, order } = model;
  const { edgeStrength, factorValue } = world;
  const setMode = option?.setMode;
  const setValue = option?.setValue;
  for (let k = 0; k < order.length; k++) {
    const v = order[k]!;
    const mode = setMode ? setMode[v]! : SET_NONE;
    if (mode !== SET_NONE) {
      values[v] = mode === SET_RAW ? setValue![v]! : mode === SET_STATUS_QUO ? statusQuo![v]! : statusQuo![v]! + setValue![v]!;
      continue;
    }
    const node = nodes[v]!;
    let value = linearValue(node, v, edges, edgeStrength, factorValue, values);
    if (noise && node.epsilonStd > 0) {
      value += noise[v]!;
      value = value < 0 ? 0 : value > 1 ? 1 : value;
    }
    values[v] = value;
  }
}

/**
 * The goal's value under one option on one world (noise off unless `options.noise` is given).
 *
 * @param model - The compiled model.
 * @param world - Edge strengths and factor draws.
 * @param optionIndex - Index into `model.options`, or {@link STATUS_QUO_OPTION}.
 * @param options - Noise and reusable buffers.
 * @returns The goal node's value.
 */
export function evaluateGoal(model: PlotModel, world: PlotWorld, optionIndex: number, options: EvaluateOptions = {}): number {
  return evaluateAll(model, world, optionIndex, options)[model.goalIndex]!;
}
