/**
 * Core's handler for every operation id of the table. A missing handler is a type error.
 */
import type { OperationId, RequestOf, ResponseOf } from "@olumi/contracts";
import type { HandlerContext } from "./context.js";
import { analysisIdentifiabilityDagHandler, analysisIdentifiabilityHandler } from "./analysis-identifiability.js";
import { batchValidateHandler } from "./batch-validate.js";
import { causalAdjustmentSetsHandler } from "./causal-adjustment-sets.js";
import { causalDSeparationHandler } from "./causal-d-separation.js";
import { causalIdentifyHandler } from "./causal-identify.js";
import { causalImpliedIndependenciesHandler } from "./causal-implied-independencies.js";
import { causalInstrumentsHandler } from "./causal-instruments.js";
import { causalValidateHandler } from "./causal-validate.js";
import { causalValidateStrategiesHandler } from "./causal-validate-strategies.js";
import { graphFromDotHandler, graphToDotHandler } from "./graph-dot.js";

/** A pure handler: the parsed request and its context in, the response body (without metadata) out. */
export type Handler<Id extends OperationId> = (request: RequestOf<Id>, ctx: HandlerContext) => Omit<ResponseOf<Id>, "_metadata" | "metadata">;

/** Handlers by operation id. */
export const handlers: { readonly [Id in OperationId]: Handler<Id> } = {
  "analysis/identifiability": analysisIdentifiabilityHandler,
  "analysis/identifiability/dag": analysisIdentifiabilityDagHandler,
  "batch/validate": batchValidateHandler,
  "causal/adjustment-sets": causalAdjustmentSetsHandler,
  "causal/d-separation": causalDSeparationHandler,
  "causal/identify": causalIdentifyHandler,
  "causal/implied-independencies": causalImpliedIndependenciesHandler,
  "causal/instruments": causalInstrumentsHandler,
  "causal/validate": causalValidateHandler,
  "causal/validate/strategies": causalValidateStrategiesHandler,
  "graph/from-dot": graphFromDotHandler,
  "graph/to-dot": graphToDotHandler,
};
