/**
 * `causal/identify`: is P(outcome | do(treatment), given) identifiable from the observational
 * distribution of a causal DAG or ADMG, and by which formula? The complete ID / IDC algorithms of
 * Shpitser & Pearl (2006); the estimand as text, LaTeX and an AST, or the hedge that proves
 * non-identifiability.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";

/** One node name or a non-empty list of node names. */
const NodeSet = z.union([NodeName, z.array(NodeName).min(1).max(LIMITS.nodeList)]);

/** `CausalIdentifyRequest`. */
export const CausalIdentifyRequest = z
  .object({
    dag: DAGStructure,
    treatment: NodeSet.describe("The intervened node(s) X: a name or a list of names."),
    outcome: NodeSet.describe("The outcome node(s) Y: a name or a list of names, disjoint from the treatment."),
    given: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Conditioning nodes Z for P(y | do(x), z) (IDC); disjoint from treatment and outcome."),
    observed: z
      .array(NodeName)
      .max(LIMITS.nodeList)
      .nullish()
      .describe("Upstream field: when given, every node not listed is latent (added to dag.latent)."),
  })
  .meta({ id: "CausalIdentifyRequest" });
export type CausalIdentifyRequest = z.infer<typeof CausalIdentifyRequest>;

/** A node of the estimand AST (the wire form of core's `Estimand`). */
export type EstimandNode =
  | { type: "probability"; variables: string[]; given: string[] }
  | { type: "product"; factors: EstimandNode[] }
  | { type: "sum"; over: string[]; body: EstimandNode }
  | { type: "quotient"; numerator: EstimandNode; denominator: EstimandNode };

/** `EstimandNode`: P(variables | given), a product, Σ_{over} body, or numerator / denominator. */
export const EstimandNode: z.ZodType<EstimandNode> = z
  .lazy(() =>
    z.discriminatedUnion("type", [
      z.object({
        type: z.literal("probability"),
        variables: z.array(z.string()).describe("Observed variables (sorted); a name with primes, X', is a bound copy of node X."),
        given: z.array(z.string()).describe("Conditioning variables (sorted)."),
      }),
      z.object({ type: z.literal("product"), factors: z.array(EstimandNode).describe("The factors; the empty product is 1.") }),
      z.object({ type: z.literal("sum"), over: z.array(z.string()).describe("Variables summed over (bound in body)."), body: EstimandNode }),
      z.object({ type: z.literal("quotient"), numerator: EstimandNode, denominator: EstimandNode }),
    ]),
  )
  .meta({ id: "EstimandNode", description: "A node of an identification estimand over the observational distribution." });

/** `IdentificationEstimand`: the formula in three forms. */
export const IdentificationEstimand = z
  .object({
    text: z.string().describe("Plain text, e.g. \"Σ_{Z} P(Y | X, Z) P(Z)\"."),
    latex: z.string().describe("LaTeX (math mode, no delimiters), e.g. \"\\\\sum_{Z} P(Y \\\\mid X, Z) P(Z)\"."),
    ast: EstimandNode,
  })
  .meta({ id: "IdentificationEstimand" });

/** `Hedge`: the witness of non-identifiability. */
export const HedgeWitness = z
  .object({
    f: z.array(z.string()).describe("F: nodes of the larger C-forest (a single district, every node an ancestor of the roots); it meets the treatment."),
    f_prime: z.array(z.string()).describe("F′ ⊂ F: nodes of the smaller C-forest with the same roots; it avoids the treatment."),
  })
  .meta({ id: "HedgeWitness" });

/** One step of the algorithm's run. */
export const IdentificationStep = z
  .object({
    line: z.string().describe('The algorithm and line that fired, e.g. "ID line 7" or "IDC line 1".'),
    depth: z.number().int().min(0).describe("Recursion depth (0 = top level)."),
    outcome: z.array(z.string()),
    treatment: z.array(z.string()),
    detail: z.string(),
  })
  .meta({ id: "IdentificationStep" });

/** `CausalIdentifyResponse`. */
export const CausalIdentifyResponse = z
  .object({
    identifiable: z.boolean(),
    query: z.object({ text: z.string().describe('e.g. "P(Y | do(X), Z)".'), latex: z.string() }),
    treatment: z.array(z.string()).describe("The treatment nodes, sorted."),
    outcome: z.array(z.string()).describe("The outcome nodes, sorted."),
    given: z.array(z.string()).describe("The conditioning nodes, sorted."),
    estimand: IdentificationEstimand.optional().describe("When identifiable: the formula over the observational distribution."),
    identification_formula: z.string().optional().describe('When identifiable: "<query> = <estimand text>".'),
    hedge: HedgeWitness.optional().describe("When not identifiable: the hedge found by line 5 of ID."),
    moved_to_treatment: z.array(z.string()).describe("Conditioning nodes that IDC turned into interventions (rule 2 of the do-calculus)."),
    invariant_variables: z
      .array(z.string())
      .describe("Nodes outside the query that the estimand mentions (added to the intervention by line 3 of ID): its value is the same for every value of them."),
    latent_nodes: z.array(z.string()).describe("Nodes projected out as unobserved (dag.latent, or not in `observed`), sorted."),
    steps: z.array(IdentificationStep).describe("The lines of ID / IDC that fired, in order (at most 200)."),
    steps_truncated: z.boolean(),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "CausalIdentifyResponse" });
export type CausalIdentifyResponse = z.infer<typeof CausalIdentifyResponse>;

/** The `causal/identify` operation. */
export const causalIdentify = defineOperation({
  id: "causal/identify",
  request: CausalIdentifyRequest,
  response: CausalIdentifyResponse,
  summary: "Identify P(y | do(x)) or P(y | do(x), z) with the complete ID / IDC algorithm",
  description:
    "Projects latent nodes to bidirected edges, then runs the ID algorithm (or IDC when `given` is set) of Shpitser & Pearl (2006), which is sound and complete: " +
    "when the effect is identifiable it returns the estimand over the observational distribution (text, LaTeX and AST), otherwise the hedge (F, F′) that proves no formula exists. " +
    "Front-door, napkin and every other identifiable case are covered, not only adjustment.",
  tags: ["Causal Inference"],
  metric: "isl_causal_identifications_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Smoking", "Tar", "Cancer"],
      edges: [
        ["Smoking", "Tar"],
        ["Tar", "Cancer"],
      ],
      bidirected: [["Smoking", "Cancer"]],
    },
    treatment: "Smoking",
    outcome: "Cancer",
  },
});
