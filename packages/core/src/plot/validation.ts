/**
 * The analyze/v2 validation pipeline on the graph as sent (before the inference filter), in
 * upstream order: cycle (blocker), weakly connected components > 1 (GRAPH_DISCONNECTED warning),
 * then per option EMPTY_INTERVENTIONS and NO_EFFECTIVE_PATH_TO_GOAL (no target reaches the goal
 * over edges with exists_probability ≥ 1e-6 and |mean| ≥ 1e-6), then IDENTICAL_OPTIONS
 * (interventions compared as sorted (key, value rounded to a 1e-9 grid) pairs). Blockers make the
 * 422 blocked body; warnings ride on the 200.
 * Complexity: O(O·(N + E) + O log O).
 * Reference: plot-v2-engine.md §4.20; upstream-algorithms.md §2.8 (HEAD pipeline).
 */
import type { PlotAnalyzeRequest } from "@olumi/contracts";
import { makeCritique, type PlotCritique } from "./critique.js";

/** Smallest existence probability and |mean| of an edge that carries an effect. */
const EFFECTIVE_EDGE_FLOOR = 1e-6;

/** Result of {@link validatePlotRequest}. */
export interface PlotValidation {
  /** Blocker critiques (non-empty ⇒ 422). */
  readonly blockers: PlotCritique[];
  /** Non-blocking validation critiques (warnings). */
  readonly warnings: PlotCritique[];
}

/** Number of weakly connected components (union-find). */
function componentCount(request: PlotAnalyzeRequest): number {
  const index = new Map(request.graph.nodes.map((n, i) => [n.id, i] as const));
  const parent = request.graph.nodes.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const e of request.graph.edges) {
    const a = find(index.get(e.from)!);
    const b = find(index.get(e.to)!);
    if (a !== b) parent[a] = b;
  }
  return new Set(parent.map((_, i) => find(i))).size;
}

/** True when some target reaches the goal over effective edges. */
function hasEffectivePath(request: PlotAnalyzeRequest, targets: readonly string[]): boolean {
  const children = new Map<string, string[]>();
  for (const e of request.graph.edges) {
    if ((e.exists_probability ?? 0.8) < EFFECTIVE_EDGE_FLOOR || Math.abs(e.strength.mean) < EFFECTIVE_EDGE_FLOOR) continue;
    children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
  }
  const seen = new Set(targets);
  const queue = [...targets];
  while (queue.length > 0) {
    const v = queue.shift()!;
    if (v === request.goal_node_id) return true;
    for (const c of children.get(v) ?? []) {
      if (!seen.has(c)) {
        seen.add(c);
        queue.push(c);
      }
    }
  }
  return false;
}

/** Canonical text of an option's interventions (sorted keys, values on a 1e-9 grid). */
function interventionKey(interventions: Record<string, number>): string {
  return Object.keys(interventions)
    .sort()
    .map((k) => `${k}=${Math.round(interventions[k]! / 1e-9)}`)
    .join("\u001f");
}

/**
 * Runs the validation pipeline (the cycle check lives in compilePlotModel).
 *
 * @param request - The parsed request.
 */
export function validatePlotRequest(request: PlotAnalyzeRequest): PlotValidation {
  const blockers: PlotCritique[] = [];
  const warnings: PlotCritique[] = [];
  const components = componentCount(request);
  if (components > 1) {
    warnings.push(makeCritique({ code: "GRAPH_DISCONNECTED", severity: "warning", source: "validation", message: `Graph has ${components} disconnected components` }));
  }
  const valid: Array<{ id: string; key: string }> = [];
  for (const option of request.options) {
    const targets = Object.keys(option.interventions);
    if (targets.length === 0) {
      blockers.push(
        makeCritique({
          code: "EMPTY_INTERVENTIONS",
          severity: "blocker",
          source: "validation",
          message: `Option '${option.label}' has no interventions`,
          affectedOptionIds: [option.id],
          suggestion: "Give every option at least one intervention (a node id and the value it sets)",
        }),
      );
      continue;
    }
    if (!hasEffectivePath(request, targets)) {
      blockers.push(
        makeCritique({
          code: "NO_EFFECTIVE_PATH_TO_GOAL",
          severity: "blocker",
          source: "validation",
          message: `Option '${option.label}' has no effective causal path from its interventions to the goal '${request.goal_node_id}'`,
          affectedOptionIds: [option.id],
          affectedNodeIds: targets,
          suggestion: "Connect an intervention target to the goal through edges with non-zero strength and existence probability",
        }),
      );
      continue;
    }
    valid.push({ id: option.id, key: interventionKey(option.interventions) });
  }
  const firstWithKey = new Map<string, string>();
  for (const { id, key } of valid) {
    const first = firstWithKey.get(key);
    if (first === undefined) {
      firstWithKey.set(key, id);
      continue;
    }
    blockers.push(
      makeCritique({
        code: "IDENTICAL_OPTIONS",
        severity: "blocker",
        source: "validation",
        message: `Options '${first}' and '${id}' have identical interventions`,
        affectedOptionIds: [first, id],
        suggestion: "Remove the duplicate option or change its interventions",
      }),
    );
  }
  return { blockers, warnings };
}
