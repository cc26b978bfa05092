/**
 * Input handling shared by the operations that ask about the effect of one treatment on one
 * outcome (`causal/validate`, `causal/validate/strategies`, `causal/instruments`,
 * `analysis/identifiability`): the latent nodes (`dag.latent`, or every node missing from the
 * upstream `observed` list), the validated graph, and checks that treatment and outcome exist,
 * differ and are observed. Complexity: O(N log N + M) (graph construction).
 * Reference: none (input handling); messages follow the upstream service's wording.
 */
import { IslError } from "../errors.js";
import { compareNames, createDag, findNode, type Dag } from "../graph/index.js";

/** A graph as the requests carry it. */
export interface GraphFields {
  readonly nodes: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
  readonly latent?: readonly string[] | null | undefined;
  readonly bidirected?: readonly (readonly [string, string])[] | null | undefined;
}

/**
 * The latent nodes: `latent` plus, when `observed` is given, every node not in it; sorted.
 *
 * @param graph - The request's graph.
 * @param observed - The upstream `observed` list, or null/undefined.
 * @returns Latent node names, sorted.
 * @throws IslError ISL_NODE_NOT_FOUND when `observed` names an unknown node.
 */
export function latentNodesOf(graph: GraphFields, observed: readonly string[] | null | undefined): string[] {
  const latent = new Set(graph.latent ?? []);
  if (observed != null) {
    const nodes = new Set(graph.nodes);
    const unknown = observed.filter((n) => !nodes.has(n));
    if (unknown.length > 0) {
      throw new IslError("ISL_NODE_NOT_FOUND", `Observed node(s) not found in graph: ${unknown.join(", ")}. Available nodes: ${[...graph.nodes].sort(compareNames).join(", ")}`, {
        details: { field: "observed", unknown },
        recovery: { hints: ["Every name in 'observed' must be one of dag.nodes"], suggestion: "Fix or remove the unknown names in 'observed'" },
      });
    }
    const seen = new Set(observed);
    for (const n of graph.nodes) if (!seen.has(n)) latent.add(n);
  }
  return [...latent].sort(compareNames);
}

/**
 * Builds the graph with the given latent nodes (bidirected edges become hidden common causes).
 *
 * @param graph - The request's graph.
 * @param latent - Latent node names.
 * @returns The validated DAG.
 * @throws IslError as `createDag`.
 */
export function buildEffectGraph(graph: GraphFields, latent: readonly string[]): Dag {
  return createDag({ nodes: graph.nodes, edges: graph.edges, latent, bidirected: graph.bidirected ?? [] });
}

/**
 * Checks the treatment and outcome of an effect query.
 *
 * @param dag - The graph.
 * @param treatment - The treatment name.
 * @param outcome - The outcome name.
 * @param fields - The request's field names for the two roles (for messages).
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when they are equal or latent.
 */
export function requireEffectQuery(dag: Dag, treatment: string, outcome: string, fields: { treatment: string; outcome: string } = { treatment: "treatment", outcome: "outcome" }): void {
  findNode(dag, treatment, "Treatment");
  findNode(dag, outcome, "Outcome");
  if (treatment === outcome) {
    throw new IslError("ISL_INVALID_INPUT", `Treatment and outcome are the same node '${treatment}'.`, {
      details: { field: fields.outcome },
      recovery: { hints: ["Choose an outcome different from the treatment"], suggestion: `Set '${fields.outcome}' to another node` },
    });
  }
  requireObserved(dag, treatment, "Treatment", fields.treatment);
  requireObserved(dag, outcome, "Outcome", fields.outcome);
}

function requireObserved(dag: Dag, name: string, role: string, field: string): void {
  if (dag.latent[findNode(dag, name, role)] === 1) {
    throw new IslError("ISL_INVALID_INPUT", `${role} node '${name}' is latent (unobserved); the effect of or on an unmeasured variable cannot be estimated from data.`, {
      details: { field, node: name },
      recovery: { hints: [`Remove '${name}' from dag.latent`, `Add '${name}' to 'observed' if you send that list`], suggestion: `Mark '${name}' as observed` },
    });
  }
}
