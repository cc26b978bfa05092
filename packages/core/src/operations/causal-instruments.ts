/**
 * `causal/instruments`: every conditional instrumental variable for the total effect of an exposure
 * on an outcome, each with a conditioning set and its linear-model estimand
 * (graph/instruments.ts: van der Zander, Textor & Liśkiewicz, IJCAI 2015; Henckel, Buttenschön &
 * Maathuis, arXiv:2208.03697). Complexity: that of `conditionalInstruments`.
 */
import type { InstrumentsResponse, RequestOf } from "@olumi/contracts";
import { conditionalInstruments } from "../graph/index.js";
import type { HandlerContext } from "./context.js";
import { instrumentEstimand } from "./effect-identification.js";
import { buildEffectGraph, latentNodesOf, requireEffectQuery } from "./effect-query-input.js";

type Response = Omit<InstrumentsResponse, "_metadata">;

const ASSUMPTIONS = [
  "The DAG is correct, including its latent nodes and bidirected edges.",
  "Linearity: every variable is a linear function of its causes plus noise (constant effects); otherwise an instrument does not identify the average effect.",
  "Relevance holds in the data, not only in the graph: a weak association between instrument and exposure gives unreliable estimates.",
];

/** The `causal/instruments` handler. */
export function causalInstrumentsHandler(request: RequestOf<"causal/instruments">, _ctx: HandlerContext): Response {
  const latent = latentNodesOf(request.dag, null);
  const dag = buildEffectGraph(request.dag, latent);
  const x = request.exposure;
  const y = request.outcome;
  requireEffectQuery(dag, x, y, { treatment: "exposure", outcome: "outcome" });
  const list = conditionalInstruments(dag, x, y, { maxResults: request.max_results });
  const instruments = list.instruments.map((i) => ({ instrument: i.instrument, conditioning_set: i.conditioningSet, estimand: instrumentEstimand(x, y, i.instrument, i.conditioningSet) }));
  const classic = instruments.filter((i) => i.conditioning_set.length === 0).map((i) => i.instrument);
  const count = `${instruments.length}${list.truncated ? "+" : ""}`;
  const summary =
    instruments.length === 0
      ? `No observed variable is a conditional instrument for the effect of ${x} on ${y}${list.truncated ? " within the search budget" : ""}.`
      : `${count} conditional instrument(s) for the effect of ${x} on ${y}${classic.length > 0 ? `; ${classic.join(", ")} need${classic.length === 1 ? "s" : ""} no conditioning` : ""}.`;
  return {
    instruments,
    truncated: list.truncated,
    explanation: {
      summary,
      reasoning:
        `Z is a conditional instrument given W when Z and W avoid ${x}, ${y}, the mediators and their descendants, Z is d-connected to ${x} given W, ` +
        `and Z is d-separated from ${y} given W once the first edges of the causal paths from ${x} are removed. ` +
        "Each instrument is listed with one conditioning set: the empty set when it works, otherwise the separator nearest to the outcome (or, when no such ancestral set works, one found by an exact path search), thinned to fewer covariates.",
      technical_basis:
        "Conditional and ancestral instruments (van der Zander, Textor & Liśkiewicz, IJCAI 2015); the complete criterion for total effects (Henckel, Buttenschön & Maathuis, arXiv:2208.03697); linear-model estimand Cov(Y, Z | W) / Cov(X, Z | W) (two-stage least squares).",
      assumptions: ASSUMPTIONS,
    },
  };
}
