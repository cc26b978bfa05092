/**
 * Core's handler for every operation id of the table. A missing handler is a type error.
 */
import type { OperationId, RequestOf, ResponseOf } from "@olumi/contracts";
import type { HandlerContext } from "./context.js";
import { analysisIdentifiabilityDagHandler, analysisIdentifiabilityHandler } from "./analysis-identifiability.js";
import { analysisSensitivityHandler } from "./analysis-sensitivity.js";
import { batchCounterfactualHandler } from "./batch-counterfactual.js";
import { batchValidateHandler } from "./batch-validate.js";
import { causalAdjustmentSetsHandler } from "./causal-adjustment-sets.js";
import { causalCounterfactualHandler } from "./causal-counterfactual.js";
import { causalCounterfactualBatchHandler } from "./causal-counterfactual-batch.js";
import { causalCounterfactualConformalHandler } from "./causal-counterfactual-conformal.js";
import { causalDSeparationHandler } from "./causal-d-separation.js";
import { causalIdentifyHandler } from "./causal-identify.js";
import { causalImpliedIndependenciesHandler } from "./causal-implied-independencies.js";
import { causalInstrumentsHandler } from "./causal-instruments.js";
import { causalSensitivityDetailedHandler } from "./causal-sensitivity-detailed.js";
import { causalValidateHandler } from "./causal-validate.js";
import { causalValidateStrategiesHandler } from "./causal-validate-strategies.js";
import { explainContrastiveHandler } from "./explain-contrastive.js";
import { graphFromDotHandler, graphToDotHandler } from "./graph-dot.js";
import { robustnessAnalyzeHandler } from "./robustness-analyze.js";
import { robustnessAnalyzeUnifiedHandler, robustnessAnalyzeV2Handler } from "./robustness-analyze-v2.js";

/** A pure handler: the parsed request and its context in, the response body (without metadata) out. */
export type Handler<Id extends OperationId> = (request: RequestOf<Id>, ctx: HandlerContext) => Omit<ResponseOf<Id>, "_metadata" | "metadata">;

/** Handlers by operation id. */
export const handlers: { readonly [Id in OperationId]: Handler<Id> } = {
  "analysis/identifiability": analysisIdentifiabilityHandler,
  "analysis/identifiability/dag": analysisIdentifiabilityDagHandler,
  "analysis/sensitivity": analysisSensitivityHandler,
  "batch/counterfactual": batchCounterfactualHandler,
  "batch/validate": batchValidateHandler,
  "causal/adjustment-sets": causalAdjustmentSetsHandler,
  "causal/counterfactual": causalCounterfactualHandler,
  "causal/counterfactual/batch": causalCounterfactualBatchHandler,
  "causal/counterfactual/conformal": causalCounterfactualConformalHandler,
  "causal/d-separation": causalDSeparationHandler,
  "causal/identify": causalIdentifyHandler,
  "causal/implied-independencies": causalImpliedIndependenciesHandler,
  "causal/instruments": causalInstrumentsHandler,
  "causal/sensitivity/detailed": causalSensitivityDetailedHandler,
  "causal/validate": causalValidateHandler,
  "causal/validate/strategies": causalValidateStrategiesHandler,
  "explain/contrastive": explainContrastiveHandler,
  "graph/from-dot": graphFromDotHandler,
  "graph/to-dot": graphToDotHandler,
  "robustness/analyze": robustnessAnalyzeHandler,
  "robustness/analyze/unified": robustnessAnalyzeUnifiedHandler,
  "robustness/analyze/v2": robustnessAnalyzeV2Handler,
};
