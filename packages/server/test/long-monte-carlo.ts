/** Requests for the pool and deadline tests: a 50-variable chain model and a long counterfactual on it. */

/**
 * A 50-variable linear chain: even variables are standard-normal exogenous inputs, odd ones
 * `V1 = V0`, `V(2k+1) = 0.5·V(2k−1) + V(2k)`.
 */
export function chainModel(variables = 50): { variables: string[]; equations: Record<string, string>; distributions: Record<string, unknown> } {
  const names: string[] = [];
  const equations: Record<string, string> = {};
  const distributions: Record<string, unknown> = {};
  for (let i = 0; i < variables; i += 1) {
    names.push(`V${i}`);
    if (i % 2 === 0) distributions[`V${i}`] = { type: "normal", parameters: { mean: 0, std: 1 } };
    else equations[`V${i}`] = i === 1 ? "V0" : `0.5*V${i - 2} + V${i - 1}`;
  }
  return { variables: names, equations, distributions };
}

/** `causal/counterfactual` on {@link chainModel} with `samples` draws (1,000,000 takes seconds). */
export function counterfactualRequest(samples: number): Record<string, unknown> {
  return { model: chainModel(50), intervention: { V1: 1 }, outcome: "V49", samples, seed: 7 };
}

/** `causal/counterfactual-batch` on {@link chainModel}: `scenarios` interventions of `samples` draws each (10 × 1,000,000 runs for many seconds). */
export function counterfactualBatchRequest(scenarios: number, samples: number): Record<string, unknown> {
  return {
    model: chainModel(50),
    scenarios: Array.from({ length: scenarios }, (_, i) => ({ id: `s${i}`, intervention: { V1: i } })),
    outcome: "V49",
    samples,
    seed: 11,
  };
}
