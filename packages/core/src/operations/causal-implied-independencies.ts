/**
 * `causal/implied-independencies`: the conditional independencies among observed variables that a
 * causal graph implies — every minimal separating set of every pair (kind "minimal"), or the local
 * Markov basis v ⫫ w | Pa(v) (kind "basis"; sound but possibly incomplete with latent nodes).
 * Algorithms: minimal separators of the moral graph of An({a, b}) inside the observed nodes by
 * Takata's enumeration (van der Zander, Liśkiewicz & Textor, AIJ 2019); the local Markov property
 * (Lauritzen et al. 1990). Complexity: see graph/implied-independencies.ts and
 * graph/local-markov-basis.ts; bounded by `max_results` and a step budget.
 */
import type { CausalImpliedIndependenciesResponse, RequestOf } from "@olumi/contracts";
import { createDag, latentNames } from "../graph/dag.js";
import { minimalImpliedIndependencies, type ImpliedIndependenceList } from "../graph/implied-independencies.js";
import { localMarkovBasis } from "../graph/local-markov-basis.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/implied-independencies">;
type Response = Omit<CausalImpliedIndependenciesResponse, "_metadata">;

/** Search budget: pairs examined plus statements listed. */
const MAX_STEPS = 1_000_000;

const TECHNICAL_BASIS_MINIMAL =
  "d-separation: for each pair of observed nodes, the minimal separators among observed nodes of the moral graph of their ancestral set " +
  "(Lauritzen et al. 1990), listed with polynomial delay (Takata 2010; van der Zander, Liśkiewicz & Textor 2019).";
const TECHNICAL_BASIS_BASIS =
  "The local (directed) Markov property: each node is independent of its non-descendants given its parents (Lauritzen et al. 1990); " +
  "these statements imply every d-separation under the semi-graphoid axioms (Verma & Pearl 1988).";

/** The `causal/implied-independencies` handler. */
export function causalImpliedIndependenciesHandler(request: Request, ctx: HandlerContext): Response {
  const dag = createDag(request.dag);
  const options = { maxResults: request.max_results, maxSteps: MAX_STEPS, shouldStop: () => ctx.signal.aborted };
  const latent = latentNames(dag);
  const hasLatent = dag.latent.some((b) => b !== 0);
  const result: ImpliedIndependenceList = request.kind === "minimal" ? minimalImpliedIndependencies(dag, options) : localMarkovBasis(dag, options);
  const count = `${result.independencies.length}${result.truncated ? "+" : ""}`;
  const none = result.independencies.length === 0;
  let summary: string;
  let reasoning: string;
  if (request.kind === "minimal") {
    summary = none
      ? "The graph implies no conditional independence among observed variables: it cannot be tested this way."
      : `The graph implies ${count} minimal conditional independence(s) among observed variables.`;
    reasoning =
      "Each statement x ⫫ y | given holds in every distribution that the graph can generate: given blocks every path between x and y, and no smaller subset does. " +
      "Adjacent pairs are never independent; pairs joined only through unobserved variables have no observed separator. Test the statements on data: a clear violation refutes the graph.";
  } else {
    summary = none ? "The local Markov basis is empty: the graph implies no testable independence of this form." : `The local Markov basis has ${count} statement(s).`;
    reasoning = hasLatent
      ? "With unobserved variables, a node whose parents are all observed gets the statements v ⫫ w | parents(v) for each observed non-descendant non-parent w; a node with an unobserved parent gets, for each such w that some observed set separates from it, the minimal observed separator closest to it. " +
        "Every statement holds, but with latent variables the list may not imply every independence: use kind \"minimal\" for all of them."
      : "For each node v and each non-descendant w that is not a parent: v ⫫ w | parents(v). The statements of one v also hold jointly (v ⫫ all its w | parents(v)), and together they imply every independence of the graph.";
  }
  return {
    kind: request.kind,
    independencies: result.independencies,
    count: result.independencies.length,
    truncated: result.truncated,
    ...(request.kind === "basis" ? { complete_basis: !hasLatent && !result.truncated } : {}),
    latent_nodes: latent,
    explanation: {
      summary,
      reasoning,
      technical_basis: request.kind === "minimal" ? TECHNICAL_BASIS_MINIMAL : TECHNICAL_BASIS_BASIS,
      assumptions: ["The graph is correct: every common cause of two modelled variables is a node (observed or latent) or a bidirected edge.", "Faithfulness is not assumed: the statements are implied, not the only independencies."],
    },
  };
}
