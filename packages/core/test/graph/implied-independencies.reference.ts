/**
 * Brute-force references for implied independencies, from the definitions: every minimal
 * d-separating set among observed nodes for every pair (each subset tested by listing simple
 * paths), and the local Markov statements of a latent-free DAG from descendants and parents.
 * Exponential; for graphs of at most about 9 nodes.
 */
import { bruteDescendants, bruteDSeparated, compareSortedLists, type PlainGraph } from "./brute-force.reference.js";

/** One statement x ⫫ y | given. */
export interface BruteIndependence {
  x: string;
  y: string;
  given: string[];
}

/** Sorts statements by x, y, then given (lexicographic). */
export function sortStatements(list: BruteIndependence[]): BruteIndependence[] {
  return list.sort((p, q) => (p.x !== q.x ? (p.x < q.x ? -1 : 1) : p.y !== q.y ? (p.y < q.y ? -1 : 1) : compareSortedLists(p.given, q.given)));
}

/** Every minimal d-separator among observed nodes for every pair x < y of observed nodes. */
export function bruteMinimalIndependencies(g: PlainGraph): BruteIndependence[] {
  const latent = new Set(g.latent);
  const observed = g.nodes.filter((v) => !latent.has(v)).sort();
  const out: BruteIndependence[] = [];
  for (let i = 0; i < observed.length; i++) {
    for (let j = i + 1; j < observed.length; j++) {
      const x = observed[i]!;
      const y = observed[j]!;
      const rest = observed.filter((v) => v !== x && v !== y);
      const separating: number[] = [];
      for (let mask = 0; mask < 1 << rest.length; mask++) {
        if (bruteDSeparated(g, [x], [y], rest.filter((_, k) => (mask >> k) & 1))) separating.push(mask);
      }
      const set = new Set(separating);
      for (const mask of separating) {
        let minimal = true;
        for (let sub = (mask - 1) & mask; minimal && mask !== 0; sub = (sub - 1) & mask) {
          if (set.has(sub)) minimal = false;
          if (sub === 0) break;
        }
        if (minimal) out.push({ x, y, given: rest.filter((_, k) => (mask >> k) & 1) });
      }
    }
  }
  return sortStatements(out);
}

/** The local Markov statements v ⫫ w | Pa(v), w a non-descendant non-parent, of a latent-free DAG. */
export function bruteLocalMarkov(g: PlainGraph): BruteIndependence[] {
  const out: BruteIndependence[] = [];
  for (const v of g.nodes) {
    const parents = g.edges.filter(([, b]) => b === v).map(([a]) => a).sort();
    const below = bruteDescendants(g, v);
    for (const w of g.nodes) {
      if (below.has(w) || parents.includes(w)) continue;
      out.push({ x: v, y: w, given: parents });
    }
  }
  return sortStatements(out);
}
