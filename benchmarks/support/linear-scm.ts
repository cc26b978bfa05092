/**
 * The random linear-Gaussian SCM shared by the SCM benchmarks: nodes X0 … X(N−1) in order; each
 * earlier node is a parent of a later one with probability min(0.5, 4 / (N − 1)); roots are
 * exogenous X ~ N(0, 1); every other node is `X_j = Σ c_k · X_parent + U_j`, U_j ~ N(0, 1), with
 * coefficients uniform in [−1, 1] rounded to 3 decimals.
 */
import type { Rng } from "@olumi/isl-core/random";

/** A linear SCM: JSON for the engine and the same structure for hand-written loops. */
export interface LinearCase {
  readonly json: { variables: string[]; equations: Record<string, string>; distributions: Record<string, { type: "normal"; parameters: { mean: number; std: number } }> };
  /** Nodes in generation (topological) order: name, noise variable (the node itself for roots), parents and coefficients. */
  readonly nodes: readonly { name: string; noise: string; parents: readonly number[]; weights: readonly number[] }[];
}

/** Builds a random linear SCM with `size` nodes from `rng`. */
export function randomLinearScm(size: number, rng: Rng): LinearCase {
  const p = Math.min(0.5, 4 / (size - 1));
  const nodes: { name: string; noise: string; parents: number[]; weights: number[] }[] = [];
  const json: LinearCase["json"] = { variables: [], equations: {}, distributions: {} };
  for (let j = 0; j < size; j++) {
    const name = `X${j}`;
    const parents: number[] = [];
    const weights: number[] = [];
    for (let k = 0; k < j; k++) {
      if (rng.next() < p) {
        parents.push(k);
        weights.push(Math.round(rng.uniform(-1, 1) * 1000) / 1000);
      }
    }
    const noise = parents.length === 0 ? name : `U${j}`;
    nodes.push({ name, noise, parents, weights });
    json.variables.push(name);
    if (parents.length === 0) json.distributions[name] = { type: "normal", parameters: { mean: 0, std: 1 } };
    else {
      json.equations[name] = [...parents.map((k, i) => `${weights[i]} * X${k}`), `U${j}`].join(" + ");
      json.distributions[`U${j}`] = { type: "normal", parameters: { mean: 0, std: 1 } };
    }
  }
  return { json, nodes };
}

/** Upstream in-process medians (Python + numpy), ms, keyed `${nodes}x${samples}`, from the peer measurement in issue 4. */
export const UPSTREAM_MS: ReadonlyMap<string, number> = new Map([
  ["5x10000", 1.15],
  ["50x10000", 9.8],
  ["50x1000", 2.3],
]);
