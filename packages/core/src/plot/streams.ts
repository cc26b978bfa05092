/**
 * Named random streams of one analyze/v2 run: one fork of the seeded Rng per purpose (edge,
 * factor, epsilon, tie, and the per-phase streams of B's blocks such as "evpi:{id}",
 * "evppi:{id}", "flip_stability:{i}"), so that optional phases never shift the main draws and
 * options share common random numbers. Seed paths are SHA-256 based (random/seed-path.ts).
 * Complexity: O(path length) per fork.
 * Reference: plot-v2-engine.md §3.2 (stream separation; numpy PCG64 byte equality is not a goal).
 */
import { createRng, type Rng } from "../random/index.js";

/** The streams of one run. */
export interface PlotStreams {
  /** The effective seed of the run, as decimal text (`seed_used`). */
  readonly seed: string;
  /** Root stream; fork it for a new purpose. */
  readonly root: Rng;
  /** Main-MC edge existence and strength draws (forked per edge id inside). */
  readonly edge: Rng;
  /** Main-MC factor draws (forked per node id inside). */
  readonly factor: Rng;
  /** Main-MC structural noise (forked per node id inside). */
  readonly epsilon: Rng;
  /** Tie-break choice of the per-draw winner. */
  readonly tie: Rng;
}

/**
 * The streams for an effective seed.
 *
 * @param seed - Effective integer seed (seed rule of plot-v2-engine.md §1.6), as a number or decimal text.
 */
export function createPlotStreams(seed: number | string): PlotStreams {
  const root = createRng(String(seed)).fork("plot-v2");
  return { seed: String(seed), root, edge: root.fork("edge"), factor: root.fork("factor"), epsilon: root.fork("epsilon"), tie: root.fork("tie") };
}

/**
 * A named phase stream, e.g. `phaseStream(streams, "evpi", factorId)` ⇒ fork "evpi:{id}".
 *
 * @param streams - The run's streams.
 * @param phase - Phase name ("evpi", "evppi", "flip_stability", "factor_flip_stability", …).
 * @param key - Factor id, edge id or replicate index.
 */
export function phaseStream(streams: PlotStreams, phase: string, key: string | number): Rng {
  return streams.root.fork(`${phase}:${String(key)}`);
}
