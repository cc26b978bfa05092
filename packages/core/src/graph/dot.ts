/**
 * Parser for DAGitty-style DOT text (`dag { x [exposure] y [outcome] x -> y x <-> z }`): a
 * hand-written recursive-descent parser over the tokens of dot-lexer.ts. Graph types `dag` and
 * `digraph` (optionally `strict`); `graph` and the other DAGitty types are rejected with a message.
 * Statements: node statements with attribute lists (roles `exposure`, `outcome`, `latent`,
 * `adjusted`; every other attribute, such as `pos="x,y"`, is ignored), edge chains with `->`, `<-`
 * and `<->` whose operands may be subgraphs (`a -> {b c}`), graph attributes `key = value`, default
 * attribute statements (`node [...]`, ignored), separated by optional `;` or `,`.
 * Complexity: O(length + edges produced · log) — a chain `{A} -> {B}` produces |A|·|B| edges, capped.
 * Reference: the DOT language, https://graphviz.org/doc/info/lang.html; DAGitty's graph syntax,
 * J. Textor et al., Int. J. Epidemiology 45 (2016) 1887–1894.
 */
import { IslError } from "../errors.js";
import { describeToken, dotSyntaxError, tokenizeDot, type DotToken } from "./dot-lexer.js";
import { compareNames } from "./node-lookup.js";

/** A causal graph read from DOT: the `dag` wire fields plus the roles DAGitty records. */
export interface DotGraph {
  /** Every node, sorted by {@link compareNames}. */
  nodes: string[];
  /** Directed edges `[from, to]`, distinct, sorted by source then target. */
  edges: [string, string][];
  /** Bidirected edges `[a, b]` with a before b, distinct, sorted. */
  bidirected: [string, string][];
  /** Nodes with the `latent` attribute, sorted. */
  latent: string[];
  /** Nodes with the `exposure` attribute, sorted. */
  exposure: string[];
  /** Nodes with the `outcome` attribute, sorted. */
  outcome: string[];
  /** Nodes with the `adjusted` attribute, sorted. */
  adjusted: string[];
}

/** Limits of {@link parseDot}. */
export interface DotParseOptions {
  /** Longest accepted text, in UTF-16 code units (default 1,000,000). */
  readonly maxLength?: number;
  /** Deepest brace nesting of subgraphs (default 32). */
  readonly maxDepth?: number;
  /** Most edges a text may produce, counting those of `{…} -> {…}` chains (default 100,000). */
  readonly maxEdges?: number;
}

/** The roles an attribute list can give a node. */
const ROLE_ATTRIBUTES = ["exposure", "outcome", "latent", "adjusted"] as const;
type Role = (typeof ROLE_ATTRIBUTES)[number];

/** Attribute values that switch a role off (`latent = false`). */
const FALSE_VALUES = new Set(["false", "0", "no"]);

/** Keywords of DOT (case-insensitive), never node names unless quoted. */
const KEYWORDS = new Set(["node", "edge", "graph", "digraph", "subgraph", "strict"]);

/** Edge kinds as the parser records them. */
type EdgeOp = "->" | "<-" | "<->";

/**
 * Parses DAGitty-style DOT text.
 *
 * @example
 * ```ts
 * parseDot("dag { x [exposure] y [outcome] u [latent] x -> y u -> {x y} z <-> y }");
 * // { nodes: ["u", "x", "y", "z"], edges: [["u","x"], ["u","y"], ["x","y"]], bidirected: [["y","z"]],
 * //   latent: ["u"], exposure: ["x"], outcome: ["y"], adjusted: [] }
 * ```
 *
 * @param text - The DOT text.
 * @param options - Length, nesting and edge-count limits.
 * @returns The graph, every list sorted and free of repeats.
 * @throws IslError ISL_INVALID_INPUT with `details.line`, `details.column`, `details.expected` and
 *   `details.found` for a syntax error, an undirected graph or edge, a self-loop, or a limit exceeded.
 */
export function parseDot(text: string, options: DotParseOptions = {}): DotGraph {
  const maxLength = options.maxLength ?? 1_000_000;
  if (typeof text !== "string") {
    throw new IslError("ISL_INVALID_INPUT", "The DOT text must be a string.", {
      details: { field: "dot" },
      recovery: { hints: ['Pass the graph as text, e.g. "dag { x -> y }".'], suggestion: "Send the DOT text as a string." },
    });
  }
  if (text.length > maxLength) {
    throw new IslError("ISL_INVALID_INPUT", `The DOT text has ${text.length} characters; at most ${maxLength} are accepted.`, {
      details: { field: "dot", length: text.length, maxLength },
      recovery: { hints: ["Remove comments and layout attributes (pos, bb) to shorten the text.", "Split the model into smaller graphs."], suggestion: "Send a shorter DOT text." },
    });
  }
  return new DotParser(tokenizeDot(text), options.maxDepth ?? 32, options.maxEdges ?? 100_000).graph();
}

/** The recursive-descent parser: one method per grammar rule. */
class DotParser {
  private position = 0;
  private edgeCount = 0;
  /** One list per open subgraph: the nodes named inside it so far. */
  private readonly collectors: string[][] = [];
  private readonly nodes = new Set<string>();
  private readonly edges = new Map<string, [string, string]>();
  private readonly bidirected = new Map<string, [string, string]>();
  private readonly roles: Record<Role, Set<string>> = { exposure: new Set(), outcome: new Set(), latent: new Set(), adjusted: new Set() };

  constructor(
    private readonly tokens: readonly DotToken[],
    private readonly maxDepth: number,
    private readonly maxEdges: number,
  ) {}

  /** graph := ['strict'] ('dag' | 'digraph') [ID] '{' statements '}' EOF */
  graph(): DotGraph {
    if (this.isKeyword(this.peek(), "strict")) this.position++;
    const type = this.peek();
    const kind = type.kind === "id" && !type.quoted ? type.text.toLowerCase() : "";
    if (kind === "graph") {
      throw dotSyntaxError(type.line, type.column, "'dag' or 'digraph'", "'graph'", "An undirected graph cannot be a causal model: write 'dag { … }' or 'digraph { … }' with -> and <-> edges.");
    }
    if (kind === "pdag" || kind === "mag" || kind === "pag") {
      throw dotSyntaxError(type.line, type.column, "'dag' or 'digraph'", `'${type.text}'`, `DAGitty's '${type.text}' graphs (with undirected or partially directed edges) are not supported.`);
    }
    if (kind !== "dag" && kind !== "digraph") throw this.expected("'dag' or 'digraph' (the graph type)");
    this.position++;
    if (this.peek().kind === "id") this.position++;
    this.expect("{", "'{' to open the graph");
    this.statements();
    this.expect("}", "'}' to close the graph");
    if (this.peek().kind !== "eof") throw this.expected("the end of the text after the closing '}'");
    return this.result();
  }

  /** statements := (statement [';' | ','])* — up to the closing '}'. */
  private statements(): void {
    while (this.peek().kind !== "}" && this.peek().kind !== "eof") {
      this.statement();
      const next = this.peek().kind;
      if (next === ";" || next === ",") this.position++;
    }
  }

  /** statement := ('graph' | 'node' | 'edge') attributes | ID '=' ID | operand (edgeop operand)* [attributes] */
  private statement(): void {
    const first = this.peek();
    if (this.isKeyword(first, "graph") || this.isKeyword(first, "node") || this.isKeyword(first, "edge")) {
      this.position++;
      this.attributes();
      return;
    }
    if (first.kind === "id" && this.tokens[this.position + 1]!.kind === "=") {
      if (this.isKeyword(first, "subgraph")) throw this.expected("a subgraph name or '{'", this.tokens[this.position + 1]!);
      this.position += 2;
      this.identifier("a value after '='");
      return;
    }
    const operands = [this.operand()];
    const ops: EdgeOp[] = [];
    for (let op = this.peek(); op.kind === "->" || op.kind === "<-" || op.kind === "<->" || op.kind === "--"; op = this.peek()) {
      if (op.kind === "--") {
        throw dotSyntaxError(op.line, op.column, "'->', '<-' or '<->'", "'--'", "Undirected edges are not supported: give each edge a direction (->) or mark confounding with <->.");
      }
      this.position++;
      ops.push(op.kind);
      const right = this.operand();
      this.addEdges(operands[operands.length - 1]!, op.kind, right, op);
      operands.push(right);
    }
    if (this.peek().kind === "[") {
      const roles = this.attributes();
      // Attributes of a node statement (or of a group { a b }) set roles; those of an edge are ignored.
      if (ops.length === 0) for (const role of roles) for (const v of operands[0]!) this.roles[role].add(v);
    }
  }

  /** operand := ID | ['subgraph' [ID]] '{' statements '}' — its node set (for a subgraph, every node named inside). */
  private operand(): string[] {
    const token = this.peek();
    if (this.isKeyword(token, "subgraph") || token.kind === "{") {
      if (token.kind !== "{") {
        this.position++;
        if (this.peek().kind === "id") this.identifier("a subgraph name");
      }
      const open = this.expect("{", "'{' to open the subgraph");
      if (this.collectors.length >= this.maxDepth) throw dotSyntaxError(open.line, open.column, `at most ${this.maxDepth} nested subgraphs`, "a deeper nesting");
      this.collectors.push([]);
      this.statements();
      const inner = [...new Set(this.collectors.pop()!)];
      this.expect("}", "'}' to close the subgraph");
      const outer = this.collectors[this.collectors.length - 1];
      if (outer !== undefined) for (const v of inner) outer.push(v);
      return inner;
    }
    const name = this.identifier("a node name or '{'");
    this.nodes.add(name);
    this.collectors[this.collectors.length - 1]?.push(name);
    return [name];
  }

  /** attributes := ('[' (ID ['=' ID] [';' | ','])* ']')+ — returns the roles switched on. */
  private attributes(): Role[] {
    const roles: Role[] = [];
    while (this.peek().kind === "[") {
      this.position++;
      while (this.peek().kind !== "]") {
        const key = this.identifier("an attribute name or ']'");
        let value: string | null = null;
        if (this.peek().kind === "=") {
          this.position++;
          value = this.identifier("an attribute value after '='");
        }
        const role = ROLE_ATTRIBUTES.find((r) => r === key.toLowerCase());
        if (role !== undefined && (value === null || !FALSE_VALUES.has(value.toLowerCase()))) roles.push(role);
        const next = this.peek().kind;
        if (next === ";" || next === ",") this.position++;
      }
      this.position++;
    }
    return roles;
  }

  /** Records the edges between every node of `left` and every node of `right`. */
  private addEdges(left: readonly string[], op: EdgeOp, right: readonly string[], at: DotToken): void {
    for (const a of left) {
      for (const b of right) {
        if (a === b) {
          throw dotSyntaxError(at.line, at.column, "an edge between two different nodes", `the self-loop ${a} ${op} ${a}`, "A causal graph has no self-loops.");
        }
        if (++this.edgeCount > this.maxEdges) {
          throw dotSyntaxError(at.line, at.column, `at most ${this.maxEdges} edges`, "more edges", "Subgraph chains such as {a b} -> {c d} produce one edge per pair.");
        }
        if (op === "<->") {
          const pair: [string, string] = compareNames(a, b) < 0 ? [a, b] : [b, a];
          this.bidirected.set(JSON.stringify(pair), pair);
        } else {
          const edge: [string, string] = op === "->" ? [a, b] : [b, a];
          this.edges.set(JSON.stringify(edge), edge);
        }
      }
    }
  }

  /** An identifier's value (quoted strings joined by '+'), or a syntax error naming `what`. */
  private identifier(what: string): string {
    const token = this.peek();
    if (token.kind !== "id" || (!token.quoted && KEYWORDS.has(token.text.toLowerCase()))) throw this.expected(what);
    this.position++;
    let value = token.text;
    while (token.quoted && this.peek().kind === "+") {
      this.position++;
      const next = this.peek();
      if (next.kind !== "id" || !next.quoted) throw this.expected("a quoted string after '+'");
      this.position++;
      value += next.text;
    }
    return value;
  }

  private peek(): DotToken {
    return this.tokens[this.position]!;
  }

  private isKeyword(token: DotToken, word: string): boolean {
    return token.kind === "id" && !token.quoted && token.text.toLowerCase() === word;
  }

  private expect(kind: DotToken["kind"], what: string): DotToken {
    const token = this.peek();
    if (token.kind !== kind) throw this.expected(what);
    this.position++;
    return token;
  }

  private expected(what: string, token: DotToken = this.peek()): IslError {
    return dotSyntaxError(token.line, token.column, what, describeToken(token));
  }

  private result(): DotGraph {
    const sortedPairs = (pairs: Iterable<[string, string]>): [string, string][] => [...pairs].sort((p, q) => compareNames(p[0], q[0]) || compareNames(p[1], q[1]));
    const sorted = (set: Set<string>): string[] => [...set].sort(compareNames);
    return {
      nodes: sorted(this.nodes),
      edges: sortedPairs(this.edges.values()),
      bidirected: sortedPairs(this.bidirected.values()),
      latent: sorted(this.roles.latent),
      exposure: sorted(this.roles.exposure),
      outcome: sorted(this.roles.outcome),
      adjusted: sorted(this.roles.adjusted),
    };
  }
}
