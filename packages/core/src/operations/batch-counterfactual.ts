/**
 * `batch/counterfactual`: runs each `causal/counterfactual` request with the seed it would get alone
 * (its `seed` field, else derived from its own content), so an item equals the single call; item
 * failures are reported inline (batch-items.ts). Complexity: the sum of the items' costs.
 * Reference: upstream batch router (reference §3.1).
 */
import type { RequestOf, ResponseOf } from "@olumi/contracts";
import { deriveSeed } from "../hash/index.js";
import { createRng } from "../random/index.js";
import { runBatchItems } from "./batch-items.js";
import { causalCounterfactualHandler } from "./causal-counterfactual.js";
import type { HandlerContext } from "./context.js";

type Response = Omit<ResponseOf<"batch/counterfactual">, "metadata">;

/** The `batch/counterfactual` handler. */
export function batchCounterfactualHandler(request: RequestOf<"batch/counterfactual">, ctx: HandlerContext): Response {
  return runBatchItems(request.requests, ctx, (item) => {
    const { seed, source } = deriveSeed(item);
    return causalCounterfactualHandler(item, { ...ctx, rng: createRng(seed), seed: String(seed), seedSource: source });
  });
}
