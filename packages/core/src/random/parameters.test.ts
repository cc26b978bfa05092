/**
 * Table-driven tests of sampler parameter validation: code, message, parameter name and range.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { createRng, type Rng } from "./rng.js";

const column = new Float64Array(4);

/** Runs `call` and returns the IslError it throws. */
function caught(call: () => unknown): IslError {
  try {
    call();
  } catch (e) {
    if (e instanceof IslError) return e;
    throw e;
  }
  throw new Error("expected an IslError");
}

describe("sampler parameter validation", () => {
  it.each([
    { call: (r: Rng) => r.normal(0, -1), message: "normal: sd must be a finite number ≥ 0 (got -1)", parameter: "sd" },
    { call: (r: Rng) => r.normal(Number.NaN, 1), message: "normal: mean must be a finite number (got NaN)", parameter: "mean" },
    { call: (r: Rng) => r.normal(0, Infinity), message: "normal: sd must be a finite number ≥ 0 (got Infinity)", parameter: "sd" },
    { call: (r: Rng) => r.fillNormal(column, 0, -2), message: "normal: sd must be a finite number ≥ 0 (got -2)", parameter: "sd" },
    { call: (r: Rng) => r.lognormal(0, -0.5), message: "lognormal: sigma must be a finite number ≥ 0 (got -0.5)", parameter: "sigma" },
    { call: (r: Rng) => r.lognormal(Infinity, 1), message: "lognormal: mu must be a finite number (got Infinity)", parameter: "mu" },
    { call: (r: Rng) => r.gamma(0), message: "gamma: shape must be a finite number > 0 (got 0)", parameter: "shape" },
    { call: (r: Rng) => r.gamma(2, -1), message: "gamma: scale must be a finite number > 0 (got -1)", parameter: "scale" },
    { call: (r: Rng) => r.fillGamma(column, -1), message: "gamma: shape must be a finite number > 0 (got -1)", parameter: "shape" },
    { call: (r: Rng) => r.beta(0, 1), message: "beta: alpha must be a finite number > 0 (got 0)", parameter: "alpha" },
    { call: (r: Rng) => r.beta(1, Number.NaN), message: "beta: beta must be a finite number > 0 (got NaN)", parameter: "beta" },
    { call: (r: Rng) => r.exponential(0), message: "exponential: scale must be a finite number > 0 (got 0)", parameter: "scale" },
    { call: (r: Rng) => r.fillExponential(column, -3), message: "exponential: scale must be a finite number > 0 (got -3)", parameter: "scale" },
    { call: (r: Rng) => r.uniform(2, 1), message: "uniform: max must be ≥ min (2) (got 1)", parameter: "max" },
    { call: (r: Rng) => r.uniform(-Infinity, 1), message: "uniform: min must be a finite number (got -Infinity)", parameter: "min" },
    { call: (r: Rng) => r.uniform(-1e308, 1e308), message: "uniform: max - min must be finite (the interval overflows) (got Infinity)", parameter: "max - min" },
    { call: (r: Rng) => r.fillUniform(column, 0, Number.NaN), message: "uniform: max must be a finite number (got NaN)", parameter: "max" },
    { call: (r: Rng) => r.triangular(0, 2, 1), message: "triangular: mode must be in [min, max] = [0, 1] (got 2)", parameter: "mode" },
    { call: (r: Rng) => r.triangular(0, -1, 1), message: "triangular: mode must be in [min, max] = [0, 1] (got -1)", parameter: "mode" },
    { call: (r: Rng) => r.triangular(1, 1, 1), message: "triangular: max must be > min (1) (got 1)", parameter: "max" },
    { call: (r: Rng) => r.triangular(2, 1, 0), message: "triangular: max must be ≥ min (2) (got 0)", parameter: "max" },
    { call: (r: Rng) => r.fillTriangular(column, 0, Number.NaN, 1), message: "triangular: mode must be a finite number (got NaN)", parameter: "mode" },
    { call: (r: Rng) => r.bernoulli(1.5), message: "bernoulli: p must be a probability in [0, 1] (got 1.5)", parameter: "p" },
    { call: (r: Rng) => r.bernoulli(-0.1), message: "bernoulli: p must be a probability in [0, 1] (got -0.1)", parameter: "p" },
    { call: (r: Rng) => r.fillBernoulli(column, Number.NaN), message: "bernoulli: p must be a probability in [0, 1] (got NaN)", parameter: "p" },
  ])("$message", ({ call, message, parameter }) => {
    const error = caught(() => call(createRng("validation")));
    expect(error.code).toBe("ISL_INVALID_DISTRIBUTION");
    expect(error.message).toBe(message);
    expect(error.details.parameter).toBe(parameter);
    expect(error.recovery?.hints.length).toBeGreaterThan(0);
  });

  it.each([
    { call: (r: Rng) => r.normal("1" as unknown as number, 1), parameter: "mean" },
    { call: (r: Rng) => r.uniform("0" as unknown as number, 1), parameter: "min" },
    { call: (r: Rng) => r.triangular(0, "0.5" as unknown as number, 1), parameter: "mode" },
    { call: (r: Rng) => r.gamma("2" as unknown as number), parameter: "shape" },
  ])("rejects numeric strings from untyped callers ($parameter)", ({ call, parameter }) => {
    const error = caught(() => call(createRng("validation")));
    expect(error.code).toBe("ISL_INVALID_DISTRIBUTION");
    expect(error.details.parameter).toBe(parameter);
  });

  it("fill methods require a Float64Array", () => {
    const error = caught(() => createRng(1).fillNormal([0, 0] as unknown as Float64Array));
    expect(error.code).toBe("ISL_INVALID_INPUT");
    expect(error.message).toBe("fillNormal: out must be a Float64Array");
  });

  it("validation failures consume no random numbers", () => {
    const a = createRng("no-draw");
    const b = createRng("no-draw");
    expect(() => a.gamma(-1)).toThrowError(IslError);
    expect(a.next()).toBe(b.next());
  });
});
