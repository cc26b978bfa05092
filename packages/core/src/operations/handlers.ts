/**
 * Core's handler for every operation id of the table. A missing handler is a type error.
 */
import type { OperationId, RequestOf, ResponseOf } from "@olumi/contracts";
import type { HandlerContext } from "./context.js";
import { causalValidateHandler } from "./causal-validate.js";

/** A pure handler: the parsed request and its context in, the response body (without metadata) out. */
export type Handler<Id extends OperationId> = (request: RequestOf<Id>, ctx: HandlerContext) => Omit<ResponseOf<Id>, "_metadata" | "metadata">;

/** Handlers by operation id. */
export const handlers: { readonly [Id in OperationId]: Handler<Id> } = {
  "causal/validate": causalValidateHandler,
};
