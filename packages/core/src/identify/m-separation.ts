/**
 * m-separation in an ADMG, optionally in a mutilated graph G_{x̄ z̲} (edges into some nodes and edges
 * out of others removed), by reachability over (node, arrival mark) states: a path is open when every
 * collider on it is in An(Z) and every non-collider is outside Z. Used by IDC for rule 2 of the
 * do-calculus.
 * Complexity: O(N + M) (each node entered at most twice; An(Z) by one backward traversal).
 * Reference: T. Richardson, "Markov properties for acyclic directed mixed graphs", Scand. J. Stat.
 * 2003 (m-separation); R. Shachter, "Bayes-ball", UAI 1998 (the reachability scheme); I. Shpitser,
 * J. Pearl, "Identification of conditional interventional distributions", UAI 2006 (G_{x̄ z̲}).
 */
import type { Admg } from "../graph/admg.js";

/** Edge removals applied before testing separation. */
export interface Mutilation {
  /** Nodes whose incoming edges are removed: directed edges into them and every bidirected edge at them (x̄). */
  readonly cutIncoming?: Uint8Array;
  /** Nodes whose outgoing directed edges are removed (z̲); bidirected edges stay. */
  readonly cutOutgoing?: Uint8Array;
}

/**
 * Whether `xs` and `ys` are m-separated given `given` in the (mutilated) ADMG.
 *
 * @param admg - The graph.
 * @param xs - One node set (indices), disjoint from `given`.
 * @param ys - The other node set (indices), disjoint from `given`.
 * @param given - Conditioning nodes (indices).
 * @param mutilation - Edges to remove first.
 * @returns True when every path between `xs` and `ys` is blocked.
 */
export function mSeparated(admg: Admg, xs: readonly number[], ys: readonly number[], given: readonly number[], mutilation: Mutilation = {}): boolean {
  const n = admg.names.length;
  const cutIn = mutilation.cutIncoming ?? new Uint8Array(n);
  const cutOut = mutilation.cutOutgoing ?? new Uint8Array(n);
  const directedKept = (from: number, to: number): boolean => cutOut[from] === 0 && cutIn[to] === 0;
  const bidirectedKept = (a: number, b: number): boolean => cutIn[a] === 0 && cutIn[b] === 0;

  const conditioned = new Uint8Array(n);
  for (const z of given) conditioned[z] = 1;
  // An(Z) in the mutilated graph: colliders in it are open.
  const ancestorOfGiven = new Uint8Array(n);
  const stack: number[] = [];
  for (const z of given) {
    if (ancestorOfGiven[z] === 0) {
      ancestorOfGiven[z] = 1;
      stack.push(z);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const p of admg.parents[v]!) {
      if (directedKept(p, v) && ancestorOfGiven[p] === 0) {
        ancestorOfGiven[p] = 1;
        stack.push(p);
      }
    }
  }

  const target = new Uint8Array(n);
  for (const y of ys) target[y] = 1;
  // State 2v: arrived at v along an edge with a tail at v; 2v + 1: with an arrowhead at v.
  const visited = new Uint8Array(2 * n);
  const queue: number[] = [];
  for (const x of xs) {
    if (visited[2 * x] === 0) {
      visited[2 * x] = 1;
      queue.push(2 * x);
    }
  }
  const visit = (v: number, arrowhead: boolean): void => {
    const state = 2 * v + (arrowhead ? 1 : 0);
    if (visited[state] === 0) {
      visited[state] = 1;
      queue.push(state);
    }
  };
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const v = state >> 1;
    if (target[v] !== 0) return false;
    const arrivedWithArrowhead = (state & 1) === 1;
    const passAsNonCollider = conditioned[v] === 0;
    // Leaving along a tail at v (v → c): v is a non-collider on the path.
    if (passAsNonCollider) for (const c of admg.children[v]!) if (directedKept(v, c)) visit(c, true);
    // Leaving along an arrowhead at v (v ← p or v ↔ s): v is a collider iff we also arrived with one.
    const open = arrivedWithArrowhead ? ancestorOfGiven[v] !== 0 : passAsNonCollider;
    if (!open) continue;
    for (const p of admg.parents[v]!) if (directedKept(p, v)) visit(p, false);
    for (const s of admg.spouses[v]!) if (bidirectedKept(v, s)) visit(s, true);
  }
  return true;
}
