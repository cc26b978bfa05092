/**
 * `RobustnessRequestV2`: the body PLoT sends to `POST /api/v1/robustness/analyze/v2`
 * (reference: plot-v2-engine.md §1, plot-client.md §2). Extra-key policy (§1.1): unknown keys are
 * dropped everywhere except inside the six objects that forbid them (`nonlinear_identity`,
 * `execution_frame`, `event_risk` and its `occurrence`, `horizon`, `mitigations[]`), where an
 * unknown key is a 422. Fields of the follow-up issue (goal-threshold frames, constraints, event
 * risks, identities, execution frames, ranges, control candidates) are accepted and validated here.
 */
import { z } from "zod";
import { GRAPH_V2_ID_PATTERN } from "../limits.js";

/** Caps of the request model, also advertised in `/health` `compute_admission.caps`. */
export const PLOT_CAPS = {
  max_options: 10,
  max_nodes: 50,
  max_edges: 200,
  max_parameter_uncertainties: 50,
  max_control_candidates: 5,
  max_control_values: 7,
  max_goal_constraints: 20,
  max_user_stated_ranges: 50,
  max_factor_correlations: 1225,
  min_samples: 100,
  max_samples: 10000,
  default_samples: 1000,
} as const;

const finite = z.number().finite();
const NodeId = z.string().regex(GRAPH_V2_ID_PATTERN, { message: "must match ^[a-z0-9_:-]+$ (lower-case letters, digits, '_', ':', '-')" });
/** The four threshold frames (`level`: absolute level; `delta`: already in sample frame; `change_*`: relative to the baseline). */
export const PlotValueFrame = z.enum(["level", "delta", "change_abs", "change_rel"]);

/** `ObservedState` (extra keys ignored). Only `value`, `baseline`, `source`, `unit`, `cap`/`raw_value`, `extractionType` are read. */
export const PlotObservedState = z
  .object({
    value: finite,
    baseline: finite.nullish(),
    unit: z.string().max(50).nullish(),
    source: z.string().max(100).nullish(),
    std: finite.nullish(),
    raw_value: finite.nullish(),
    cap: finite.nullish(),
    extractionType: z.string().nullish(),
    factor_type: z.string().nullish(),
    uncertainty_drivers: z.array(z.string()).nullish(),
  })
  .meta({ id: "PlotObservedState" });

/** `NonlinearIdentityV2` (extra keys forbidden). Evaluated by the follow-up issue; validated here. */
export const PlotNonlinearIdentity = z
  .strictObject({
    operation: z.enum(["product", "sum", "accumulation"]),
    factor_ids: z.array(NodeId).min(1),
    stated_in_brief: z.boolean(),
    addends: z.array(NodeId).min(1).nullish(),
    horizon_months: z.number().int().min(1).max(120).nullish(),
    rate_scale: z.number().gt(0).lte(1).nullish(),
    rate_sigma_log: z.tuple([finite.min(0), finite.min(0)]).optional(),
  })
  .meta({ id: "PlotNonlinearIdentity" });

/** `ExecutionFrameV2` (extra keys forbidden). */
export const PlotExecutionFrame = z
  .strictObject({ frame: finite.gt(0), carrier: z.enum(["cap", "scale_frame", "pair"]) })
  .meta({ id: "PlotExecutionFrame" });

/** `EventRiskV1` (extra keys forbidden in it and in its three sub-objects). */
export const PlotEventRisk = z
  .strictObject({
    version: z.literal(1),
    occurrence: z.strictObject({
      p_low: z.number().min(0).max(1),
      p_high: z.number().min(0).max(1),
      meaning: z.literal("at_least_once_within_horizon").default("at_least_once_within_horizon"),
      basis: z.enum(["user", "olumi", "reference"]),
    }),
    horizon: z.strictObject({ months: z.number().gt(0).lte(600) }),
    mitigations: z
      .array(z.strictObject({ factor_id: NodeId, occurrence_reduction: z.number().min(0).max(1) }))
      .min(1)
      .max(8)
      .nullish(),
  })
  .meta({ id: "PlotEventRisk" });

/** `NodeV2` (extra keys ignored). */
export const PlotNode = z
  .object({
    id: NodeId,
    kind: z.string(),
    label: z.string().max(500),
    body: z.string().max(5000).nullish(),
    observed_state: PlotObservedState.nullish(),
    intercept: finite.default(0),
    epsilon_std: finite.min(0).default(0),
    category: z.string().nullish(),
    factor_type: z.string().nullish(),
    nonlinear_identity: PlotNonlinearIdentity.nullish(),
    execution_frame: PlotExecutionFrame.nullish(),
    quantity_frame: z.enum(["level", "change"]).nullish(),
    raw_range: z.object({ min: finite, max: finite }).refine((r) => r.max > r.min, { message: "raw_range.max must be greater than raw_range.min" }).nullish(),
    event_risk: PlotEventRisk.nullish(),
  })
  .meta({ id: "PlotNode" });

/** `EdgeV2` (extra keys ignored). `exists_probability` defaults to 0.8 (with a warning) when absent. */
export const PlotEdge = z
  .object({
    from: NodeId,
    to: NodeId,
    exists_probability: z.number().min(0).max(1).optional(),
    strength: z.object({ mean: finite, std: finite.gt(0.001, { message: "must be greater than 0.001" }) }),
    label: z.string().max(500).nullish(),
    edge_type: z.enum(["directed", "bidirected"]).nullish(),
  })
  .meta({ id: "PlotEdge" });

/** `InterventionRange` (extra keys ignored). Accepted; sampled by the follow-up issue. */
export const PlotInterventionRange = z.object({
  low: finite.gt(0),
  high: finite,
  meaning: z.string().min(1).max(64),
  normalisation: z.object({ raw_at_zero: finite, raw_at_one: finite }).nullish(),
});

/** `InterventionOption` (extra keys ignored). */
export const PlotOption = z
  .object({
    id: z.string().min(1),
    label: z.string().max(500),
    interventions: z.record(z.string(), finite),
    intervention_ranges: z.record(z.string(), PlotInterventionRange).nullish(),
  })
  .meta({ id: "PlotOption" });

/** `ParameterUncertainty` (extra keys such as PLoT's old `mean` ignored). */
export const PlotParameterUncertainty = z
  .object({
    node_id: NodeId,
    distribution: z.enum(["normal", "uniform", "point_mass"]).default("normal"),
    std: finite.min(0).nullish(),
    range_min: finite.nullish(),
    range_max: finite.nullish(),
    spread_source: z.enum(["user", "template"]).nullish(),
  })
  .meta({ id: "PlotParameterUncertainty" });

/** `FactorCorrelation`. */
export const PlotFactorCorrelation = z
  .object({ factor_a: NodeId, factor_b: NodeId, rho: z.number().min(-1).max(1) })
  .meta({ id: "PlotFactorCorrelation" });

/** `GoalConstraint` (extra keys such as `weight` or a misspelt `value_frmae` ignored). */
export const PlotGoalConstraint = z
  .object({
    constraint_id: z.string().nullish(),
    node_id: NodeId,
    operator: z.enum([">=", "<="]),
    value: finite.nullish(),
    threshold: finite.nullish(),
    label: z.string().max(200).nullish(),
    value_frame: PlotValueFrame.nullish(),
    level_domain: z.object({ min: finite.nullish(), max: finite.nullish() }).nullish(),
  })
  .meta({ id: "PlotGoalConstraint" });

/** `ControlCandidate`. */
export const PlotControlCandidate = z.object({ factor_id: NodeId, values: z.array(finite).min(1).max(PLOT_CAPS.max_control_values) });

/** `UserStatedRange` (fit-and-disclose only; never changes a computed number). */
export const PlotUserStatedRange = z.object({
  node_id: NodeId,
  lower: z.number().nullish(),
  upper: z.number().nullish(),
  domain: z.enum(["unit_interval", "unbounded"]),
  source: z.string().nullish(),
  stated_at: z.string().nullish(),
  method_version: z.string().nullish(),
});

const GraphShape = z.object({
  nodes: z.array(PlotNode).min(1).max(PLOT_CAPS.max_nodes),
  edges: z.array(PlotEdge).max(PLOT_CAPS.max_edges),
});

const RequestShape = z.object({
  request_id: z.string().nullish(),
  graph: GraphShape,
  options: z.array(PlotOption).min(1).max(PLOT_CAPS.max_options),
  goal_node_id: z.string(),
  n_samples: z.number().int().min(PLOT_CAPS.min_samples).max(PLOT_CAPS.max_samples).default(PLOT_CAPS.default_samples),
  seed: z.union([z.number().int(), z.string()]).nullish(),
  analysis_types: z.array(z.string()).default(["comparison", "sensitivity", "robustness"]),
  confidence_level: z.number().min(0.5).max(0.99).default(0.95),
  parameter_uncertainties: z.array(PlotParameterUncertainty).max(PLOT_CAPS.max_parameter_uncertainties).nullish(),
  factor_correlations: z.array(PlotFactorCorrelation).max(PLOT_CAPS.max_factor_correlations).nullish(),
  goal_threshold: finite.nullish(),
  goal_threshold_frame: PlotValueFrame.nullish(),
  goal_direction: z.enum(["maximise", "minimise", "target"]).nullish(),
  goal_threshold_strict: z.boolean().nullish(),
  include_e_values: z.boolean().default(false),
  include_factor_flips: z.boolean().default(false),
  include_voi: z.boolean().default(false),
  include_path_decomposition: z.boolean().default(false),
  goal_constraints: z.array(PlotGoalConstraint).max(PLOT_CAPS.max_goal_constraints).nullish(),
  control_candidates: z.array(PlotControlCandidate).max(PLOT_CAPS.max_control_candidates).nullish(),
  user_stated_ranges: z.array(PlotUserStatedRange).max(PLOT_CAPS.max_user_stated_ranges).nullish(),
});

type RequestShapeOut = z.infer<typeof RequestShape>;
type IssueSink = z.core.$RefinementCtx<RequestShapeOut>;

/** Graph-level rules: unique ids, known endpoints, no self-loops, no duplicate (from, to, edge_type). */
function checkGraph(r: RequestShapeOut, ctx: IssueSink, ids: ReadonlySet<string>): void {
  const seen = new Set<string>();
  r.graph.nodes.forEach((n, i) => {
    if (seen.has(n.id)) ctx.addIssue({ code: "custom", path: ["graph", "nodes", i, "id"], message: `Duplicate node id '${n.id}'` });
    seen.add(n.id);
    if (n.event_risk && n.kind.toLowerCase() !== "risk") {
      ctx.addIssue({ code: "custom", path: ["graph", "nodes", i, "event_risk"], message: `EVENT_RISK_WRONG_KIND: event_risk is allowed only on kind 'risk' (node '${n.id}' has kind '${n.kind}')` });
    }
    const occ = n.event_risk?.occurrence;
    if (occ && occ.p_low > occ.p_high) ctx.addIssue({ code: "custom", path: ["graph", "nodes", i, "event_risk", "occurrence"], message: "p_low must be ≤ p_high" });
  });
  const edgeKeys = new Set<string>();
  r.graph.edges.forEach((e, i) => {
    for (const end of ["from", "to"] as const) {
      if (!ids.has(e[end])) ctx.addIssue({ code: "custom", path: ["graph", "edges", i, end], message: `Edge references unknown node '${e[end]}'` });
    }
    if (e.from === e.to) ctx.addIssue({ code: "custom", path: ["graph", "edges", i], message: `Self-loop ${e.from} -> ${e.to} is not allowed` });
    const key = `${e.from}\u0000${e.to}\u0000${e.edge_type ?? "directed"}`;
    if (edgeKeys.has(key)) ctx.addIssue({ code: "custom", path: ["graph", "edges", i], message: `Duplicate edge ${e.from} -> ${e.to}` });
    edgeKeys.add(key);
  });
}

/** Option rules: unique ids, intervention keys are nodes, range keys are interventions. */
function checkOptions(r: RequestShapeOut, ctx: IssueSink, ids: ReadonlySet<string>): void {
  const optionIds = new Set<string>();
  r.options.forEach((o, i) => {
    if (optionIds.has(o.id)) ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: "Duplicate option IDs found" });
    optionIds.add(o.id);
    for (const key of Object.keys(o.interventions)) {
      if (!ids.has(key)) ctx.addIssue({ code: "custom", path: ["options", i, "interventions", key], message: `Intervention target '${key}' is not a node of the graph` });
    }
    for (const [key, range] of Object.entries(o.intervention_ranges ?? {})) {
      if (!(key in o.interventions)) ctx.addIssue({ code: "custom", path: ["options", i, "intervention_ranges", key], message: `intervention_ranges key '${key}' must also be in interventions` });
      if (!(range.high > range.low)) ctx.addIssue({ code: "custom", path: ["options", i, "intervention_ranges", key, "high"], message: "high must be greater than low" });
    }
  });
}

/** Parameter-uncertainty, constraint, correlation and range rules. */
function checkUncertainties(r: RequestShapeOut, ctx: IssueSink, ids: ReadonlySet<string>): void {
  const puKinds = new Map<string, string>();
  (r.parameter_uncertainties ?? []).forEach((pu, i) => {
    if (!ids.has(pu.node_id)) ctx.addIssue({ code: "custom", path: ["parameter_uncertainties", i, "node_id"], message: `Unknown node '${pu.node_id}'` });
    if (puKinds.has(pu.node_id)) ctx.addIssue({ code: "custom", path: ["parameter_uncertainties", i, "node_id"], message: "Duplicate parameter_uncertainties node_ids" });
    puKinds.set(pu.node_id, pu.distribution);
    if (pu.distribution === "normal" && !((pu.std ?? 0) > 0)) ctx.addIssue({ code: "custom", path: ["parameter_uncertainties", i, "std"], message: "normal distribution needs std > 0" });
    if (pu.distribution === "uniform" && !(pu.range_min != null && pu.range_max != null && pu.range_min < pu.range_max)) {
      ctx.addIssue({ code: "custom", path: ["parameter_uncertainties", i], message: "uniform distribution needs range_min < range_max" });
    }
  });
  (r.goal_constraints ?? []).forEach((c, i) => {
    if (!ids.has(c.node_id)) ctx.addIssue({ code: "custom", path: ["goal_constraints", i, "node_id"], message: `Unknown node '${c.node_id}'` });
    if (c.value == null && c.threshold == null) ctx.addIssue({ code: "custom", path: ["goal_constraints", i, "value"], message: "Field required" });
  });
  const pairs = new Set<string>();
  (r.factor_correlations ?? []).forEach((c, i) => {
    const path = ["factor_correlations", i];
    if (c.factor_a === c.factor_b) ctx.addIssue({ code: "custom", path, message: `Self-correlation of '${c.factor_a}' is not allowed` });
    for (const f of [c.factor_a, c.factor_b]) {
      const kind = puKinds.get(f);
      if (!ids.has(f)) ctx.addIssue({ code: "custom", path, message: `Unknown factor '${f}'` });
      else if (kind !== "normal" && kind !== "uniform") ctx.addIssue({ code: "custom", path, message: `Factor '${f}' needs a normal or uniform parameter_uncertainty to be correlated` });
    }
    const key = [c.factor_a, c.factor_b].sort().join("\u0000");
    if (pairs.has(key)) ctx.addIssue({ code: "custom", path, message: `Duplicate correlation pair (${c.factor_a}, ${c.factor_b})` });
    pairs.add(key);
  });
  const rangeIds = new Set<string>();
  (r.user_stated_ranges ?? []).forEach((u, i) => {
    if (!ids.has(u.node_id)) ctx.addIssue({ code: "custom", path: ["user_stated_ranges", i, "node_id"], message: `Unknown node '${u.node_id}'` });
    if (rangeIds.has(u.node_id)) ctx.addIssue({ code: "custom", path: ["user_stated_ranges", i, "node_id"], message: "Duplicate user_stated_ranges node_ids" });
    rangeIds.add(u.node_id);
  });
  (r.control_candidates ?? []).forEach((c, i) => {
    if (!ids.has(c.factor_id)) ctx.addIssue({ code: "custom", path: ["control_candidates", i, "factor_id"], message: `Unknown factor '${c.factor_id}'` });
    if (c.factor_id === r.goal_node_id) ctx.addIssue({ code: "custom", path: ["control_candidates", i, "factor_id"], message: "The goal cannot be a control candidate" });
  });
}

/** `RobustnessRequestV2`: the analyze/v2 request after parsing, defaults applied. */
export const PlotAnalyzeRequest = RequestShape.superRefine((r, ctx) => {
  const ids = new Set(r.graph.nodes.map((n) => n.id));
  checkGraph(r, ctx, ids);
  if (!ids.has(r.goal_node_id)) ctx.addIssue({ code: "custom", path: ["goal_node_id"], message: `Goal node '${r.goal_node_id}' is not a node of the graph` });
  checkOptions(r, ctx, ids);
  checkUncertainties(r, ctx, ids);
  if (r.goal_direction === "target" && (r.goal_threshold == null || r.goal_threshold_frame == null)) {
    ctx.addIssue({ code: "custom", path: ["goal_direction"], message: "goal_direction 'target' requires goal_threshold and goal_threshold_frame" });
  }
  if (r.goal_threshold_strict === true && r.goal_threshold == null) ctx.addIssue({ code: "custom", path: ["goal_threshold_strict"], message: "goal_threshold_strict requires goal_threshold" });
}).meta({ id: "RobustnessRequestV2" });

/** The parsed analyze/v2 request. */
export type PlotAnalyzeRequest = z.infer<typeof PlotAnalyzeRequest>;
/** The analyze/v2 request as a caller writes it. */
export type PlotAnalyzeRequestInput = z.input<typeof PlotAnalyzeRequest>;
/** One parsed node. */
export type PlotNode = z.infer<typeof PlotNode>;
/** One parsed edge. */
export type PlotEdge = z.infer<typeof PlotEdge>;
/** One parsed option. */
export type PlotOption = z.infer<typeof PlotOption>;
/** One parsed parameter uncertainty. */
export type PlotParameterUncertainty = z.infer<typeof PlotParameterUncertainty>;
