/**
 * Ancestors of a node set inside an induced subgraph of an ADMG, optionally after an intervention
 * removes the edges into some nodes: An(Y)_G and An(Y)_{G_x̄} in the ID algorithm (bidirected edges
 * never make ancestors, so only directed edges are followed).
 * Complexity: O(N + M_→) (one backward traversal).
 * Reference: I. Shpitser, J. Pearl, AAAI 2006, lines 2–3 of ID.
 */
import type { Admg } from "../graph/admg.js";

/**
 * Ancestors of `targets` (targets included) in the subgraph induced by `within`, where the
 * directed edges into nodes with `cutInto[v] = 1` are removed.
 *
 * @param admg - The graph.
 * @param targets - Node indices, all inside `within`.
 * @param within - One byte per node; 1 for the nodes of the subgraph.
 * @param cutInto - One byte per node; 1 for nodes whose incoming edges are cut (omit for none).
 * @returns One byte per node, 1 for the ancestors.
 */
export function ancestorsWithin(admg: Admg, targets: readonly number[], within: Uint8Array, cutInto?: Uint8Array): Uint8Array {
  const seen = new Uint8Array(admg.names.length);
  const stack: number[] = [];
  for (const t of targets) {
    if (within[t] !== 0 && seen[t] === 0) {
      seen[t] = 1;
      stack.push(t);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (cutInto !== undefined && cutInto[v] !== 0) continue;
    for (const p of admg.parents[v]!) {
      if (within[p] !== 0 && seen[p] === 0) {
        seen[p] = 1;
        stack.push(p);
      }
    }
  }
  return seen;
}
