/**
 * Reads the {@link PlotCostShape} of a raw `robustness/analyze/v2` body, the request "as sent"
 * (before any node filtering), for the admission gate. Defensive: a body that the request model
 * would refuse anyway (wrong types, sizes over the caps, n_samples out of range) yields `undefined`,
 * so that the schema, not the cost gate, reports it. O(N + E + P + C).
 */
import { PLOT_N_SAMPLES, PLOT_REQUEST_CAPS, STATUS_QUO_FRAMES, type PlotCostShape } from "./admission.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalList(value: unknown): unknown[] | undefined | false {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value : false;
}

/**
 * The cost shape of a raw analyze/v2 request body, or `undefined` when the body is not a plausible
 * request (the request model then answers with its own 422).
 *
 * @param body - The parsed JSON body.
 */
export function plotCostShapeOf(body: unknown): PlotCostShape | undefined {
  const caps = PLOT_REQUEST_CAPS;
  if (!isRecord(body) || !isRecord(body.graph)) return undefined;
  const { nodes, edges } = body.graph;
  if (!Array.isArray(nodes) || nodes.length < 1 || nodes.length > caps.max_nodes) return undefined;
  if (!Array.isArray(edges) || edges.length > caps.max_edges) return undefined;
  const options = body.options;
  if (!Array.isArray(options) || options.length < 1 || options.length > caps.max_options) return undefined;
  const nSamples = body.n_samples ?? PLOT_N_SAMPLES.default;
  if (typeof nSamples !== "number" || !Number.isInteger(nSamples) || nSamples < PLOT_N_SAMPLES.min || nSamples > PLOT_N_SAMPLES.max) return undefined;

  const uncertainties = optionalList(body.parameter_uncertainties);
  if (uncertainties === false || (uncertainties !== undefined && uncertainties.length > caps.max_parameter_uncertainties)) return undefined;
  const uncertainNodes = new Set<string>();
  for (const pu of uncertainties ?? []) if (isRecord(pu) && typeof pu.node_id === "string") uncertainNodes.add(pu.node_id);

  const candidates = optionalList(body.control_candidates);
  if (candidates === false || (candidates !== undefined && candidates.length > caps.max_control_candidates)) return undefined;
  let controlValueCount = 0;
  for (const candidate of candidates ?? []) {
    if (!isRecord(candidate) || !Array.isArray(candidate.values) || candidate.values.length > caps.max_control_values) return undefined;
    controlValueCount += candidate.values.length;
  }

  const analysisTypes = body.analysis_types === null ? false : optionalList(body.analysis_types);
  if (analysisTypes === false) return undefined;
  const frame = body.goal_threshold_frame;
  return {
    nSamples,
    options: options.length,
    nodes: nodes.length,
    edges: edges.length,
    distinctUncertainNodes: uncertainNodes.size,
    sensitivity: analysisTypes === undefined || analysisTypes.includes("sensitivity"),
    statusQuo: typeof body.goal_threshold === "number" && typeof frame === "string" && STATUS_QUO_FRAMES.includes(frame),
    includeVoi: body.include_voi === true,
    includeEValues: body.include_e_values === true,
    includeFactorFlips: body.include_factor_flips === true,
    includePathDecomposition: body.include_path_decomposition === true,
    controlCandidates: (candidates?.length ?? 0) > 0,
    controlValueCount,
  };
}
