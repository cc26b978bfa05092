/**
 * Node-name lookup for graph queries: resolves names to node indices and raises
 * ISL_NODE_NOT_FOUND with the role of the node ("Treatment", "Outcome"…) and the available nodes.
 * Complexity: O(1) expected per name (hash map), O(k log k) to sort a set of k names.
 * Reference: none (input handling); message wording follows the upstream ISL service.
 */
import { IslError } from "../errors.js";
import type { Dag } from "./dag.js";

/** How many node names an error message lists before it abbreviates. */
const LISTED_NODES = 20;

/**
 * The order used for every sorted node list in this module: UTF-16 code-unit order
 * (JavaScript's default string comparison), independent of locale.
 *
 * @param a - First name.
 * @param b - Second name.
 * @returns Negative, zero or positive, as for `Array.prototype.sort`.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists node names for a message: all of them when there are at most 20, otherwise the first 20
 * and a count of the rest.
 *
 * @param names - Names in the order to show.
 * @returns A comma-separated list such as `"A, B, C"`.
 */
export function listNamesForMessage(names: readonly string[]): string {
  if (names.length <= LISTED_NODES) return names.join(", ");
  return `${names.slice(0, LISTED_NODES).join(", ")}, … (${names.length - LISTED_NODES} more)`;
}

/**
 * Finds a node by name.
 *
 * @param dag - The graph.
 * @param name - The node's name.
 * @param role - What the node is for, capitalised, used in the message (e.g. `"Treatment"`).
 * @returns The node's index (its position in `dag.names`).
 * @throws IslError ISL_NODE_NOT_FOUND, e.g. "Treatment node 'X' not found in graph. Available nodes: A, B".
 */
export function findNode(dag: Dag, name: string, role = "Node"): number {
  const index = typeof name === "string" ? dag.indexOf.get(name) : undefined;
  // NOTE: the hidden nodes of bidirected edges are internal: they cannot be named.
  if (index !== undefined && dag.hidden[index] !== 1) return index;
  const shown = typeof name === "string" ? name : String(name);
  const available = dag.names.filter((_, v) => dag.hidden[v] !== 1);
  throw new IslError("ISL_NODE_NOT_FOUND", `${role} node '${shown}' not found in graph. Available nodes: ${listNamesForMessage(available)}`, {
    details: { role, node: shown, availableNodes: available.slice(0, 200) },
    recovery: {
      hints: [`Check the spelling and case of '${shown}'.`, "Use one of the available nodes, or add the node to the graph."],
      suggestion: `Use a node that exists in the graph as the ${role.toLowerCase()} node.`,
    },
  });
}

/**
 * Resolves a set of node names (a single name is a set of one); repeats are ignored.
 *
 * @param dag - The graph.
 * @param names - One name or a list of names.
 * @param role - What the nodes are for, capitalised (e.g. `"Conditioning"`).
 * @returns The node indices, ascending (which is name order).
 * @throws IslError ISL_NODE_NOT_FOUND for the first unknown name.
 */
export function resolveNodes(dag: Dag, names: string | readonly string[], role = "Node"): Int32Array {
  const list = typeof names === "string" ? [names] : names;
  if (!Array.isArray(list)) {
    throw new IslError("ISL_INVALID_INPUT", `${role} nodes must be a node name or a list of node names.`, {
      details: { role },
      recovery: { hints: ['Pass a string such as "A" or an array such as ["A", "B"].'], suggestion: `Give the ${role.toLowerCase()} nodes as names.` },
    });
  }
  const seen = new Uint8Array(dag.size);
  let count = 0;
  for (const name of list) {
    const v = findNode(dag, name, role);
    if (seen[v] === 0) count++;
    seen[v] = 1;
  }
  return indicesOfMask(seen, count);
}

/**
 * The set indices of a 0/1 mask, ascending.
 *
 * @param mask - One byte per node, non-zero for members.
 * @param count - Number of members when known (saves a pass); omit to count.
 * @returns The member indices.
 */
export function indicesOfMask(mask: Uint8Array, count?: number): Int32Array {
  let k = count ?? 0;
  if (count === undefined) for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) k++;
  const out = new Int32Array(k);
  let i = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) out[i++] = v;
  return out;
}

/**
 * A 0/1 mask of the given indices.
 *
 * @param size - Number of nodes.
 * @param indices - Member indices.
 * @returns One byte per node, 1 for members.
 */
export function maskOf(size: number, indices: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < indices.length; i++) mask[indices[i] as number] = 1;
  return mask;
}

/**
 * Names of node indices, in the order given; the hidden nodes of bidirected edges are left out
 * (so a path a ← U_ab → b becomes the consecutive names a, b).
 *
 * @param dag - The graph.
 * @param indices - Node indices.
 * @returns Their names.
 */
export function namesOf(dag: Dag, indices: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i] as number;
    if (dag.hidden[v] !== 1) out.push(dag.names[v]!);
  }
  return out;
}

/**
 * Requires that the named sets share no node (e.g. treatment and outcome).
 *
 * @param dag - The graph.
 * @param sets - Pairs of a role and its node indices.
 * @throws IslError ISL_INVALID_INPUT naming the shared nodes and both roles.
 */
export function requireDisjoint(dag: Dag, sets: readonly (readonly [string, Int32Array])[]): void {
  const owner = new Int32Array(dag.size).fill(-1);
  sets.forEach(([, indices], s) => {
    for (const v of indices) {
      const previous = owner[v]!;
      if (previous >= 0 && previous !== s) {
        const first = sets[previous]![0];
        const second = sets[s]![0];
        const name = dag.names[v]!;
        throw new IslError("ISL_INVALID_INPUT", `Node '${name}' is in both the ${first.toLowerCase()} set and the ${second.toLowerCase()} set; the sets must not overlap.`, {
          details: { node: name, roles: [first, second] },
          recovery: { hints: [`Remove '${name}' from one of the two sets.`], suggestion: `Give disjoint ${first.toLowerCase()} and ${second.toLowerCase()} sets.` },
        });
      }
      owner[v] = s;
    }
  });
}

/**
 * Lexicographic order of sorted name lists (element by element; a prefix comes first).
 *
 * @param a - A sorted list.
 * @param b - A sorted list.
 * @returns Negative, zero or positive.
 */
export function compareSets(a: readonly string[], b: readonly string[]): number {
  const k = Math.min(a.length, b.length);
  for (let i = 0; i < k; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Validates a result cap.
 *
 * @param value - The caller's cap, or undefined for the default.
 * @param fallback - The default.
 * @param name - The option's name, for the message.
 * @returns An integer ≥ 1.
 * @throws IslError ISL_INVALID_INPUT when the cap is not a positive integer.
 */
export function positiveCap(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new IslError("ISL_INVALID_INPUT", `${name} must be a positive integer (got ${String(value)}).`, {
      details: { option: name, value },
      recovery: { hints: [`Pass ${name} ≥ 1, or omit it for the default ${fallback}.`], suggestion: `Use a positive integer ${name}.` },
    });
  }
  return value;
}
