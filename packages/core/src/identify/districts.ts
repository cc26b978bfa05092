/**
 * Districts (c-components) of an induced subgraph of an ADMG: the connected components of its
 * bidirected edges, each node in exactly one. C(G) in the ID algorithm.
 * Complexity: O(N + M_↔) per call (one traversal of the bidirected edges inside the subset).
 * Reference: J. Tian, J. Pearl, "A general identification condition for causal effects", AAAI 2002
 * (c-components); I. Shpitser, J. Pearl, AAAI 2006 (districts in ID).
 */
import type { Admg } from "../graph/admg.js";

/**
 * The districts of the subgraph of `admg` induced by the nodes with `within[v] = 1`.
 *
 * @param admg - The graph.
 * @param within - One byte per node; 1 for the nodes of the subgraph.
 * @returns The districts, each ascending, the list ordered by smallest member.
 */
export function districtsWithin(admg: Admg, within: Uint8Array): number[][] {
  const n = admg.names.length;
  const component = new Int32Array(n).fill(-1);
  const out: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    if (within[start] === 0 || component[start]! >= 0) continue;
    const id = out.length;
    const members: number[] = [];
    component[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const v = stack.pop()!;
      members.push(v);
      for (const w of admg.spouses[v]!) {
        if (within[w] !== 0 && component[w]! < 0) {
          component[w] = id;
          stack.push(w);
        }
      }
    }
    out.push(members.sort((a, b) => a - b));
  }
  return out;
}
