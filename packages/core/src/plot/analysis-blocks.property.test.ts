import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modelOfRequest } from "../../test/plot/request-graph.js";
import { edgeEValues } from "./edge-e-values.js";
import { edgeSensitivity } from "./edge-sensitivity.js";
import { factorFlipValues } from "./factor-flip-values.js";
import { pathDecomposition } from "./path-decomposition.js";
import { graphViewOfModel } from "./plot-graph.js";
import { createPlotStreams } from "./streams.js";

/** A random layered request: 2 root factors, 2 mid nodes, a goal; 2–3 options setting the roots. */
const requestArbitrary = fc
  .record({
    means: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }),
    present: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    settings: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 3 }),
    observed: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ means, present, settings, observed }) => {
    const pairs: [string, string][] = [["a", "m1"], ["a", "m2"], ["b", "m1"], ["b", "goal"], ["m1", "goal"], ["m2", "goal"]];
    const edges = pairs
      .map(([from, to], i) => ({ from, to, exists_probability: 0.5 + (i % 3) * 0.25, strength: { mean: (means[i] as number) / 8, std: 0.1 } }))
      .filter((_, i) => present[i] || i === 4);
    return {
      graph: {
        nodes: [
          { id: "a", kind: "factor", label: "A", observed_state: { value: observed / 4 } },
          { id: "b", kind: "factor", label: "B", observed_state: { value: 0.5 } },
          { id: "m1", kind: "outcome", label: "M1" },
          { id: "m2", kind: "outcome", label: "M2" },
          { id: "goal", kind: "goal", label: "Goal" },
        ],
        edges,
      },
      options: settings.map(([x, y], i) => ({ id: `o${i}`, label: `O${i}`, interventions: i === 0 ? { b: y / 4 } : { a: x / 4, b: y / 4 } })),
      goal_node_id: "goal",
      n_samples: 100,
      parameter_uncertainties: [{ node_id: "a", distribution: "normal", std: 0.2 }],
    };
  });

describe("analysis block invariants on random graphs", () => {
  it("e-values are ≥ 1, flips stay in [−1, 1] on the reported side, and bands count their seeds", () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const model = modelOfRequest(request);
        for (const row of edgeEValues(model, { streams: createPlotStreams(3) })) {
          expect(Math.abs(row.flip_mean)).toBeLessThanOrEqual(1);
          if (row.is_unflippable) {
            expect(row).not.toHaveProperty("e_value");
            expect(row.flip_mean).toBe(row.current_mean);
          } else {
            expect(row.e_value!).toBeGreaterThanOrEqual(1);
            expect(row.flip_direction === "increase" ? row.flip_mean >= row.current_mean : row.flip_mean <= row.current_mean).toBe(true);
            expect(row.alternative_winner_id).not.toBe(row.baseline_winner_id);
          }
          expect(row.stability!.n_seeds_flipped).toBe(row.stability!.seed_flip_means.filter((v) => v !== null).length);
        }
      }),
      { seed: 2026, numRuns: 60 },
    );
  });

  it("factor flips lie in [0, 1] and name a different winner; sensitivity scores lie in [0, 1]", () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const model = modelOfRequest(request);
        for (const row of factorFlipValues(model)) {
          if (row.flip_reason !== "found") {
            expect(row).not.toHaveProperty("flip_value");
            continue;
          }
          expect(row.flip_value!).toBeGreaterThanOrEqual(0);
          expect(row.flip_value!).toBeLessThanOrEqual(1);
          expect(row.alternative_winner_id).not.toBe(row.baseline_winner_id);
        }
        const sensitivity = edgeSensitivity({ model, referenceMean: 0.3 });
        sensitivity.rows.forEach((r, i) => {
          expect(r.importance_rank).toBe(i + 1);
          expect(r.sensitivity_score).toBeGreaterThanOrEqual(0);
          expect(r.sensitivity_score).toBeLessThanOrEqual(1);
        });
        const pd = pathDecomposition({ graph: graphViewOfModel(model), recommendedOptionId: "o1", interventionNodeIds: ["a", "b"] });
        expect(pd.paths.length).toBeLessThanOrEqual(3);
        expect(pd.path_count).toBeGreaterThanOrEqual(pd.paths.length);
      }),
      { seed: 77, numRuns: 60 },
    );
  });
});
