/**
 * `robustness/analyze/v2`: PLoT's decision analysis — compare options on an uncertain linear causal
 * graph and return the V2 envelope (outcome distributions, win probabilities, robustness, edge and
 * factor sensitivity, value of information, warnings, critiques). Request `RobustnessRequestV2`
 * exactly as PLoT sends it; 422 failures use PLoT's `blocked` body. Also `robustness/analyze/unified`,
 * which routes a `graph` + `options` body to analyze/v2 and a `causal_model` body to FACET v1.
 */
import { z } from "zod";
import { defineOperation } from "../operation.js";
import { PlotAnalyzeRequest } from "../plot/request.js";
import { PlotAnalyzeResponse } from "../plot/response.js";
import { FACETRobustnessAnalysis } from "./robustness-analyze.js";

const example: z.input<typeof PlotAnalyzeRequest> = {
  graph: {
    nodes: [
      { id: "fac_price", kind: "factor", label: "Price", observed_state: { value: 0.5 } },
      { id: "fac_demand", kind: "factor", label: "Market demand", observed_state: { value: 0.6 } },
      { id: "out_volume", kind: "outcome", label: "Volume" },
      { id: "goal_revenue", kind: "goal", label: "Revenue" },
    ],
    edges: [
      { from: "fac_price", to: "out_volume", exists_probability: 0.9, strength: { mean: -0.4, std: 0.1 } },
      { from: "fac_demand", to: "out_volume", exists_probability: 0.8, strength: { mean: 0.5, std: 0.15 } },
      { from: "fac_price", to: "goal_revenue", exists_probability: 0.95, strength: { mean: 0.6, std: 0.1 } },
      { from: "out_volume", to: "goal_revenue", exists_probability: 0.9, strength: { mean: 0.7, std: 0.1 } },
    ],
  },
  options: [
    { id: "opt_hold", label: "Hold price", interventions: { fac_price: 0.5 } },
    { id: "opt_raise", label: "Raise price", interventions: { fac_price: 0.7 } },
  ],
  goal_node_id: "goal_revenue",
  n_samples: 1000,
  analysis_types: ["comparison", "sensitivity", "robustness"],
  parameter_uncertainties: [{ node_id: "fac_demand", distribution: "normal", std: 0.1 }],
  include_e_values: true,
  include_voi: true,
  include_factor_flips: true,
  seed: "42",
};

/** `robustness/analyze/v2`. */
export const robustnessAnalyzeV2 = defineOperation({
  id: "robustness/analyze/v2",
  request: PlotAnalyzeRequest,
  response: PlotAnalyzeResponse,
  summary: "PLoT decision analysis: compare options on an uncertain causal graph (V2 envelope)",
  description:
    "Monte Carlo over edge existence (Bernoulli), edge strength (Normal) and factor priors, with common random numbers across options; " +
    "returns outcome statistics, win probabilities (ties split 1/k), downside, decision EVPI, robustness with E-values, sensitivity blocks, " +
    "inference warnings and critiques in PLoT's V2 envelope (optional members omitted, never null). Validation failures answer 422 with the " +
    "`blocked` body. The query parameter `response_version=2` is accepted. See docs/plot-v2.md.",
  tags: ["Robustness"],
  metric: "isl_robustness_analyses_total",
  deterministic: false,
  cost: "heavy",
  metadataKey: "none",
  schemaErrorShape: "plot-blocked",
  volatileFields: ["timestamp", "processing_time_ms"],
  example,
});

/** `robustness/analyze/unified` request: any object; routed by its members. */
export const RobustnessUnifiedRequest = z
  .looseObject({})
  .refine((body) => ("graph" in body && "options" in body) || "causal_model" in body, {
    message: "needs `graph` and `options` (analyze/v2) or `causal_model` (FACET robustness)",
  })
  .describe("A body with `graph` and `options` is an analyze/v2 request; a body with `causal_model` is a FACET robustness/analyze request.")
  .meta({ id: "RobustnessUnifiedRequest" });

/** `robustness/analyze/unified` response: the V2 envelope or the FACET v1 response. */
export const RobustnessUnifiedResponse = z.union([PlotAnalyzeResponse, z.looseObject({ analysis: FACETRobustnessAnalysis })]).meta({ id: "RobustnessUnifiedResponse" });

/** `robustness/analyze/unified`. */
export const robustnessAnalyzeUnified = defineOperation({
  id: "robustness/analyze/unified",
  request: RobustnessUnifiedRequest,
  response: RobustnessUnifiedResponse,
  summary: "Robustness analysis, auto-detecting the request kind (analyze/v2 or FACET)",
  description:
    "A body with `graph` and `options` runs robustness/analyze/v2 and answers its V2 envelope (422 `blocked` on validation failures); a body with " +
    "`causal_model` runs robustness/analyze (FACET) and answers its response; anything else is a 422.",
  tags: ["Robustness"],
  metric: "isl_robustness_analyses_total",
  deterministic: false,
  cost: "heavy",
  metadataKey: "none",
  volatileFields: ["timestamp", "processing_time_ms"],
  example,
});
