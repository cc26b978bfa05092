/**
 * Every identification strategy for the total effect of one treatment on one outcome, evaluated on
 * one graph, for the operations that report them (`causal/validate`, `causal/validate/strategies`,
 * `analysis/identifiability`): covariate adjustment (generalised adjustment criterion: minimal,
 * minimum and canonical sets), front-door (minimal sets), conditional instruments (linear models),
 * and the complete ID algorithm on the latent projection (estimand, or the hedge that proves
 * non-identifiability). The method chosen is the first that applies in the order backdoor,
 * front-door, do-calculus (ID), instrumental variables: nonparametric identification before the
 * linear-only one.
 * Complexity: O(N + M) per criterion check; polynomial delay per listed set; ID is polynomial.
 * References: see graph/adjustment-criterion.ts, graph/front-door.ts, graph/instruments.ts and
 * identify/id-algorithm.ts.
 */
import { isIslError } from "../errors.js";
import {
  canonicalAdjustmentSet,
  conditionalInstruments,
  hasCausalPath,
  latentProjection,
  minimalAdjustmentSets,
  minimalFrontDoorSets,
  minimumAdjustmentSet,
  type Dag,
  type InstrumentList,
} from "../graph/index.js";
import { identifyEffect } from "../identify/index.js";

/** How an effect is identified. */
export type IdentificationMethod = "backdoor" | "front_door" | "do_calculus" | "instrumental_variables";

/** The covariate-adjustment result when some adjustment set exists. */
export interface AdjustmentResult {
  /** Minimal adjustment sets, capped. */
  readonly sets: string[][];
  readonly truncated: boolean;
  /** A smallest set (lexicographically first among the smallest). */
  readonly minimum: string[];
  /** The canonical set. */
  readonly canonical: string[];
}

/** The outcome of the complete ID algorithm. */
export type DoCalculusResult =
  | {
      readonly status: "identifiable";
      /**
       * `P(y | do(x)) = …`, or null when only the verdict was asked for (another method's formula
       * applies) or when the estimand outgrew its size cap (`tooLarge`).
       */
      readonly formula: string | null;
      readonly latex: string | null;
      readonly tooLarge: boolean;
    }
  | { readonly status: "not_identifiable"; readonly hedge: { readonly f: string[]; readonly fPrime: string[] } };

/** Every strategy, evaluated. */
export interface EffectIdentification {
  readonly treatment: string;
  readonly outcome: string;
  readonly hasCausalPath: boolean;
  /** Adjustment, or null when no adjustment set exists. */
  readonly adjustment: AdjustmentResult | null;
  /** Minimal front-door sets (empty when there is none). */
  readonly frontDoor: { readonly sets: string[][]; readonly truncated: boolean };
  /** Conditional instruments. */
  readonly instruments: InstrumentList;
  readonly doCalculus: DoCalculusResult;
  /** The first method that applies, or null. */
  readonly method: IdentificationMethod | null;
}

/** Options of {@link identifyByEveryStrategy}. */
export interface IdentificationOptions {
  /** Cap on every listed family (adjustment sets, front-door sets, instruments). */
  readonly maxResults: number;
  /** A smaller cap for instruments (default `maxResults`). */
  readonly maxInstruments?: number;
  /** Abort signal for the ID run. */
  readonly signal?: AbortSignal;
}

/** The smallest set of a list: fewest members, then lexicographic (the list is sorted). */
export function smallestSet(sets: readonly string[][]): string[] | undefined {
  let best: string[] | undefined;
  for (const s of sets) if (best === undefined || s.length < best.length) best = s;
  return best;
}

/** Runs ID on the latent projection; non-identifiability comes with the hedge. */
function doCalculus(dag: Dag, x: string, y: string, signal: AbortSignal | undefined, decideOnly: boolean): DoCalculusResult {
  const admg = latentProjection(dag);
  const run = (verdictOnly: boolean): DoCalculusResult => {
    const result = identifyEffect(admg, { treatment: x, outcome: y }, { decideOnly: verdictOnly, ...(signal === undefined ? {} : { signal }) });
    if (!result.identifiable) return { status: "not_identifiable", hedge: { f: [...result.hedge!.f], fPrime: [...result.hedge!.fPrime] } };
    if (verdictOnly) return { status: "identifiable", formula: null, latex: null, tooLarge: !decideOnly };
    return { status: "identifiable", formula: `${result.queryText} = ${result.text!}`, latex: result.latex!, tooLarge: false };
  };
  try {
    return run(decideOnly);
  } catch (error) {
    // NOTE: an estimand that outgrows its size cap still has a verdict, found without building it.
    if (isIslError(error) && error.code === "ISL_COMPUTATION_ERROR") return run(true);
    throw error;
  }
}

/**
 * Evaluates adjustment, front-door, instruments and ID for the effect of `x` on `y`.
 *
 * @param dag - The graph (x and y observed, different).
 * @param x - Treatment.
 * @param y - Outcome.
 * @param options - Cap and abort signal.
 * @returns Every strategy's result and the method chosen.
 */
export function identifyByEveryStrategy(dag: Dag, x: string, y: string, options: IdentificationOptions): EffectIdentification {
  const causal = hasCausalPath(dag, x, y);
  const canonical = canonicalAdjustmentSet(dag, x, y);
  let adjustment: AdjustmentResult | null = null;
  if (canonical !== null) {
    const listed = minimalAdjustmentSets(dag, x, y, { maxResults: options.maxResults });
    adjustment = { sets: listed.sets, truncated: listed.truncated, minimum: minimumAdjustmentSet(dag, x, y) ?? canonical, canonical };
  }
  const frontDoor = minimalFrontDoorSets(dag, x, y, { maxResults: options.maxResults });
  const instruments = conditionalInstruments(dag, x, y, { maxResults: options.maxInstruments ?? options.maxResults });
  // NOTE: when adjustment or a front-door set works, ID only confirms the verdict (its estimand is the
  // same functional), so it runs without building the formula.
  const id = doCalculus(dag, x, y, options.signal, adjustment !== null || (causal && frontDoor.sets.length > 0));
  let method: IdentificationMethod | null = null;
  if (adjustment !== null) method = "backdoor";
  else if (frontDoor.sets.length > 0) method = "front_door";
  else if (id.status === "identifiable") method = "do_calculus";
  else if (instruments.instruments.length > 0) method = "instrumental_variables";
  return { treatment: x, outcome: y, hasCausalPath: causal, adjustment, frontDoor, instruments, doCalculus: id, method };
}

/** The linear-model estimand of an instrument, e.g. `β(X → Y) = Cov(Y, Z | W) / Cov(X, Z | W)`. */
export function instrumentEstimand(x: string, y: string, instrument: string, conditioningSet: readonly string[]): string {
  const given = conditioningSet.length === 0 ? "" : ` | ${conditioningSet.join(", ")}`;
  return `β(${x} → ${y}) = Cov(${y}, ${instrument}${given}) / Cov(${x}, ${instrument}${given})`;
}
