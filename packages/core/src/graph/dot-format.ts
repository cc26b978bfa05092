/**
 * Writes a causal graph as canonical DAGitty-style DOT text: `dag {`, one line per node (sorted,
 * with its roles in the order exposure, outcome, latent, adjusted), then the directed edges and
 * the bidirected edges (each sorted), then `}`. Names that are not plain identifiers, or that are
 * DOT keywords, are quoted with `\"` and `\\` escapes, so parseDot(toDot(g)) gives g back.
 * Complexity: O(N log N + M log M) (sorting). Reference: the DOT language,
 * https://graphviz.org/doc/info/lang.html; DAGitty's `dag { … }` syntax (Textor et al. 2016).
 */
import { IslError } from "../errors.js";
import { compareNames } from "./node-lookup.js";

/** A graph to write: the `dag` wire fields plus optional roles. */
export interface DotGraphInput {
  /** Node names. */
  readonly nodes: readonly string[];
  /** Directed edges `[from, to]`. */
  readonly edges: readonly (readonly [string, string])[];
  /** Bidirected edges `[a, b]` (either order). */
  readonly bidirected?: readonly (readonly [string, string])[] | null | undefined;
  /** Latent nodes. */
  readonly latent?: readonly string[] | null | undefined;
  /** Exposures. */
  readonly exposure?: readonly string[] | null | undefined;
  /** Outcomes. */
  readonly outcome?: readonly string[] | null | undefined;
  /** Adjusted (conditioned-on) nodes. */
  readonly adjusted?: readonly string[] | null | undefined;
}

const PLAIN_NAME = /^[A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*$/;
const KEYWORDS = new Set(["node", "edge", "graph", "digraph", "subgraph", "strict", "dag"]);

/**
 * A node name as a DOT identifier: bare when it is a plain identifier that is not a keyword,
 * otherwise double-quoted with `"` and `\` escaped.
 *
 * @param name - The name.
 * @returns The DOT text of the name.
 */
export function dotName(name: string): string {
  if (PLAIN_NAME.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Canonical DOT text of a graph. Repeated edges and roles are written once; the output does not
 * depend on the order of any input list.
 *
 * @example
 * ```ts
 * toDot({ nodes: ["y", "x", "u"], edges: [["x", "y"], ["u", "x"], ["u", "y"]], latent: ["u"], exposure: ["x"], outcome: ["y"] });
 * // dag {
 * //   u [latent]
 * //   x [exposure]
 * //   y [outcome]
 * //   u -> x
 * //   u -> y
 * //   x -> y
 * // }
 * ```
 *
 * @param graph - Nodes, edges and optional bidirected edges and roles.
 * @returns The text, ending with a newline.
 * @throws IslError ISL_INVALID_INPUT when an edge or a role names a node that is not in `nodes`.
 */
export function toDot(graph: DotGraphInput): string {
  const nodes = new Set(graph.nodes);
  const check = (field: string, name: string): void => {
    if (!nodes.has(name)) {
      throw new IslError("ISL_INVALID_INPUT", `${field} names '${name}', which is not in nodes. Add '${name}' to nodes or remove it from ${field}.`, {
        details: { field, node: name },
        recovery: { hints: [`Every name in ${field} must be one of the nodes.`], suggestion: `Fix '${name}' in ${field}.` },
      });
    }
  };
  const roles = new Map<string, string[]>();
  for (const role of ["exposure", "outcome", "latent", "adjusted"] as const) {
    for (const name of new Set(graph[role] ?? [])) {
      check(role, name);
      const list = roles.get(name) ?? [];
      list.push(role);
      roles.set(name, list);
    }
  }
  const pairKey = (p: readonly [string, string]): string => JSON.stringify(p);
  const directed = new Map<string, [string, string]>();
  for (const [a, b] of graph.edges) {
    check("edges", a);
    check("edges", b);
    directed.set(pairKey([a, b]), [a, b]);
  }
  const bidirected = new Map<string, [string, string]>();
  for (const [a, b] of graph.bidirected ?? []) {
    check("bidirected", a);
    check("bidirected", b);
    const pair: [string, string] = compareNames(a, b) <= 0 ? [a, b] : [b, a];
    bidirected.set(pairKey(pair), pair);
  }
  const byPair = (p: [string, string], q: [string, string]): number => compareNames(p[0], q[0]) || compareNames(p[1], q[1]);
  const lines = ["dag {"];
  for (const name of [...nodes].sort(compareNames)) {
    const list = roles.get(name);
    lines.push(`  ${dotName(name)}${list === undefined ? "" : ` [${list.join(", ")}]`}`);
  }
  for (const [a, b] of [...directed.values()].sort(byPair)) lines.push(`  ${dotName(a)} -> ${dotName(b)}`);
  for (const [a, b] of [...bidirected.values()].sort(byPair)) lines.push(`  ${dotName(a)} <-> ${dotName(b)}`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
