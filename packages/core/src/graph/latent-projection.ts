/**
 * Latent projection of a DAG with latent nodes onto its observed nodes (Verma & Pearl 1990): the
 * ADMG with a → b iff some directed path a → … → b has only latent interior nodes, and a ↔ b iff
 * some collider-free path between a and b with arrowheads at both ends has only latent interior
 * nodes. The hidden nodes of bidirected edges (see bidirected-nodes.ts) are latent like any other,
 * so a bidirected input edge between observed nodes projects to itself.
 *
 * NOTE: a collider-free path with arrowheads at both ends is a ← … ← l → … → b for a unique source
 * l; so a ↔ b iff a and b are both reached from one latent node l by directed paths through latent
 * nodes only. Only latent nodes without latent parents need to be tried as l: the reach of any other
 * latent node is contained in the reach of its latent parent.
 * Complexity: O(N_obs · (N + M)) for the upward searches plus O(Σ_l |reach(l)|²) for the pairs,
 * at most O(N_obs · (N + M) + N_lat · N_obs²); then O(N log N + M) to build the ADMG.
 * Reference: T. Verma, J. Pearl, "Equivalence and synthesis of causal models", UAI 1990;
 * J. Tian, J. Pearl, "On the testable implications of causal models with hidden variables",
 * UAI 2002, §2 (the projection used by identification algorithms).
 */
import { createAdmg, type Admg } from "./admg.js";
import type { Dag } from "./dag.js";

/**
 * The latent projection of a DAG onto its observed nodes.
 *
 * @param dag - A DAG; its latent nodes (declared, and the hidden nodes of bidirected edges) are
 *   projected out.
 * @returns The ADMG over the observed nodes (sorted by name), with every directed edge a → b for a
 *   directed path through latent nodes only and every bidirected edge a ↔ b for a latent common
 *   source reached through latent nodes only. A graph whose every node is latent projects to the
 *   empty ADMG.
 */
export function latentProjection(dag: Dag): Admg {
  const n = dag.size;
  const observed: number[] = [];
  for (let v = 0; v < n; v++) if (dag.latent[v] === 0) observed.push(v);
  if (observed.length === 0) return { names: [], indexOf: new Map(), parents: [], children: [], spouses: [], topologicalOrder: [] };

  const directed: [string, string][] = [];
  // reachedFrom[l]: the observed nodes that latent source l reaches through latent nodes only.
  const reachedFrom = new Map<number, number[]>();
  const seen = new Int32Array(n).fill(-1);
  const parentSeen = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  for (const b of observed) {
    // Upward search from b through latent nodes: observed parents met are direct causes in the projection.
    let top = 0;
    stack[top++] = b;
    seen[b] = b;
    while (top > 0) {
      const v = stack[--top]!;
      let latentParents = 0;
      for (let k = dag.parentStart[v]!; k < dag.parentStart[v + 1]!; k++) {
        const p = dag.parents[k]!;
        if (dag.latent[p] === 0) {
          if (parentSeen[p] !== b) {
            parentSeen[p] = b;
            directed.push([dag.names[p]!, dag.names[b]!]);
          }
          continue;
        }
        latentParents++;
        if (seen[p] !== b) {
          seen[p] = b;
          stack[top++] = p;
        }
      }
      if (v !== b && latentParents === 0) {
        const list = reachedFrom.get(v);
        if (list === undefined) reachedFrom.set(v, [b]);
        else list.push(b);
      }
    }
  }

  const bidirected: [string, string][] = [];
  const pairSeen = new Set<number>();
  for (const list of reachedFrom.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = Math.min(list[i]!, list[j]!);
        const b = Math.max(list[i]!, list[j]!);
        const key = a * n + b;
        if (pairSeen.has(key)) continue;
        pairSeen.add(key);
        bidirected.push([dag.names[a]!, dag.names[b]!]);
      }
    }
  }
  return createAdmg(
    observed.map((v) => dag.names[v]!),
    directed,
    bidirected,
  );
}
