/**
 * `graph/from-dot` and `graph/to-dot`: DAGitty-style DOT text to the `dag` wire object and back.
 * Import checks what the wire format needs beyond syntax — identifier names, the `dag` size
 * limits, acyclicity — and says which node or edge is at fault. Algorithms: graph/dot.ts (recursive
 * descent), graph/dot-format.ts (canonical text), graph/dag.ts (validation). Complexity: linear in
 * the text plus O(N log N + M) validation.
 */
import { DOT_TEXT_MAX_LENGTH, IDENTIFIER_PATTERN, LIMITS, type GraphFromDotResponse, type GraphToDotResponse, type RequestOf } from "@olumi/contracts";
import { IslError } from "../errors.js";
import { createDag, parseDot, toDot } from "../graph/index.js";
import type { HandlerContext } from "./context.js";

/** Throws ISL_INVALID_INPUT when a parsed graph exceeds a `dag` limit or has a name that is not an identifier. */
function requireWireGraph(graph: ReturnType<typeof parseDot>): void {
  const limits: [string, number, number][] = [
    ["nodes", graph.nodes.length, LIMITS.dagNodes],
    ["edges", graph.edges.length, LIMITS.dagEdges],
    ["bidirected edges", graph.bidirected.length, LIMITS.dagEdges],
    ["latent nodes", graph.latent.length, LIMITS.nodeList],
  ];
  for (const [what, count, max] of limits) {
    if (count > max) {
      throw new IslError("ISL_INVALID_INPUT", `The DOT graph has ${count} ${what}; a dag object holds at most ${max}.`, {
        details: { field: "dot", what, count, max },
        recovery: { hints: [`Reduce the graph to at most ${max} ${what}.`], suggestion: "Send a smaller graph." },
      });
    }
  }
  const bad = graph.nodes.filter((name) => name.length > LIMITS.nameLength || !IDENTIFIER_PATTERN.test(name));
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).map((name) => JSON.stringify(name)).join(", ");
    throw new IslError("ISL_INVALID_INPUT", `Node name${bad.length > 1 ? "s" : ""} ${shown}${bad.length > 5 ? ", …" : ""} cannot be used in a dag object: names must be identifiers (a letter or underscore, then letters, digits or underscores; at most ${LIMITS.nameLength} characters).`, {
      details: { field: "dot", invalidNames: bad.slice(0, 50) },
      recovery: { hints: ['Rename the node, e.g. "blood pressure" to blood_pressure.'], suggestion: "Use identifier node names in the DOT text." },
    });
  }
}

/** The `graph/from-dot` handler. */
export function graphFromDotHandler(request: RequestOf<"graph/from-dot">, _ctx: HandlerContext): Omit<GraphFromDotResponse, "_metadata"> {
  const graph = parseDot(request.dot, { maxLength: DOT_TEXT_MAX_LENGTH, maxEdges: 10 * LIMITS.dagEdges });
  requireWireGraph(graph);
  // Cycles and every other structural problem are reported exactly as for any dag object.
  createDag(graph);
  return {
    dag: { nodes: graph.nodes, edges: graph.edges, latent: graph.latent, bidirected: graph.bidirected },
    exposure: graph.exposure,
    outcome: graph.outcome,
    adjusted: graph.adjusted,
  };
}

/** The `graph/to-dot` handler. */
export function graphToDotHandler(request: RequestOf<"graph/to-dot">, _ctx: HandlerContext): Omit<GraphToDotResponse, "_metadata"> {
  // Validates the graph (cycles included) before writing it.
  createDag(request.dag);
  return {
    dot: toDot({
      ...request.dag,
      exposure: request.exposure,
      outcome: request.outcome,
      adjusted: request.adjusted,
    }),
  };
}
