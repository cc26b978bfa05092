/**
 * Properties of the constrained adjustment functions (must / must_not, the I ⊆ Z ⊆ R framework) on
 * random DAGs with latent nodes and several exposures and outcomes, against the literal criterion
 * applied to every subset: the minimal sets under constraints, every valid set ("all"), and the
 * constrained canonical set equal their brute-force counterparts; results do not depend on the
 * order of the input lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCaseArbitrary, permutedGraphArbitrary, type GraphCase } from "../testing/index.js";
import { bruteAdjustment, bruteDescendants, compareSortedLists, maskOfNames, type BruteAdjustment, type PlainGraph } from "../../test/graph/brute-force.reference.js";
import { allAdjustmentSets, constrainedCanonicalAdjustmentSet, createDag, minimalAdjustmentSets, optimalAdjustmentSet, type AdjustmentConstraints } from "./index.js";

const SEED = 4_242_017;

/** A graph case with must / must_not drawn among the observed non-X/Y nodes. */
interface ConstrainedCase extends GraphCase {
  include: string[];
  exclude: string[];
}

const constrainedCase = (options: Parameters<typeof graphCaseArbitrary>[0]): fc.Arbitrary<ConstrainedCase> =>
  fc.tuple(graphCaseArbitrary(options), fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), { minLength: 14, maxLength: 14 })).map(([c, rolls]) => {
    const latent = new Set(c.graph.latent);
    const roles = new Set([...c.xs, ...c.ys]);
    const free = c.graph.nodes.filter((v) => !latent.has(v) && !roles.has(v));
    return { ...c, include: free.filter((_, i) => rolls[i]! < 12), exclude: free.filter((_, i) => rolls[i]! >= 82) };
  });

/** Valid masks (over brute.candidates) that meet the constraints. */
function constrainedValid(brute: BruteAdjustment, include: readonly string[], exclude: readonly string[]): number[] {
  const bit = (v: string): number => 1 << brute.candidates.indexOf(v);
  const inc = include.reduce((m, v) => m | bit(v), 0);
  const exc = exclude.reduce((m, v) => m | bit(v), 0);
  const out: number[] = [];
  for (let mask = 0; mask < brute.valid.length; mask++) if (brute.valid[mask] && (mask & inc) === inc && (mask & exc) === 0) out.push(mask);
  return out;
}

const namesOfMask = (brute: BruteAdjustment, mask: number): string[] => brute.candidates.filter((_, i) => (mask >> i) & 1);
const sorted = (sets: string[][]): string[][] => [...sets].sort(compareSortedLists);

/** Minimal among the constrained valid sets: no constrained valid proper subset. */
function bruteConstrainedMinimal(brute: BruteAdjustment, include: readonly string[], exclude: readonly string[]): string[][] {
  const valid = constrainedValid(brute, include, exclude);
  const set = new Set(valid);
  const minimal = valid.filter((mask) => {
    for (let sub = (mask - 1) & mask; mask !== 0; sub = (sub - 1) & mask) {
      if (set.has(sub)) return false;
      if (sub === 0) break;
    }
    return true;
  });
  return sorted(minimal.map((m) => namesOfMask(brute, m)));
}

/** An(X ∪ Y ∪ I) ∩ candidates \ (Forb ∪ excluded), valid or not, by brute-force descendants. */
function bruteConstrainedCandidate(graph: PlainGraph, brute: BruteAdjustment, xs: string[], ys: string[], include: string[], exclude: string[]): string[] {
  const seeds = new Set([...xs, ...ys, ...include]);
  return brute.candidates.filter((v) => !brute.forbidden.has(v) && !exclude.includes(v) && [...bruteDescendants(brute.backdoorGraph, v)].some((d) => seeds.has(d)));
}

const cases = fc.oneof(
  constrainedCase({ minNodes: 5, maxNodes: 10, minDensity: 20, maxDensity: 60, maxSetSize: 2 }),
  constrainedCase({ minNodes: 6, maxNodes: 10, minDensity: 20, maxDensity: 50, maxLatent: 20, outcomeLast: true }),
);

describe("constrained adjustment sets (I ⊆ Z ⊆ R) against brute force", () => {
  it("minimal: exactly the sets minimal among valid sets containing must and avoiding must_not", () => {
    let constrained = 0;
    fc.assert(
      fc.property(cases, ({ graph, xs, ys, include, exclude }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        const constraints: AdjustmentConstraints = { include, exclude };
        const { sets, truncated } = minimalAdjustmentSets(createDag(graph), xs, ys, { ...constraints, maxResults: 100_000 });
        expect(truncated).toBe(false);
        expect(sets).toEqual(bruteConstrainedMinimal(brute, include, exclude));
        if (include.length > 0 && sets.length > 0) constrained++;
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The constraints must actually bite in a good share of the runs.
    expect(constrained).toBeGreaterThan(20);
  });

  it("minimal under constraints on 12-node graphs: every set valid, and exactly the brute-force sets", () => {
    fc.assert(
      fc.property(constrainedCase({ minNodes: 12, maxNodes: 12, minDensity: 15, maxDensity: 35, maxLatent: 20, outcomeLast: true }), ({ graph, xs, ys, include, exclude }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        const { sets } = minimalAdjustmentSets(createDag(graph), xs, ys, { include, exclude, maxResults: 100_000 });
        for (const set of sets) expect(brute.valid[maskOfNames(brute.candidates, set)]).toBe(true);
        expect(sets).toEqual(bruteConstrainedMinimal(brute, include, exclude));
      }),
      { seed: SEED + 5, numRuns: 40 },
    );
  });

  it("all: exactly every valid set under the constraints (graphs of at most 10 nodes)", () => {
    fc.assert(
      fc.property(cases, ({ graph, xs, ys, include, exclude }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        const result = allAdjustmentSets(createDag(graph), xs, ys, { include, exclude, maxResults: 100_000 });
        expect(result.truncated).toBe(false);
        expect(result.sets).toEqual(sorted(constrainedValid(brute, include, exclude).map((m) => namesOfMask(brute, m))));
        const free = allAdjustmentSets(createDag(graph), xs, ys, { maxResults: 100_000 });
        expect(free.sets).toEqual(sorted(constrainedValid(brute, [], []).map((m) => namesOfMask(brute, m))));
      }),
      { seed: SEED + 1, numRuns: 250 },
    );
  });

  it("all: a cap truncates and keeps only valid sets", () => {
    fc.assert(
      fc.property(cases, ({ graph, xs, ys }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        const every = constrainedValid(brute, [], []);
        const capped = allAdjustmentSets(createDag(graph), xs, ys, { maxResults: 3 });
        expect(capped.truncated).toBe(every.length > 3);
        expect(capped.sets.length).toBe(Math.min(3, every.length));
        const validNames = new Set(every.map((m) => JSON.stringify(namesOfMask(brute, m))));
        for (const s of capped.sets) expect(validNames.has(JSON.stringify(s))).toBe(true);
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });

  it("canonical: An(X ∪ Y ∪ must) ∩ allowed, non-null exactly when a constrained set exists", () => {
    fc.assert(
      fc.property(cases, ({ graph, xs, ys, include, exclude }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        const exists = constrainedValid(brute, include, exclude).length > 0;
        const canonical = constrainedCanonicalAdjustmentSet(createDag(graph), xs, ys, { include, exclude });
        if (!exists) expect(canonical).toBeNull();
        else expect(canonical).toEqual(bruteConstrainedCandidate(graph, brute, xs, ys, include, exclude));
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        constrainedCase({ maxNodes: 12, maxSetSize: 2 }).chain((c) => fc.tuple(fc.constant(c), permutedGraphArbitrary(c.graph))),
        ([{ graph, xs, ys, include, exclude }, permuted]) => {
          const a = createDag(graph);
          const b = createDag(permuted);
          const ra = [...xs].reverse();
          const options = { include, exclude, maxResults: 40 };
          const permutedOptions = { include: [...include].reverse(), exclude: [...exclude].reverse(), maxResults: 40 };
          expect(minimalAdjustmentSets(b, ra, ys, permutedOptions)).toEqual(minimalAdjustmentSets(a, xs, ys, options));
          expect(allAdjustmentSets(b, ra, ys, permutedOptions)).toEqual(allAdjustmentSets(a, xs, ys, options));
          expect(constrainedCanonicalAdjustmentSet(b, ra, ys, permutedOptions)).toEqual(constrainedCanonicalAdjustmentSet(a, xs, ys, options));
          expect(optimalAdjustmentSet(b, ra, ys)).toEqual(optimalAdjustmentSet(a, xs, ys));
        },
      ),
      { seed: SEED + 4, numRuns: 200 },
    );
  });
});
