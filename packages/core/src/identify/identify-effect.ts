/**
 * Identification of P(outcome | do(treatment), given) on an ADMG by name: validates the query, runs
 * ID (or IDC when there is a conditioning set), and returns the estimand (simplified, bound variables
 * renamed for reading, rendered as text and LaTeX) or the hedge that proves non-identifiability.
 * Complexity: that of ID / IDC (polynomial), plus O(size) to render.
 * Reference: I. Shpitser, J. Pearl, AAAI 2006 (ID) and UAI 2006 (IDC).
 */
import { IslError } from "../errors.js";
import type { Admg } from "../graph/admg.js";
import { listNamesForMessage } from "../graph/node-lookup.js";
import type { Estimand } from "./estimand.js";
import { IdRun, type IdOptions, type IdStep } from "./id-algorithm.js";
import { idcWithRun } from "./idc-algorithm.js";
import { renameBoundVariables } from "./rename-bound-variables.js";
import { estimandLatex, estimandText, queryLatex, queryText } from "./render-estimand.js";

/** A causal query: P(outcome | do(treatment), given). A single name is a set of one. */
export interface EffectQuery {
  /** Intervened nodes (may be empty: then the query is observational). */
  readonly treatment: string | readonly string[];
  /** Outcome nodes (at least one). */
  readonly outcome: string | readonly string[];
  /** Conditioning nodes (optional). */
  readonly given?: string | readonly string[];
}

/** The hedge: two node sets that witness non-identifiability (Shpitser & Pearl, Definition 5). */
export interface Hedge {
  /** F: the nodes of the larger C-forest; it meets the treatment. */
  readonly f: readonly string[];
  /** F′ ⊂ F: the nodes of the smaller C-forest; it avoids the treatment. */
  readonly fPrime: readonly string[];
}

/** The answer to an {@link EffectQuery}. */
export interface Identification {
  /** Whether the query is identifiable from the observational distribution of the ADMG's nodes. */
  readonly identifiable: boolean;
  /** The query's nodes, each list sorted by name. */
  readonly treatment: readonly string[];
  readonly outcome: readonly string[];
  readonly given: readonly string[];
  /** The query as text and LaTeX, e.g. `P(Y | do(X))`. */
  readonly queryText: string;
  readonly queryLatex: string;
  /** The estimand (when identifiable): simplified; bound variables primed where they would shadow a free or query variable. */
  readonly estimand?: Estimand;
  /** The estimand as text, e.g. `Σ_{Z} P(Y | X, Z) P(Z)`. */
  readonly text?: string;
  /** The estimand as LaTeX, e.g. `\sum_{Z} P(Y \mid X, Z) P(Z)`. */
  readonly latex?: string;
  /** The hedge (when not identifiable). */
  readonly hedge?: Hedge;
  /** Conditioning nodes that IDC moved into the intervention (rule 2 of the do-calculus), in order. */
  readonly movedToTreatment: readonly string[];
  /** The lines of ID / IDC that fired, in order (at most `maxSteps`). */
  readonly steps: readonly IdStep[];
  /** Whether more steps happened than were recorded. */
  readonly stepsTruncated: boolean;
}

function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

function resolve(admg: Admg, names: readonly string[], role: string, field: string): number[] {
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
    throw new IslError("ISL_INVALID_INPUT", `${role} must be a node name or a list of node names.`, {
      details: { field },
      recovery: { hints: ['Pass a string such as "X" or an array such as ["X", "Z"].'], suggestion: `Give the ${role.toLowerCase()} as node names.` },
    });
  }
  const out = new Set<number>();
  for (const name of names) {
    const v = admg.indexOf.get(name);
    if (v === undefined) {
      throw new IslError("ISL_NODE_NOT_FOUND", `${role} node '${name}' not found in graph. Available nodes: ${listNamesForMessage(admg.names)}`, {
        details: { field, role, node: name, availableNodes: admg.names.slice(0, 200) },
        recovery: { hints: [`Check the spelling and case of '${name}'.`, "Use one of the available nodes, or add the node to the graph."], suggestion: `Use a node that exists in the graph in '${field}'.` },
      });
    }
    out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

function requireDisjoint(admg: Admg, sets: readonly (readonly [string, readonly number[]])[]): void {
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const [first, a] = sets[i]!;
      const [second, b] = sets[j]!;
      const shared = a.filter((v) => b.includes(v)).map((v) => admg.names[v]!);
      if (shared.length > 0) {
        throw new IslError("ISL_INVALID_INPUT", `Node(s) ${shared.join(", ")} appear in both '${first}' and '${second}'; the two sets must not overlap.`, {
          details: { fields: [first, second], nodes: shared },
          recovery: { hints: [`Remove ${shared.join(", ")} from '${first}' or from '${second}'.`], suggestion: `Give disjoint '${first}' and '${second}' sets.` },
        });
      }
    }
  }
}

/**
 * Identifies P(outcome | do(treatment), given) on an ADMG whose nodes are all observed (use latent
 * projection first for a DAG with latent nodes).
 *
 * @param admg - The graph.
 * @param query - Treatment, outcome and optional conditioning nodes, by name.
 * @param options - Simplification, step cap, estimand size cap, abort signal; `decideOnly` skips the estimand.
 * @returns The verdict with the estimand (unless `decideOnly`) or the hedge, and the steps taken.
 * @throws IslError ISL_NODE_NOT_FOUND for an unknown name; ISL_INVALID_INPUT for an empty outcome or
 *   overlapping sets; ISL_COMPUTATION_ERROR when the estimand outgrows its cap; ISL_TIMEOUT when aborted.
 */
export function identifyEffect(admg: Admg, query: EffectQuery, options: IdOptions = {}): Identification {
  const y = resolve(admg, asList(query.outcome), "Outcome", "outcome");
  const x = resolve(admg, asList(query.treatment), "Treatment", "treatment");
  const z = resolve(admg, asList(query.given), "Conditioning", "given");
  if (y.length === 0) {
    throw new IslError("ISL_INVALID_INPUT", "The outcome set is empty; name at least one outcome node.", {
      details: { field: "outcome" },
      recovery: { hints: ['Pass the outcome as "Y" or ["Y1", "Y2"].'], suggestion: "Name at least one outcome node." },
    });
  }
  requireDisjoint(admg, [
    ["treatment", x],
    ["outcome", y],
    ["given", z],
  ]);
  // NOTE: the verdict and the hedge do not depend on the estimand, so decide first and build the
  // estimand only for identifiable queries (building it for a query that then fails is wasted work).
  let run = new IdRun(admg, { ...options, decideOnly: true });
  let result = idcWithRun(run, y, x, z);
  if (result.outcome.identifiable && options.decideOnly !== true) {
    run = new IdRun(admg, options);
    result = idcWithRun(run, y, x, z);
  }
  const names = (vs: readonly number[]): string[] => run.names(vs);
  const base = {
    treatment: names(x),
    outcome: names(y),
    given: names(z),
    queryText: queryText(names(x), names(y), names(z)),
    queryLatex: queryLatex(names(x), names(y), names(z)),
    movedToTreatment: names(result.moved),
    steps: run.steps,
    stepsTruncated: run.stepsTruncated,
  };
  if (!result.outcome.identifiable) {
    return { ...base, identifiable: false, hedge: { f: names(result.outcome.hedge.f), fPrime: names(result.outcome.hedge.fPrime) } };
  }
  if (options.decideOnly === true) return { ...base, identifiable: true };
  const estimand = renameBoundVariables(result.outcome.estimand, [...base.treatment, ...base.outcome, ...base.given]);
  return { ...base, identifiable: true, estimand, text: estimandText(estimand), latex: estimandLatex(estimand) };
}
