/**
 * `causal/validate/strategies`: every way to identify the effect of a treatment on an outcome, from
 * the real criteria (effect-identification.ts) — minimal back-door adjustment sets, minimal
 * front-door sets, the ID algorithm, conditional instruments — plus, when adjustment fails, each
 * unmeasured variable to measure (measurement-options.ts) and, when nothing identifies the effect,
 * a new instrument (checked by the instrument criterion on the extended graph). Ranked by
 * expected identifiability, then kind, then names. Path analysis: open back-door paths, causal
 * paths, back-door paths blocked at colliders, and the nodes on the most open back-door paths.
 * Complexity: that of effect-identification.ts and measurement-options.ts, plus bounded path listing.
 * References: see those files; J. Pearl, "Causality" (2009), §3.3 (paths).
 */
import type { RequestOf, ValidationStrategyResponse } from "@olumi/contracts";
import {
  backdoorPaths,
  blockedBackdoorPaths,
  compareNames,
  compareSets,
  conditionalInstruments,
  directedPaths,
  formatPath,
  frontDoorFormula,
  type Dag,
  type GraphPath,
  type PathList,
} from "../graph/index.js";
import type { HandlerContext } from "./context.js";
import { adjustmentFormula, setText } from "./causal-validate-text.js";
import { identifyByEveryStrategy, instrumentEstimand, type EffectIdentification } from "./effect-identification.js";
import { buildEffectGraph, latentNodesOf, requireEffectQuery, type GraphFields } from "./effect-query-input.js";
import { measurementOptions } from "./measurement-options.js";

type Request = RequestOf<"causal/validate/strategies">;
type Response = Omit<ValidationStrategyResponse, "_metadata">;
type Strategy = Response["strategies"][number];

/** Paths listed per kind in the path analysis. */
const MAX_ANALYSED_PATHS = 50;

const KIND_ORDER: Record<Strategy["strategy_type"], number> = {
  backdoor: 0,
  frontdoor: 1,
  do_calculus: 2,
  measure_variable: 3,
  add_common_cause: 4,
  instrumental: 5,
  find_instrument: 6,
};

const BASIS = {
  backdoor: "Generalised adjustment criterion (Shpitser, VanderWeele & Robins 2010; Perković et al. 2018); minimal sets by van der Zander, Liśkiewicz & Textor (2019).",
  frontdoor: "Pearl's front-door criterion (1995); sets by the construction of Jeong, Tian & Bareinboim (2022).",
  do_calculus: "The complete ID algorithm (Shpitser & Pearl 2006) on the latent projection.",
  instrumental: "Conditional instruments (van der Zander, Textor & Liśkiewicz 2015; Henckel, Buttenschön & Maathuis): identification in linear models by two-stage least squares.",
  measure: "The graph re-examined with the variable observed: adjustment criterion, front-door criterion, then the ID algorithm.",
};

function graphStrategies(id: EffectIdentification): Strategy[] {
  const x = id.treatment;
  const y = id.outcome;
  const out: Strategy[] = [];
  for (const set of id.adjustment?.sets ?? []) {
    out.push({
      strategy_type: "backdoor",
      nodes_to_add: set,
      edges_to_add: [],
      explanation: set.length === 0 ? `No back-door path from ${x} to ${y} is open: no adjustment is needed.` : `Adjust for ${setText(set)}: it blocks every back-door path and contains no mediator or descendant of one.`,
      theoretical_basis: BASIS.backdoor,
      expected_identifiability: 1,
      identification_formula: adjustmentFormula(x, y, set),
    });
  }
  if (id.hasCausalPath) {
    for (const set of id.frontDoor.sets) {
      out.push({
        strategy_type: "frontdoor",
        nodes_to_add: set,
        edges_to_add: [],
        explanation: `Use ${setText(set)} as a front-door set: it intercepts every causal path from ${x} to ${y}, has no open back-door path from ${x}, and ${x} blocks its back-door paths to ${y}.`,
        theoretical_basis: BASIS.frontdoor,
        expected_identifiability: 1,
        identification_formula: frontDoorFormula([x], [y], set),
      });
    }
  }
  if (id.adjustment === null && id.frontDoor.sets.length === 0 && id.doCalculus.status === "identifiable") {
    out.push({
      strategy_type: "do_calculus",
      nodes_to_add: [],
      edges_to_add: [],
      explanation: `Neither adjustment nor the front-door formula applies, but the do-calculus identifies the effect: ${id.doCalculus.formula ?? "its estimand is too large to write out"}.`,
      theoretical_basis: BASIS.do_calculus,
      expected_identifiability: 1,
      ...(id.doCalculus.formula !== null ? { identification_formula: id.doCalculus.formula } : {}),
    });
  }
  for (const { instrument, conditioningSet } of id.instruments.instruments) {
    out.push({
      strategy_type: "instrumental",
      nodes_to_add: [instrument, ...conditioningSet],
      edges_to_add: [],
      explanation: `Use ${instrument} as an instrument${conditioningSet.length > 0 ? ` given ${setText(conditioningSet)}` : ""}; valid only if the model is linear (constant effects).`,
      theoretical_basis: BASIS.instrumental,
      expected_identifiability: 0.5,
      identification_formula: instrumentEstimand(x, y, instrument, conditioningSet),
    });
  }
  return out;
}

function measurementStrategies(graph: GraphFields, latent: readonly string[], id: EffectIdentification, dag: Dag): Strategy[] {
  const x = id.treatment;
  const y = id.outcome;
  const out: Strategy[] = [];
  for (const o of measurementOptions(graph, latent, dag, x, y)) {
    if (o.method === null && o.closes === 0) continue;
    const what = o.commonCauseOf === undefined ? `Measure ${o.node}` : `Measure the unobserved common cause of ${o.commonCauseOf[0]} and ${o.commonCauseOf[1]} (as ${o.node})`;
    const result =
      o.method === "backdoor"
        ? `the effect then becomes identifiable by adjusting for ${setText(o.set)}`
        : o.method === "front_door"
          ? `the effect then becomes identifiable by the front-door formula with ${setText(o.set)}`
          : o.method === "do_calculus"
            ? "the effect then becomes identifiable by the do-calculus"
            : "alone it does not make the effect identifiable";
    const formula = o.method === "backdoor" ? adjustmentFormula(x, y, o.set) : o.method === "front_door" ? frontDoorFormula([x], [y], o.set) : undefined;
    out.push({
      strategy_type: o.commonCauseOf === undefined ? "measure_variable" : "add_common_cause",
      nodes_to_add: [o.node],
      edges_to_add: o.commonCauseOf === undefined ? [] : [[o.node, o.commonCauseOf[0]], [o.node, o.commonCauseOf[1]]],
      explanation: `${what}: ${result}; it closes ${o.closes} of the ${o.open} back-door path(s) that no observed set blocks today.`,
      theoretical_basis: BASIS.measure,
      expected_identifiability: o.method !== null ? 1 : o.open === 0 ? 0 : Math.round((0.5 * o.closes * 1000) / o.open) / 1000,
      ...(formula !== undefined ? { identification_formula: formula } : {}),
    });
  }
  return out;
}

/** A new exogenous parent of X, when the extended graph confirms it is an instrument. */
function newInstrumentStrategy(graph: GraphFields, latent: readonly string[], x: string, y: string): Strategy[] {
  const used = new Set(graph.nodes);
  let name = `${x}_instrument`;
  for (let k = 2; used.has(name); k++) name = `${x}_instrument_${k}`;
  const extended = buildEffectGraph({ ...graph, nodes: [...graph.nodes, name], edges: [...graph.edges, [name, x]] }, latent);
  const found = conditionalInstruments(extended, x, y).instruments.find((i) => i.instrument === name);
  if (found === undefined) return [];
  return [
    {
      strategy_type: "find_instrument",
      nodes_to_add: [name],
      edges_to_add: [[name, x]],
      explanation: `Find a variable that shifts ${x} and affects ${y} only through ${x} (for example a randomised encouragement): added as ${name} → ${x}, it is an instrument; valid only if the model is linear.`,
      theoretical_basis: BASIS.instrumental,
      expected_identifiability: 0.5,
      identification_formula: instrumentEstimand(x, y, name, found.conditioningSet),
    },
  ];
}

function pathAnalysis(open: PathList, causal: PathList, blocked: PathList): Response["path_analysis"] {
  const counts = new Map<string, number>();
  for (const p of open.paths) for (const v of new Set(p.nodes.slice(1, -1))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const critical = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0])).map(([v]) => v);
  const nodes = (l: PathList): string[][] => l.paths.map((p: GraphPath) => p.nodes);
  const text = (l: PathList): string[] => l.paths.map(formatPath);
  return {
    backdoor_paths: nodes(open),
    frontdoor_paths: nodes(causal),
    blocked_paths: nodes(blocked),
    critical_nodes: critical,
    backdoor_paths_text: text(open),
    frontdoor_paths_text: text(causal),
    blocked_paths_text: text(blocked),
    truncated: open.truncated || causal.truncated || blocked.truncated,
  };
}

/** The `causal/validate/strategies` handler. */
export function causalValidateStrategiesHandler(request: Request, ctx: HandlerContext): Response {
  const latent = latentNodesOf(request.dag, null);
  const dag = buildEffectGraph(request.dag, latent);
  const x = request.treatment;
  const y = request.outcome;
  requireEffectQuery(dag, x, y);
  const id = identifyByEveryStrategy(dag, x, y, { maxResults: request.max_results, signal: ctx.signal });
  const strategies = graphStrategies(id);
  if (id.method === null) strategies.push(...newInstrumentStrategy(request.dag, latent, x, y));
  if (id.adjustment === null) strategies.push(...measurementStrategies(request.dag, latent, id, dag));
  strategies.sort(
    (a, b) => b.expected_identifiability - a.expected_identifiability || KIND_ORDER[a.strategy_type] - KIND_ORDER[b.strategy_type] || compareSets(a.nodes_to_add, b.nodes_to_add),
  );
  const open = backdoorPaths(dag, x, y, { maxPaths: MAX_ANALYSED_PATHS });
  const analysis = pathAnalysis(open, directedPaths(dag, x, y, { maxPaths: MAX_ANALYSED_PATHS }), blockedBackdoorPaths(dag, x, y, { maxPaths: MAX_ANALYSED_PATHS }));
  const best = strategies[0];
  const summary =
    best === undefined
      ? `No strategy identifies the effect of ${x} on ${y}, and no single measurement helps.`
      : best.expected_identifiability === 1
        ? `${strategies.filter((s) => s.expected_identifiability === 1).length} strategy(ies) identify the effect of ${x} on ${y}; the first: ${best.explanation}`
        : `No strategy identifies the effect of ${x} on ${y} nonparametrically; the best available: ${best.explanation}`;
  return {
    strategies,
    path_analysis: analysis,
    explanation: {
      summary,
      reasoning:
        `${open.paths.length}${open.truncated ? "+" : ""} back-door path(s) are open without adjustment and ${analysis.frontdoor_paths.length}${analysis.truncated ? "+" : ""} causal path(s) lead from ${x} to ${y}. ` +
        `Covariate adjustment ${id.adjustment !== null ? "works" : "fails"}; ${id.frontDoor.sets.length > 0 && id.hasCausalPath ? "front-door sets exist" : "no front-door set exists"}; ` +
        `the ID algorithm ${id.doCalculus.status === "identifiable" ? "identifies the effect" : "finds a hedge"}; ` +
        `${id.instruments.instruments.length} conditional instrument(s) exist.`,
      technical_basis: [BASIS.backdoor, BASIS.frontdoor, BASIS.do_calculus, BASIS.instrumental].join(" "),
      assumptions: ["The DAG is correct, including its latent nodes and bidirected edges.", "Instrumental strategies additionally need a linear model."],
    },
  };
}
