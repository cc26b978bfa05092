/**
 * A sound simplifier for estimands: every rewrite is an identity of probability calculus that holds
 * for every strictly positive distribution (the setting in which ID's estimands are defined), and no
 * rewrite moves an expression into the scope of a binder, so variable capture cannot occur.
 *
 * Rules (each applied bottom-up until none fires):
 *  1. Products are flattened and the constant 1 dropped; a product with a quotient factor becomes a
 *     quotient of products: (a/b)·c = (a·c)/b.
 *  2. Chain rule: P(A | B) · P(C | A ∪ B) = P(A ∪ C | B) (as sets).
 *  3. Cancellation: structurally identical factors of a numerator and a denominator cancel (all
 *     denominators are positive); the reverse chain rule P(A | B) / P(A′ | B) = P(A \ A′ | A′ ∪ B) for A′ ⊊ A.
 *  4. Σ_∅ E = E; Σ_S Σ_T E = Σ_{S ∪ T} E when S ∩ T = ∅.
 *  5. Marginalisation: Σ_S P(A | B) = P(A \ S | B) for S ⊆ A (the constant 1 when S = A), because
 *     P(· | B) sums to one over A.
 *  6. Sums move inwards: a summed variable that occurs free in exactly one factor of a product is
 *     summed inside that factor (Σ_v f·g = (Σ_v f)·g when v is not free in g), and factors free of
 *     every summed variable move out of the sum; in a quotient, Σ_S N / D = (Σ_S N) / D when D is free
 *     of S.
 * Sums over a variable that does not occur in the summand are left untouched (they multiply by the
 * domain size, which is not 1). Factors are ordered deterministically: probability terms before
 * composite factors, each group by the topological rank of its head variables (most downstream
 * first), then by canonical key.
 * Complexity: O(size² · k) in the worst case for k summed variables; linear in practice (memoised).
 * Reference: the rules are textbook probability calculus; see J. Pearl, "Causality" (2009) §3.2–3.4,
 * and I. Shpitser, J. Pearl, AAAI 2006, for the expressions they are applied to.
 */
import { ESTIMAND_ONE, estimandKey, freeVariables, probabilityTerm, productTerm, quotientTerm, sumTerm, variableNode, type Estimand, type ProbabilityTerm } from "./estimand.js";

/** Options of {@link createSimplifier} and {@link simplifyEstimand}. */
export interface SimplifyOptions {
  /** Topological rank of each node name (0 = most upstream); orders factors. Unknown names rank −1. */
  readonly rank?: ReadonlyMap<string, number>;
}

function factorsOf(e: Estimand): readonly Estimand[] {
  return e.type === "product" ? e.factors : [e];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((v) => set.has(v));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** The simplifier of one run: a memo from each input node to its simplified form. */
class Simplifier {
  private readonly memo = new WeakMap<Estimand, Estimand>();
  private readonly headMemo = new WeakMap<Estimand, number>();

  constructor(private readonly rank: ReadonlyMap<string, number> | undefined) {}

  run(e: Estimand): Estimand {
    const cached = this.memo.get(e);
    if (cached !== undefined) return cached;
    let out: Estimand;
    switch (e.type) {
      case "probability":
        out = e;
        break;
      case "product":
        out = this.simplifyProduct(e.factors.map((f) => this.run(f)));
        break;
      case "sum":
        out = this.simplifySum(e.over, this.run(e.body));
        break;
      case "quotient":
        out = this.quotientOfLists([this.run(e.numerator)], [this.run(e.denominator)]);
        break;
    }
    this.memo.set(e, out);
    this.memo.set(out, out);
    return out;
  }

  /** Highest topological rank among the head variables of `e` (the variables it is a distribution of). */
  private headRank(e: Estimand): number {
    const cached = this.headMemo.get(e);
    if (cached !== undefined) return cached;
    let rank = -1;
    const rankOf = (v: string): number => this.rank?.get(variableNode(v)) ?? -1;
    switch (e.type) {
      case "probability":
        for (const v of e.variables) rank = Math.max(rank, rankOf(v));
        break;
      case "product":
        for (const f of e.factors) rank = Math.max(rank, this.headRank(f));
        break;
      case "sum": {
        const heads = this.headVariables(e.body).filter((v) => !e.over.includes(v));
        rank = heads.length > 0 ? Math.max(...heads.map(rankOf)) : this.headRank(e.body);
        break;
      }
      case "quotient":
        rank = this.headRank(e.numerator);
        break;
    }
    this.headMemo.set(e, rank);
    return rank;
  }

  private headVariables(e: Estimand): string[] {
    switch (e.type) {
      case "probability":
        return [...e.variables];
      case "product":
        return e.factors.flatMap((f) => this.headVariables(f));
      case "sum": {
        const inner = this.headVariables(e.body);
        const outer = inner.filter((v) => !e.over.includes(v));
        return outer.length > 0 ? outer : inner;
      }
      case "quotient":
        return this.headVariables(e.numerator);
    }
  }

  /** Probability terms first, then composites; each by head rank (descending), then key. */
  private sortFactors(factors: readonly Estimand[]): Estimand[] {
    const group = (e: Estimand): number => (e.type === "probability" ? 0 : 1);
    return [...factors].sort((a, b) => {
      const g = group(a) - group(b);
      if (g !== 0) return g;
      const r = this.headRank(b) - this.headRank(a);
      if (r !== 0) return r;
      const ka = estimandKey(a);
      const kb = estimandKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }

  private productOf(factors: readonly Estimand[]): Estimand {
    const sorted = this.sortFactors(factors);
    return sorted.length === 1 ? sorted[0]! : productTerm(sorted);
  }

  /** Rule 2, repeatedly: P(A | B) · P(C | A ∪ B) → P(A ∪ C | B). Terms are matched by their scope A ∪ B. */
  private chainMerge(factors: readonly Estimand[]): Estimand[] {
    let list = [...factors];
    for (;;) {
      const byScope = new Map<string, number>();
      list.forEach((f, i) => {
        if (f.type !== "probability") return;
        const key = [...f.variables, ...f.given].sort().join(",");
        if (!byScope.has(key)) byScope.set(key, i);
      });
      let joined: Estimand | undefined;
      let first = -1;
      let second = -1;
      for (let j = 0; j < list.length && joined === undefined; j++) {
        const b = list[j]!;
        if (b.type !== "probability" || b.given.length === 0) continue;
        const i = byScope.get(b.given.join(","));
        if (i === undefined) continue;
        const a = list[i] as ProbabilityTerm;
        joined = probabilityTerm(union(a.variables, b.variables), a.given);
        first = i;
        second = j;
      }
      if (joined === undefined) return list;
      list = list.filter((_, k) => k !== first && k !== second);
      list.push(joined);
    }
  }

  /** Rule 1 (products are already-simplified factors). */
  private simplifyProduct(factors: readonly Estimand[]): Estimand {
    const flat: Estimand[] = [];
    for (const f of factors) flat.push(...factorsOf(f));
    if (flat.some((f) => f.type === "quotient")) return this.quotientOfLists(flat, []);
    return this.productOf(this.chainMerge(flat));
  }

  /** Rules 1–3 on a numerator and a denominator given as factor lists (already simplified). */
  private quotientOfLists(numerators: readonly Estimand[], denominators: readonly Estimand[]): Estimand {
    let nums: Estimand[] = [];
    let dens: Estimand[] = [];
    const place = (e: Estimand, top: Estimand[], bottom: Estimand[]): void => {
      for (const f of factorsOf(e)) {
        if (f.type === "quotient") {
          place(f.numerator, top, bottom);
          place(f.denominator, bottom, top);
        } else top.push(f);
      }
    };
    for (const e of numerators) place(e, nums, dens);
    for (const e of denominators) place(e, dens, nums);
    let changed = true;
    while (changed) {
      changed = false;
      nums = this.chainMerge(nums);
      dens = this.chainMerge(dens);
      for (let d = 0; d < dens.length && !changed; d++) {
        const den = dens[d]!;
        const key = estimandKey(den);
        const n = nums.findIndex((f) => estimandKey(f) === key);
        if (n >= 0) {
          nums.splice(n, 1);
          dens.splice(d, 1);
          changed = true;
          break;
        }
        if (den.type !== "probability") continue;
        const m = nums.findIndex((f) => f.type === "probability" && sameSet(f.given, den.given) && f.variables.length > den.variables.length && den.variables.every((v) => f.variables.includes(v)));
        if (m >= 0) {
          const num = nums[m] as ProbabilityTerm;
          nums[m] = probabilityTerm(
            num.variables.filter((v) => !den.variables.includes(v)),
            union(num.given, den.variables),
          );
          dens.splice(d, 1);
          changed = true;
        }
      }
    }
    if (dens.length === 0) return nums.length === 0 ? ESTIMAND_ONE : this.productOf(nums);
    return quotientTerm(nums.length === 0 ? ESTIMAND_ONE : this.productOf(nums), this.productOf(dens));
  }

  /** Rules 4–6 for Σ_over body, `body` already simplified. */
  private simplifySum(over: readonly string[], body: Estimand): Estimand {
    if (over.length === 0) return body;
    switch (body.type) {
      case "sum":
        if (over.every((v) => !body.over.includes(v))) return this.simplifySum(union(over, body.over), body.body);
        return sumTerm(over, body);
      case "probability": {
        const head = over.filter((v) => body.variables.includes(v));
        if (head.length === 0) return sumTerm(over, body);
        const left = body.variables.filter((v) => !head.includes(v));
        const inner = left.length === 0 ? ESTIMAND_ONE : probabilityTerm(left, body.given);
        const rest = over.filter((v) => !head.includes(v));
        return rest.length === 0 ? inner : this.simplifySum(rest, inner);
      }
      case "quotient": {
        const denominatorFree = freeVariables(body.denominator);
        const pushed = over.filter((v) => !denominatorFree.has(v));
        if (pushed.length === 0) return sumTerm(over, body);
        const inner = this.quotientOfLists([this.simplifySum(pushed, body.numerator)], [body.denominator]);
        const kept = over.filter((v) => denominatorFree.has(v));
        return kept.length === 0 ? inner : this.simplifySum(kept, inner);
      }
      case "product": {
        const factors = body.factors;
        // Each summed variable held by exactly one factor that can absorb it moves into that factor.
        const holders = new Map<string, number[]>();
        factors.forEach((f, i) => {
          const free = freeVariables(f);
          for (const v of over) if (free.has(v)) holders.set(v, [...(holders.get(v) ?? []), i]);
        });
        const absorbed = new Map<number, string[]>();
        for (const v of over) {
          const held = holders.get(v);
          if (held === undefined || held.length !== 1 || !this.absorbs(factors[held[0]!]!, v)) continue;
          absorbed.set(held[0]!, [...(absorbed.get(held[0]!) ?? []), v]);
        }
        if (absorbed.size > 0) {
          const moved = new Set([...absorbed.values()].flat());
          const replaced = factors.map((f, i) => {
            const vars = absorbed.get(i);
            return vars === undefined ? f : this.simplifySum(vars, f);
          });
          return this.simplifySum(
            over.filter((w) => !moved.has(w)),
            this.simplifyProduct(replaced),
          );
        }
        const outside = factors.filter((f) => over.every((v) => !freeVariables(f).has(v)));
        if (outside.length === 0) return sumTerm(over, body);
        const inside = factors.filter((f) => !outside.includes(f));
        const summed = sumTerm(over, inside.length === 0 ? ESTIMAND_ONE : this.productOf(inside));
        return this.simplifyProduct([...outside, summed]);
      }
    }
  }

  /** Whether Σ_v f simplifies or moves inwards (v is free in f). */
  private absorbs(f: Estimand, v: string): boolean {
    switch (f.type) {
      case "probability":
        return f.variables.includes(v);
      case "sum":
        return true;
      case "quotient":
        return !freeVariables(f.denominator).has(v);
      case "product":
        return false;
    }
  }
}

/**
 * A simplifier that remembers what it has simplified (use one per identification run).
 *
 * @param options - Topological ranks for factor ordering.
 * @returns A function from an estimand to an equal, simplified estimand.
 */
export function createSimplifier(options: SimplifyOptions = {}): (e: Estimand) => Estimand {
  const simplifier = new Simplifier(options.rank);
  return (e) => simplifier.run(e);
}

/**
 * Simplifies an estimand by the sound rules listed in this module's header.
 *
 * @param e - The estimand.
 * @param options - Topological ranks for factor ordering.
 * @returns An estimand equal to `e` on every strictly positive distribution.
 */
export function simplifyEstimand(e: Estimand, options: SimplifyOptions = {}): Estimand {
  return createSimplifier(options)(e);
}

