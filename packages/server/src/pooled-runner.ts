/**
 * Which operations run in the worker pool: those whose table entry says `cost: "heavy"`
 * (Monte Carlo, conformal refits, robustness searches, batches, sensitivity sweeps). Light
 * operations (graph queries bounded by their caps, typically well under a millisecond) run inline
 * on the event loop, where a worker round trip (structured clone both ways) would cost more than
 * the work.
 */
import type { OperationId } from "@olumi/contracts";
import type { RouteRunner } from "./operation-route.js";
import type { WorkerPool } from "./worker-pool.js";

/** What the choice needs to know about an operation. */
export interface CostedOperation {
  readonly id: string;
  readonly cost: "light" | "heavy";
}

/** The ids of `table` that go to the pool. */
export function pooledOperationIds(table: readonly CostedOperation[]): Set<string> {
  return new Set(table.filter((op) => op.cost === "heavy").map((op) => op.id));
}

/** A runner sending heavy operations of `table` to `pool` and the rest to `inline`. */
export function pooledRunner(pool: WorkerPool, table: readonly CostedOperation[], inline: RouteRunner): RouteRunner {
  const heavy = pooledOperationIds(table);
  return (id: OperationId, input, options) => (heavy.has(id) ? pool.run(id, input, options) : inline(id, input, options));
}
