/**
 * The analyze/v2 200 envelope (`ISLResponseV2`) as PLoT reads it (plot-client.md §3.2), and the 422
 * `blocked` body. The schema pins the members PLoT depends on; blocks are open objects (extra
 * members allowed) so additive fields never break a client.
 */
import { z } from "zod";

const finite = z.number().finite();
const prob = z.number().min(0).max(1);

/** One critique. */
export const PlotCritiqueSchema = z
  .looseObject({
    id: z.string(),
    code: z.string(),
    severity: z.enum(["blocker", "warning", "info"]),
    source: z.string(),
    message: z.string(),
    affected_option_ids: z.array(z.string()).optional(),
    affected_node_ids: z.array(z.string()).optional(),
    suggestion: z.string().optional(),
  })
  .meta({ id: "PlotCritique" });

/** One inference warning. */
export const PlotInferenceWarning = z
  .looseObject({ code: z.string(), field: z.string(), detail: z.record(z.string(), z.unknown()), severity: z.enum(["info", "warning"]) })
  .meta({ id: "PlotInferenceWarning" });

/** `options[]` row. */
export const PlotOptionResult = z
  .looseObject({
    id: z.string(),
    label: z.string(),
    outcome: z.looseObject({
      mean: finite.optional(),
      std: finite.optional(),
      p10: finite.optional(),
      p50: finite.optional(),
      p90: finite.optional(),
      n_samples: z.number().int(),
      n_valid_samples: z.number().int(),
      validity_ratio: prob,
      percentiles_source: z.enum(["samples", "unavailable"]),
    }),
    downside: z.looseObject({ cvar_10: finite, p05: finite, expected_regret: finite }).optional(),
    win_probability: prob.optional(),
    status: z.enum(["computed", "partial", "failed", "skipped", "error"]),
    status_reason: z.string().optional(),
  })
  .meta({ id: "PlotOptionResult" });

/** `robustness`. */
export const PlotRobustness = z
  .looseObject({
    level: z.enum(["high", "moderate", "low", "very_low"]),
    confidence: prob,
    confidence_basis: z.literal("recommendation_stability_uncalibrated"),
    is_robust: z.boolean(),
    fragile_edges_v1: z.array(z.string()),
    robust_edges: z.array(z.string()),
    recommendation_stability: prob,
    edge_e_values: z.array(z.looseObject({ edge_id: z.string(), from_id: z.string(), to_id: z.string(), is_unflippable: z.boolean(), current_mean: finite, flip_mean: finite })),
    edge_sensitivity: z.array(z.looseObject({ edge_id: z.string(), from_id: z.string(), to_id: z.string(), sensitivity_type: z.string(), elasticity: finite, importance_rank: z.number().int() })),
    stability_penalty_factor: finite.optional(),
    defaulted_root_node_ids: z.array(z.string()).optional(),
  })
  .meta({ id: "PlotRobustness" });

/** `request_echo`. */
export const PlotRequestEcho = z
  .object({
    graph_node_count: z.number().int(),
    graph_edge_count: z.number().int(),
    options_count: z.number().int(),
    goal_node_id_hash: z.string().regex(/^[0-9a-f]{12}$/),
    n_samples: z.number().int(),
    response_version_requested: z.literal(2),
    include_diagnostics: z.boolean(),
  })
  .meta({ id: "PlotRequestEcho" });

/** The analyze/v2 200 envelope. */
export const PlotAnalyzeResponse = z
  .looseObject({
    version: z.string().regex(/^2(\.|$)/),
    endpoint_version: z.literal("analyze/v2"),
    engine_version: z.string().min(1),
    build: z.string().min(1),
    timestamp: z.string().min(1),
    analysis_status: z.enum(["computed", "partial", "failed"]),
    robustness_status: z.enum(["computed", "skipped", "unavailable", "error"]),
    factor_sensitivity_status: z.enum(["computed", "skipped", "unavailable", "suppressed", "error"]),
    status_reason: z.string().optional(),
    critiques: z.array(PlotCritiqueSchema),
    request_echo: PlotRequestEcho,
    objective_ranking: z.looseObject({ direction: z.enum(["maximise", "minimise", "target"]), attested: z.boolean(), status: z.enum(["computed", "withheld"]), withheld_reason: z.string().optional() }),
    options: z.array(PlotOptionResult),
    robustness: PlotRobustness.optional(),
    inference_warnings: z.array(PlotInferenceWarning),
    decision_evpi: finite.optional(),
    sensitivity_reference_option_id: z.string().optional(),
    auto_noise_applied: z.boolean(),
    request_id: z.string(),
    processing_time_ms: z.number().int().min(0),
    seed_used: z.string(),
    seed_source: z.enum(["client_provided", "server_computed"]),
  })
  .meta({ id: "PlotAnalyzeResponse" });
export type PlotAnalyzeResponse = z.infer<typeof PlotAnalyzeResponse>;

/** The 422 `blocked` body (the Olumi error-envelope members may ride along). */
export const PlotBlockedResponse = z
  .looseObject({ analysis_status: z.literal("blocked"), status_reason: z.string(), critiques: z.array(PlotCritiqueSchema).min(1), request_id: z.string() })
  .meta({ id: "PlotBlockedResponse" });
