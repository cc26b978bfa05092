/** `GraphV2`: the uncertain linear causal graph of `robustness/analyze/v2` (upstream robustness_v2.py). */
import { z } from "zod";
import { GRAPH_V2_ID_PATTERN, LIMITS } from "./limits.js";

const NodeIdV2 = z.string().regex(GRAPH_V2_ID_PATTERN, { message: "must match ^[a-z0-9_:-]+$ (lower case)." });

/** What was observed about a node. */
export const ObservedState = z
  .object({
    value: z.number().finite(),
    baseline: z.number().finite().nullish(),
    unit: z.string().max(50).nullish(),
    source: z.string().max(100).nullish(),
  })
  .meta({ id: "ObservedState" });

/** A node of a `GraphV2`. */
export const NodeV2 = z
  .object({
    id: NodeIdV2,
    kind: z.string(),
    label: z.string().max(500),
    body: z.string().max(5000).nullish(),
    observed_state: ObservedState.nullish(),
    intercept: z.number().finite().default(0),
  })
  .meta({ id: "NodeV2" });

/** Edge strength: a normal distribution over the coefficient. */
export const StrengthDistribution = z
  .object({ mean: z.number().finite(), std: z.number().gt(0.001) })
  .meta({ id: "StrengthDistribution" });

/** An edge of a `GraphV2`: existence probability and strength distribution. */
export const EdgeV2 = z
  .object({
    from: NodeIdV2,
    to: NodeIdV2,
    exists_probability: z.number().min(0).max(1),
    strength: StrengthDistribution,
    label: z.string().max(500).nullish(),
  })
  .meta({ id: "EdgeV2" });

/** `GraphV2`: 1..100 unique nodes, ≤300 edges with existing endpoints and no self-loops (cycles allowed here). */
export const GraphV2 = z
  .object({
    nodes: z.array(NodeV2).min(1).max(LIMITS.graphV2Nodes),
    edges: z.array(EdgeV2).max(LIMITS.graphV2Edges),
  })
  .superRefine((g, ctx) => {
    const ids = new Set<string>();
    g.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: `Duplicate node id '${n.id}'.` });
      ids.add(n.id);
    });
    g.edges.forEach((e, i) => {
      if (e.from === e.to) ctx.addIssue({ code: "custom", path: ["edges", i], message: `Self-loop ${e.from} → ${e.to} is not allowed.` });
      for (const end of ["from", "to"] as const) {
        if (!ids.has(e[end])) ctx.addIssue({ code: "custom", path: ["edges", i, end], message: `Edge references unknown node '${e[end]}'.` });
      }
    });
  })
  .meta({ id: "GraphV2" });
export type GraphV2 = z.infer<typeof GraphV2>;
