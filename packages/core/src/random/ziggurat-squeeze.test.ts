/**
 * Tests of the ziggurat's squeeze lines: on every layer's wedge interval, at its ends and at random
 * points, lower(x) ≤ portableExp(−x²/2) ≤ upper(x) for the values as computed (intercept + slope·x,
 * the kernel's arithmetic), which is what makes the squeezed wedge test decide exactly as the plain
 * one; and the lines are useful: the undecided band is a small part of each wedge.
 */
import { describe, expect, it } from "vitest";
import { portableExp } from "./portable-exp.js";
import { createRng } from "./rng.js";
import { ZIGGURAT_LAYERS, ZIGGURAT_TABLES } from "./ziggurat-normal.js";
import { zigguratSqueezeLines } from "./ziggurat-squeeze.js";

describe("ziggurat squeeze lines", () => {
  const lines = zigguratSqueezeLines();
  const { x, fi } = ZIGGURAT_TABLES;
  const rng = createRng("squeeze");

  it("bound the computed exp(−x²/2) on every wedge, ends included", () => {
    for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
      const a = x[i + 1]!;
      const b = x[i]!;
      const points = [a, b, 0.5 * (a + b), ...Array.from({ length: 2000 }, () => a + (b - a) * rng.next())];
      for (const p of points) {
        const e = portableExp(-0.5 * p * p);
        const lower = lines.lowerIntercept[i]! + lines.lowerSlope[i]! * p;
        const upper = lines.upperIntercept[i]! + lines.upperSlope[i]! * p;
        if (!(lower <= e && e <= upper)) expect({ layer: i, x: p, lower, e, upper }).toBe("bounded");
      }
    }
  });

  it("decide all but a thin band: undecided height below 10% of the wedge on average, lines on all but the straddling layer", () => {
    let undecided = 0;
    let layers = 0;
    for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
      if (lines.lowerIntercept[i] === -1) continue;
      layers++;
      const a = x[i + 1]!;
      const b = x[i]!;
      const m = 0.5 * (a + b);
      undecided += (lines.upperIntercept[i]! + lines.upperSlope[i]! * m - (lines.lowerIntercept[i]! + lines.lowerSlope[i]! * m)) / (fi[i + 1]! - fi[i]!);
    }
    expect(layers).toBe(ZIGGURAT_LAYERS - 2);
    expect(undecided / layers).toBeLessThan(0.1);
  });
});
