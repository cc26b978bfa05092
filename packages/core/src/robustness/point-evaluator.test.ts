/**
 * The point evaluator gives the same hits and outcome columns, bit for bit, whether it re-runs the
 * equations in the WebAssembly kernels' memory or with the JavaScript kernels: on a model mixing
 * affine and nonlinear equations, noise of several families, a fixed (context) variable, an
 * equation that is not an ancestor of the targets, sample counts around the block size, and another
 * simulation between points (which overwrites the kernel memory).
 */
import { describe, expect, it } from "vitest";
import { createRng, enableWasmNormalKernel } from "../random/index.js";
import { buildStructuralModel, simulate } from "../scm/index.js";
import { createPointEvaluator } from "./point-evaluator.js";

const model = buildStructuralModel({
  equations: {
    Demand: "1000 - 20 * Price + 3 * Ads + Shock",
    Cost: "200 + 2 * Demand * Unit",
    Profit: "Price * Demand - Cost + 0.5 * Fixed",
    Unrelated: "exp(Shock / 100)",
  },
  distributions: {
    Shock: { type: "normal", parameters: { mean: 0, std: 40 } },
    Unit: { type: "uniform", parameters: { min: 1, max: 3 } },
    Fixed: { type: "normal", parameters: { mean: 0, std: 1 } },
  },
  variables: ["Price", "Ads"],
}, { inputs: ["Price", "Ads"] });

const other = buildStructuralModel({ equations: { A: "7 * B - 3", C: "A * 2 + B + 1", D: "C - A", E: "D * 0.5 + 9", F: "E + 100" }, distributions: { B: { type: "uniform", parameters: { min: -50, max: 50 } } } });

/** Hits and the Profit column at a few points, with the kernels on or off. */
function evaluate(wasm: boolean, samples: number): { hits: number[]; profits: number[][] } {
  const previous = enableWasmNormalKernel(wasm);
  try {
    const evaluator = createPointEvaluator({
      model,
      variables: ["Price", "Ads"],
      start: Float64Array.of(20, 10),
      targets: [{ outcome: "Profit", lo: 5000, hi: 20_000 }, { outcome: "Demand", lo: 500, hi: 900 }],
      fixed: new Map([["Fixed", 3]]),
      samples,
      rng: createRng("point-evaluator"),
    });
    const hits: number[] = [];
    const profits: number[][] = [];
    for (const [price, ads] of [[20, 10], [15, 0], [25, 40], [10.5, 3]] as const) {
      // NOTE: another simulation in between overwrites the kernel memory, so stale blocks would show.
      simulate(other, { samples: samples + 3, rng: createRng(price) });
      hits.push(evaluator.hits(Float64Array.of(price, ads)));
      profits.push(Array.from(evaluator.outcomeColumn("Profit")));
    }
    return { hits, profits };
  } finally {
    enableWasmNormalKernel(previous);
  }
}

describe("point evaluator: WebAssembly and JavaScript paths agree", () => {
  it.each([1, 7, 4096, 4101, 10_000])("n = %i", (n) => {
    const js = evaluate(false, n);
    const wasm = evaluate(true, n);
    expect(wasm.hits).toEqual(js.hits);
    expect(wasm.profits).toEqual(js.profits);
    expect(js.hits.some((h) => h > 0 && h < n) || n < 10).toBe(true);
  });
});
