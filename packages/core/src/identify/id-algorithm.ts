/**
 * The ID algorithm: identification of a joint interventional distribution P(y | do(x)) from the
 * observational distribution of an ADMG, line by line as published, returning an estimand when the
 * effect is identifiable and the hedge (F, F′) of line 5 when it is not. Sound and complete.
 *
 *   ID(y, x, P, G):
 *   1  if x = ∅: return Σ_{v \ y} P(v)
 *   2  if V ≠ An(Y)_G: return ID(y, x ∩ An(Y)_G, Σ_{V \ An(Y)_G} P, G_{An(Y)})
 *   3  W := (V \ X) \ An(Y)_{G_x̄}; if W ≠ ∅: return ID(y, x ∪ w, P, G)
 *   4  if C(G \ X) = {S_1, …, S_k}, k > 1: return Σ_{v \ (y ∪ x)} Π_i ID(s_i, v \ s_i, P, G)
 *      otherwise C(G \ X) = {S}:
 *   5  if C(G) = {G}: FAIL with the hedge (G, S)
 *   6  if S ∈ C(G): return Σ_{s \ y} Π_{V_i ∈ S} P(v_i | v_π^{(i−1)})
 *   7  if S ⊂ S′ ∈ C(G): return ID(y, x ∩ S′, Π_{V_i ∈ S′} P(V_i | V_π^{(i−1)} ∩ S′, v_π^{(i−1)} \ S′), G_{S′})
 *
 * P is carried as a distribution over the current node set: the observational margin (whose
 * conditionals are plain terms P(A | B)) until line 7 replaces it by an expression Q; conditionals of Q
 * are then computed from Q itself, P(A | B) = Σ Q / Σ Q. (Reading them off the original P instead is the
 * error that makes some implementations return a wrong napkin estimand.) π is the lexicographically
 * smallest topological order of the whole graph, restricted to the current nodes.
 * Complexity: O(N) recursive calls per district split, each O(N + M) for ancestors and districts,
 * plus the estimand construction (simplified as it is built); polynomial overall.
 * Reference: I. Shpitser, J. Pearl, "Identification of joint interventional distributions in recursive
 * semi-Markovian causal models", AAAI 2006, Fig. 3; and "Complete identification methods for the causal
 * hierarchy", JMLR 9 (2008).
 */
import { IslError } from "../errors.js";
import type { Admg } from "../graph/admg.js";
import { ancestorsWithin } from "./ancestral-set.js";
import { districtsWithin } from "./districts.js";
import { ESTIMAND_ONE, estimandSize, probabilityTerm, productTerm, quotientTerm, sumTerm, type Estimand } from "./estimand.js";
import { createSimplifier } from "./simplify-estimand.js";

/** Default cap on recorded steps. */
export const DEFAULT_MAX_STEPS = 200;
/** Default cap on the size (tree nodes) of any estimand built along the way. */
export const DEFAULT_MAX_ESTIMAND_SIZE = 200_000;

/** Options of the ID and IDC algorithms. */
export interface IdOptions {
  /**
   * Simplify estimands as they are built (default true), grouping the chain-rule factors of lines 6
   * and 7 into runs of consecutive nodes. False gives the literal line-by-line estimand.
   */
  readonly simplify?: boolean;
  /** Decide identifiability and find the hedge without building any estimand (default false). */
  readonly decideOnly?: boolean;
  /** At most this many steps are recorded (default 200); `stepsTruncated` tells if more happened. */
  readonly maxSteps?: number;
  /** Largest estimand (tree nodes) allowed before giving up with ISL_COMPUTATION_ERROR (default 200,000). */
  readonly maxEstimandSize?: number;
  /** Checked at every recursive call; when aborted the run stops with ISL_TIMEOUT. */
  readonly signal?: AbortSignal;
}

/** One recorded step: which line of ID (or IDC) fired, at which recursion depth, on which query. */
export interface IdStep {
  /** The algorithm and line, e.g. `"ID line 4"` or `"IDC line 1"`. */
  readonly line: string;
  /** Recursion depth (0 = the top-level call). */
  readonly depth: number;
  /** The current outcome set. */
  readonly outcome: readonly string[];
  /** The current intervention set. */
  readonly treatment: readonly string[];
  /** What happened, in words. */
  readonly detail: string;
}

/** The outcome of one ID call: an estimand, or the hedge that makes the effect non-identifiable. */
export type IdOutcome =
  | { readonly identifiable: true; readonly estimand: Estimand }
  | { readonly identifiable: false; readonly hedge: { readonly f: readonly number[]; readonly fPrime: readonly number[] } };

/** The current distribution: over `vars`, either the observational margin (`expr` null) or an expression. */
interface Distribution {
  readonly vars: readonly number[];
  readonly expr: Estimand | null;
}

/** Sorted union of ascending index lists. */
function unionOf(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((p, q) => p - q);
}

/** One run of ID (and IDC): the graph, the simplifier, the recorded steps and the budgets. */
export class IdRun {
  /** Steps recorded so far. */
  readonly steps: IdStep[] = [];
  /** Whether steps were dropped because of `maxSteps`. */
  stepsTruncated = false;
  /** Topological rank of each node. */
  readonly rank: Int32Array;
  /** Simplifies (or, with `simplify: false`, returns unchanged) an estimand. */
  readonly simplify: (e: Estimand) => Estimand;
  private readonly literal: boolean;
  private readonly decideOnly: boolean;
  private readonly maxSteps: number;
  private readonly maxSize: number;
  private readonly signal: AbortSignal | undefined;

  constructor(
    readonly admg: Admg,
    options: IdOptions = {},
  ) {
    const n = admg.names.length;
    this.rank = new Int32Array(n);
    admg.topologicalOrder.forEach((v, i) => (this.rank[v] = i));
    const rankByName = new Map(admg.names.map((name, v) => [name, this.rank[v]!]));
    this.literal = options.simplify === false;
    this.decideOnly = options.decideOnly === true;
    this.simplify = this.literal ? (e) => e : createSimplifier({ rank: rankByName });
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.maxSize = options.maxEstimandSize ?? DEFAULT_MAX_ESTIMAND_SIZE;
    this.signal = options.signal;
  }

  /** Names of node indices (ascending indices give sorted names). */
  names(vs: readonly number[]): string[] {
    return vs.map((v) => this.admg.names[v]!);
  }

  /** A 0/1 mask of node indices. */
  mask(vs: readonly number[]): Uint8Array {
    const m = new Uint8Array(this.admg.names.length);
    for (const v of vs) m[v] = 1;
    return m;
  }

  /** Records a step (until the cap). */
  note(line: string, depth: number, y: readonly number[], x: readonly number[], detail: string): void {
    if (this.steps.length >= this.maxSteps) {
      this.stepsTruncated = true;
      return;
    }
    this.steps.push({ line, depth, outcome: this.names(y), treatment: this.names(x), detail });
  }

  /** Simplifies `e` and enforces the size budget. */
  build(e: Estimand): Estimand {
    if (this.decideOnly) return ESTIMAND_ONE;
    const out = this.simplify(e);
    if (estimandSize(out) > this.maxSize) {
      throw new IslError("ISL_COMPUTATION_ERROR", `The estimand grew beyond ${this.maxSize} terms; identification was stopped.`, {
        details: { max_estimand_size: this.maxSize },
        recovery: { hints: ["Ask about fewer outcomes or a smaller part of the graph.", "Raise maxEstimandSize when calling the library directly."], suggestion: "Simplify the query." },
      });
    }
    return out;
  }

  private checkAbort(): void {
    if (this.signal?.aborted === true) {
      throw new IslError("ISL_TIMEOUT", "Identification was stopped: the request was cancelled or ran out of time.", {
        recovery: { hints: ["Retry with a smaller graph or query."], suggestion: "Retry later or simplify the query." },
      });
    }
  }

  /** The margin of P on `keep` (a subset of P's variables). */
  private marginal(P: Distribution, keep: readonly number[]): Estimand {
    if (this.decideOnly) return ESTIMAND_ONE;
    if (P.expr === null) return probabilityTerm(this.names(keep));
    const keepMask = this.mask(keep);
    return this.build(sumTerm(this.names(P.vars.filter((v) => keepMask[v] === 0)), P.expr));
  }

  /** P(a | given) computed from P itself: a plain term for the observational margin, else Σ Q / Σ Q. */
  private conditional(P: Distribution, a: readonly number[], given: readonly number[]): Estimand {
    if (P.expr === null) return probabilityTerm(this.names(a), this.names(given));
    const givenMask = this.mask(given);
    const inA = this.mask(a);
    const joint = P.vars.filter((v) => inA[v] === 0 && givenMask[v] === 0);
    const rest = P.vars.filter((v) => givenMask[v] === 0);
    return this.build(quotientTerm(sumTerm(this.names(joint), P.expr), sumTerm(this.names(rest), P.expr)));
  }

  /**
   * Π_{V_i ∈ S} P(v_i | v_π^{(i−1)}), predecessors taken among `V` in topological order. Unless the
   * run is literal, consecutive members of S share one factor, P(v_i, …, v_j | v_π^{(i−1)}) — the
   * chain rule, which holds for every distribution — so a district costs one factor per run.
   */
  private chainFactors(P: Distribution, S: readonly number[], V: readonly number[]): Estimand[] {
    if (this.decideOnly) return [];
    const inS = this.mask(S);
    const ordered = [...V].sort((a, b) => this.rank[a]! - this.rank[b]!);
    const factors: Estimand[] = [];
    const ascending = (vs: readonly number[]): number[] => [...vs].sort((a, b) => a - b);
    let run: number[] = [];
    let runStart: number[] = [];
    const before: number[] = [];
    const flush = (): void => {
      if (run.length > 0) factors.push(this.conditional(P, ascending(run), ascending(runStart)));
      run = [];
    };
    for (const v of ordered) {
      if (inS[v] !== 0) {
        if (run.length === 0 || this.literal) {
          flush();
          runStart = [...before];
        }
        run.push(v);
      } else flush();
      before.push(v);
    }
    flush();
    return factors;
  }

  /**
   * ID(y, x, P, G) for the top-level query: P is the observational distribution of every node.
   *
   * @param y - Outcome node indices (ascending, non-empty).
   * @param x - Treatment node indices (ascending, disjoint from y).
   * @returns The estimand or the hedge.
   */
  identify(y: readonly number[], x: readonly number[]): IdOutcome {
    const all = this.admg.names.map((_, v) => v);
    return this.id(y, x, { vars: all, expr: null }, 0);
  }

  private id(y: readonly number[], x: readonly number[], P: Distribution, depth: number): IdOutcome {
    this.checkAbort();
    const V = P.vars;
    const inV = this.mask(V);
    // Line 1.
    if (x.length === 0) {
      this.note("ID line 1", depth, y, x, "No intervention is left: the effect is a margin of the current distribution.");
      return { identifiable: true, estimand: this.marginal(P, y) };
    }
    // Line 2.
    const ancestors = ancestorsWithin(this.admg, y, inV);
    const An = V.filter((v) => ancestors[v] !== 0);
    if (An.length < V.length) {
      const dropped = V.filter((v) => ancestors[v] === 0);
      this.note("ID line 2", depth, y, x, `Only ancestors of the outcome matter: marginalise out ${this.names(dropped).join(", ")}.`);
      const restricted: Distribution = { vars: An, expr: P.expr === null ? null : this.marginal(P, An) };
      return this.id(y, x.filter((v) => ancestors[v] !== 0), restricted, depth + 1);
    }
    // Line 3.
    const inX = this.mask(x);
    const ancestorsAfterDo = ancestorsWithin(this.admg, y, inV, inX);
    const W = V.filter((v) => inX[v] === 0 && ancestorsAfterDo[v] === 0);
    if (W.length > 0) {
      this.note("ID line 3", depth, y, x, `Also intervene on ${this.names(W).join(", ")}: once the treatment is fixed they no longer affect the outcome (do-calculus rule 3).`);
      return this.id(y, unionOf(x, W), P, depth + 1);
    }
    // Line 4.
    const rest = V.filter((v) => inX[v] === 0);
    const restDistricts = districtsWithin(this.admg, this.mask(rest));
    if (restDistricts.length > 1) {
      this.note("ID line 4", depth, y, x, `Without the treatment the graph splits into ${restDistricts.length} districts {${restDistricts.map((s) => this.names(s).join(", ")).join("}, {")}}: identify each and multiply.`);
      const factors: Estimand[] = [];
      for (const s of restDistricts) {
        const inS = this.mask(s);
        const sub = this.id(s, V.filter((v) => inS[v] === 0), P, depth + 1);
        if (!sub.identifiable) return sub;
        factors.push(sub.estimand);
      }
      const inY = this.mask(y);
      const summed = V.filter((v) => inY[v] === 0 && inX[v] === 0);
      return { identifiable: true, estimand: this.build(sumTerm(this.names(summed), productTerm(factors))) };
    }
    const S = restDistricts[0]!;
    const districts = districtsWithin(this.admg, inV);
    // Line 5.
    if (districts.length === 1) {
      this.note("ID line 5", depth, y, x, `Hedge: {${this.names(V).join(", ")}} is a single district, and so is {${this.names(S).join(", ")}} without the treatment. Not identifiable.`);
      return { identifiable: false, hedge: { f: [...V], fPrime: [...S] } };
    }
    // Line 6.
    const containing = districts.find((d) => d.includes(S[0]!))!;
    if (containing.length === S.length) {
      const inY = this.mask(y);
      this.note("ID line 6", depth, y, x, `{${this.names(S).join(", ")}} is a district of the graph: its factor follows from the chain rule.`);
      const summed = S.filter((v) => inY[v] === 0);
      return { identifiable: true, estimand: this.build(sumTerm(this.names(summed), productTerm(this.chainFactors(P, S, V)))) };
    }
    // Line 7.
    const Sp = containing;
    this.note("ID line 7", depth, y, x, `{${this.names(S).join(", ")}} lies inside the district {${this.names(Sp).join(", ")}}: continue on that district with its own factor as the distribution.`);
    const factor = this.build(productTerm(this.chainFactors(P, Sp, V)));
    const inSp = this.mask(Sp);
    return this.id(y, x.filter((v) => inSp[v] !== 0), { vars: Sp, expr: factor }, depth + 1);
  }
}

/**
 * Runs ID for P(y | do(x)) on an ADMG.
 *
 * @param admg - The graph (all nodes observed).
 * @param outcome - Outcome node indices (non-empty, ascending).
 * @param treatment - Treatment node indices (ascending, disjoint from `outcome`; may be empty).
 * @param options - Simplification, step cap, size cap, abort signal.
 * @returns The outcome (estimand or hedge) and the recorded steps.
 */
export function idAlgorithm(
  admg: Admg,
  outcome: readonly number[],
  treatment: readonly number[],
  options: IdOptions = {},
): { outcome: IdOutcome; steps: IdStep[]; stepsTruncated: boolean } {
  const run = new IdRun(admg, options);
  const result = run.identify(outcome, treatment);
  return { outcome: result, steps: run.steps, stepsTruncated: run.stepsTruncated };
}
