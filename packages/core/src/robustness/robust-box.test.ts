/**
 * The box search against brute force: check-point patterns (counts, corners, faces, range),
 * points of B(s) inside the feasible box, and the bisection against an exactly known largest scale
 * for predicates whose passing set is a known box. Also requiredHits against its definition.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "../random/index.js";
import { boxAtScale, largestRobustScale, pointAtScale, requiredHits, SCALE_TOLERANCE, unitCheckPoints } from "./index.js";

describe("unitCheckPoints", () => {
  it("lists all 2^d corners, the 2d faces and the interior points when the corners fit the budget", () => {
    const { points, allCorners } = unitCheckPoints(3, 10, createRng(1));
    expect(allCorners).toBe(true);
    expect(points).toHaveLength(8 + 6 + 10);
    const corners = points.slice(0, 8).map((u) => Array.from(u).join(","));
    expect(new Set(corners).size).toBe(8);
    for (const u of points.slice(0, 8)) for (const x of u) expect(Math.abs(x)).toBe(1);
    for (const u of points.slice(8, 14)) expect(Array.from(u).filter((x) => x !== 0)).toHaveLength(1);
    for (const u of points.slice(14)) for (const x of u) expect(Math.abs(x)).toBeLessThanOrEqual(1);
  });

  it("samples random corners when 2^d exceeds the budget; one dimension has no separate faces", () => {
    const many = unitCheckPoints(12, 100, createRng(1));
    expect(many.allCorners).toBe(false);
    expect(many.points).toHaveLength(100 + 24 + 100);
    for (const u of many.points.slice(0, 100)) for (const x of u) expect(Math.abs(x)).toBe(1);
    expect(unitCheckPoints(1, 5, createRng(1)).points).toHaveLength(2 + 5);
  });
});

describe("pointAtScale and boxAtScale", () => {
  const p = Float64Array.of(2, -1);
  const lower = Float64Array.of(0, -5);
  const upper = Float64Array.of(10, 0);
  it("maps corners of the unit cube to corners of B(s), B(1) = feasible box, B(0) = {p}", () => {
    expect(boxAtScale(1, p, lower, upper)).toEqual([
      [0, 10],
      [-5, 0],
    ]);
    expect(boxAtScale(0, p, lower, upper)).toEqual([
      [2, 2],
      [-1, -1],
    ]);
    expect(boxAtScale(0.5, p, lower, upper)).toEqual([
      [1, 6],
      [-3, -0.5],
    ]);
    expect(Array.from(pointAtScale(Float64Array.of(-1, 1), 0.5, p, lower, upper, new Float64Array(2)))).toEqual([1, -0.5]);
  });
});

describe("largestRobustScale", () => {
  it("finds the largest box inside a known passing box to the tolerance (brute force over many boxes)", () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 50; trial++) {
      const d = 1 + rng.int(3);
      const lower = Float64Array.from({ length: d }, () => rng.uniform(-10, 0));
      const upper = Float64Array.from({ length: d }, () => rng.uniform(0.5, 10));
      const proposal = Float64Array.from({ length: d }, (_, i) => rng.uniform(lower[i]!, upper[i]!));
      // Passing set: a box [a, b] ∋ proposal.
      const a = Float64Array.from({ length: d }, (_, i) => rng.uniform(lower[i]! - 1, proposal[i]!));
      const b = Float64Array.from({ length: d }, (_, i) => rng.uniform(proposal[i]!, upper[i]! + 1));
      const passes = (x: Float64Array) => Array.from(x).every((xi, i) => xi >= a[i]! && xi <= b[i]!);
      let exact = 1;
      for (let i = 0; i < d; i++) {
        exact = Math.min(exact, (proposal[i]! - Math.max(a[i]!, lower[i]!)) / (proposal[i]! - lower[i]!), (Math.min(b[i]!, upper[i]!) - proposal[i]!) / (upper[i]! - proposal[i]!));
      }
      const { points } = unitCheckPoints(d, 20, rng.fork(`points${trial}`));
      const result = largestRobustScale({ proposal, lower, upper, checkPoints: points, passes, tolerance: SCALE_TOLERANCE });
      expect(result.proposalPasses).toBe(true);
      expect(result.scale).toBeLessThanOrEqual(exact + 1e-12);
      expect(result.scale).toBeGreaterThanOrEqual(exact - SCALE_TOLERANCE - 1e-12);
      // The certified box passes at every check point.
      const point = new Float64Array(d);
      for (const u of points) expect(passes(pointAtScale(u, result.scale, proposal, lower, upper, point))).toBe(true);
    }
  });

  it("stops at the proposal when it fails, and counts evaluations", () => {
    const result = largestRobustScale({ proposal: Float64Array.of(1), lower: Float64Array.of(0), upper: Float64Array.of(2), checkPoints: [Float64Array.of(-1), Float64Array.of(1)], passes: () => false, tolerance: SCALE_TOLERANCE });
    expect(result).toEqual({ proposalPasses: false, scale: 0, failingScale: 0, evaluations: 1, passedEvaluations: 0 });
  });
});

describe("requiredHits", () => {
  it("is the smallest h with h / n ≥ p (brute force)", () => {
    for (const n of [1, 2, 3, 7, 10, 99, 1000, 10_000]) {
      for (const p of [0.5, 0.8, 0.9, 0.95, 0.975, 0.99]) {
        let h = 0;
        while (h / n < p) h++;
        expect(requiredHits(p, n)).toBe(h);
      }
    }
  });
});
