/**
 * Parameter checks for the samplers. Each `check*` function is the cold path: samplers first test
 * a cheap inline condition and call it only when that fails, so validation costs almost nothing
 * per draw. A failure raises `IslError` ISL_INVALID_DISTRIBUTION naming the distribution, the
 * parameter, the valid range and the value received. Complexity: O(1).
 * Reference: none (argument validation only).
 */
import { IslError } from "../errors.js";

/**
 * Throws ISL_INVALID_DISTRIBUTION for `distribution.parameter`.
 *
 * @param distribution - Sampler name, e.g. "normal".
 * @param parameter - Parameter name, e.g. "sd".
 * @param valid - The valid range in words, e.g. "a finite number ≥ 0".
 * @param value - The value received.
 */
export function invalidParameter(distribution: string, parameter: string, valid: string, value: unknown): never {
  throw new IslError("ISL_INVALID_DISTRIBUTION", `${distribution}: ${parameter} must be ${valid} (got ${String(value)})`, {
    details: { distribution, parameter, valid, value: typeof value === "number" ? value : String(value) },
    recovery: {
      hints: [`Set ${parameter} to ${valid}.`, "Check the distribution's parameterisation in the Rng documentation."],
      suggestion: `Fix the ${parameter} parameter of the ${distribution} distribution.`,
    },
  });
}

/** Requires a finite number. */
function requireFinite(distribution: string, parameter: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value)) invalidParameter(distribution, parameter, "a finite number", value);
}

/** Requires a finite number ≥ 0. */
function requireNonNegative(distribution: string, parameter: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) invalidParameter(distribution, parameter, "a finite number ≥ 0", value);
}

/** Requires a finite number > 0. */
function requirePositive(distribution: string, parameter: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) invalidParameter(distribution, parameter, "a finite number > 0", value);
}

/**
 * Checks a location–scale pair: finite location, finite scale ≥ 0 (normal, lognormal).
 *
 * @param distribution - Sampler name.
 * @param locationName - Name of the location parameter ("mean", "mu").
 * @param location - Location value.
 * @param scaleName - Name of the scale parameter ("sd", "sigma").
 * @param scale - Scale value.
 * @throws IslError ISL_INVALID_DISTRIBUTION if either is invalid.
 */
export function checkLocationScale(distribution: string, locationName: string, location: unknown, scaleName: string, scale: unknown): void {
  requireFinite(distribution, locationName, location);
  requireNonNegative(distribution, scaleName, scale);
}

/**
 * Checks that every named parameter is a finite number > 0 (gamma, beta, exponential).
 *
 * @param distribution - Sampler name.
 * @param parameters - Parameter names and values, checked in order.
 * @throws IslError ISL_INVALID_DISTRIBUTION at the first invalid parameter.
 */
export function checkPositive(distribution: string, parameters: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(parameters)) requirePositive(distribution, name, value);
}

/**
 * Checks a probability in [0, 1].
 *
 * @param distribution - Sampler name.
 * @param parameter - Parameter name.
 * @param value - Value to check.
 * @throws IslError ISL_INVALID_DISTRIBUTION if the value is not a number in [0, 1].
 */
export function checkProbability(distribution: string, parameter: string, value: unknown): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) invalidParameter(distribution, parameter, "a probability in [0, 1]", value);
}

/**
 * Checks finite bounds min ≤ max whose width max − min is finite.
 *
 * @param distribution - Sampler name.
 * @param min - Lower bound.
 * @param max - Upper bound.
 * @throws IslError ISL_INVALID_DISTRIBUTION if the interval is invalid.
 */
export function checkInterval(distribution: string, min: unknown, max: unknown): void {
  requireFinite(distribution, "min", min);
  requireFinite(distribution, "max", max);
  const lo = min as number;
  const hi = max as number;
  if (lo > hi) invalidParameter(distribution, "max", `≥ min (${lo})`, hi);
  if (!Number.isFinite(hi - lo)) invalidParameter(distribution, "max - min", "finite (the interval overflows)", hi - lo);
}

/**
 * Checks triangular parameters: finite min ≤ mode ≤ max with min < max and finite width.
 *
 * @param min - Lower bound.
 * @param mode - Peak of the density.
 * @param max - Upper bound.
 * @throws IslError ISL_INVALID_DISTRIBUTION if the parameters are invalid.
 */
export function checkTriangular(min: unknown, mode: unknown, max: unknown): void {
  checkInterval("triangular", min, max);
  requireFinite("triangular", "mode", mode);
  const lo = min as number;
  const hi = max as number;
  const peak = mode as number;
  if (!(lo < hi)) invalidParameter("triangular", "max", `> min (${lo})`, hi);
  if (peak < lo || peak > hi) invalidParameter("triangular", "mode", `in [min, max] = [${lo}, ${hi}]`, peak);
}

/**
 * Checks that the output column of a fill method is a Float64Array.
 *
 * @param method - Name of the fill method, e.g. "fillNormal".
 * @param out - The array to fill.
 * @throws IslError ISL_INVALID_INPUT if `out` is not a Float64Array.
 */
export function checkColumn(method: string, out: unknown): void {
  if (!(out instanceof Float64Array)) {
    throw new IslError("ISL_INVALID_INPUT", `${method}: out must be a Float64Array`, {
      details: { method, argument: "out" },
      recovery: { hints: ["Allocate the column once with new Float64Array(n) and reuse it."], suggestion: "Pass a Float64Array." },
    });
  }
}
