/**
 * A basis of the testable implications: the local Markov property. For a graph without latent
 * nodes, for every node v: v ⫫ (non-descendants of v) \ Pa(v) | Pa(v) — one pairwise statement
 * v ⫫ w | Pa(v) per non-descendant non-parent w. Together (grouped by v) these statements imply
 * every d-separation of the graph under the semi-graphoid axioms (Lauritzen et al. 1990; Verma &
 * Pearl 1988), which makes them a basis for model testing.
 * With latent nodes (or bidirected edges) a finite basis over the observed nodes can need
 * exponentially many statements, so this function reports a sound, not necessarily complete,
 * list: for an observed v whose parents are all observed, the local statements v ⫫ w | Pa(v) for
 * observed w; for an observed v with a latent parent, for each observed non-descendant non-parent
 * w that some observed set separates from v, the minimal observed separator closest to v. Pairs
 * that no observed set separates are left out (they imply no conditional independence).
 * Complexity: O(N·(N + M)) without latents; with them, O(N + M + Σ|Pa|²) per pair of a node with a
 * latent parent; bounded by `maxResults` and a step budget.
 * References: S. L. Lauritzen, A. P. Dawid, B. N. Larsen, H.-G. Leimer, "Independence properties of
 * directed Markov fields", Networks 20 (1990) 491–505; T. Verma, J. Pearl, "Causal networks:
 * semantics and expressiveness", UAI 1988; T. S. Richardson, "Markov properties for acyclic directed
 * mixed graphs", Scand. J. Statist. 30 (2003) 145–157 (why latent projections need more);
 * J. Textor et al., Int. J. Epidemiology 45 (2016) (dagitty's basis implications).
 */
import { descendantMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import {
  DEFAULT_MAX_IMPLIED_INDEPENDENCIES,
  DEFAULT_MAX_IMPLIED_STEPS,
  minimalSeparatorsBetween,
  sortIndependencies,
  type ImpliedIndependence,
  type ImpliedIndependenceList,
  type ImpliedIndependenceOptions,
} from "./implied-independencies.js";
import { positiveCap } from "./node-lookup.js";

/**
 * The local Markov basis over observed nodes (see the file header for the latent case). Each
 * statement is `{x: v, y: w, given}` with v the node whose local statement it is; the statements of
 * one v share `given`, and their conjunction v ⫫ {w…} | given also holds.
 *
 * @param dag - The graph.
 * @param options - `maxResults` (default 1000), `maxSteps` (default 1,000,000), `shouldStop`.
 * @returns The statements sorted by x, y, given, and whether the list was cut.
 * @throws IslError ISL_INVALID_INPUT for a bad cap or budget.
 */
export function localMarkovBasis(dag: Dag, options: ImpliedIndependenceOptions = {}): ImpliedIndependenceList {
  const cap = positiveCap(options.maxResults, DEFAULT_MAX_IMPLIED_INDEPENDENCIES, "maxResults");
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_IMPLIED_STEPS, "maxSteps");
  const n = dag.size;
  const observed = new Uint8Array(n);
  for (let v = 0; v < n; v++) observed[v] = dag.latent[v] === 0 ? 1 : 0;
  const out: ImpliedIndependence[] = [];
  let steps = 0;
  let truncated = false;
  const stop = (): boolean => ++steps > maxSteps || (options.shouldStop !== undefined && options.shouldStop());
  const isParent = new Uint8Array(n);
  search: for (const v of dag.topologicalOrder) {
    if (observed[v] === 0) continue;
    if (stop()) {
      truncated = true;
      break;
    }
    const below = descendantMask(dag, [v]);
    isParent.fill(0);
    let latentParent = false;
    const parents: string[] = [];
    for (let k = dag.parentStart[v]!; k < dag.parentStart[v + 1]!; k++) {
      const p = dag.parents[k]!;
      isParent[p] = 1;
      if (observed[p] === 0) latentParent = true;
      else parents.push(dag.names[p]!);
    }
    for (let w = 0; w < n; w++) {
      if (observed[w] === 0 || below[w] !== 0 || isParent[w] !== 0) continue;
      let given: string[] | null = parents;
      if (latentParent) {
        if (stop()) {
          truncated = true;
          break search;
        }
        const first = minimalSeparatorsBetween(dag, v, w, observed).next();
        given = first.done === true ? null : first.value.map((u) => dag.names[u]!);
      }
      if (given === null) continue;
      if (out.length === cap) {
        truncated = true;
        break search;
      }
      out.push({ x: dag.names[v]!, y: dag.names[w]!, given: [...given] });
    }
  }
  return { independencies: sortIndependencies(out), truncated };
}
