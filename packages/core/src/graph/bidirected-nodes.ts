/**
 * Names of the implicit latent nodes that stand for bidirected edges. {@link createDag} turns each
 * a ↔ b into a node U_ab with edges U_ab → a and U_ab → b (the canonical DAG of an ADMG), so every
 * DAG algorithm handles latent confounding without a second code path. Those nodes are hidden: no
 * listed set, message or path shows them; a path a ← U_ab → b is shown as a ↔ b.
 *
 * The name is the reserved prefix U+FFFF (a Unicode noncharacter, never part of an identifier)
 * followed by the JSON text of the sorted pair. JSON encoding is injective, so two different pairs
 * never share a name, and `createDag` rejects every input node that starts with the prefix, so a
 * hidden name never equals a user's node. U+FFFF is the largest UTF-16 code unit: in name order
 * the hidden nodes come after every user node, which keeps user nodes at the indices they would
 * have without bidirected edges.
 * Also here: the validation of a bidirected edge list (two different known names per pair).
 * Complexity: O(length of the names) per name; O(B log B) to check B bidirected edges.
 * Reference: the canonical DAG of an ADMG, e.g. T. S. Richardson, R. J. Evans, J. M. Robins,
 * I. Shpitser, "Nested Markov properties for acyclic directed mixed graphs", Annals of Statistics
 * 51 (2023).
 */
import { compareNames } from "./node-lookup.js";

/** The first code unit of every hidden node name (U+FFFF). */
export const HIDDEN_NODE_PREFIX = "\uffff";

/**
 * The name of the implicit latent node of the bidirected edge a ↔ b (the same for b ↔ a).
 *
 * @param a - One endpoint.
 * @param b - The other endpoint.
 * @returns A name that starts with {@link HIDDEN_NODE_PREFIX} and encodes the sorted pair.
 */
export function bidirectedNodeName(a: string, b: string): string {
  const pair = compareNames(a, b) <= 0 ? [a, b] : [b, a];
  return `${HIDDEN_NODE_PREFIX}${JSON.stringify(pair)}`;
}

/**
 * Whether a name is reserved for a hidden node (starts with {@link HIDDEN_NODE_PREFIX}).
 *
 * @param name - A node name.
 * @returns True for hidden node names; input nodes with such names are rejected by `createDag`.
 */
export function isHiddenNodeName(name: string): boolean {
  return name.charCodeAt(0) === 0xffff;
}

/** Bidirected edges checked against the nodes: distinct index pairs (a < b, sorted), repeats, unknown names. */
export interface CheckedBidirected {
  /** Distinct pairs of node indices [a, b] with a < b, sorted. */
  distinct: [number, number][];
  /** Pairs that repeated an earlier one (either orientation), as written, in input order. */
  duplicates: [string, string][];
  /** Unknown endpoints: the edge's position, the edge, and the unknown name. */
  unknown: { index: number; edge: [string, string]; node: string }[];
}

/**
 * Validates a list of bidirected edges against the input nodes (for `createDag`): each must be a
 * pair of two different known names. Every problem is passed to `report`; repeats (in either
 * orientation) are kept aside.
 *
 * @param list - The caller's bidirected edges.
 * @param indexOf - Index of each input node.
 * @param available - The available node names, as listed in messages.
 * @param report - Receives the path and message of each problem.
 * @returns The distinct pairs as sorted index pairs, the repeats and the unknown names.
 */
export function checkBidirectedEdges(
  list: readonly unknown[],
  indexOf: ReadonlyMap<string, number>,
  available: string,
  report: (path: string, message: string) => void,
): CheckedBidirected {
  const n = indexOf.size;
  const seen = new Set<number>();
  const out: CheckedBidirected = { distinct: [], duplicates: [], unknown: [] };
  list.forEach((edge, i) => {
    if (!Array.isArray(edge) || edge.length !== 2 || typeof edge[0] !== "string" || typeof edge[1] !== "string") {
      report(`bidirected[${i}]`, `Bidirected edge ${i} must be a pair of node names [a, b].`);
      return;
    }
    const [a, b] = edge as [string, string];
    if (a === b) report(`bidirected[${i}]`, `Bidirected self-loop ${a} ↔ ${b} (bidirected edge ${i}) is not allowed: a bidirected edge joins two different nodes.`);
    const u = indexOf.get(a);
    const v = indexOf.get(b);
    for (const [end, index] of a === b ? ([[a, u]] as const) : ([[a, u], [b, v]] as const)) {
      if (index === undefined) {
        out.unknown.push({ index: i, edge: [a, b], node: end });
        report(`bidirected[${i}]`, `Bidirected edge ${i} (${a} ↔ ${b}) references non-existent node '${end}'. Add '${end}' to the nodes list or fix the edge. Available nodes: ${available}`);
      }
    }
    if (u === undefined || v === undefined || u === v) return;
    const lo = Math.min(u, v);
    const hi = Math.max(u, v);
    const key = lo * n + hi;
    if (seen.has(key)) {
      out.duplicates.push([a, b]);
      return;
    }
    seen.add(key);
    out.distinct.push([lo, hi]);
  });
  out.distinct.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return out;
}
