/**
 * The IDC algorithm: identification of a conditional interventional distribution P(y | do(x), z).
 * Sound and complete.
 *
 *   IDC(y, x, z, P, G):
 *   1  if ∃ Z ∈ z with (Y ⊥ Z | X, Z \ {Z}) in G_{x̄ z̲}: return IDC(y, x ∪ {z}, z \ {z}, P, G)
 *   2  let P′ = ID(y ∪ z, x, P, G); return P′ / Σ_y P′
 *
 * Line 1 is rule 2 of the do-calculus (observing Z is then the same as setting it). Candidates are
 * tried in name order; the set of variables it moves does not depend on that order (Shpitser &
 * Pearl, Lemma 2). When nothing is left to condition on, line 2 is ID itself.
 * Complexity: O(|z|² (N + M)) separation tests, plus one run of ID.
 * Reference: I. Shpitser, J. Pearl, "Identification of conditional interventional distributions",
 * UAI 2006, Fig. 4.
 */
import { quotientTerm, sumTerm } from "./estimand.js";
import { IdRun, type IdOutcome } from "./id-algorithm.js";
import { mSeparated } from "./m-separation.js";

/** The outcome of IDC: as ID's, plus the conditioning nodes that line 1 moved into the intervention. */
export interface IdcOutcome {
  readonly outcome: IdOutcome;
  /** Conditioning nodes turned into interventions by rule 2, in the order moved. */
  readonly moved: readonly number[];
  /** The intervention set after line 1 (ascending). */
  readonly treatment: readonly number[];
  /** The conditioning set after line 1 (ascending). */
  readonly given: readonly number[];
}

/**
 * Runs IDC for P(y | do(x), z) within an ID run (sharing its simplifier, steps and budgets).
 *
 * @param run - The run (its graph is the ADMG).
 * @param y - Outcome node indices (ascending, non-empty).
 * @param x - Treatment node indices (ascending).
 * @param z - Conditioning node indices (ascending); y, x and z pairwise disjoint.
 * @returns The estimand of P(y | do(x), z) or the hedge, and what rule 2 moved.
 */
export function idcWithRun(run: IdRun, y: readonly number[], x: readonly number[], z: readonly number[]): IdcOutcome {
  let treatment = [...x];
  let given = [...z];
  const moved: number[] = [];
  let found = true;
  while (found) {
    found = false;
    for (const candidate of given) {
      const others = given.filter((v) => v !== candidate);
      const separated = mSeparated(run.admg, y, [candidate], [...treatment, ...others], {
        cutIncoming: run.mask(treatment),
        cutOutgoing: run.mask([candidate]),
      });
      if (!separated) continue;
      run.note(
        "IDC line 1",
        0,
        y,
        treatment,
        `Observing ${run.admg.names[candidate]!} is the same as setting it: it is separated from the outcome once the treatment's incoming and its own outgoing edges are removed (do-calculus rule 2).`,
      );
      treatment = [...treatment, candidate].sort((a, b) => a - b);
      given = others;
      moved.push(candidate);
      found = true;
      break;
    }
  }
  if (given.length === 0) return { outcome: run.identify(y, treatment), moved, treatment, given };
  run.note("IDC line 2", 0, y, treatment, `Identify the joint effect on {${run.names([...y, ...given].sort((a, b) => a - b)).join(", ")}} and divide by its margin over the outcome.`);
  const joint = run.identify([...y, ...given].sort((a, b) => a - b), treatment);
  if (!joint.identifiable) return { outcome: joint, moved, treatment, given };
  const estimand = run.build(quotientTerm(joint.estimand, sumTerm(run.names(y), joint.estimand)));
  return { outcome: { identifiable: true, estimand }, moved, treatment, given };
}
