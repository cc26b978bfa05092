/**
 * `graph/from-dot` and `graph/to-dot` end to end: the round trip through the wire format, the
 * checks that import adds to syntax (identifier names, size limits, cycles), and error positions.
 */
import { describe, expect, test } from "vitest";
import { GraphFromDotResponse, LIMITS } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

describe("graph/from-dot", () => {
  test("returns the dag object and the roles, sorted", () => {
    const r = runOperation("graph/from-dot", { dot: "dag { x [exposure] y [outcome] u [latent] z [adjusted] x -> y x <- z <-> y ; a -> {b c} u -> {x y} }" });
    expect(r.dag).toEqual({
      nodes: ["a", "b", "c", "u", "x", "y", "z"],
      edges: [["a", "b"], ["a", "c"], ["u", "x"], ["u", "y"], ["x", "y"], ["z", "x"]],
      latent: ["u"],
      bidirected: [["y", "z"]],
    });
    expect(r).toMatchObject({ exposure: ["x"], outcome: ["y"], adjusted: ["z"] });
    expect(GraphFromDotResponse.safeParse(r).success).toBe(true);
  });

  test("the result feeds causal/validate directly", () => {
    const graph = runOperation("graph/from-dot", { dot: "dag { X [exposure] Y [outcome] X -> Y X <-> Y }" });
    const v = runOperation("causal/validate", { dag: graph.dag, treatment: graph.exposure[0]!, outcome: graph.outcome[0]! });
    expect(v.status).toBe("cannot_identify");
    expect(v.backdoor_paths).toEqual(["X ↔ Y"]);
  });

  test("syntax errors carry the line and column", () => {
    const error = expectIslError(() => runOperation("graph/from-dot", { dot: "dag {\n  a -> b\n  b -- c\n}" }), "ISL_INVALID_INPUT");
    expect(error.details).toMatchObject({ field: "dot", line: 3, column: 5, expected: "'->', '<-' or '<->'", found: "'--'" });
  });

  test("names that are not identifiers are rejected with the names", () => {
    const error = expectIslError(() => runOperation("graph/from-dot", { dot: 'dag { "blood pressure" -> "2nd" }' }), "ISL_INVALID_INPUT");
    expect(error.message).toBe(
      'Node names "2nd", "blood pressure" cannot be used in a dag object: names must be identifiers (a letter or underscore, then letters, digits or underscores; at most 100 characters).',
    );
  });

  test("size limits and cycles", () => {
    const many = `dag { ${Array.from({ length: LIMITS.dagNodes + 1 }, (_, i) => `n${i}`).join(" ")} }`;
    expectIslError(() => runOperation("graph/from-dot", { dot: many }), "ISL_INVALID_INPUT", `The DOT graph has ${LIMITS.dagNodes + 1} nodes; a dag object holds at most ${LIMITS.dagNodes}.`);
    expectIslError(() => runOperation("graph/from-dot", { dot: "dag { a -> b -> c -> a }" }), "ISL_DAG_CYCLIC");
    expectIslError(() => runOperation("graph/from-dot", { dot: "dag { }" }), "ISL_DAG_EMPTY");
    expectIslError(() => runOperation("graph/from-dot", { dot: "" }), "ISL_VALIDATION_ERROR");
  });
});

describe("graph/to-dot", () => {
  test("writes canonical text that reads back to the same request", () => {
    const dag = { nodes: ["Y", "X", "Z", "U"], edges: [["Z", "X"], ["X", "Y"], ["Z", "Y"]] as [string, string][], latent: ["U"], bidirected: [["Y", "U"]] as [string, string][] };
    const r = runOperation("graph/to-dot", { dag, exposure: ["X"], outcome: ["Y"], adjusted: ["Z"] });
    expect(r.dot).toBe(["dag {", "  U [latent]", "  X [exposure]", "  Y [outcome]", "  Z [adjusted]", "  X -> Y", "  Z -> X", "  Z -> Y", "  U <-> Y", "}", ""].join("\n"));
    const back = runOperation("graph/from-dot", { dot: r.dot });
    expect(back.dag).toEqual({ nodes: ["U", "X", "Y", "Z"], edges: [["X", "Y"], ["Z", "X"], ["Z", "Y"]], latent: ["U"], bidirected: [["U", "Y"]] });
    expect(back).toMatchObject({ exposure: ["X"], outcome: ["Y"], adjusted: ["Z"] });
  });

  test("rejects roles naming unknown nodes and cyclic graphs", () => {
    expectIslError(() => runOperation("graph/to-dot", { dag: { nodes: ["A"], edges: [] }, outcome: ["B"] }), "ISL_INVALID_INPUT", "outcome names 'B', which is not in nodes. Add 'B' to nodes or remove it from outcome.");
    expectIslError(() => runOperation("graph/to-dot", { dag: { nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] } }), "ISL_DAG_CYCLIC");
  });
});
