/**
 * `DAGStructure`: the causal graph of `causal/validate` and friends. Upstream fields `nodes`
 * and `edges`, plus an optional `latent` list (unobserved nodes: never adjusted for) and an
 * optional `bidirected` list (`a ↔ b`: an unobserved common cause of a and b, which makes the
 * graph an ADMG). Structural problems (duplicates, unknown endpoints, self-loops, unknown latent
 * nodes) are found by {@link dagStructureProblems}, which both this schema and core's graph
 * builder use.
 */
import { z } from "zod";
import { IDENTIFIER_PATTERN, LIMITS } from "./limits.js";

/** A node name: an identifier of at most 100 characters. */
export const NodeName = z
  .string()
  .max(LIMITS.nameLength)
  .regex(IDENTIFIER_PATTERN, {
    message:
      "is not a valid identifier. Must start with a letter or underscore, contain only alphanumeric characters and underscores.",
  });

/** One structural problem of a DAG, with the path of the offending field. */
export interface DagProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Structural problems of a graph given as node and edge lists: duplicate nodes, edges whose
 * endpoints are not nodes, self-loops, latent nodes that are not nodes, bidirected edges whose
 * endpoints are not nodes or that join a node to itself. Cycles are not checked here (they need
 * a graph search; core reports them with the cycle's nodes). Repeated edges are not problems
 * (core counts them once).
 */
export function dagStructureProblems(dag: {
  nodes: readonly string[];
  edges: readonly (readonly [string, string])[];
  latent?: readonly string[] | null | undefined;
  bidirected?: readonly (readonly [string, string])[] | null | undefined;
}): DagProblem[] {
  const problems: DagProblem[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const n of dag.nodes) (seen.has(n) ? duplicates : seen).add(n);
  if (duplicates.size > 0) {
    const names = [...duplicates].sort();
    problems.push({
      path: ["nodes"],
      message: `Duplicate nodes found: ${names.map((n) => `'${n}'`).join(", ")}. Each node must be unique.`,
    });
  }
  dag.edges.forEach(([from, to], i) => {
    if (from === to) {
      problems.push({ path: ["edges", i], message: `Self-loops not allowed: ${from} → ${to}. DAGs must be acyclic.` });
    }
    for (const end of from === to ? [from] : [from, to]) {
      if (!seen.has(end)) {
        problems.push({
          path: ["edges", i],
          message: `Edge ${from} → ${to} references non-existent node: '${end}'. Add '${end}' to nodes list.`,
        });
      }
    }
  });
  (dag.latent ?? []).forEach((n, i) => {
    if (!seen.has(n)) problems.push({ path: ["latent", i], message: `Latent node '${n}' is not in nodes. Add it to nodes or remove it from latent.` });
  });
  (dag.bidirected ?? []).forEach(([a, b], i) => {
    if (a === b) {
      problems.push({ path: ["bidirected", i], message: `Bidirected self-loop ${a} ↔ ${b} is not allowed: a bidirected edge joins two different nodes.` });
    }
    for (const end of a === b ? [a] : [a, b]) {
      if (!seen.has(end)) {
        problems.push({
          path: ["bidirected", i],
          message: `Bidirected edge ${a} ↔ ${b} references non-existent node: '${end}'. Add '${end}' to nodes list.`,
        });
      }
    }
  });
  return problems;
}

/**
 * `DAGStructure`: nodes (1..50 unique identifiers), directed edges (≤200), optional latent nodes,
 * optional bidirected edges (≤200; each `[a, b]` is an unobserved common cause of a and b).
 */
export const DAGStructure = z
  .object({
    nodes: z.array(NodeName).min(1, { message: "The graph has no nodes. Add at least one node." }).max(LIMITS.dagNodes),
    edges: z.array(z.tuple([NodeName, NodeName])).max(LIMITS.dagEdges),
    latent: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Unobserved nodes: never part of an adjustment set or separator."),
    bidirected: z
      .array(z.tuple([NodeName, NodeName]))
      .max(LIMITS.dagEdges)
      .optional()
      .describe("Bidirected edges [a, b] (a ↔ b): a and b share an unobserved common cause. Order within a pair is irrelevant; repeats count once."),
  })
  .superRefine((dag, ctx) => {
    for (const p of dagStructureProblems(dag)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  })
  .meta({ id: "DAGStructure", description: "A causal DAG or ADMG: node names, directed edges [from, to], and optionally the latent (unobserved) nodes and bidirected edges [a, b] (unobserved confounding of a and b)." });
export type DAGStructure = z.infer<typeof DAGStructure>;
