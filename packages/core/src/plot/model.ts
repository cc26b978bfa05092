/**
 * Compiles a parsed analyze/v2 request into the evaluation model of PLoT's linear decision graph:
 * the inference filter (decision/option/constraint nodes and their edges dropped), strength means
 * clamped to [−1, 1], default existence probabilities, the topological order (Kahn's algorithm with
 * a FIFO queue seeded in node-list order, children in edge order), parent lists per node, the
 * parameter-uncertain factors with their centres, and the options' interventions with the
 * status-quo framing rule of plot-v2-engine.md §3.5.
 * Complexity: O(N + E + Σ|interventions|).
 * Reference: plot-v2-engine.md §3.1, §3.4 (centres), §3.5 (evaluator); A. B. Kahn, "Topological
 * sorting of large networks", CACM 5(11), 1962.
 */
import type { PlotAnalyzeRequest } from "@olumi/contracts";
import { plotBlockedError } from "./blocked.js";

/** Node kinds removed before inference (plot-v2-engine.md §3.1). */
export const FILTERED_NODE_KINDS: ReadonlySet<string> = new Set(["decision", "option", "constraint"]);

/** Default `exists_probability` of an edge that does not send one. */
export const DEFAULT_EXISTS_PROBABILITY = 0.8;

/** `observed_state.source` values whose level counts as attested (the anchor map of §4.16). */
export const ATTESTED_SOURCES: ReadonlySet<string> = new Set([
  "brief_extraction", "explicit", "user_override", "user", "user_edited", "user_calibration", "user_assumption", "user_stated",
  "user_confirmed", "panel_elicited", "user_ratified", "cee_inference", "inferred", "cee_repair", "system_repaired",
]);

/** How an option's setting of a node is applied on a draw. */
export const SET_NONE = 0;
/** The node takes the setting as given. */
export const SET_RAW = 1;
/** The node keeps this draw's status-quo value (attested level equal to the setting). */
export const SET_STATUS_QUO = 2;
/** The node takes this draw's status-quo value plus (setting − status-quo level) (non-root with a level). */
export const SET_SHIFT = 3;

/** One node of the filtered graph. */
export interface PlotModelNode {
  readonly id: string;
  readonly label: string;
  /** Lower-cased kind. */
  readonly kind: string;
  readonly intercept: number;
  readonly epsilonStd: number;
  /** `observed_state.value`, when sent. */
  readonly observedValue: number | undefined;
  /** `observed_state.baseline` if sent, else `observed_state.value` (the status-quo level). */
  readonly statusQuoLevel: number | undefined;
  /** `observed_state.source`, when sent. */
  readonly source: string | undefined;
  /** True when the node has no parents in the filtered graph. */
  readonly isRoot: boolean;
  /** Indices (into `PlotModel.edges`) of the edges into this node, in edge order. */
  readonly parentEdges: Int32Array;
  /** Index into `PlotModel.factors` when the node carries a parameter uncertainty, else −1. */
  readonly factorIndex: number;
}

/** One edge of the filtered graph. */
export interface PlotModelEdge {
  /** `"from->to"`. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly fromId: string;
  readonly toId: string;
  /** `strength.mean` clamped to [−1, 1]. */
  readonly mean: number;
  /** `strength.mean` as sent. */
  readonly requestMean: number;
  readonly std: number;
  readonly existsProbability: number;
  /** True when the request left `exists_probability` out (defaulted to 0.8). */
  readonly existsDefaulted: boolean;
  /** Held fixed at mean·p in every sampler (identity operands, event-risk preventers). */
  readonly definitional: boolean;
}

/** A factor with parameter uncertainty (request order). */
export interface PlotModelFactor {
  readonly nodeId: string;
  readonly nodeIndex: number;
  readonly family: "normal" | "uniform" | "point_mass";
  /** Uniform midpoint, else the observed value, else 0. */
  readonly centre: number;
  readonly centreSource: "uniform_midpoint" | "observed_value" | "default_zero";
  /** Normal std (0 for the other families). */
  readonly std: number;
  /** Uniform bounds (the centre for the other families). */
  readonly min: number;
  readonly max: number;
}

/** One option with its interventions compiled per node. */
export interface PlotModelOption {
  readonly id: string;
  readonly label: string;
  /** Interventions on nodes of the filtered graph, request key order. */
  readonly interventions: ReadonlyArray<{ readonly nodeIndex: number; readonly nodeId: string; readonly value: number }>;
  /** Per node: SET_NONE, SET_RAW, SET_STATUS_QUO or SET_SHIFT. */
  readonly setMode: Uint8Array;
  /** Per node: the setting (SET_RAW) or the offset setting − status-quo level (SET_SHIFT). */
  readonly setValue: Float64Array;
  /** True when some setting needs the draw's status-quo reading. */
  readonly needsStatusQuo: boolean;
}

/** The compiled evaluation model of one request. */
export interface PlotModel {
  readonly request: PlotAnalyzeRequest;
  readonly nodes: readonly PlotModelNode[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edges: readonly PlotModelEdge[];
  /** Topological order (node indices). */
  readonly order: Int32Array;
  readonly factors: readonly PlotModelFactor[];
  readonly options: readonly PlotModelOption[];
  readonly goalIndex: number;
  readonly objective: "maximise" | "minimise" | "target";
  /** Ids of the nodes the inference filter removed, graph order. */
  readonly droppedNodeIds: readonly string[];
  /** True when some node has epsilon_std > 0. */
  readonly hasEpsilon: boolean;
}

/** Centre of a factor's prior (plot-v2-engine.md §3.4). */
function factorCentre(
  pu: NonNullable<PlotAnalyzeRequest["parameter_uncertainties"]>[number],
  observed: number | undefined,
): Pick<PlotModelFactor, "centre" | "centreSource"> {
  if (pu.distribution === "uniform") return { centre: (pu.range_min! + pu.range_max!) / 2, centreSource: "uniform_midpoint" };
  if (observed !== undefined) return { centre: observed, centreSource: "observed_value" };
  return { centre: 0, centreSource: "default_zero" };
}

/** Kahn's algorithm, FIFO queue seeded with in-degree-0 nodes in node order, children in edge order. */
function fifoTopologicalOrder(n: number, edges: readonly PlotModelEdge[], nodeIds: readonly string[]): Int32Array {
  const inDegree = new Int32Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    inDegree[e.to]!++;
    children[e.from]!.push(e.to);
  }
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (inDegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (const c of children[v]!) {
      inDegree[c] = inDegree[c]! - 1;
      if (inDegree[c] === 0) order[tail++] = c;
    }
  }
  if (tail < n) {
    const onCycle = nodeIds.filter((_, v) => inDegree[v]! > 0);
    throw plotBlockedError("GRAPH_CYCLE_DETECTED", "Graph contains a cycle", { affectedNodeIds: onCycle, requestId: undefined });
  }
  return order;
}

/** True when |a − b| ≤ 1e-9·max(|a|, |b|) (relative tolerance, no absolute floor). */
function relativelyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Compiles one option's interventions against the filtered graph. */
function compileOption(option: PlotAnalyzeRequest["options"][number], nodes: readonly PlotModelNode[], nodeIndex: ReadonlyMap<string, number>): PlotModelOption {
  const setMode = new Uint8Array(nodes.length);
  const setValue = new Float64Array(nodes.length);
  const interventions: Array<{ nodeIndex: number; nodeId: string; value: number }> = [];
  let needsStatusQuo = false;
  for (const [nodeId, value] of Object.entries(option.interventions)) {
    const v = nodeIndex.get(nodeId);
    if (v === undefined) continue; // NOTE: settings of filtered (decision/option/constraint) nodes are ignored, as upstream.
    interventions.push({ nodeIndex: v, nodeId, value });
    const node = nodes[v]!;
    const level = node.statusQuoLevel;
    const attested = level !== undefined && node.source !== undefined && ATTESTED_SOURCES.has(node.source);
    if (attested && relativelyEqual(value, level)) {
      setMode[v] = SET_STATUS_QUO;
      needsStatusQuo = true;
    } else if (!node.isRoot && level !== undefined) {
      setMode[v] = SET_SHIFT;
      setValue[v] = value - level;
      needsStatusQuo = true;
    } else {
      setMode[v] = SET_RAW;
      setValue[v] = value;
    }
  }
  return { id: option.id, label: option.label, interventions, setMode, setValue, needsStatusQuo };
}

/**
 * Compiles a parsed analyze/v2 request into its evaluation model.
 *
 * @param request - The request after schema parsing (defaults applied, references checked).
 * @returns The model: filtered nodes and edges, topological order, factors, options, goal, objective.
 * @throws IslError with the PLoT `blocked` body when the goal is a filtered kind or the graph has a cycle.
 */
export function compilePlotModel(request: PlotAnalyzeRequest): PlotModel {
  const kept = request.graph.nodes.filter((n) => !FILTERED_NODE_KINDS.has(n.kind.toLowerCase()));
  const droppedNodeIds = request.graph.nodes.filter((n) => FILTERED_NODE_KINDS.has(n.kind.toLowerCase())).map((n) => n.id);
  const nodeIndex = new Map<string, number>(kept.map((n, i) => [n.id, i]));
  if (!nodeIndex.has(request.goal_node_id)) {
    throw plotBlockedError("MISSING_GOAL_NODE", `Goal node '${request.goal_node_id}' is a decision, option or constraint node and cannot be analysed`, {
      affectedNodeIds: [request.goal_node_id],
      requestId: request.request_id ?? undefined,
    });
  }
  const edges: PlotModelEdge[] = [];
  for (const e of request.graph.edges) {
    if (e.edge_type === "bidirected") continue;
    const from = nodeIndex.get(e.from);
    const to = nodeIndex.get(e.to);
    if (from === undefined || to === undefined) continue;
    edges.push({
      id: `${e.from}->${e.to}`,
      from,
      to,
      fromId: e.from,
      toId: e.to,
      mean: Math.min(1, Math.max(-1, e.strength.mean)),
      requestMean: e.strength.mean,
      std: e.strength.std,
      existsProbability: e.exists_probability ?? DEFAULT_EXISTS_PROBABILITY,
      existsDefaulted: e.exists_probability === undefined,
      definitional: false,
    });
  }
  const parentLists: number[][] = kept.map(() => []);
  edges.forEach((e, i) => parentLists[e.to]!.push(i));
  const factors: PlotModelFactor[] = [];
  const factorOfNode = new Map<string, number>();
  for (const pu of request.parameter_uncertainties ?? []) {
    const v = nodeIndex.get(pu.node_id);
    if (v === undefined || factorOfNode.has(pu.node_id)) continue;
    const observed = kept[v]!.observed_state?.value;
    const { centre, centreSource } = factorCentre(pu, observed);
    factorOfNode.set(pu.node_id, factors.length);
    factors.push({
      nodeId: pu.node_id,
      nodeIndex: v,
      family: pu.distribution,
      centre,
      centreSource,
      std: pu.distribution === "normal" ? pu.std ?? 0 : 0,
      min: pu.distribution === "uniform" ? pu.range_min! : centre,
      max: pu.distribution === "uniform" ? pu.range_max! : centre,
    });
  }
  const nodes: PlotModelNode[] = kept.map((n, i) => ({
    id: n.id,
    label: n.label,
    kind: n.kind.toLowerCase(),
    intercept: n.intercept,
    epsilonStd: n.epsilon_std,
    observedValue: n.observed_state?.value,
    statusQuoLevel: n.observed_state ? n.observed_state.baseline ?? n.observed_state.value : undefined,
    source: n.observed_state?.source ?? undefined,
    isRoot: parentLists[i]!.length === 0,
    parentEdges: Int32Array.from(parentLists[i]!),
    factorIndex: factorOfNode.get(n.id) ?? -1,
  }));
  const order = fifoTopologicalOrder(nodes.length, edges, nodes.map((n) => n.id));
  const options = request.options.map((o) => compileOption(o, nodes, nodeIndex));
  return {
    request,
    nodes,
    nodeIndex,
    edges,
    order,
    factors,
    options,
    goalIndex: nodeIndex.get(request.goal_node_id)!,
    objective: request.goal_direction ?? "maximise",
    droppedNodeIds,
    hasEpsilon: nodes.some((n) => n.epsilonStd > 0),
  };
}
