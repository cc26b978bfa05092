/**
 * Handlers of `robustness/analyze/v2` (the PLoT V2 envelope, plot/analyze-v2.ts) and
 * `robustness/analyze/unified` (routes a `graph` + `options` body to analyze/v2, a `causal_model`
 * body to the FACET robustness/analyze operation, anything else to a 400).
 */
import { PlotAnalyzeRequest, type RequestOf, type ResponseOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { analyzePlotV2 } from "../plot/analyze-v2.js";
import { bodyRequestId, schemaBlockedError } from "../plot/blocked.js";
import type { HandlerContext } from "./context.js";
import { runOperation } from "./run.js";

/** `robustness/analyze/v2`: the V2 envelope. */
export function robustnessAnalyzeV2Handler(request: RequestOf<"robustness/analyze/v2">, ctx: HandlerContext): ResponseOf<"robustness/analyze/v2"> {
  return analyzePlotV2(request, { requestId: ctx.requestId, signal: ctx.signal }) as ResponseOf<"robustness/analyze/v2">;
}

/** `robustness/analyze/unified`: dispatch on the body's members. */
export function robustnessAnalyzeUnifiedHandler(request: RequestOf<"robustness/analyze/unified">, ctx: HandlerContext): ResponseOf<"robustness/analyze/unified"> {
  const body = request as Record<string, unknown>;
  if ("graph" in body && "options" in body) {
    const parsed = PlotAnalyzeRequest.safeParse(body);
    if (!parsed.success) throw schemaBlockedError(parsed.error, bodyRequestId(body) ?? ctx.requestId);
    return analyzePlotV2(parsed.data, { requestId: ctx.requestId, signal: ctx.signal }) as ResponseOf<"robustness/analyze/unified">;
  }
  if ("causal_model" in body) {
    return runOperation("robustness/analyze", body, { requestId: ctx.requestId, signal: ctx.signal }) as ResponseOf<"robustness/analyze/unified">;
  }
  throw new IslError("ISL_INVALID_INPUT", "robustness/analyze/unified needs either `graph` and `options` (analyze/v2) or `causal_model` (FACET robustness)", {
    details: { field: "body", received_keys: Object.keys(body).sort() },
    recovery: { hints: ["Send graph + options for the PLoT analysis", "Send causal_model for FACET robustness"], suggestion: "Add the members of one request kind" },
  });
}
