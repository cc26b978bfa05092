/**
 * Pairwise interactions between intervened variables in a set of scenarios that share exogenous
 * draws: for variables a, b and four scenarios that agree on every other variable and form the
 * corners (a₀,b₀), (a₁,b₀), (a₀,b₁), (a₁,b₁) of a 2×2 design, the interaction is the difference
 * in differences Y(a₁b₁) − Y(a₁b₀) − Y(a₀b₁) + Y(a₀b₀), estimated per sample (the samples are paired
 * by common random numbers) with a normal-approximation Monte Carlo interval. "Not intervened" is
 * a level too (the variable keeps its model definition) and is always the baseline level; otherwise
 * the baseline level is the one that appears first in request order. When the (∅, ∅) corner is missing it is
 * simulated by the caller. A contrast is synergistic / antagonistic only when its interval excludes
 * 0 (beyond a rounding tolerance of 1e-9 of the outcomes' scale), else additive.
 * Complexity: O(P · S² + P · n) for P pairs and S scenarios. Reference: D. C. Montgomery, "Design
 * and Analysis of Experiments" (8th ed., 2013), §6.2 (the 2² factorial interaction contrast).
 */
import { compareNames } from "../graph/node-lookup.js";
import { normalCdf, normalQuantile } from "../numeric/index.js";

/** A scenario's intervention values and its outcome column. */
export interface InteractionScenario {
  readonly id: string;
  readonly intervention: ReadonlyMap<string, number>;
  readonly values: Float64Array;
}

/** A 2×2 design found among the scenarios; `baseline` may be absent (to be simulated). */
export interface InteractionDesign {
  readonly variables: readonly [string, string];
  /** Index of the (a₁, b₁), (a₁, b₀), (a₀, b₁) scenarios. */
  readonly both: number;
  readonly first: number;
  readonly second: number;
  /** Index of the (a₀, b₀) scenario, or undefined when it must be simulated with `baselineIntervention`. */
  readonly baseline: number | undefined;
  readonly baselineIntervention: ReadonlyMap<string, number>;
}

/** The estimated interaction of one design. */
export interface InteractionEstimate {
  readonly mean: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly type: "synergistic" | "antagonistic" | "additive";
  readonly significance: number;
}

/**
 * Finds the 2×2 designs among scenarios (one per variable pair and level combination).
 *
 * @param scenarios - Scenario interventions, in request order.
 */
export function findInteractionDesigns(scenarios: readonly ReadonlyMap<string, number>[]): InteractionDesign[] {
  const variables = [...new Set(scenarios.flatMap((s) => [...s.keys()]))].sort(compareNames);
  const level = (s: ReadonlyMap<string, number>, v: string): string => (s.has(v) ? String(s.get(v)) : "∅");
  const designs: InteractionDesign[] = [];
  const seen = new Set<string>();
  for (let x = 0; x < variables.length; x++) {
    for (let y = x + 1; y < variables.length; y++) {
      const a = variables[x]!;
      const b = variables[y]!;
      const others = variables.filter((v) => v !== a && v !== b);
      const groups = new Map<string, number[]>();
      scenarios.forEach((s, i) => {
        const key = others.map((v) => level(s, v)).join("|");
        groups.set(key, [...(groups.get(key) ?? []), i]);
      });
      for (const members of groups.values()) {
        const cell = new Map<string, number>();
        for (const i of members) {
          const key = `${level(scenarios[i]!, a)}|${level(scenarios[i]!, b)}`;
          if (!cell.has(key)) cell.set(key, i);
        }
        const levelsOf = (v: string): string[] => orderLevels(members.map((i) => level(scenarios[i]!, v)));
        const levelsA = levelsOf(a);
        const levelsB = levelsOf(b);
        for (const a1 of levelsA.slice(1)) {
          for (const b1 of levelsB.slice(1)) {
            const a0 = levelsA[0]!;
            const b0 = levelsB[0]!;
            const both = cell.get(`${a1}|${b1}`);
            const first = cell.get(`${a1}|${b0}`);
            const second = cell.get(`${a0}|${b1}`);
            if (both === undefined || first === undefined || second === undefined) continue;
            const id = `${a}|${b}|${both}|${first}|${second}`;
            if (seen.has(id)) continue;
            seen.add(id);
            const baselineIntervention = new Map([...scenarios[both]!].filter(([v]) => v !== a && v !== b));
            if (a0 !== "∅") baselineIntervention.set(a, Number(a0));
            if (b0 !== "∅") baselineIntervention.set(b, Number(b0));
            designs.push({ variables: [a, b], both, first, second, baseline: cell.get(`${a0}|${b0}`), baselineIntervention });
          }
        }
      }
    }
  }
  return designs;
}

/** Distinct levels: "∅" first when present, then in order of first appearance. */
function orderLevels(levels: string[]): string[] {
  const distinct = [...new Set(levels)];
  return distinct.includes("∅") ? ["∅", ...distinct.filter((l) => l !== "∅")] : distinct;
}

/**
 * Estimates the interaction contrast from paired outcome columns.
 *
 * @param both - Y(a₁b₁) per sample.
 * @param first - Y(a₁b₀).
 * @param second - Y(a₀b₁).
 * @param baseline - Y(a₀b₀).
 * @param level - Central coverage of the interval (default 0.95).
 */
export function estimateInteraction(both: Float64Array, first: Float64Array, second: Float64Array, baseline: Float64Array, level = 0.95): InteractionEstimate {
  const n = both.length;
  let sum = 0;
  let scale = 0;
  for (let j = 0; j < n; j++) {
    sum += both[j]! - first[j]! - second[j]! + baseline[j]!;
    scale += Math.abs(both[j]!) + Math.abs(first[j]!) + Math.abs(second[j]!) + Math.abs(baseline[j]!);
  }
  const mean = sum / n;
  let squares = 0;
  for (let j = 0; j < n; j++) {
    const d = both[j]! - first[j]! - second[j]! + baseline[j]! - mean;
    squares += d * d;
  }
  const standardError = Math.sqrt(squares / n / n);
  const z = normalQuantile((1 + level) / 2);
  const lower = mean - z * standardError;
  const upper = mean + z * standardError;
  const tolerance = (1e-9 * scale) / n;
  const type = lower > tolerance ? "synergistic" : upper < -tolerance ? "antagonistic" : "additive";
  const significance = Math.abs(mean) <= tolerance ? 0 : standardError === 0 ? 1 : 1 - 2 * (1 - normalCdf(Math.abs(mean) / standardError));
  return { mean, standardError, lower, upper, type, significance: Math.min(1, Math.max(0, significance)) };
}
