/**
 * The operation table: every capability ISL offers, declared once. The server, CLI, browser
 * bundle, client and OpenAPI document are all generated from it.
 */
import type { z } from "zod";
import { analysisIdentifiability, analysisIdentifiabilityDag } from "./analysis-identifiability.js";
import { analysisSensitivity } from "./analysis-sensitivity.js";
import { batchCounterfactual } from "./batch-counterfactual.js";
import { batchValidate } from "./batch-validate.js";
import { causalAdjustmentSets } from "./causal-adjustment-sets.js";
import { causalCounterfactual } from "./causal-counterfactual.js";
import { causalCounterfactualBatch } from "./causal-counterfactual-batch.js";
import { causalCounterfactualConformal } from "./causal-counterfactual-conformal.js";
import { causalDSeparation } from "./causal-d-separation.js";
import { causalIdentify } from "./causal-identify.js";
import { causalImpliedIndependencies } from "./causal-implied-independencies.js";
import { causalInstruments } from "./causal-instruments.js";
import { causalSensitivityDetailed } from "./causal-sensitivity-detailed.js";
import { causalValidate } from "./causal-validate.js";
import { causalValidateStrategies } from "./causal-validate-strategies.js";
import { explainContrastive } from "./explain-contrastive.js";
import { graphFromDot, graphToDot } from "./graph-dot.js";
import { robustnessAnalyze } from "./robustness-analyze.js";
import { robustnessAnalyzeUnified, robustnessAnalyzeV2 } from "./robustness-analyze-v2.js";

/** Every operation, sorted by id. */
export const operations = [analysisIdentifiability, analysisIdentifiabilityDag, analysisSensitivity, batchCounterfactual, batchValidate, causalAdjustmentSets, causalCounterfactual, causalCounterfactualBatch, causalCounterfactualConformal, causalDSeparation, causalIdentify, causalImpliedIndependencies, causalInstruments, causalSensitivityDetailed, causalValidate, causalValidateStrategies, explainContrastive, graphFromDot, graphToDot, robustnessAnalyze, robustnessAnalyzeUnified, robustnessAnalyzeV2] as const;

/** The id of an operation in the table. */
export type OperationId = (typeof operations)[number]["id"];

/** The operation with a given id. */
export type OperationOf<Id extends OperationId> = Extract<(typeof operations)[number], { id: Id }>;

/** The request an operation accepts, before defaults are applied (what a caller sends). */
export type RequestInput<Id extends OperationId> = z.input<OperationOf<Id>["request"]>;

/** The request an operation's handler receives, after parsing and defaults. */
export type RequestOf<Id extends OperationId> = z.infer<OperationOf<Id>["request"]>;

/** The response an operation returns. */
export type ResponseOf<Id extends OperationId> = z.infer<OperationOf<Id>["response"]>;

const byId: ReadonlyMap<string, (typeof operations)[number]> = new Map(operations.map((op) => [op.id, op]));

/** The operation with this id, or `undefined`. */
export function findOperation(id: string): (typeof operations)[number] | undefined {
  return byId.get(id);
}

/** True when `id` names an operation of the table. */
export function isOperationId(id: string): id is OperationId {
  return byId.has(id);
}

export * from "./analysis-identifiability.js";
export * from "./analysis-sensitivity.js";
export * from "./batch-counterfactual.js";
export * from "./batch-validate.js";
export * from "./causal-adjustment-sets.js";
export * from "./causal-counterfactual.js";
export * from "./causal-counterfactual-batch.js";
export * from "./causal-counterfactual-conformal.js";
export * from "./counterfactual-results.js";
export * from "./causal-d-separation.js";
export * from "./causal-identify.js";
export * from "./causal-implied-independencies.js";
export * from "./causal-instruments.js";
export * from "./causal-sensitivity-detailed.js";
export * from "./causal-validate.js";
export * from "./causal-validate-strategies.js";
export * from "./explain-contrastive.js";
export * from "./graph-dot.js";
export * from "./robustness-analyze.js";
export * from "./robustness-analyze-v2.js";
