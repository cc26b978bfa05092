/**
 * Compact adjacency (CSR: compressed sparse rows) for directed and undirected graphs over nodes
 * 0..n-1, and the builders that produce it. Complexity: O(N + M) to build from an edge list whose
 * pairs are already sorted by source, O(N + M log M) otherwise; neighbour lists are ascending.
 * Reference: the CSR layout of sparse-matrix practice (e.g. Saad, "Iterative Methods for Sparse
 * Linear Systems", 2nd ed., SIAM 2003, §3.4), used here so every search runs over typed arrays.
 */

/**
 * Directed adjacency in CSR form: the children of `v` are `children[childStart[v] .. childStart[v+1])`
 * and its parents `parents[parentStart[v] .. parentStart[v+1])`, both ascending by node index.
 */
export interface Adjacency {
  /** Number of nodes. */
  readonly size: number;
  /** Offsets into {@link Adjacency.children}, length `size + 1`. */
  readonly childStart: Int32Array;
  /** Concatenated child lists. */
  readonly children: Int32Array;
  /** Offsets into {@link Adjacency.parents}, length `size + 1`. */
  readonly parentStart: Int32Array;
  /** Concatenated parent lists. */
  readonly parents: Int32Array;
}

/**
 * Undirected adjacency in CSR form: the neighbours of `v` are
 * `neighbours[start[v] .. start[v+1])`, ascending, without repeats or self-loops.
 */
export interface UndirectedAdjacency {
  /** Number of nodes. */
  readonly size: number;
  /** Offsets into {@link UndirectedAdjacency.neighbours}, length `size + 1`. */
  readonly start: Int32Array;
  /** Concatenated neighbour lists. */
  readonly neighbours: Int32Array;
}

/**
 * Builds a directed CSR adjacency from parallel arrays of edge sources and targets.
 * Repeated pairs must already have been removed.
 *
 * @param size - Number of nodes.
 * @param from - Edge sources (node indices).
 * @param to - Edge targets (node indices), same length as `from`.
 * @returns The adjacency with ascending child and parent lists.
 */
export function buildAdjacency(size: number, from: ArrayLike<number>, to: ArrayLike<number>): Adjacency {
  const m = from.length;
  // NOTE: a counting sort by source, then by target, gives ascending lists without comparisons.
  const order = countingOrder(size, to, identityOrder(m));
  const bySource = countingOrder(size, from, order);
  const childStart = new Int32Array(size + 1);
  const parentStart = new Int32Array(size + 1);
  for (let e = 0; e < m; e++) {
    childStart[(from[e] as number) + 1]! += 1;
    parentStart[(to[e] as number) + 1]! += 1;
  }
  for (let v = 0; v < size; v++) {
    childStart[v + 1]! += childStart[v]!;
    parentStart[v + 1]! += parentStart[v]!;
  }
  const children = new Int32Array(m);
  const parents = new Int32Array(m);
  const childFill = childStart.slice(0, size);
  const parentFill = parentStart.slice(0, size);
  for (let k = 0; k < m; k++) {
    const e = bySource[k]!;
    const u = from[e] as number;
    const v = to[e] as number;
    children[childFill[u]!++] = v;
    parents[parentFill[v]!++] = u;
  }
  return { size, childStart, children, parentStart, parents };
}

/**
 * Builds an undirected CSR adjacency from a list of pairs; repeats and self-loops are dropped.
 *
 * @param size - Number of nodes.
 * @param a - First endpoints.
 * @param b - Second endpoints, same length as `a`.
 * @returns The adjacency with ascending neighbour lists.
 */
export function buildUndirected(size: number, a: ArrayLike<number>, b: ArrayLike<number>): UndirectedAdjacency {
  const m = a.length;
  const from = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  let k = 0;
  for (let e = 0; e < m; e++) {
    const u = a[e] as number;
    const v = b[e] as number;
    if (u === v) continue;
    from[k] = u;
    to[k++] = v;
    from[k] = v;
    to[k++] = u;
  }
  const byTarget = countingOrder(size, to, identityOrder(k));
  const bySource = countingOrder(size, from, byTarget);
  const start = new Int32Array(size + 1);
  const neighbours = new Int32Array(k);
  let fill = 0;
  let prevU = -1;
  let prevV = -1;
  for (let i = 0; i < k; i++) {
    const e = bySource[i]!;
    const u = from[e]!;
    const v = to[e]!;
    if (u === prevU && v === prevV) continue;
    while (prevU < u) start[++prevU] = fill;
    neighbours[fill++] = v;
    prevV = v;
  }
  while (prevU < size) start[++prevU] = fill;
  return { size, start, neighbours: neighbours.slice(0, fill) };
}

/** The identity permutation 0..m-1. */
function identityOrder(m: number): Int32Array {
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  return order;
}

/** Stable counting sort of the positions in `order` by `key[position]` (keys in 0..size-1). */
function countingOrder(size: number, key: ArrayLike<number>, order: Int32Array): Int32Array {
  const count = new Int32Array(size + 1);
  for (let i = 0; i < order.length; i++) count[(key[order[i]!] as number) + 1]! += 1;
  for (let v = 0; v < size; v++) count[v + 1]! += count[v]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[count[key[e] as number]!++] = e;
  }
  return out;
}
