/**
 * Contrastive explanation as a search for the minimal intervention: the smallest change to at most
 * `maxChanges` levers, each kept within its bounds, that moves the expected outcome into the target
 * range. The outcome function g(x) is evaluated with common random numbers, so it is a fixed
 * function of x during the search (exact for deterministic models).
 * - Line search (one lever, the others fixed): g is sampled on a grid of the bounded interval
 *   (monotonicity is read from the grid); from the start outwards in each direction the first
 *   change of side relative to the target brackets the boundary (if g jumps over the target between
 *   two points, bisection on the side finds a point inside), and bisection finds the boundary to
 *   1e-10 of the bracket. Where g is not monotone the bracket is first subdivided, and local minima
 *   of the distance to the target are refined by golden-section search, so a narrow excursion into
 *   the target between grid points is still found.
 * - Several levers: subsets in order of size (then by name); for each choice of one lever, a grid
 *   over the others and a line search along it; the best point (and its copies with one lever
 *   pushed to its bound) is refined by pulling each coordinate back towards its current value by
 *   bisection while the outcome stays in target (every coordinate order for up to three levers).
 * Change magnitude (the default objective) = Σ |Δᵢ| / sᵢ with sᵢ = |currentᵢ| when non-zero, else
 * the width of the lever's bounds: the L1 norm of relative changes. "number_of_changes" ranks by the
 * count first, then by magnitude. The closest achievable outcome is tracked over every evaluation
 * and reported when nothing reaches the target.
 * Complexity: O(budget) outcome evaluations, each one simulation. Reference: S. Wachter, B.
 * Mittelstadt, C. Russell, "Counterfactual explanations without opening the black box", Harvard
 * J. Law & Tech. 31 (2018) (minimal-change counterfactuals); bisection: R. P. Brent, "Algorithms for
 * Minimization without Derivatives" (1973), ch. 4.
 */
import { compareNames } from "../graph/node-lookup.js";

/** A variable the search may change. */
export interface Lever {
  readonly variable: string;
  /** Its current value (the change is measured from here). */
  readonly current: number;
  /** Smallest allowed value. */
  readonly lower: number;
  /** Largest allowed value. */
  readonly upper: number;
}

/** What the search minimises. */
export type ContrastiveObjective = "change_magnitude" | "number_of_changes";

/** Options of {@link searchMinimalInterventions}. */
export interface ContrastiveSearchOptions {
  /** Expected outcome under do(changes); must be a deterministic function (common random numbers). */
  readonly outcomeOf: (changes: ReadonlyMap<string, number>) => number;
  /** The levers (feasible and not fixed). */
  readonly levers: readonly Lever[];
  /** Target range of the outcome, inclusive. */
  readonly target: { readonly lower: number; readonly upper: number };
  /** Most levers changed together (1 … 5). */
  readonly maxChanges: number;
  /** Objective; default change magnitude. */
  readonly minimize?: ContrastiveObjective | undefined;
  /** Most outcome evaluations (the step budget); default 4000. */
  readonly maxEvaluations?: number | undefined;
  /** Most interventions returned; default 5. */
  readonly maxResults?: number | undefined;
  /** Points per lever of the single-lever grid; default 33. */
  readonly gridPoints?: number | undefined;
  /** Checked between evaluations. */
  readonly signal?: AbortSignal | undefined;
}

/** One change of a lever. */
export interface LeverChange {
  readonly variable: string;
  readonly from: number;
  readonly to: number;
}

/** A candidate intervention and its expected outcome. */
export interface ContrastiveCandidate {
  /** Changes, sorted by variable name. */
  readonly changes: readonly LeverChange[];
  /** Expected outcome under the changes. */
  readonly outcome: number;
  /** Change magnitude Σ|Δᵢ|/sᵢ. */
  readonly magnitude: number;
  /** Distance of the outcome from the target range (0 when inside). */
  readonly distance: number;
}

/** Result of {@link searchMinimalInterventions}. */
export interface ContrastiveSearchResult {
  /** `already_in_target` when no change is needed, `found`, or `unreachable`. */
  readonly status: "already_in_target" | "found" | "unreachable";
  /** Expected outcome with no change. */
  readonly baseline: number;
  /** Interventions reaching the target, best first (at most maxResults). */
  readonly interventions: readonly ContrastiveCandidate[];
  /** The evaluated intervention whose outcome came closest to the target (smallest magnitude among ties). */
  readonly closest: ContrastiveCandidate;
  /** Whether each lever's outcome was monotone on its grid (single-lever scan). */
  readonly monotone: ReadonlyMap<string, boolean>;
  /** Outcome evaluations used. */
  readonly evaluations: number;
  /** True when the budget ran out before every subset was searched. */
  readonly truncated: boolean;
}

const RELATIVE_TOLERANCE = 1e-10;
const MAX_BISECTIONS = 80;

class BudgetExhausted extends Error {}

/**
 * Searches for the minimal interventions that bring the outcome into the target range.
 *
 * @param options - Outcome function, levers, target, limits.
 * @returns Status, the best interventions, the closest achievable outcome, and search statistics.
 */
export function searchMinimalInterventions(options: ContrastiveSearchOptions): ContrastiveSearchResult {
  const { target } = options;
  const budget = options.maxEvaluations ?? 4000;
  const maxResults = options.maxResults ?? 5;
  const gridPoints = Math.max(3, options.gridPoints ?? 33);
  const levers = [...options.levers].sort((a, b) => compareNames(a.variable, b.variable));
  const scale = new Map(levers.map((l) => [l.variable, l.current !== 0 ? Math.abs(l.current) : l.upper - l.lower > 0 ? l.upper - l.lower : 1]));
  const byName = new Map(levers.map((l) => [l.variable, l]));
  const distanceOf = (y: number): number => (y < target.lower ? target.lower - y : y > target.upper ? y - target.upper : 0);
  const inTarget = (y: number): boolean => y >= target.lower && y <= target.upper;
  const sideOf = (y: number): number => (y < target.lower ? -1 : y > target.upper ? 1 : 0);
  let evaluations = 0;

  const candidateOf = (point: ReadonlyMap<string, number>, outcome: number): ContrastiveCandidate => {
    const changes = [...point].filter(([v, x]) => x !== byName.get(v)!.current).map(([variable, to]) => ({ variable, from: byName.get(variable)!.current, to }));
    changes.sort((a, b) => compareNames(a.variable, b.variable));
    const magnitude = changes.reduce((s, c) => s + Math.abs(c.to - c.from) / scale.get(c.variable)!, 0);
    return { changes, outcome, magnitude, distance: distanceOf(outcome) };
  };

  const baselineOutcome = options.outcomeOf(new Map());
  evaluations += 1;
  let closest = candidateOf(new Map(), baselineOutcome);
  const evaluate = (point: ReadonlyMap<string, number>): number => {
    if (evaluations >= budget) throw new BudgetExhausted();
    if (options.signal?.aborted) throw new BudgetExhausted();
    evaluations += 1;
    const y = options.outcomeOf(point);
    const candidate = candidateOf(point, y);
    if (candidate.distance < closest.distance || (candidate.distance === closest.distance && candidate.magnitude < closest.magnitude)) closest = candidate;
    return y;
  };

  const monotone = new Map<string, boolean>();
  if (inTarget(baselineOutcome)) {
    return { status: "already_in_target", baseline: baselineOutcome, interventions: [], closest, monotone, evaluations, truncated: false };
  }

  const found: ContrastiveCandidate[] = [];
  let truncated = false;
  const record = (point: ReadonlyMap<string, number>, outcome: number, size: number): void => {
    const candidate = candidateOf(point, outcome);
    if (candidate.changes.length === size) found.push(candidate);
  };

  /** Moves coordinate `variable` of `point` (in target) as close to its start as possible, staying in target. */
  const pull = (point: Map<string, number>, variable: string, start: number): number | undefined => {
    const away = point.get(variable)!;
    const trial = new Map(point);
    trial.set(variable, start);
    const yStart = evaluate(trial);
    if (inTarget(yStart)) {
      point.set(variable, start);
      return yStart;
    }
    const boundary = bisectBoundary(start, away, (x) => {
      trial.set(variable, x);
      return inTarget(evaluate(trial));
    });
    point.set(variable, boundary);
    return undefined;
  };

  const bisectBoundary = (outside: number, inside: number, isIn: (x: number) => boolean): number => {
    let out = outside;
    let inn = inside;
    const tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(inside - outside), Number.MIN_VALUE);
    for (let i = 0; i < MAX_BISECTIONS && Math.abs(inn - out) > tolerance; i++) {
      const mid = out + (inn - out) / 2;
      if (mid === out || mid === inn) break;
      if (isIn(mid)) inn = mid;
      else out = mid;
    }
    // NOTE: report the shortest decimal inside the final bracket that is still in target (52, not
    // 52.0000000000073), so exact answers read exactly; the bracket bounds the loss of optimality.
    for (const digits of [4, 6, 8, 10, 12, 14]) {
      const rounded = Number(inn.toPrecision(digits));
      if (rounded >= Math.min(out, inn) && rounded <= Math.max(out, inn) && rounded !== out && isIn(rounded)) return rounded;
    }
    return inn;
  };

  try {
    for (const lever of levers) searchSingle(lever);
    for (let size = 2; size <= Math.min(options.maxChanges, levers.length); size++) {
      for (const subset of combinations(levers, size)) searchSubset(subset);
    }
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
    truncated = true;
  }

  function searchSingle(lever: Lever): void {
    const found = lineSearch(lever, new Map(), gridPoints);
    if (found !== undefined) record(found.point, found.outcome, 1);
  }

  function clampToBounds(lever: Lever): number {
    return Math.min(Math.max(lever.current, lever.lower), lever.upper);
  }

  /**
   * Along `lever`, the other coordinates fixed at `base`: the in-target point nearest the lever's
   * start (its current value clamped to the bounds), if one is found. The grid's monotonicity is
   * recorded for single-lever searches.
   */
  function lineSearch(lever: Lever, base: ReadonlyMap<string, number>, count: number): { point: Map<string, number>; outcome: number } | undefined {
    const at = (x: number): Map<string, number> => new Map([...base, [lever.variable, x]]);
    const sideAt = (x: number): number => sideOf(evaluate(at(x)));
    const start = clampToBounds(lever);
    const xs = grid(lever.lower, lever.upper, count, start);
    const ys = xs.map((x) => evaluate(at(x)));
    const diffs = ys.slice(1).map((y, i) => y - ys[i]!);
    const isMonotone = diffs.every((d) => d >= 0) || diffs.every((d) => d <= 0);
    if (base.size === 0) monotone.set(lever.variable, isMonotone);
    const startIndex = xs.indexOf(start);
    const finish = (x: number): { point: Map<string, number>; outcome: number } => {
      const point = at(x);
      return { point, outcome: evaluate(point) };
    };
    if (sideOf(ys[startIndex]!) === 0) return start === lever.current ? undefined : finish(start);
    const isLocalMinimum = (i: number): boolean => {
      const d = distanceOf(ys[i]!);
      return (i === 0 || d <= distanceOf(ys[i - 1]!)) && (i === xs.length - 1 || d <= distanceOf(ys[i + 1]!));
    };
    let nearest: number | undefined;
    for (const step of [1, -1]) {
      for (let i = startIndex + step; i >= 0 && i < xs.length; i += step) {
        let outside = xs[i - step]!;
        let far = xs[i]!;
        const startSide = sideOf(ys[i - step]!);
        let inside: number | undefined;
        if (sideOf(ys[i]!) === startSide) {
          if (isMonotone || !isLocalMinimum(i)) continue;
          // NOTE: local refinement: a local minimum of the distance to the target may hide a narrow
          // window between grid points; golden-section search on its neighbourhood looks for it.
          inside = goldenSection(at, xs[i - step]!, xs[Math.min(Math.max(i + step, 0), xs.length - 1)]!);
          if (inside === undefined) continue;
        } else {
          if (!isMonotone) {
            // NOTE: the response may enter and leave the target between grid points: a finer grid of
            // the bracket from the start side brackets the first entry.
            const sub = grid(Math.min(outside, far), Math.max(outside, far), 9, outside).filter((x) => x !== outside && x !== far);
            if (step < 0) sub.reverse();
            for (const x of sub) {
              if (sideAt(x) !== startSide) {
                far = x;
                break;
              }
              outside = x;
            }
          }
          // NOTE: when the response jumps over the target between two points, bisect on the side
          // until a point inside the target is met (continuity puts one there).
          for (let iteration = 0; iteration < MAX_BISECTIONS && inside === undefined; iteration++) {
            const farSide = sideAt(far);
            if (farSide === 0) inside = far;
            else {
              const mid = outside + (far - outside) / 2;
              if (mid === outside || mid === far) break;
              const midSide = sideAt(mid);
              if (midSide === 0) inside = mid;
              else if (midSide === startSide) outside = mid;
              else far = mid;
            }
          }
          if (inside === undefined) break;
        }
        const x = bisectBoundary(outside, inside, (v) => sideAt(v) === 0);
        if (x !== lever.current && (nearest === undefined || Math.abs(x - start) < Math.abs(nearest - start))) nearest = x;
        break;
      }
    }
    return nearest === undefined ? undefined : finish(nearest);
  }

  /** Golden-section minimisation of the distance to the target along a line on [a, b]; the first in-target point met, if any. */
  function goldenSection(at: (x: number) => Map<string, number>, a: number, b: number): number | undefined {
    const ratio = (Math.sqrt(5) - 1) / 2;
    let lo = Math.min(a, b);
    let hi = Math.max(a, b);
    let c = hi - ratio * (hi - lo);
    let d = lo + ratio * (hi - lo);
    let yc = evaluate(at(c));
    let yd = evaluate(at(d));
    for (let iteration = 0; iteration < 48; iteration++) {
      if (inTarget(yc)) return c;
      if (inTarget(yd)) return d;
      if (distanceOf(yc) <= distanceOf(yd)) {
        hi = d;
        d = c;
        yd = yc;
        c = hi - ratio * (hi - lo);
        yc = evaluate(at(c));
      } else {
        lo = c;
        c = d;
        yc = yd;
        d = lo + ratio * (hi - lo);
        yd = evaluate(at(d));
      }
    }
    return undefined;
  }

  function searchSubset(subset: readonly Lever[]): void {
    const k = subset.length;
    // NOTE: a grid over k − 1 levers and a line search (grid, then bisection) along the remaining
    // one, for each choice of the remaining lever: thin target regions that no full grid would hit
    // are found wherever the response crosses them along a line.
    const perAxis = Math.max(3, Math.floor(Math.pow(16, 1 / (k - 1))));
    let best: { point: Map<string, number>; magnitude: number } | undefined;
    for (let free = 0; free < k; free++) {
      const others = subset.filter((_, i) => i !== free);
      const axes = others.map((l) => grid(l.lower, l.upper, perAxis, clampToBounds(l)).filter((x) => x !== l.current));
      for (const values of cartesian(axes)) {
        const point = new Map(others.map((l, i) => [l.variable, values[i]!]));
        const found = lineSearch(subset[free]!, point, 9);
        if (found === undefined) continue;
        const magnitude = candidateOf(found.point, found.outcome).magnitude;
        if (best === undefined || magnitude < best.magnitude) best = { point: found.point, magnitude };
      }
    }
    if (best === undefined) return;
    // NOTE: starting points: the best grid point and, for each lever, the same point with that lever
    // pushed to its bound (the vertices where L1-optimal changes of near-linear responses lie).
    const starts: Map<string, number>[] = [best.point];
    for (const lever of subset) {
      const pushed = new Map(best.point);
      pushed.set(lever.variable, best.point.get(lever.variable)! > lever.current ? lever.upper : lever.lower);
      if (pushed.get(lever.variable) !== best.point.get(lever.variable) && inTarget(evaluate(pushed))) starts.push(pushed);
    }
    const orders = k <= 3 ? permutations(subset.map((l) => l.variable)) : [subset.map((l) => l.variable)];
    for (const start of starts) {
      for (const order of orders) {
        const point = new Map(start);
        let reachedSmaller = false;
        for (const variable of order) {
          const lever = byName.get(variable)!;
          if (pull(point, variable, Math.min(Math.max(lever.current, lever.lower), lever.upper)) !== undefined) reachedSmaller = true;
        }
        if (reachedSmaller) continue;
        record(point, evaluate(point), k);
      }
    }
  }

  const ranked = rank(dedupe(found), options.minimize ?? "change_magnitude").slice(0, maxResults);
  return { status: ranked.length > 0 ? "found" : "unreachable", baseline: baselineOutcome, interventions: ranked, closest, monotone, evaluations, truncated };
}

/** `count` evenly spaced points on [lower, upper] plus `extra` (if inside), sorted ascending, distinct. */
function grid(lower: number, upper: number, count: number, extra: number): number[] {
  const points = new Set<number>([extra]);
  for (let i = 0; i < count; i++) points.add(count === 1 ? lower : i === count - 1 ? upper : lower + ((upper - lower) * i) / (count - 1));
  return [...points].filter((x) => x >= lower && x <= upper).sort((a, b) => a - b);
}

function* combinations<T>(items: readonly T[], size: number, from = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === size) {
    yield [...prefix];
    return;
  }
  for (let i = from; i <= items.length - (size - prefix.length); i++) {
    prefix.push(items[i]!);
    yield* combinations(items, size, i + 1, prefix);
    prefix.pop();
  }
}

function* cartesian(axes: readonly number[][], index = 0, prefix: number[] = []): Generator<number[]> {
  if (index === axes.length) {
    yield [...prefix];
    return;
  }
  for (const x of axes[index]!) {
    prefix.push(x);
    yield* cartesian(axes, index + 1, prefix);
    prefix.pop();
  }
}

function permutations(items: readonly string[]): string[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function keyOf(candidate: ContrastiveCandidate): string {
  return candidate.changes.map((c) => `${c.variable}=${c.to}`).join(",");
}

function dedupe(candidates: readonly ContrastiveCandidate[]): ContrastiveCandidate[] {
  const seen = new Map<string, ContrastiveCandidate>();
  for (const c of candidates) if (!seen.has(keyOf(c))) seen.set(keyOf(c), c);
  return [...seen.values()];
}

function rank(candidates: ContrastiveCandidate[], objective: ContrastiveObjective): ContrastiveCandidate[] {
  return candidates.sort((a, b) => {
    if (objective === "number_of_changes" && a.changes.length !== b.changes.length) return a.changes.length - b.changes.length;
    if (a.magnitude !== b.magnitude) return a.magnitude - b.magnitude;
    return keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
  });
}
