/**
 * `robustness.edge_e_values[]`: per non-definitional edge, the deterministic flip search of
 * edge-flip-search.ts in the expected-value world (every edge at mean·p, no factor draws, noise off),
 * the E-value of the move, and optionally a stability band re-running the search on 10 sampled
 * backgrounds (one edge configuration each, from the streams "flip_stability:{i}").
 * Complexity: O(E·22·O·(N + E)) for the search, times 11 with bands.
 * Reference: plot-v2-engine.md §4.6; plot-client.md §3.5, §7.2.
 */
import { meanWorld, type PlotWorld } from "./evaluate.js";
import { searchEdgeFlip, flipEValue } from "./edge-flip-search.js";
import { worldWinner, type WinnerDirection } from "./expected-value-winner.js";
import { flipBand, FLIP_STABILITY_SEEDS, type FlipBand } from "./flip-stability.js";
import type { PlotModel } from "./model.js";
import { sampleEdgeColumns } from "./samplers.js";
import { phaseStream, type PlotStreams } from "./streams.js";
import { roundHalfEven } from "./wire-number.js";

/** Stability band of an edge's flip mean. */
export interface EdgeFlipStability extends FlipBand {
  seed_flip_means: (number | null)[];
}

/** One `edge_e_values[]` row. */
export interface EdgeEValueRow {
  edge_id: string;
  from_id: string;
  to_id: string;
  e_value?: number;
  is_unflippable: boolean;
  flip_direction: "increase" | "decrease";
  current_mean: number;
  flip_mean: number;
  alternative_winner_id?: string;
  baseline_winner_id?: string;
  stability?: EdgeFlipStability;
}

/** Options of {@link edgeEValues}. */
export interface EdgeEValueOptions {
  /** When given, each row gets a `stability` band from 10 backgrounds of `phaseStream(streams, "flip_stability", i)`. */
  readonly streams?: PlotStreams;
  /** Checked between edges; an aborted signal throws its reason. */
  readonly signal?: AbortSignal;
  /** Objective of the deterministic winner. Default maximise. */
  readonly direction?: WinnerDirection;
}

/** Winner with one edge's strength set to `mean·p` on a copy of `base`. */
function winnerWithEdge(winnerOf: (world: PlotWorld) => number, base: PlotWorld, work: PlotWorld, edgeIndex: number, p: number): (mean: number) => number {
  return (mean: number) => {
    work.edgeStrength.set(base.edgeStrength);
    work.edgeStrength[edgeIndex] = mean * p;
    return winnerOf(work);
  };
}

/**
 * Computes the `edge_e_values` rows in edge order (definitional edges left out).
 *
 * e_value = round4(max(1, |flip/current|)) (omitted when unflippable or > 1e6); flip_mean = round6(flip);
 * current_mean = the edge's mean; baseline_winner_id = the expected-value winner (largest goal, ties to
 * the smallest id); alternative_winner_id = the winner just past the crossing.
 */
export function edgeEValues(model: PlotModel, options: EdgeEValueOptions = {}): EdgeEValueRow[] {
  const winners = worldWinner(model, options.direction);
  const ids = model.options.map((o) => o.id);
  const base = meanWorld(model);
  const work: PlotWorld = { edgeStrength: new Float64Array(base.edgeStrength), factorValue: base.factorValue };
  const baselineWinner = winners.winner(base);
  const backgrounds: { world: PlotWorld; winner: number }[] = [];
  if (options.streams) {
    for (let i = 0; i < FLIP_STABILITY_SEEDS; i++) {
      const columns = sampleEdgeColumns(model, 1, phaseStream(options.streams, "flip_stability", i));
      const edgeStrength = Float64Array.from(columns.strength, (column) => column[0] as number);
      backgrounds.push({ world: { edgeStrength, factorValue: base.factorValue }, winner: -1 });
    }
  }
  const rows: EdgeEValueRow[] = [];
  model.edges.forEach((edge, e) => {
    if (edge.definitional) return;
    options.signal?.throwIfAborted();
    const flip = searchEdgeFlip({ currentMean: edge.mean, baselineWinner, winnerAtMean: winnerWithEdge(winners.winner, base, work, e, edge.existsProbability) });
    const eValue = flip.unflippable ? undefined : flipEValue(edge.mean, flip.flipMean);
    const row: EdgeEValueRow = {
      edge_id: edge.id,
      from_id: edge.fromId,
      to_id: edge.toId,
      ...(eValue !== undefined && eValue <= 1e6 ? { e_value: roundHalfEven(eValue, 4) } : {}),
      is_unflippable: flip.unflippable,
      flip_direction: flip.direction,
      current_mean: edge.mean,
      flip_mean: flip.unflippable ? edge.mean : roundHalfEven(flip.flipMean, 6),
      ...(flip.unflippable ? {} : { alternative_winner_id: ids[flip.alternativeIndex] as string }),
      ...(baselineWinner >= 0 ? { baseline_winner_id: ids[baselineWinner] as string } : {}),
    };
    if (backgrounds.length > 0) {
      const seedFlipMeans = backgrounds.map((bg) => {
        const world: PlotWorld = { edgeStrength: new Float64Array(bg.world.edgeStrength), factorValue: bg.world.factorValue };
        world.edgeStrength[e] = edge.mean * edge.existsProbability;
        const bgWinner = winners.winner(world);
        const bgWork: PlotWorld = { edgeStrength: new Float64Array(world.edgeStrength), factorValue: world.factorValue };
        const result = searchEdgeFlip({ currentMean: edge.mean, baselineWinner: bgWinner, winnerAtMean: winnerWithEdge(winners.winner, world, bgWork, e, edge.existsProbability) });
        return result.unflippable ? null : roundHalfEven(result.flipMean, 6);
      });
      const band = flipBand(seedFlipMeans);
      row.stability = { ...band, seed_flip_means: seedFlipMeans };
    }
    rows.push(row);
  });
  return rows;
}
