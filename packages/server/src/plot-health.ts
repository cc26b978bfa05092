/**
 * The `compute_admission` field of `GET /health` (plot-client.md §5, plot-v2-engine.md §6.2): the
 * admission ceiling, formula version, weights, formula parameters and caps that PLoT plans its
 * requests with. Built from core's admission constants, the same ones the admission gate prices
 * with, so the advertisement cannot drift from enforcement. Without this field PLoT answers 503
 * to every analysis.
 */
import { computeAdmissionBlock, type ComputeAdmissionBlock } from "@olumi/isl-core";

/**
 * The `compute_admission` block for the configured ceiling.
 *
 * @param maxCostUnits - `ISL_MAX_COST_UNITS` (the server config's `maxCostUnits`).
 */
export function computeAdmissionField(maxCostUnits: number): ComputeAdmissionBlock {
  return computeAdmissionBlock(maxCostUnits);
}
