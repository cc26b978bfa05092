/**
 * Wires the analysis blocks of the analyze/v2 envelope (one module each) after the main Monte
 * Carlo, in the gating of plot-v2-engine.md §4: robustness (stability, fragile/robust edges with
 * switch probabilities, edge_e_values, edge_sensitivity), factor_sensitivity with
 * structural_influence and stability_thresholds, sensitivity_reference_option_id,
 * factor_flip_values, p_win_sensitivity and factor_evppi (include_voi), conditional_winners,
 * path_decomposition and correlation_model, plus the warnings and critiques they raise. Each block
 * reads the main draws or draws from its own named stream, so requesting a block never changes
 * another block's numbers.
 * Complexity: the sum of the blocks' costs (see each module).
 * Reference: plot-v2-engine.md §4.6–§4.15, §4.18.
 */
import { stabilityThresholds } from "./attribution-stability.js";
import { conditionalWinnersOfDraws } from "./conditional-winners.js";
import type { CorrelationPlan } from "./correlation.js";
import { makeCritique, type PlotCritique } from "./critique.js";
import { edgeEValues, type EdgeEValueRow } from "./edge-e-values.js";
import { edgeSensitivity, type EdgeSensitivityResult } from "./edge-sensitivity.js";
import { factorEvppi } from "./factor-evppi.js";
import { factorFlipValues } from "./factor-flip-values.js";
import { factorSensitivity } from "./factor-sensitivity.js";
import type { InferenceWarning } from "./inference-warnings.js";
import type { PlotModel } from "./model.js";
import type { PlotDraws } from "./monte-carlo.js";
import type { RankingRule } from "./objective.js";
import { pathDecomposition } from "./path-decomposition.js";
import type { PlotGraphView } from "./plot-graph.js";
import { pWinSensitivity } from "./p-win-sensitivity.js";
import type { Recommendation } from "./recommendation.js";
import { robustnessBlock } from "./robustness.js";
import { sensitivityReferenceOptionId } from "./sensitivity-reference.js";
import { phaseStream, type PlotStreams } from "./streams.js";
import { structuralInfluence, type StructuralInfluenceResult } from "./structural-influence.js";

/** What the blocks need. */
export interface OptionalBlockInput {
  readonly model: PlotModel;
  readonly draws: PlotDraws;
  readonly streams: PlotStreams;
  readonly ranking: RankingRule;
  readonly recommendation: Recommendation;
  /** Mean of the reference option's (options[0]) reported goal values (bm). */
  readonly referenceMean: number;
  /** decision_evpi, when every sampled option has a regret. */
  readonly decisionEvpi: number | undefined;
  readonly correlation: CorrelationPlan | undefined;
  readonly graph: PlotGraphView;
  /** Seed text, mixed into critique ids. */
  readonly seed: string;
  readonly signal?: AbortSignal;
}

/** The optional members of the envelope (undefined = omitted) plus warnings and critiques. */
export interface OptionalBlocks {
  robustness?: Record<string, unknown>;
  factor_sensitivity?: unknown[];
  conditional_winners?: unknown[];
  stability_thresholds?: Record<string, unknown>;
  p_win_sensitivity?: unknown[];
  factor_evppi?: unknown[];
  factor_flip_values?: unknown[];
  path_decomposition?: Record<string, unknown>;
  correlation_model?: Record<string, unknown>;
  sensitivity_reference_option_id?: string;
  structural_influence?: unknown[];
  inference_warnings: InferenceWarning[];
  critiques: PlotCritique[];
}

/** Blocks suppressed while factor correlations are active. */
const SUPPRESSED_UNDER_CORRELATION = ["factor_sensitivity", "stability_thresholds", "conditional_winners", "p_win_sensitivity"];

/** The `correlation_model` disclosure. */
function correlationModel(model: PlotModel, plan: CorrelationPlan): Record<string, unknown> {
  return {
    method: "gaussian_copula_v1",
    active: true,
    correlated_factors: plan.factorIndices.map((f) => model.factors[f]!.nodeId),
    n_pairs: plan.pairCount,
    tail_dependence: "none",
    tail_dependence_note: "A Gaussian copula has no tail dependence: joint extremes are no more likely than the stated correlations imply.",
    ...(plan.projection ? { psd_projection: plan.projection } : {}),
    suppressed_attributions: [...SUPPRESSED_UNDER_CORRELATION],
    suppression_reason: "not_separable_under_correlation",
  };
}

/** Edge sensitivity, e-values and the robustness block. */
function robustnessPart(input: OptionalBlockInput, out: OptionalBlocks, sensitivityRequested: boolean): EdgeSensitivityResult | undefined {
  const { model } = input;
  const signal = input.signal ? { signal: input.signal } : {};
  const edgeSens = sensitivityRequested ? edgeSensitivity({ model, referenceMean: input.referenceMean, ...signal }) : undefined;
  if (edgeSens?.numericalIssue) {
    out.inference_warnings.push({
      code: "NUMERICAL_INSTABILITY",
      field: "robustness.edge_sensitivity",
      detail: { reason: "non_finite_elasticity", message: "An edge elasticity was not finite, so edge sensitivity and the fragile/robust edge classes were withheld." },
      severity: "warning",
    });
  }
  if (input.ranking.wire.status === "withheld") return edgeSens;
  const eValues: EdgeEValueRow[] = model.request.include_e_values ? edgeEValues(model, { streams: input.streams, ...signal }) : [];
  const empty: EdgeSensitivityResult = { rows: [], maxAbsElasticity: new Float64Array(model.edges.length).fill(Number.NaN), numericalIssue: false };
  const result = robustnessBlock({ model, draws: input.draws, streams: input.streams, edgeSensitivity: edgeSens ?? empty, edgeEValues: eValues, ...signal });
  out.robustness = { ...result.block };
  if (result.marginalSwitchTruncated) {
    out.critiques.push(
      makeCritique({ code: "MARGINAL_SWITCH_TRUNCATED", severity: "warning", source: "analysis", message: "More than 10 fragile edges: marginal switch probabilities are given for the 10 most sensitive only", seed: input.seed }),
    );
  }
  return edgeSens;
}

/** factor_sensitivity, structural_influence and stability_thresholds. */
function factorPart(input: OptionalBlockInput, out: OptionalBlocks, sensitivityRequested: boolean): boolean {
  const { model } = input;
  if (!sensitivityRequested || model.factors.length === 0) return false;
  const influence: StructuralInfluenceResult = structuralInfluence({ graph: input.graph, uncertainFactorIds: model.factors.map((f) => f.nodeId) });
  if (influence.rows) out.structural_influence = influence.rows;
  else {
    out.critiques.push(
      makeCritique({ code: "STRUCTURAL_INFLUENCE_TRUNCATED", severity: "warning", source: "analysis", message: "Structural influence path enumeration exceeded its budget; influence scores are withheld", seed: input.seed }),
    );
  }
  if (input.correlation) return false;
  const rows = factorSensitivity({ model, referenceMean: input.referenceMean, streams: input.streams, influence, ...(input.signal ? { signal: input.signal } : {}) });
  out.factor_sensitivity = rows;
  if (rows.some((r) => r.attribution_stability !== undefined)) out.stability_thresholds = { ...stabilityThresholds() };
  return rows.length > 0;
}

/** p_win_sensitivity and factor_evppi, with their NOT_COMPUTED disclosure. */
function valueOfInformationPart(input: OptionalBlockInput, out: OptionalBlocks): void {
  const { model, draws } = input;
  const notComputed = (reason: string, message: string): void => {
    out.inference_warnings.push({ code: "FACTOR_EVPPI_NOT_COMPUTED", field: "factor_evppi", detail: { reason, message }, severity: "info" });
  };
  if (!model.request.include_voi) {
    notComputed("voi_not_requested", "Value-of-information was not requested for this analysis, so no ranking of which unknown is worth resolving next was computed.");
    return;
  }
  if (model.factors.length === 0) {
    notComputed("no_parameter_uncertainties", "No factor carries a parameter uncertainty, so there is no unknown whose value of information could be ranked.");
    return;
  }
  const signal = input.signal ? { signal: input.signal } : {};
  if (!input.correlation && input.ranking.wire.status !== "withheld" && input.recommendation.optionIndex >= 0) {
    out.p_win_sensitivity = pWinSensitivity({ model, streams: input.streams, recommended: input.recommendation.optionIndex, samples: draws.n, ranking: input.ranking, ...signal });
  }
  if (input.decisionEvpi === undefined) {
    notComputed("pre_noise_outcomes_unavailable", "No option had a finite expected regret, so the value of partial information could not be bounded.");
    return;
  }
  const spread = new Map((model.request.parameter_uncertainties ?? []).map((pu) => [pu.node_id, pu.spread_source ?? undefined] as const));
  const rows = factorEvppi({
    factors: model.factors.map((f, k) => ({ id: f.nodeId, values: draws.factorValue[k]!, setByOption: model.options.some((o) => o.setMode[f.nodeIndex] !== 0), spreadSource: spread.get(f.nodeId) })),
    outcomes: model.options.map((o, i) => ({ id: o.id, values: draws.outcome[i]! })),
    decisionEvpi: input.decisionEvpi,
    correlationActive: input.correlation !== undefined,
    streamFor: (id) => phaseStream(input.streams, "evppi", id),
    ...signal,
  });
  if (rows.length > 0) out.factor_evppi = rows;
  else notComputed("estimator_returned_no_rows", "Every uncertain factor is set by some option, so no factor's value of information is left to rank.");
}

/**
 * Computes every optional block the request asks for.
 *
 * @param input - Model, draws, streams and the run's summary.
 */
export function optionalBlocks(input: OptionalBlockInput): OptionalBlocks {
  const { model } = input;
  const request = model.request;
  const out: OptionalBlocks = { inference_warnings: [], critiques: [] };
  const withheld = input.ranking.wire.status === "withheld";
  const sensitivityRequested = request.analysis_types.includes("sensitivity");
  const edgeSens = robustnessPart(input, out, sensitivityRequested);
  const factorRows = factorPart(input, out, sensitivityRequested);
  if ((edgeSens && edgeSens.rows.length > 0) || factorRows) out.sensitivity_reference_option_id = sensitivityReferenceOptionId(model);
  if (request.include_factor_flips) out.factor_flip_values = factorFlipValues(model, { streams: input.streams, ...(input.signal ? { signal: input.signal } : {}) });
  valueOfInformationPart(input, out);
  if (!input.correlation && !withheld && model.factors.length > 0 && model.options.length > 1) {
    const rows = conditionalWinnersOfDraws(model, input.draws);
    if (rows.length > 0) out.conditional_winners = rows;
  }
  const recommended = input.recommendation.optionIndex;
  if (request.include_path_decomposition && !withheld && recommended >= 0) {
    const option = model.options[recommended]!;
    out.path_decomposition = { ...pathDecomposition({ graph: input.graph, recommendedOptionId: option.id, interventionNodeIds: option.interventions.map((i) => i.nodeId) }) };
  }
  if (input.correlation) out.correlation_model = correlationModel(model, input.correlation);
  return out;
}
