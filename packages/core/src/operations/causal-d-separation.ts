/**
 * `causal/d-separation`: whether Z d-separates X and Y in a causal DAG or ADMG (latent nodes and
 * bidirected edges honoured), with one open path as the witness when it does not, and a plain
 * account of why that path is open (its colliders are ancestors of Z, its other nodes are not in Z).
 * Queries may name latent nodes (the answer is then a property of the graph that data cannot test;
 * `testable` says so). Algorithm: Bayes-ball reachability with BFS parent pointers
 * (graph/d-separation.ts). Complexity: O(N + M).
 */
import type { DSeparationResponse, RequestOf } from "@olumi/contracts";
import { compareNames, createDag, dConnectingPath, descendantsOf, findNode, formatPath, type Dag, type GraphPath } from "../graph/index.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/d-separation">;
type Response = Omit<DSeparationResponse, "_metadata">;

const TECHNICAL_BASIS =
  "d-separation (Pearl 1988; Geiger, Verma & Pearl 1989) decided by linear-time reachability over (node, direction) states (Shachter's Bayes-ball; Koller & Friedman 2009, Algorithm 3.1). " +
  "A bidirected edge a ↔ b is an unobserved common cause of a and b. The witness is a shortest open path of the search.";

const ASSUMPTIONS = [
  "The graph is correct: every common cause of two modelled variables is a node or a bidirected edge.",
  "d-separation implies conditional independence in every distribution the graph can generate (the global Markov property); d-connection implies dependence only under faithfulness.",
];

/** `A`, `{A, B}` or "the empty set". */
function setText(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  return names.length === 0 ? "the empty set" : `{${names.join(", ")}}`;
}

/** Why each interior node of an open path lets it through, in path order. */
function whyOpen(dag: Dag, path: GraphPath, given: readonly string[]): string {
  const z = new Set(given);
  const reasons: string[] = [];
  for (let i = 1; i < path.nodes.length - 1; i++) {
    const v = path.nodes[i]!;
    const arrowIn = path.arrows[i - 1] === "->" || path.arrows[i - 1] === "<->";
    const arrowOut = path.arrows[i] === "<-" || path.arrows[i] === "<->";
    if (!(arrowIn && arrowOut)) {
      reasons.push(`${v} is not a collider and is not conditioned on`);
      continue;
    }
    // An open collider is in Z or has a descendant in Z (the first in name order is named).
    const descendant = z.has(v) ? v : descendantsOf(dag, v).find((d) => z.has(d));
    reasons.push(descendant === v ? `${v} is a collider that is conditioned on, which opens it` : `${v} is a collider whose descendant ${descendant ?? v} is conditioned on, which opens it`);
  }
  return reasons.length === 0 ? "the two nodes are adjacent, and an edge is never blocked." : `${reasons.join("; ")}.`;
}

/** The `causal/d-separation` handler. */
export function causalDSeparationHandler(request: Request, _ctx: HandlerContext): Response {
  const dag = createDag(request.dag);
  const { x, y, given } = request;
  // The search resolves the names first, so unknown names and overlapping sets are reported with their role.
  const path = dConnectingPath(dag, x, y, given);
  const latentInQuery = [...new Set([...x, ...y, ...given])].filter((name) => dag.latent[findNode(dag, name)] === 1).sort(compareNames);
  const xs = setText([...new Set(x)].sort(compareNames));
  const ys = setText([...new Set(y)].sort(compareNames));
  const zNames = [...new Set(given)].sort(compareNames);
  const givenText = zNames.length === 0 ? "" : ` given ${setText(zNames)}`;
  const statement = `${xs} ⫫ ${ys}${zNames.length === 0 ? "" : ` | ${setText(zNames)}`}`;
  const testable = latentInQuery.length === 0;
  const testNote = testable
    ? ""
    : ` ${latentInQuery.join(", ")} ${latentInQuery.length === 1 ? "is" : "are"} latent, so this is a statement about the graph that data cannot test directly.`;
  if (path === null) {
    const blocked =
      zNames.length === 0
        ? "each one passes a collider, and with nothing conditioned on every collider blocks"
        : `each one passes a non-collider in ${setText(zNames)}, or a collider that is not in ${setText(zNames)} and has no descendant there`;
    return {
      d_separated: true,
      testable,
      latent_in_query: latentInQuery,
      explanation: {
        summary: `${xs} and ${ys} are d-separated${givenText}: every distribution the graph can generate has ${statement}.${testNote}`,
        reasoning: `Every path between ${xs} and ${ys} is blocked: ${blocked}.${testable ? " A clear dependence in data would refute the graph." : ""}`,
        technical_basis: TECHNICAL_BASIS,
        assumptions: ASSUMPTIONS,
      },
    };
  }
  const text = formatPath(path);
  return {
    d_separated: false,
    open_path: { nodes: path.nodes, arrows: path.arrows, text },
    testable,
    latent_in_query: latentInQuery,
    explanation: {
      summary: `${xs} and ${ys} are d-connected${givenText}: the path ${text} is open, so the graph does not imply ${statement}.${testNote}`,
      reasoning: `On ${text}: ${whyOpen(dag, path, given)} A path is open when every collider on it is conditioned on or has a descendant that is, and no other node on it is conditioned on.`,
      technical_basis: TECHNICAL_BASIS,
      assumptions: ASSUMPTIONS,
    },
  };
}
