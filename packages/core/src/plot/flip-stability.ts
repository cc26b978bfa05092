/**
 * The seed-sweep stability band shared by `edge_e_values[].stability` and
 * `factor_flip_values[].stability`: the flip point re-searched on 10 sampled backgrounds, summarised as
 * the count of backgrounds that flipped and the min / median / max / width of their flip points.
 * Complexity: O(k log k) for k backgrounds.
 * Reference: plot-v2-engine.md §4.6 (bands) and §4.8; plot-client.md §3.5.
 */
import { roundHalfEven } from "./wire-number.js";

/** Number of sampled backgrounds of a stability band. */
export const FLIP_STABILITY_SEEDS = 10;

/** The band members shared by both blocks (the per-seed list is named by the caller). */
export interface FlipBand {
  n_seeds: number;
  n_seeds_flipped: number;
  band_min?: number;
  band_median?: number;
  band_max?: number;
  band_width?: number;
}

/**
 * Summarises per-background flip points (already rounded to 6 dp; null where the background did not flip).
 *
 * median = the middle value, or the mean of the two middle values, rounded to 6 dp; width = max − min
 * rounded to 6 dp; the `band_*` members are omitted when no background flipped.
 *
 * @param flipPoints - One entry per background.
 */
export function flipBand(flipPoints: readonly (number | null)[]): FlipBand {
  const flipped = flipPoints.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const band: FlipBand = { n_seeds: flipPoints.length, n_seeds_flipped: flipped.length };
  if (flipped.length === 0) return band;
  const mid = flipped.length >> 1;
  const median = flipped.length % 2 === 1 ? (flipped[mid] as number) : ((flipped[mid - 1] as number) + (flipped[mid] as number)) / 2;
  const min = flipped[0] as number;
  const max = flipped[flipped.length - 1] as number;
  band.band_min = min;
  band.band_median = roundHalfEven(median, 6);
  band.band_max = max;
  band.band_width = roundHalfEven(max - min, 6);
  return band;
}
