/**
 * The two-model witness behind a hedge (Shpitser & Pearl 2006, proof of Theorem 3), for hedges whose
 * roots are outcome nodes: all variables binary; every bidirected edge of a spanning tree of F's
 * districts becomes a fair latent coin; each node of F is the parity (XOR) of its parents along an
 * R-rooted forest and of its latent coins. Model 2 is model 1 except that the nodes of F′ ignore
 * every parent and coin they share with F \ F′. Nodes outside F are constant 0 in both. The two
 * models should agree on the observational distribution and disagree on P(y | do(x)).
 */
import Fraction from "fraction.js";
import type { DiscreteModel } from "./discrete-model.js";
import type { PlainAdmg } from "./hedge-reference.js";

/** A spanning tree of the bidirected edges inside `set`, grown from `seedTree` (edges as index pairs into `nodes`). */
function spanningTree(g: PlainAdmg, set: ReadonlySet<string>, seedTree: [string, string][]): [string, string][] | null {
  const tree = [...seedTree];
  const reached = new Set<string>(seedTree.flat());
  if (reached.size === 0) reached.add([...set].sort()[0]!);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [a, b] of g.bidirected) {
      if (!set.has(a) || !set.has(b) || reached.has(a) === reached.has(b)) continue;
      tree.push([a, b]);
      reached.add(a);
      reached.add(b);
      grew = true;
    }
  }
  return reached.size === set.size ? tree : null;
}

/** For every node of `set` outside `roots`, one child in `set` on a directed path to the roots (grown from `seed`). */
function rootedForest(g: PlainAdmg, set: ReadonlySet<string>, roots: ReadonlySet<string>, seed: Map<string, string>): Map<string, string> | null {
  const child = new Map(seed);
  const reached = new Set([...roots, ...seed.keys()]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [a, b] of [...g.directed].sort()) {
      if (set.has(a) && reached.has(b) && !reached.has(a)) {
        child.set(a, b);
        reached.add(a);
        grew = true;
      }
    }
  }
  return reached.size === set.size ? child : null;
}

/**
 * The two parity models of the hedge (F, F′) with roots R = F′ ∩ Y, or null when F′ ∩ Y does not
 * root both forests (then this simple witness does not apply).
 */
export function parityModels(g: PlainAdmg, f: readonly string[], fPrime: readonly string[], y: readonly string[]): [DiscreteModel, DiscreteModel] | null {
  const F = new Set(f);
  const Fp = new Set(fPrime);
  const roots = new Set(fPrime.filter((v) => y.includes(v)));
  if (roots.size === 0) return null;
  const innerForest = rootedForest(g, Fp, roots, new Map());
  if (innerForest === null) return null;
  const forest = rootedForest(g, F, roots, innerForest);
  const innerTree = spanningTree(g, Fp, []);
  if (forest === null || innerTree === null) return null;
  const tree = spanningTree(g, F, innerTree);
  if (tree === null) return null;

  // Variables: one latent coin per tree edge, then the observed nodes in a topological order.
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < g.nodes.length) {
    for (const v of [...g.nodes].sort()) {
      if (placed.has(v) || g.directed.some(([a, b]) => b === v && !placed.has(a))) continue;
      order.push(v);
      placed.add(v);
    }
  }
  const coins = tree.map((_, i) => `__C${i}`);
  const names = [...coins, ...order];
  const index = new Map(names.map((v, i) => [v, i]));
  const build = (second: boolean): DiscreteModel => {
    const parents: number[][] = names.map(() => []);
    const cpt: Fraction[][][] = [];
    names.forEach((v, i) => {
      if (i < coins.length) {
        cpt.push([[new Fraction(1, 2), new Fraction(1, 2)]]);
        return;
      }
      if (F.has(v)) {
        const keep = (u: string): boolean => !(second && Fp.has(v) && !Fp.has(u));
        for (const [u, c] of forest) if (c === v && keep(u)) parents[i]!.push(index.get(u)!);
        tree.forEach(([a, b], k) => {
          const other = a === v ? b : b === v ? a : undefined;
          if (other !== undefined && keep(other)) parents[i]!.push(k);
        });
      }
      // Deterministic parity of the parents (the empty parity is 0).
      const rows: Fraction[][] = [];
      for (let config = 0; config < 1 << parents[i]!.length; config++) {
        let bits = config;
        let parity = 0;
        while (bits > 0) {
          parity ^= bits & 1;
          bits >>= 1;
        }
        rows.push(parity === 0 ? [new Fraction(1), new Fraction(0)] : [new Fraction(0), new Fraction(1)]);
      }
      cpt.push(rows);
    });
    return { names, parents, domain: names.map(() => 2), cpt, observed: names.map((_, i) => i >= coins.length) };
  };
  return [build(false), build(true)];
}
