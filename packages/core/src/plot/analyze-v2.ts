/**
 * The analyze/v2 orchestrator: seed rule → model compile (cycle / filtered-goal blockers) →
 * validation pipeline (blockers ⇒ 422 blocked body) → correlation plan → main Monte Carlo →
 * options block, recommendation, warnings, critiques → the optional blocks (each in its own module,
 * on its own named stream, so an optional block never changes the sampled numbers) → the V2
 * envelope in the wire key order of plot-v2-engine.md §4, serialised by the V2 rules.
 * Complexity: dominated by the main Monte Carlo, O(S·O·(N + E)), plus the blocks' own costs.
 * Reference: plot-v2-engine.md §2.3–§2.4, §3, §4; plot-client.md §3.
 */
import type { PlotAnalyzeRequest } from "@olumi/contracts";
import { withBlockedRequestId, blockedBody } from "./blocked.js";
import { planCorrelations } from "./correlation.js";
import type { PlotCritique } from "./critique.js";
import { graphViewOfModel } from "./expected-value-winner.js";
import { goalAnchor } from "./goal-anchor.js";
import { requestWarnings, stabilityPenaltyFactor } from "./inference-warnings.js";
import { compilePlotModel, type PlotModel } from "./model.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { resolveRanking } from "./objective.js";
import { optionsBlock } from "./options-block.js";
import { analyzerOutcomeCritiques, degenerateOutcomesCritique } from "./outcome-critiques.js";
import { optionalBlocks } from "./optional-blocks.js";
import { recommendation } from "./recommendation.js";
import { requestEcho } from "./request-echo.js";
import { resolvePlotSeed } from "./seed.js";
import { createPlotStreams } from "./streams.js";
import { validatePlotRequest } from "./validation.js";
import { isoTimestampMicros, monotonicMs, toV2Wire, wallClockMs } from "./wire.js";
import { IslError } from "../errors.js";

/** Engine identity of the envelope. */
export const PLOT_ENVELOPE_IDENTITY = { version: "2.0", endpoint_version: "analyze/v2", engine_version: "1.0.0", build: "dev" } as const;

/** Options of {@link analyzePlotV2}. */
export interface AnalyzeV2Options {
  /** The adapter's request id (X-Request-Id), used when the body has no request_id. */
  readonly requestId: string;
  /** Checked between phases and inside the Monte Carlo. */
  readonly signal?: AbortSignal;
  /** Wall clock in epoch milliseconds for `timestamp` (default: the platform clock). */
  readonly wallClockMs?: () => number;
  /** Monotonic clock in milliseconds for `processing_time_ms` (default: performance.now). */
  readonly monotonicMs?: () => number;
  /** Build label (default "dev"). */
  readonly build?: string;
}

/** The constant sample-population provenance (auto-scaled noise is off). */
function samplePopulationProvenance(): Record<string, unknown> {
  const metrics = ["expected_regret", "win_probability", "factor_evppi", "factor_evpc", "decision_evpi", "p05", "p10", "p50", "p90", "mean", "cvar_10", "probability_of_goal"];
  return {
    auto_scaled_noise_applied: false,
    calibration_status: "uncalibrated_poc_heuristic",
    metric_populations: Object.fromEntries(metrics.map((m) => [m, "model_only"])),
    unnoised_constraint_node_ids: [],
  };
}

/** analysis_status and status_reason from the critiques and the option statuses. */
function analysisStatus(critiques: readonly PlotCritique[], statuses: readonly string[]): { status: "computed" | "partial" | "failed"; reason?: string } {
  const blocker = critiques.find((c) => c.severity === "blocker");
  if (blocker) return { status: "failed", reason: `Blocked by: ${blocker.code}` };
  if (statuses.length === 0) return { status: "failed", reason: "Analysis could not be completed" };
  if (statuses.every((s) => s === "computed")) return { status: "computed" };
  if (statuses.some((s) => s === "computed")) return { status: "partial", reason: "Some options could not be computed" };
  return { status: "failed", reason: "Analysis could not be completed" };
}

/** Compiles and validates, giving blocked errors the run's request id. */
function compileAndValidate(request: PlotAnalyzeRequest, requestId: string): PlotModel {
  try {
    const model = compilePlotModel(request);
    const { blockers } = validatePlotRequest(request);
    if (blockers.length > 0) {
      throw new IslError("ISL_VALIDATION_ERROR", blockers[0]!.message, { body: blockedBody(blockers, requestId), validationFailures: blockers.map((b) => `${b.code}: ${b.message}`) });
    }
    planCorrelations(model);
    return model;
  } catch (error) {
    throw withBlockedRequestId(error, requestId);
  }
}

/**
 * Runs the analyze/v2 analysis and returns the V2 envelope (already serialised by the V2 rules).
 *
 * @param request - The parsed request.
 * @param options - Request id, abort signal, clocks.
 * @returns The 200 body.
 * @throws IslError with the blocked 422 body for validation blockers; ISL_TIMEOUT when aborted.
 */
export function analyzePlotV2(request: PlotAnalyzeRequest, options: AnalyzeV2Options): Record<string, unknown> {
  const clock = options.monotonicMs ?? monotonicMs;
  const started = clock();
  const requestId = request.request_id ?? options.requestId;
  const seed = resolvePlotSeed(request);
  const model = compileAndValidate(request, requestId);
  const validationWarnings = validatePlotRequest(request).warnings;
  const correlation = planCorrelations(model);
  const streams = createPlotStreams(seed.seedUsed);
  const ranking = resolveRanking(model);
  const anchor = goalAnchor(model);
  const draws = runMainMonteCarlo(model, request.n_samples, streams, {
    ranking,
    ...(correlation ? { correlation } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    recordStatusQuo: anchor !== undefined,
  });
  const withheld = ranking.wire.status === "withheld";
  const block = optionsBlock(model, draws, withheld, anchor);
  const warned = requestWarnings(model, ranking, seed.seedUsed);
  const rec = recommendation(draws, stabilityPenaltyFactor(warned.defaultedRootIds.length));
  options.signal?.throwIfAborted();
  const extra = optionalBlocks({
    model,
    draws,
    streams,
    ranking,
    recommendation: rec,
    referenceMean: block.rows[0]?.outcome.mean ?? 0,
    decisionEvpi: block.decisionEvpi,
    correlation,
    graph: graphViewOfModel(model),
    seed: seed.seedUsed,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const critiques = [
    ...validationWarnings,
    ...block.critiques,
    ...degenerateOutcomesCritique(block.rows, seed.seedUsed),
    ...analyzerOutcomeCritiques(block.rows, draws.tieCount / draws.n, seed.seedUsed),
    ...warned.critiques,
    ...extra.critiques,
  ];
  const status = analysisStatus(critiques, block.rows.map((r) => r.status));
  const blocked = critiques.some((c) => c.severity === "blocker");
  const envelope: Record<string, unknown> = {
    ...PLOT_ENVELOPE_IDENTITY,
    build: options.build ?? PLOT_ENVELOPE_IDENTITY.build,
    timestamp: isoTimestampMicros((options.wallClockMs ?? wallClockMs)()),
    analysis_status: status.status,
    robustness_status: extra.robustness ? "computed" : blocked || withheld ? "unavailable" : "skipped",
    factor_sensitivity_status: extra.factor_sensitivity
      ? "computed"
      : blocked
        ? "unavailable"
        : correlation && request.analysis_types.includes("sensitivity") && model.factors.length > 0
          ? "suppressed"
          : "skipped",
    status_reason: status.reason,
    critiques,
    request_echo: requestEcho(request),
    objective_ranking: ranking.wire,
    options: block.rows,
    robustness: extra.robustness,
    factor_sensitivity: extra.factor_sensitivity,
    conditional_winners: extra.conditional_winners,
    inference_warnings: [...warned.warnings, ...extra.inference_warnings],
    stability_thresholds: extra.stability_thresholds,
    p_win_sensitivity: extra.p_win_sensitivity,
    decision_evpi: block.decisionEvpi,
    factor_evppi: extra.factor_evppi,
    factor_flip_values: extra.factor_flip_values,
    path_decomposition: extra.path_decomposition,
    correlation_model: extra.correlation_model,
    sensitivity_reference_option_id: extra.sensitivity_reference_option_id,
    structural_influence: extra.structural_influence,
    auto_noise_applied: false,
    sample_population_provenance: samplePopulationProvenance(),
    request_id: requestId,
    processing_time_ms: 0,
    seed_used: seed.seedUsed,
    seed_source: seed.seedSource,
  };
  envelope["processing_time_ms"] = Math.max(0, Math.round(clock() - started));
  return toV2Wire(envelope) as Record<string, unknown>;
}
