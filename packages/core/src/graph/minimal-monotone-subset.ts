/**
 * An inclusion-minimal subset with a monotone property, by divide and conquer (QuickXplain): given
 * candidates C with P(C) true and P monotone (P(A) and A ⊆ B imply P(B)), returns D ⊆ C with P(D)
 * true and P(D \ {d}) false for every d ∈ D. Splits the candidates in halves and keeps a half only
 * when the rest cannot do without it.
 * Complexity: O(k·log(n / k) + k) evaluations of P for a result of size k out of n candidates,
 * against n for the one-at-a-time deletion pass.
 * Reference: U. Junker, "QUICKXPLAIN: preferred explanations and relaxations for over-constrained
 * problems", AAAI 2004, 167–172.
 */

/**
 * A minimal subset of `candidates` satisfying a monotone predicate that holds for all of them.
 *
 * @param candidates - The candidates, in the order of preference (earlier ones are tried as
 *   background first, so later ones are dropped first when either would do).
 * @param holds - The monotone predicate, evaluated on a list of members.
 * @returns The minimal subset, in the order of `candidates`.
 */
export function minimalMonotoneSubset(candidates: readonly number[], holds: (members: readonly number[]) => boolean): number[] {
  const explain = (background: readonly number[], changed: boolean, rest: readonly number[]): number[] => {
    if (changed && holds(background)) return [];
    if (rest.length === 1) return [...rest];
    const half = rest.length >> 1;
    const first = rest.slice(0, half);
    const second = rest.slice(half);
    const fromSecond = explain([...background, ...first], first.length > 0, second);
    const fromFirst = explain([...background, ...fromSecond], fromSecond.length > 0, first);
    return [...fromFirst, ...fromSecond];
  };
  if (candidates.length === 0 || holds([])) return [];
  const order = new Map(candidates.map((v, i) => [v, i]));
  return explain([], false, candidates).sort((a, b) => order.get(a)! - order.get(b)!);
}
