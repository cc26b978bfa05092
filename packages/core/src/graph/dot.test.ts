/**
 * Table tests of DOT import and export: the DAGitty dialect (roles, `<->`, subgraph operands,
 * graph attributes, layout positions), DOT syntax (strict, chains, comments, quoting, separators),
 * every error with its line and column, the limits, and the canonical output of toDot.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { dotName, parseDot, toDot, type DotGraph } from "./index.js";

const empty: Omit<DotGraph, "nodes"> = { edges: [], bidirected: [], latent: [], exposure: [], outcome: [], adjusted: [] };

describe("parseDot", () => {
  it("reads the DAGitty example of the spec", () => {
    expect(parseDot("dag { x [exposure] y [outcome] u [latent] z [adjusted] x -> y x <- z <-> y ; a -> {b c} }")).toEqual({
      nodes: ["a", "b", "c", "u", "x", "y", "z"],
      edges: [["a", "b"], ["a", "c"], ["x", "y"], ["z", "x"]],
      bidirected: [["y", "z"]],
      latent: ["u"],
      exposure: ["x"],
      outcome: ["y"],
      adjusted: ["z"],
    });
  });

  it("reads what DAGitty writes (graph attributes, positions, attribute lists with commas)", () => {
    const text = ['dag {', 'bb="-2.5,-2,2.5,2"', 'Brand [pos="-1,-1"]', 'Price [exposure,pos="0,0"]', 'Revenue [outcome,pos="1,0"]', "Brand -> Price", "Brand -> Revenue", "Price -> Revenue", "}"].join("\n");
    expect(parseDot(text)).toEqual({
      ...empty,
      nodes: ["Brand", "Price", "Revenue"],
      edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]],
      exposure: ["Price"],
      outcome: ["Revenue"],
    });
  });

  it.each([
    { name: "digraph with a name and strict", text: "strict digraph G { a -> b }", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "chains", text: "dag { a -> b -> c <- d }", nodes: ["a", "b", "c", "d"], edges: [["a", "b"], ["b", "c"], ["d", "c"]] },
    { name: "groups on both sides", text: "dag { {a b} -> {c d} }", nodes: ["a", "b", "c", "d"], edges: [["a", "c"], ["a", "d"], ["b", "c"], ["b", "d"]] },
    { name: "subgraph keyword and inner edges", text: "dag { subgraph s { a -> b } -> c }", nodes: ["a", "b", "c"], edges: [["a", "b"], ["a", "c"], ["b", "c"]] },
    { name: "nested groups", text: "dag { x -> { a { b c } } }", nodes: ["a", "b", "c", "x"], edges: [["x", "a"], ["x", "b"], ["x", "c"]] },
    { name: "repeated edges count once", text: "dag { a -> b; a -> b; b <- a }", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "separators ; and , and newlines", text: "dag {\na -> b;\nc, d\n}", nodes: ["a", "b", "c", "d"], edges: [["a", "b"]] },
    { name: "keywords are case-insensitive", text: "DiGraph { NODE [shape=box] a -> b }", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "default attribute statements are ignored", text: "dag { graph [rankdir=LR] edge [color=red] a -> b }", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "edge attributes are ignored", text: "dag { a -> b [latent, weight=2] }", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "numerals are names", text: "dag { 1 -> 2.5 -> -3 }", nodes: ["-3", "1", "2.5"], edges: [["1", "2.5"], ["2.5", "-3"]] },
    { name: "comments", text: "# generated\ndag { // line\n a /* block\n over lines */ -> b\n  # hash line\n}", nodes: ["a", "b"], edges: [["a", "b"]] },
    { name: "unicode names", text: "dag { größe -> 体重 }", nodes: ["größe", "体重"], edges: [["größe", "体重"]] },
  ])("$name", ({ text, nodes, edges }) => {
    expect(parseDot(text)).toEqual({ ...empty, nodes, edges });
  });

  it("reads quoted names with escapes, '+' concatenation and keywords as names", () => {
    const g = parseDot('dag { "blood pressure" -> "say \\"hi\\"" "node" -> "a\\\\b" "con" + "cat" [latent] "x\\\ny" }');
    expect(g.nodes).toEqual(["a\\b", "blood pressure", "concat", "node", 'say "hi"', "xy"]);
    expect(g.edges).toEqual([["blood pressure", 'say "hi"'], ["node", "a\\b"]]);
    expect(g.latent).toEqual(["concat"]);
  });

  it("applies roles to groups, honours false values and ignores unknown attributes", () => {
    const g = parseDot("dag { {a b} [adjusted] c [latent=false, exposure=true] d [selected, outcome] }");
    expect(g).toEqual({ ...empty, nodes: ["a", "b", "c", "d"], adjusted: ["a", "b"], exposure: ["c"], outcome: ["d"] });
  });

  it("records bidirected edges once, in name order", () => {
    expect(parseDot("dag { b <-> a a <-> b c <-> {a b} }").bidirected).toEqual([["a", "b"], ["a", "c"], ["b", "c"]]);
  });

  it.each([
    { name: "undirected graph", text: "graph { a -- b }", line: 1, column: 1, expected: "'dag' or 'digraph'", found: "'graph'" },
    { name: "pdag", text: "pdag { a -- b }", line: 1, column: 1, expected: "'dag' or 'digraph'", found: "'pdag'" },
    { name: "no graph type", text: "{ a -> b }", line: 1, column: 1, expected: "'dag' or 'digraph' (the graph type)", found: "'{'" },
    { name: "undirected edge", text: "dag {\n  a -- b\n}", line: 2, column: 5, expected: "'->', '<-' or '<->'", found: "'--'" },
    { name: "missing operand", text: "dag { a -> }", line: 1, column: 12, expected: "a node name or '{'", found: "'}'" },
    { name: "unclosed graph", text: "dag { a -> b", line: 1, column: 13, expected: "'}' to close the graph", found: "the end of the text" },
    { name: "text after the graph", text: "dag { } x", line: 1, column: 9, expected: "the end of the text after the closing '}'", found: "'x'" },
    { name: "unclosed string", text: 'dag {\n "a -> b }', line: 2, column: 2, expected: "'\"' to close the quoted name", found: "the end of the text" },
    { name: "unclosed comment", text: "dag { /* a -> b }", line: 1, column: 7, expected: "'*/' to close the comment", found: "the end of the text" },
    { name: "self-loop", text: "dag { a -> a }", line: 1, column: 9, expected: "an edge between two different nodes", found: "the self-loop a -> a" },
    { name: "bidirected self-loop in a group", text: "dag { a <-> {b a} }", line: 1, column: 9, expected: "an edge between two different nodes", found: "the self-loop a <-> a" },
    { name: "port", text: "dag { a:n -> b }", line: 1, column: 8, expected: "a name, an edge (->, <-, <->) or punctuation ({ } [ ] = ; ,)", found: "':'" },
    { name: "HTML label", text: "dag { <b> }", line: 1, column: 7, expected: "a name, an edge (->, <-, <->) or punctuation ({ } [ ] = ; ,)", found: "'<'" },
    { name: "digit-led name", text: "dag { 2x -> y }", line: 1, column: 7, expected: "a name", found: "'2x…'" },
    { name: "unclosed attribute list", text: "dag { a [exposure }", line: 1, column: 19, expected: "an attribute name or ']'", found: "'}'" },
    { name: "keyword as a node", text: "dag { a -> node }", line: 1, column: 12, expected: "a node name or '{'", found: "'node'" },
    { name: "'+' without a string", text: 'dag { "a" + b }', line: 1, column: 13, expected: "a quoted string after '+'", found: "'b'" },
  ])("rejects $name at line $line, column $column", ({ text, line, column, expected, found }) => {
    const error = expectIslError(() => parseDot(text), "ISL_INVALID_INPUT");
    expect(error.details).toEqual({ field: "dot", line, column, expected, found });
    expect(error.message.startsWith(`DOT syntax error at line ${line}, column ${column}: expected ${expected}, found ${found}.`)).toBe(true);
  });

  it("enforces the length, nesting and edge limits", () => {
    expectIslError(() => parseDot("dag { a -> b }", { maxLength: 5 }), "ISL_INVALID_INPUT", "The DOT text has 14 characters; at most 5 are accepted.");
    expect(expectIslError(() => parseDot("dag { {{{a}}} }", { maxDepth: 2 })).details).toMatchObject({ line: 1, column: 9, expected: "at most 2 nested subgraphs" });
    expect(parseDot("dag { {{a}} }", { maxDepth: 2 }).nodes).toEqual(["a"]);
    expect(expectIslError(() => parseDot("dag { {a b} -> {c d} }", { maxEdges: 3 })).details).toMatchObject({ expected: "at most 3 edges" });
    const deep = `dag { ${"{".repeat(5000)}a${"}".repeat(5000)} }`;
    expectIslError(() => parseDot(deep), "ISL_INVALID_INPUT");
  });

  it("rejects text that is not a string", () => {
    expectIslError(() => parseDot(42 as unknown as string), "ISL_INVALID_INPUT", "The DOT text must be a string.");
  });
});

describe("toDot", () => {
  it("writes canonical text: nodes with roles, then edges, then bidirected edges, all sorted", () => {
    const text = toDot({
      nodes: ["y", "x", "u", "z", "w"],
      edges: [["x", "y"], ["u", "x"], ["u", "y"], ["x", "y"]],
      bidirected: [["z", "y"], ["y", "z"]],
      latent: ["u"],
      exposure: ["x"],
      outcome: ["y"],
      adjusted: ["z", "x"],
    });
    expect(text).toBe(["dag {", "  u [latent]", "  w", "  x [exposure, adjusted]", "  y [outcome]", "  z [adjusted]", "  u -> x", "  u -> y", "  x -> y", "  y <-> z", "}", ""].join("\n"));
  });

  it("quotes names that are not plain identifiers or are keywords", () => {
    expect(dotName("Price")).toBe("Price");
    expect(dotName("_x1")).toBe("_x1");
    expect(dotName("blood pressure")).toBe('"blood pressure"');
    expect(dotName('say "hi"')).toBe('"say \\"hi\\""');
    expect(dotName("a\\b")).toBe('"a\\\\b"');
    expect(dotName("node")).toBe('"node"');
    expect(dotName("Graph")).toBe('"Graph"');
    expect(dotName("1st")).toBe('"1st"');
    expect(dotName("")).toBe('""');
  });

  it("rejects edges and roles naming unknown nodes", () => {
    expectIslError(() => toDot({ nodes: ["a"], edges: [["a", "b"]] }), "ISL_INVALID_INPUT", "edges names 'b', which is not in nodes. Add 'b' to nodes or remove it from edges.");
    expectIslError(() => toDot({ nodes: ["a"], edges: [], outcome: ["q"] }), "ISL_INVALID_INPUT");
    expectIslError(() => toDot({ nodes: ["a"], edges: [], bidirected: [["a", "q"]] }), "ISL_INVALID_INPUT");
  });
});
