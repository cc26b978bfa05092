/**
 * Exact population quantities of a linear structural equation model V = B·V + ε, ε independent
 * with variances Ω: the covariance matrix Σ = (I − B)⁻¹ Ω (I − B)⁻ᵀ, conditional variances by the
 * Schur complement, and the asymptotic variance of the OLS coefficient of x when y is regressed on
 * x and Z: σ²(y | x, Z) / σ²(x | Z) (e.g. Henckel, Perković & Maathuis, JRSS-B 2022, §2). Written
 * from the definitions, sharing no code with the library; plain double precision.
 */
import type { PlainGraph } from "./brute-force.reference.js";

/** Edge weights and noise variances of a linear SEM over a graph's nodes. */
export interface LinearSem {
  /** Node names; indices below refer to this order. */
  names: string[];
  /** weight.get("a→b"): the coefficient of a in b's equation. */
  weight: Map<string, number>;
  /** Noise variance of each node. */
  noise: number[];
}

/** The covariance matrix Σ of all nodes, in `sem.names` order. */
export function covarianceOf(graph: PlainGraph, sem: LinearSem): number[][] {
  const n = sem.names.length;
  const index = new Map(sem.names.map((v, i) => [v, i]));
  const parents: number[][] = sem.names.map(() => []);
  for (const [a, b] of graph.edges) parents[index.get(b)!]!.push(index.get(a)!);
  // A = (I − B)⁻¹, row by row in a topological order: A[i] = e_i + Σ_{p ∈ pa(i)} B[i][p] A[p].
  const a: number[][] = [];
  const done = new Array<boolean>(n).fill(false);
  const row = (i: number): number[] => {
    if (done[i]) return a[i]!;
    const r = new Array<number>(n).fill(0);
    r[i] = 1;
    for (const p of parents[i]!) {
      const w = sem.weight.get(`${sem.names[p]!}→${sem.names[i]!}`)!;
      const rp = row(p);
      for (let k = 0; k < n; k++) r[k]! += w * rp[k]!;
    }
    a[i] = r;
    done[i] = true;
    return r;
  };
  for (let i = 0; i < n; i++) row(i);
  const sigma: number[][] = [];
  for (let i = 0; i < n; i++) {
    sigma.push([]);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i]![k]! * sem.noise[k]! * a[j]![k]!;
      sigma[i]!.push(s);
    }
  }
  return sigma;
}

/** Solves M w = b by Gaussian elimination with partial pivoting (M small and non-singular). */
function solve(m: number[][], b: number[]): number[] {
  const k = b.length;
  const aug = m.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(aug[r]![c]!) > Math.abs(aug[pivot]![c]!)) pivot = r;
    [aug[c], aug[pivot]] = [aug[pivot]!, aug[c]!];
    for (let r = c + 1; r < k; r++) {
      const f = aug[r]![c]! / aug[c]![c]!;
      for (let j = c; j <= k; j++) aug[r]![j]! -= f * aug[c]![j]!;
    }
  }
  const w = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = aug[r]![k]!;
    for (let j = r + 1; j < k; j++) s -= aug[r]![j]! * w[j]!;
    w[r] = s / aug[r]![r]!;
  }
  return w;
}

/** σ²(target | given) = Σ_tt − Σ_tS Σ_SS⁻¹ Σ_St. */
export function conditionalVariance(sigma: number[][], target: number, given: readonly number[]): number {
  if (given.length === 0) return sigma[target]![target]!;
  const sub = given.map((i) => given.map((j) => sigma[i]![j]!));
  const cross = given.map((i) => sigma[i]![target]!);
  const w = solve(sub, cross);
  let s = sigma[target]![target]!;
  for (let i = 0; i < given.length; i++) s -= cross[i]! * w[i]!;
  return s;
}

/** Asymptotic variance of the OLS coefficient of x in the regression of y on x and Z. */
export function olsCoefficientVariance(sigma: number[][], x: number, y: number, z: readonly number[]): number {
  return conditionalVariance(sigma, y, [x, ...z]) / conditionalVariance(sigma, x, z);
}
