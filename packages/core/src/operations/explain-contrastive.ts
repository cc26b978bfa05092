/**
 * Handler of `explain/contrastive`: conditions the model on the unit's current state, then runs
 * the minimal-intervention search (explain/contrastive.ts) and shapes the upstream response.
 */
import type { RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { compareNames } from "../graph/node-lookup.js";
import { searchMinimalInterventions, type ContrastiveCandidate, type Lever } from "../explain/contrastive.js";
import { createUnitModel } from "../explain/unit-model.js";
import { populationStd } from "../numeric/index.js";
import type { HandlerContext } from "./context.js";
import type { Handler } from "./handlers.js";

type Request = RequestOf<"explain/contrastive">;

/** Default bounds of a lever with current value v: [0.1v, 3v] for v > 0, else [v − 2|v|, v + 2|v|], [−1, 1] at 0. */
export function defaultLeverBounds(v: number): [number, number] {
  if (v > 0) return [0.1 * v, 3 * v];
  if (v === 0) return [-1, 1];
  return [v - 2 * Math.abs(v), v + 2 * Math.abs(v)];
}

/** `explain/contrastive`. */
export const explainContrastiveHandler: Handler<"explain/contrastive"> = (request: Request, ctx: HandlerContext) => {
  const [outcome, [targetLower, targetUpper]] = Object.entries(request.target_outcome)[0]!;
  const { constraints } = request;
  const fixed = new Set(constraints.fixed ?? []);
  const overlap = constraints.feasible.filter((v) => fixed.has(v)).sort(compareNames);
  if (overlap.length > 0) {
    throw new IslError("ISL_VALIDATION_ERROR", `constraints.fixed and constraints.feasible both list ${overlap.map((v) => `'${v}'`).join(", ")}; a variable cannot be both changeable and fixed.`, {
      details: { field: "constraints.fixed", variables: overlap },
      recovery: { hints: ["Remove the variable from one of the two lists."], suggestion: "Make feasible and fixed disjoint." },
    });
  }
  if (constraints.feasible.includes(outcome)) {
    throw new IslError("ISL_VALIDATION_ERROR", `constraints.feasible lists the outcome '${outcome}'; the search changes causes of the outcome, not the outcome itself.`, {
      details: { field: "constraints.feasible", variable: outcome },
      recovery: { hints: ["Remove the outcome from feasible."], suggestion: "List only causes of the outcome as feasible." },
    });
  }
  const leverNames = [...new Set(constraints.feasible)].sort(compareNames);
  const state = new Map<string, number>(Object.entries(request.current_state));
  for (const [name, value] of Object.entries(request.observed_outcome)) if (!state.has(name) && !leverNames.includes(name)) state.set(name, value);
  const unit = createUnitModel({ model: request.model, outcome, state, levers: leverNames, samples: request.samples, rng: ctx.rng.fork("contrastive"), signal: ctx.signal });

  const levers: Lever[] = leverNames.map((variable) => {
    const current = state.get(variable) ?? unit.meanOf(variable, new Map());
    const bounds = constraints.variable_bounds?.[variable] ?? defaultLeverBounds(current);
    if (!Number.isFinite(bounds[1] - bounds[0]) || !Number.isFinite(current)) {
      throw new IslError("ISL_VALIDATION_ERROR", `The bounds of '${variable}' [${bounds[0]}, ${bounds[1]}] (current value ${current}) are too wide to search: their width is not a finite number.`, {
        details: { field: `constraints.variable_bounds.${variable}`, value: bounds },
        recovery: { hints: ["Give bounds whose width is below about 1e308."], suggestion: `Narrow constraints.variable_bounds.${variable}.` },
      });
    }
    return { variable, current, lower: bounds[0], upper: bounds[1] };
  });
  const objective = constraints.minimize === "number_of_changes" || constraints.minimize === "cost" ? "number_of_changes" : "change_magnitude";
  const result = searchMinimalInterventions({
    outcomeOf: (changes) => unit.evaluate(changes).mean,
    levers,
    target: { lower: targetLower, upper: targetUpper },
    maxChanges: constraints.max_changes,
    minimize: objective,
    maxEvaluations: request.max_evaluations,
    signal: ctx.signal,
  });
  if (ctx.signal.aborted) throw new IslError("ISL_TIMEOUT", "The contrastive search was cancelled before it finished.", { details: { evaluations: result.evaluations } });

  const changesOf = (candidate: ContrastiveCandidate) =>
    Object.fromEntries(
      candidate.changes.map((c) => [c.variable, { variable: c.variable, from_value: c.from, to_value: c.to, delta: c.to - c.from, relative_change: c.from === 0 ? null : (100 * (c.to - c.from)) / Math.abs(c.from) }]),
    );
  const interventions = result.interventions.map((candidate, index) => {
    const column = unit.evaluate(new Map(candidate.changes.map((c) => [c.variable, c.to]))).column;
    const n = column.length;
    let inside = 0;
    for (let i = 0; i < n; i++) if (column[i]! >= targetLower && column[i]! <= targetUpper) inside += 1;
    const halfWidth = n > 1 ? (1.959963984540054 * populationStd(column) * Math.sqrt(n / (n - 1))) / Math.sqrt(n) : 0;
    const relative = candidate.changes.map((c) => (c.from === 0 ? 1 : Math.abs(c.to - c.from) / Math.abs(c.from)));
    const meanRelative = relative.reduce((s, r) => s + r, 0) / Math.max(1, relative.length);
    const robustnessScore = inside / n;
    return {
      rank: index + 1,
      changes: changesOf(candidate),
      expected_outcome: { [outcome]: candidate.outcome },
      confidence_interval: { [outcome]: { lower: candidate.outcome - halfWidth, upper: candidate.outcome + halfWidth, confidence_level: 0.95 } },
      feasibility: Math.min(1, Math.max(0, 1 - meanRelative / 2)),
      cost_estimate: (candidate.changes.length === 1 && meanRelative < 0.2 ? "low" : candidate.changes.length <= 2 && meanRelative < 0.5 ? "medium" : "high") as "low" | "medium" | "high",
      robustness: (robustnessScore >= 0.7 ? "robust" : robustnessScore >= 0.4 ? "moderate" : "fragile") as "robust" | "moderate" | "fragile",
      robustness_score: robustnessScore,
      change_magnitude: candidate.magnitude,
    };
  });
  const bestBy = (score: (i: (typeof interventions)[number]) => number): number =>
    interventions.length === 0 ? 0 : interventions.reduce((best, i) => (score(i) > score(best) ? i : best)).rank;
  const costOrder = { low: 2, medium: 1, high: 0 } as const;
  const describe = (c: ContrastiveCandidate): string => c.changes.map((ch) => `${ch.variable} ${ch.from} → ${ch.to}`).join(", ");
  const best = result.interventions[0];
  const summary =
    result.status === "already_in_target"
      ? `${outcome} is already in [${targetLower}, ${targetUpper}] (expected ${result.baseline}); no change is needed.`
      : result.status === "found"
        ? `Smallest change: ${describe(best!)} moves ${outcome} from ${result.baseline} to ${best!.outcome}.`
        : `No change of at most ${constraints.max_changes} feasible variable(s) within bounds reaches [${targetLower}, ${targetUpper}]; the closest is ${result.closest.outcome}${result.closest.changes.length > 0 ? ` with ${describe(result.closest)}` : ""}.`;
  return {
    status: result.status,
    outcome_variable: outcome,
    baseline_outcome: result.baseline,
    target: { lower: targetLower, upper: targetUpper },
    minimal_interventions: interventions,
    closest_achievable: result.status === "unreachable" ? { changes: changesOf(result.closest), expected_outcome: result.closest.outcome, distance_to_target: result.closest.distance } : null,
    comparison: {
      best_by_cost: bestBy((i) => costOrder[i.cost_estimate] * 10 - i.change_magnitude / (1 + i.change_magnitude)),
      best_by_robustness: bestBy((i) => i.robustness_score),
      best_by_feasibility: bestBy((i) => i.feasibility),
      synergies: interventions.some((i) => Object.keys(i.changes).length > 1) ? "Some interventions need several variables changed together." : "No intervention needs more than one change.",
      tradeoffs: interventions.length > 1 ? "Alternatives differ in which variable changes and by how much; compare change_magnitude and robustness_score." : "No alternatives to compare.",
    },
    search: {
      evaluations: result.evaluations,
      max_evaluations: request.max_evaluations,
      truncated: result.truncated,
      monotone: Object.fromEntries([...result.monotone].sort((a, b) => compareNames(a[0], b[0]))),
      objective,
    },
    samples: unit.samples,
    seed: ctx.seed,
    explanation: {
      summary,
      reasoning: `The expected ${outcome} is evaluated under do() of each candidate with the unit's current state held (common random numbers, ${unit.samples} sample${unit.samples === 1 ? "" : "s"}); single variables by grid and bisection to the target boundary, combinations by grid and coordinate bisection.`,
      technical_basis: "Minimal-change counterfactual search over do()-interventions (Wachter et al. 2018); abduction of additive residuals for observed endogenous variables (Pearl 2009 §7.1).",
      assumptions: ["The structural equations are correct.", "Observed endogenous variables have additive noise.", "Changing a lever does not change the unit's exogenous values."],
    },
  };
};
