/**
 * `sensitivity_reference_option_id`: the option against which edge sensitivity, factor sensitivity and
 * the fragile/robust edge classes are computed — the first option of the request (every capture agrees).
 * Complexity: O(1).
 * Reference: plot-v2-engine.md §4.6–4.7; plot-client.md §3.2, §7.2.
 */
import type { PlotModel } from "./model.js";

/** Index of the sensitivity reference option (always 0: the first option in request order). */
export const SENSITIVITY_REFERENCE_OPTION = 0;

/** The id of the sensitivity reference option. */
export function sensitivityReferenceOptionId(model: PlotModel): string {
  return model.options[SENSITIVITY_REFERENCE_OPTION]!.id;
}
