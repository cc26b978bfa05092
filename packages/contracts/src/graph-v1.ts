/** `GraphV1`: the decision graphs of the CEE and decision-analysis operations (upstream shared.py). */
import { z } from "zod";
import { IDENTIFIER_PATTERN, LIMITS } from "./limits.js";

/** Node kinds of a decision graph. */
export const NodeKind = z.enum(["goal", "decision", "option", "outcome", "risk", "action", "factor"]).meta({ id: "NodeKind" });

/** A node of a `GraphV1`. */
export const GraphNodeV1 = z
  .object({
    id: z.string().max(LIMITS.nameLength).regex(IDENTIFIER_PATTERN, { message: "is not a valid identifier." }),
    kind: NodeKind,
    label: z.string().max(500),
    body: z.string().max(5000).nullish(),
    belief: z.number().min(0).max(1).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "GraphNodeV1" });

/** An edge of a `GraphV1`. */
export const GraphEdgeV1 = z
  .object({
    from: z.string().max(LIMITS.nameLength),
    to: z.string().max(LIMITS.nameLength),
    weight: z.number().min(-3).max(3).nullish(),
    label: z.string().max(500).nullish(),
  })
  .meta({ id: "GraphEdgeV1" });

/** `GraphV1`: 1..100 nodes with unique ids, ≤300 edges whose endpoints exist. */
export const GraphV1 = z
  .object({
    nodes: z.array(GraphNodeV1).min(1).max(LIMITS.graphV1Nodes),
    edges: z.array(GraphEdgeV1).max(LIMITS.graphV1Edges),
  })
  .superRefine((g, ctx) => {
    const ids = new Set<string>();
    g.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: `Duplicate node id '${n.id}'.` });
      ids.add(n.id);
    });
    g.edges.forEach((e, i) => {
      for (const end of ["from", "to"] as const) {
        if (!ids.has(e[end])) ctx.addIssue({ code: "custom", path: ["edges", i, end], message: `Edge references unknown node '${e[end]}'.` });
      }
    });
  })
  .meta({ id: "GraphV1" });
export type GraphV1 = z.infer<typeof GraphV1>;
