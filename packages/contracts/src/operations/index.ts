/**
 * The operation table: every capability ISL offers, declared once. The server, CLI, browser
 * bundle, client and OpenAPI document are all generated from it.
 */
import type { z } from "zod";
import { analysisIdentifiability, analysisIdentifiabilityDag } from "./analysis-identifiability.js";
import { batchValidate } from "./batch-validate.js";
import { causalAdjustmentSets } from "./causal-adjustment-sets.js";
import { causalDSeparation } from "./causal-d-separation.js";
import { causalIdentify } from "./causal-identify.js";
import { causalImpliedIndependencies } from "./causal-implied-independencies.js";
import { causalInstruments } from "./causal-instruments.js";
import { causalValidate } from "./causal-validate.js";
import { causalValidateStrategies } from "./causal-validate-strategies.js";
import { graphFromDot, graphToDot } from "./graph-dot.js";

/** Every operation, sorted by id. */
export const operations = [analysisIdentifiability, analysisIdentifiabilityDag, batchValidate, causalAdjustmentSets, causalDSeparation, causalIdentify, causalImpliedIndependencies, causalInstruments, causalValidate, causalValidateStrategies, graphFromDot, graphToDot] as const;

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
export * from "./batch-validate.js";
export * from "./causal-adjustment-sets.js";
export * from "./causal-d-separation.js";
export * from "./causal-identify.js";
export * from "./causal-implied-independencies.js";
export * from "./causal-instruments.js";
export * from "./causal-validate.js";
export * from "./causal-validate-strategies.js";
export * from "./graph-dot.js";
