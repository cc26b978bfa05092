/**
 * Brute-force references for identification, written from the definitions of Shpitser & Pearl
 * (AAAI 2006) and sharing no code with the identification module:
 *  - C-forest and hedge checks by definition (Definitions 4 and 5);
 *  - existence of a hedge for P_x(y), which proves non-identifiability (one way only);
 *  - identifiability by the closure criterion (Tian & Pearl 2002; Shpitser 2023), exactly.
 * Exponential; for graphs of at most about 7 nodes.
 */

/** An ADMG as plain lists. */
export interface PlainAdmg {
  nodes: string[];
  directed: [string, string][];
  bidirected: [string, string][];
}

/** Whether the induced bidirected subgraph on `set` is connected (a single c-component). */
export function isCComponent(g: PlainAdmg, set: ReadonlySet<string>): boolean {
  if (set.size === 0) return false;
  const start = [...set][0]!;
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of g.bidirected) {
      const w = a === v ? b : b === v ? a : undefined;
      if (w !== undefined && set.has(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen.size === set.size;
}

/** Ancestors of `targets` (included) using directed edges, with the edges into `cut` removed. */
export function ancestorsAfterDo(g: PlainAdmg, targets: Iterable<string>, cut: ReadonlySet<string>): Set<string> {
  const out = new Set(targets);
  const stack = [...out];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (cut.has(v)) continue;
    for (const [a, b] of g.directed) {
      if (b === v && !out.has(a)) {
        out.add(a);
        stack.push(a);
      }
    }
  }
  return out;
}

/**
 * Whether the nodes `set` carry an R-rooted C-forest: the set is a c-component and every node has a
 * directed path inside the set to a node of R ⊆ set (so each node can keep one child on such a path).
 */
export function isRootedCForest(g: PlainAdmg, set: ReadonlySet<string>, roots: ReadonlySet<string>): boolean {
  if (!isCComponent(g, set) || roots.size === 0) return false;
  for (const r of roots) if (!set.has(r)) return false;
  const reach = new Set(roots);
  const stack = [...roots];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of g.directed) {
      if (b === v && set.has(a) && !reach.has(a)) {
        reach.add(a);
        stack.push(a);
      }
    }
  }
  return reach.size === set.size;
}

/**
 * Whether node sets F ⊋ F′ form a hedge for P_x(y) (Definition 5): both carry R-rooted C-forests for
 * one R ⊆ An(Y)_{G_x̄}, F meets X and F′ does not. R is taken as F′ ∩ An(Y)_{G_x̄}, the largest
 * candidate (reachability only gets easier as R grows).
 */
export function isHedgeFor(g: PlainAdmg, f: ReadonlySet<string>, fPrime: ReadonlySet<string>, x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  if (fPrime.size >= f.size || [...fPrime].some((v) => !f.has(v))) return false;
  if (![...f].some((v) => x.has(v)) || [...fPrime].some((v) => x.has(v))) return false;
  const allowed = ancestorsAfterDo(g, y, x);
  const roots = new Set([...fPrime].filter((v) => allowed.has(v)));
  return isRootedCForest(g, fPrime, roots) && isRootedCForest(g, f, roots);
}

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => (mask >> i) & 1));
  return out;
}

/**
 * Whether some hedge for P_x(y) exists (x and y exactly as given), by trying every pair F′ ⊂ F.
 * A hedge proves non-identifiability (Shpitser & Pearl 2006, Theorem 3). The converse quantified over
 * sub-queries x′ ⊆ x (their Corollary 3) is false — see Shpitser, "When does the ID algorithm fail?",
 * arXiv:2307.03750 — so this is a one-way check; {@link identifiableByClosure} is the exact oracle.
 */
export function hedgeExists(g: PlainAdmg, x: readonly string[], y: readonly string[]): boolean {
  const xSet = new Set(x);
  const ySet = new Set(y);
  const free = g.nodes.filter((v) => !xSet.has(v));
  for (const fp of subsets(free)) {
    if (fp.length === 0) continue;
    const fPrime = new Set(fp);
    if (!isCComponent(g, fPrime)) continue;
    const others = g.nodes.filter((v) => !fPrime.has(v));
    for (const extra of subsets(others)) {
      if (!extra.some((v) => xSet.has(v))) continue;
      if (isHedgeFor(g, new Set([...fp, ...extra]), fPrime, xSet, ySet)) return true;
    }
  }
  return false;
}

/** Districts of the subgraph induced by `set`. */
function districtsOf(g: PlainAdmg, set: readonly string[]): Set<string>[] {
  const out: Set<string>[] = [];
  const placed = new Set<string>();
  for (const start of set) {
    if (placed.has(start)) continue;
    const d = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const [a, b] of g.bidirected) {
        const w = a === v ? b : b === v ? a : undefined;
        if (w !== undefined && set.includes(w) && !d.has(w)) {
          d.add(w);
          stack.push(w);
        }
      }
    }
    for (const v of d) placed.add(v);
    out.push(d);
  }
  return out;
}

/** Ancestors of `targets` (included) in the subgraph induced by `set`. */
function ancestorsInside(g: PlainAdmg, targets: Iterable<string>, set: ReadonlySet<string>): Set<string> {
  const out = new Set(targets);
  const stack = [...out];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of g.directed) {
      if (b === v && set.has(a) && !out.has(a)) {
        out.add(a);
        stack.push(a);
      }
    }
  }
  return out;
}

/**
 * Whether P(y | do(x)) is identifiable, by the closure criterion: with Y* the ancestors of Y in the
 * graph without X, the effect is identifiable iff no district D of G[Y*] has a set F ⊋ D that is a
 * single district of G[F] in which every node is an ancestor of D. (Such an F is where Tian & Pearl's
 * Identify(D, T, Q[T]) fails, 2002; the criterion is the "intrinsic districts" characterisation of
 * Richardson, Evans, Robins & Shpitser, and of Shpitser, arXiv:2307.03750.) Exhaustive over F.
 */
export function identifiableByClosure(g: PlainAdmg, x: readonly string[], y: readonly string[]): boolean {
  const xSet = new Set(x);
  const withoutX = new Set(g.nodes.filter((v) => !xSet.has(v)));
  const yStar = [...ancestorsInside(g, y, withoutX)];
  for (const d of districtsOf(g, yStar)) {
    const others = g.nodes.filter((v) => !d.has(v));
    for (const extra of subsets(others)) {
      if (extra.length === 0) continue;
      const f = new Set([...d, ...extra]);
      if (isCComponent(g, f) && ancestorsInside(g, d, f).size === f.size) return false;
    }
  }
  return true;
}
