/**
 * `analysis/identifiability` (decision graphs) and `analysis/identifiability/dag` (plain DAGs): is
 * the effect of the decision (treatment) on the goal (outcome) identifiable, and by which method?
 * The real criteria in order (effect-identification.ts): back-door adjustment, front-door, the ID
 * algorithm, conditional instruments (linear only); else not identifiable, with the hedge.
 * `actionable` when the effect is identified nonparametrically and a causal path exists;
 * `exploratory` otherwise, with a caveat and suggestions (what to measure, which edge to check).
 * Complexity: that of effect-identification.ts plus one re-examination per unmeasured variable.
 * References: see effect-identification.ts and measurement-options.ts.
 */
import type { IdentifiabilityResponse, RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { backdoorPaths, findNode, formatPath, frontDoorFormula, type Dag } from "../graph/index.js";
import type { HandlerContext } from "./context.js";
import { adjustmentFormula, setText } from "./causal-validate-text.js";
import { identifyByEveryStrategy, instrumentEstimand, smallestSet } from "./effect-identification.js";
import { buildEffectGraph, requireEffectQuery, type GraphFields } from "./effect-query-input.js";
import { measurementOptions } from "./measurement-options.js";

type Response = Omit<IdentifiabilityResponse, "metadata">;
type Suggestion = NonNullable<Response["suggestions"]>[number];

/** Back-door paths listed, at most. */
const MAX_PATHS = 20;

function measurementSuggestions(graph: GraphFields, latent: readonly string[], dag: Dag, x: string, y: string, priority: Suggestion["priority"]): Suggestion[] {
  return measurementOptions(graph, latent, dag, x, y)
    .filter((o) => o.method !== null)
    .map((o) => {
      const how = o.method === "backdoor" ? `by adjusting for ${setText(o.set)}` : o.method === "front_door" ? `by the front-door formula with ${setText(o.set)}` : "by the do-calculus";
      return o.commonCauseOf === undefined
        ? { description: `If '${o.node}' were measured, the effect would be identifiable ${how}.`, variable_to_add: o.node, priority }
        : {
            description: `If the unobserved common cause of '${o.commonCauseOf[0]}' and '${o.commonCauseOf[1]}' were measured (as '${o.node}'), the effect would be identifiable ${how}.`,
            variable_to_add: o.node,
            edges_to_add: [[o.node, o.commonCauseOf[0]], [o.node, o.commonCauseOf[1]]] as [string, string][],
            priority,
          };
    });
}

/**
 * The identifiability answer for the effect of `x` on `y` in a graph.
 *
 * @param graph - Nodes, edges, latent nodes, bidirected edges.
 * @param x - Decision / treatment.
 * @param y - Goal / outcome.
 * @param ctx - Handler context (abort signal).
 * @returns The response body.
 */
export function identifiabilityOf(graph: GraphFields, x: string, y: string, ctx: HandlerContext): Response {
  const latent = [...(graph.latent ?? [])];
  const dag = buildEffectGraph(graph, latent);
  requireEffectQuery(dag, x, y);
  const id = identifyByEveryStrategy(dag, x, y, { maxResults: 20, signal: ctx.signal });
  const paths = backdoorPaths(dag, x, y, { maxPaths: MAX_PATHS }).paths.map(formatPath);
  const effect = `${x} → ${y}`;
  const base = { schema_version: "identifiability.v1", backdoor_paths: paths };

  if (!id.hasCausalPath) {
    const backdoor = id.adjustment !== null;
    return {
      ...base,
      identifiability: {
        effect,
        identifiable: true,
        method: backdoor ? "backdoor" : "do_calculus",
        adjustment_set: backdoor ? id.adjustment!.minimum : null,
        confidence: "high",
        explanation: `There is no directed path from ${x} to ${y}: under this graph the decision cannot change the goal, so its effect is zero (P(${y}|do(${x})) = P(${y})).`,
        identification_formula: `P(${y}|do(${x})) = P(${y})`,
      },
      recommendation_status: "exploratory",
      recommendation_caveat: `The graph says ${x} does not affect ${y}; a recommendation would have nothing to act on. Check for missing edges.`,
      suggestions: [
        { description: `Add the edge ${x} → ${y} if ${x} affects ${y} directly.`, edges_to_add: [[x, y]], priority: "critical" },
        { description: `Add the mechanism through which ${x} affects ${y} (a mediator ${x} → M → ${y}).`, variable_to_add: `${x}_mechanism`, edges_to_add: [[x, `${x}_mechanism`], [`${x}_mechanism`, y]], priority: "recommended" },
      ],
    };
  }

  if (id.method === "backdoor") {
    const set = id.adjustment!.minimum;
    return {
      ...base,
      identifiability: {
        effect,
        identifiable: true,
        method: "backdoor",
        adjustment_set: set,
        confidence: "high",
        explanation: set.length === 0 ? `No back-door path from ${x} to ${y} is open: the effect is identified without adjustment.` : `Adjusting for ${setText(set)} blocks every back-door path from ${x} to ${y}.`,
        identification_formula: adjustmentFormula(x, y, set),
      },
      recommendation_status: "actionable",
    };
  }

  if (id.method === "front_door" || id.method === "do_calculus") {
    const frontDoor = id.method === "front_door" ? smallestSet(id.frontDoor.sets)! : null;
    const suggestions = measurementSuggestions(graph, latent, dag, x, y, "optional");
    return {
      ...base,
      identifiability: {
        effect,
        identifiable: true,
        method: frontDoor !== null ? "frontdoor" : "do_calculus",
        adjustment_set: frontDoor,
        confidence: "high",
        explanation:
          frontDoor !== null
            ? `Unobserved confounding defeats adjustment, but ${setText(frontDoor)} satisfies the front-door criterion.`
            : "Unobserved confounding defeats adjustment and no front-door set exists, but the complete ID algorithm (do-calculus) identifies the effect.",
        ...(frontDoor !== null
          ? { identification_formula: frontDoorFormula([x], [y], frontDoor) }
          : id.doCalculus.status === "identifiable" && id.doCalculus.formula !== null
            ? { identification_formula: id.doCalculus.formula }
            : {}),
      },
      recommendation_status: "actionable",
      ...(suggestions.length > 0 ? { suggestions } : {}),
    };
  }

  const hedge = id.doCalculus.status === "not_identifiable" ? { f: id.doCalculus.hedge.f, f_prime: id.doCalculus.hedge.fPrime } : undefined;
  const suggestions = measurementSuggestions(graph, latent, dag, x, y, id.method === "instrumental_variables" ? "recommended" : "critical");
  if (id.method === "instrumental_variables") {
    const { instrument, conditioningSet } = id.instruments.instruments[0]!;
    return {
      ...base,
      identifiability: {
        effect,
        identifiable: true,
        method: "instrumental",
        adjustment_set: conditioningSet,
        confidence: "medium",
        explanation: `Not identifiable nonparametrically${hedge !== undefined ? " (the ID algorithm finds a hedge)" : ""}, but ${instrument} is a conditional instrument${conditioningSet.length > 0 ? ` given ${setText(conditioningSet)}` : ""}: the effect is identified in a linear model.`,
        identification_formula: instrumentEstimand(x, y, instrument, conditioningSet),
        instrument,
        ...(hedge !== undefined ? { hedge } : {}),
      },
      recommendation_status: "exploratory",
      recommendation_caveat: "Identified only under a linear (constant-effect) model; check that assumption before acting on the estimate.",
      ...(suggestions.length > 0 ? { suggestions } : {}),
    };
  }
  return {
    ...base,
    identifiability: {
      effect,
      identifiable: false,
      method: "non_identifiable",
      adjustment_set: null,
      confidence: "high",
      explanation: `Unobserved confounding makes the effect non-identifiable: no adjustment set, front-door set or instrument exists, and the ID algorithm finds a hedge (F = ${setText(hedge!.f)}, F′ = ${setText(hedge!.f_prime)}).`,
      hedge: hedge!,
    },
    recommendation_status: "exploratory",
    recommendation_caveat: `The effect of ${x} on ${y} cannot be estimated from observational data under this graph; treat any estimate as exploratory.`,
    suggestions: [
      ...suggestions,
      {
        description: `Find a variable that shifts ${x} and affects ${y} only through ${x} (an instrument), e.g. a randomised encouragement; it identifies the effect in a linear model.`,
        variable_to_add: `${x}_instrument`,
        edges_to_add: [[`${x}_instrument`, x]],
        priority: "recommended",
      },
      { description: "Review the causal model: a missing measured confounder or a wrong edge can make an identifiable effect look non-identifiable.", priority: "critical" },
    ],
  };
}

/** The `analysis/identifiability/dag` handler. */
export function analysisIdentifiabilityDagHandler(request: RequestOf<"analysis/identifiability/dag">, ctx: HandlerContext): Response {
  return identifiabilityOf(request, request.treatment, request.outcome, ctx);
}

/** The `analysis/identifiability` handler: decision and goal from the node kinds unless named. */
export function analysisIdentifiabilityHandler(request: RequestOf<"analysis/identifiability">, ctx: HandlerContext): Response {
  const { graph } = request;
  const graphFields: GraphFields = {
    nodes: graph.nodes.map((n) => n.id),
    edges: graph.edges.map((e) => [e.from, e.to] as const),
    latent: request.latent ?? [],
    bidirected: request.bidirected ?? [],
  };
  const decision = request.decision_node_id ?? graph.nodes.find((n) => n.kind === "decision")?.id;
  const goal = request.goal_node_id ?? graph.nodes.find((n) => n.kind === "goal")?.id;
  if (decision === undefined || goal === undefined) {
    const missing = decision === undefined ? "decision" : "goal";
    // Still validate the graph, so that a broken graph is reported as such.
    buildEffectGraph(graphFields, graphFields.latent ?? []);
    return {
      schema_version: "identifiability.v1",
      identifiability: {
        effect: `${decision ?? "?"} → ${goal ?? "?"}`,
        identifiable: false,
        method: null,
        adjustment_set: null,
        confidence: "low",
        explanation: `The graph has no ${missing} node, so there is no effect to identify.`,
      },
      recommendation_status: "exploratory",
      recommendation_caveat: `Add a node of kind '${missing}' (or name it in ${missing}_node_id) to analyse identifiability.`,
      suggestions: [{ description: `Add a node with kind='${missing}'.`, priority: "critical" }],
    };
  }
  const dag = buildEffectGraph(graphFields, graphFields.latent ?? []);
  findNode(dag, decision, "Decision");
  findNode(dag, goal, "Goal");
  if (decision === goal) {
    throw new IslError("ISL_INVALID_INPUT", `The decision and the goal are the same node '${decision}'.`, {
      details: { field: "goal_node_id" },
      recovery: { hints: ["Name a goal different from the decision."], suggestion: "Set goal_node_id to another node." },
    });
  }
  return identifiabilityOf(graphFields, decision, goal, ctx);
}
