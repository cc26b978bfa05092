/**
 * "Did you mean …?" for misspelt names: the candidate nearest to a name by Levenshtein distance
 * (insertions, deletions, substitutions), if within a small bound. Ties go to the name first in
 * code-unit order, so the suggestion is deterministic.
 * Complexity: O(k · m · n) for k candidates of length ≤ n and a name of length m (bounded by the
 * 100-character name limit). Reference: V. I. Levenshtein, "Binary codes capable of correcting
 * deletions, insertions and reversals", Soviet Physics Doklady 10(8) (1966) 707–710.
 */

/**
 * Levenshtein distance between two strings (two-row dynamic programme).
 *
 * @param a - First string.
 * @param b - Second string.
 */
export function editDistance(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name`, when its distance is at most `maxDistance` (default: 2, or 1
 * for names of up to 4 characters) and it differs from `name`; case-insensitive matches win.
 *
 * @param name - The unknown name.
 * @param candidates - Known names.
 * @returns The suggestion, or undefined when nothing is close.
 */
export function closestName(name: string, candidates: Iterable<string>, maxDistance = name.length <= 4 ? 1 : 2): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > maxDistance) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}
