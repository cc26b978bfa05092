/**
 * Column samplers of the analyze/v2 Monte Carlo: edge existence (Bernoulli(p)) and strength
 * (Normal(mean, std), unbounded; 0 when absent; definitional edges fixed at mean·p), and factor
 * draws (normal, uniform, point mass; correlated factors through a Gaussian copula: z ~ N(0, I),
 * y = L·z with L the Cholesky factor of the correlation matrix, normal ⇒ centre + std·y, uniform ⇒
 * min + (max − min)·Φ(y)). Each edge and factor draws from its own fork of the stream, so adding
 * an edge or factor never shifts another's draws.
 * Complexity: O(n·(E + F)) plus O(F·C) per draw for C correlated factors.
 * Reference: plot-v2-engine.md §3.3, §3.4; Nelsen, "An Introduction to Copulas" (2006) for the
 * Gaussian copula.
 */
import { normalCdf } from "../numeric/index.js";
import type { Rng } from "../random/index.js";
import type { PlotModel } from "./model.js";
import type { CorrelationPlan } from "./correlation.js";

/** Sampled edge columns. */
export interface EdgeColumns {
  /** Per edge: strength per draw (0 when absent). */
  readonly strength: Float64Array[];
  /** Per edge: 1 when the edge exists on the draw. */
  readonly exists: Uint8Array[];
}

/**
 * Samples every edge over n draws.
 *
 * @param model - The compiled model.
 * @param n - Number of draws.
 * @param rng - The edge stream (forked per edge id inside).
 */
export function sampleEdgeColumns(model: PlotModel, n: number, rng: Rng): EdgeColumns {
  const strength: Float64Array[] = [];
  const exists: Uint8Array[] = [];
  const uniforms = new Float64Array(n);
  for (const edge of model.edges) {
    const s = new Float64Array(n);
    const x = new Uint8Array(n);
    if (edge.definitional) {
      s.fill(edge.mean * edge.existsProbability);
      x.fill(1);
    } else {
      const stream = rng.fork(edge.id);
      stream.fillUniform(uniforms);
      stream.fillNormal(s, edge.mean, edge.std);
      const p = edge.existsProbability;
      for (let i = 0; i < n; i++) {
        if (uniforms[i]! < p) x[i] = 1;
        else s[i] = 0;
      }
    }
    strength.push(s);
    exists.push(x);
  }
  return { strength, exists };
}

/**
 * Samples every parameter-uncertain factor over n draws (request order of the factors).
 *
 * @param model - The compiled model.
 * @param n - Number of draws.
 * @param rng - The factor stream (forked per node id, and "copula" for correlated factors).
 * @param plan - Correlation plan (from `planCorrelations`), or undefined for independent factors.
 * @returns One column per factor of `model.factors`.
 */
export function sampleFactorColumns(model: PlotModel, n: number, rng: Rng, plan?: CorrelationPlan): Float64Array[] {
  const columns = model.factors.map(() => new Float64Array(n));
  const correlated = new Set(plan?.factorIndices ?? []);
  if (plan && plan.factorIndices.length > 0) sampleCopula(model, n, rng.fork("copula"), plan, columns);
  model.factors.forEach((f, i) => {
    if (correlated.has(i)) return;
    const column = columns[i]!;
    if (f.family === "normal") rng.fork(f.nodeId).fillNormal(column, f.centre, f.std);
    else if (f.family === "uniform") rng.fork(f.nodeId).fillUniform(column, f.min, f.max);
    else column.fill(f.centre);
  });
  return columns;
}

/** Gaussian copula over the plan's factors. */
function sampleCopula(model: PlotModel, n: number, rng: Rng, plan: CorrelationPlan, columns: Float64Array[]): void {
  const c = plan.factorIndices.length;
  const z = plan.factorIndices.map((fi) => rng.fork(model.factors[fi]!.nodeId).fillNormal(new Float64Array(n)));
  const L = plan.cholesky;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < c; a++) {
      let y = 0;
      for (let b = 0; b <= a; b++) y += L[a * c + b]! * z[b]![i]!;
      const f = model.factors[plan.factorIndices[a]!]!;
      columns[plan.factorIndices[a]!]![i] = f.family === "uniform" ? f.min + (f.max - f.min) * normalCdf(y) : f.centre + f.std * y;
    }
  }
}
