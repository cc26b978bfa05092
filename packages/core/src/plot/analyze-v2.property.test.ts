/**
 * Properties of the analyze/v2 engine on random graphs: win probabilities sum to 1 when every
 * draw has a finite option, an option dominated on every draw never wins, and the same request
 * gives the same body twice (apart from timestamp and processing_time_ms).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlotAnalyzeRequestInput } from "@olumi/contracts";
import { runOperation } from "../operations/run.js";

interface Shape {
  readonly others: number;
  readonly edges: Array<{ from: number; to: number; p: number; mean: number; std: number }>;
  readonly lever: number;
  readonly pus: boolean[];
  readonly seed: number;
}

/** Nodes: x (the lever, only child = goal), o0..o{k−1}, goal. Edges among o's and into goal go forward only. */
const shapeArbitrary: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 5 }).chain((others) =>
  fc.record({
    others: fc.constant(others),
    edges: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: others - 1 }),
        to: fc.integer({ min: 0, max: others }),
        p: fc.double({ min: 0, max: 1, noNaN: true }),
        mean: fc.double({ min: -1, max: 1, noNaN: true }),
        std: fc.double({ min: 0.002, max: 0.5, noNaN: true }),
      }),
      { maxLength: 10 },
    ),
    lever: fc.double({ min: 0.05, max: 1, noNaN: true }),
    pus: fc.array(fc.boolean(), { minLength: others, maxLength: others }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
);

function requestOf(shape: Shape): PlotAnalyzeRequestInput {
  const id = (i: number) => (i === shape.others ? "goal" : `o${i}`);
  const seen = new Set<string>();
  const edges = shape.edges
    .filter((e) => e.from < e.to)
    .filter((e) => {
      const key = `${e.from}-${e.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((e) => ({ from: id(e.from), to: id(e.to), exists_probability: e.p, strength: { mean: e.mean, std: e.std } }));
  return {
    graph: {
      nodes: [
        { id: "x", kind: "factor", label: "Lever", observed_state: { value: 0 } },
        ...Array.from({ length: shape.others }, (_, i) => ({ id: `o${i}`, kind: "factor", label: `O${i}`, observed_state: { value: 0.5 } })),
        { id: "goal", kind: "goal", label: "Goal" },
      ],
      // NOTE: x → goal exists on every draw with a strength > 0 (std tiny against the mean), so x = 1 dominates.
      edges: [{ from: "x", to: "goal", exists_probability: 1, strength: { mean: shape.lever, std: 0.0011 } }, ...edges],
    },
    options: [
      { id: "low", label: "Low", interventions: { x: 0 } },
      { id: "high", label: "High", interventions: { x: 1 } },
      { id: "mid", label: "Mid", interventions: { x: 0.5 } },
    ],
    goal_node_id: "goal",
    n_samples: 200,
    parameter_uncertainties: shape.pus.flatMap((on, i) => (on ? [{ node_id: `o${i}`, distribution: "normal" as const, std: 0.2 }] : [])),
    seed: shape.seed,
  };
}

type Body = { options: Array<{ id: string; win_probability: number }>; timestamp?: unknown; processing_time_ms?: unknown };
const run = (request: PlotAnalyzeRequestInput): Body => runOperation("robustness/analyze/v2", request, { requestId: "prop" }) as unknown as Body;

describe("analyze/v2 properties", () => {
  it("win probabilities sum to 1 and the dominated options never win", () => {
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const body = run(requestOf(shape));
        const total = body.options.reduce((s, o) => s + o.win_probability, 0);
        expect(Math.abs(total - 1)).toBeLessThan(1e-12);
        expect(body.options.find((o) => o.id === "low")!.win_probability).toBe(0);
        expect(body.options.find((o) => o.id === "mid")!.win_probability).toBe(0);
        expect(body.options.find((o) => o.id === "high")!.win_probability).toBe(1);
      }),
      { seed: 60601, numRuns: 40 },
    );
  });

  it("gives the same body for the same request twice", () => {
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const { timestamp: _a, processing_time_ms: _b, ...first } = run(requestOf(shape));
        const { timestamp: _c, processing_time_ms: _d, ...second } = run(requestOf(shape));
        expect(second).toEqual(first);
      }),
      { seed: 60602, numRuns: 15 },
    );
  });
});
