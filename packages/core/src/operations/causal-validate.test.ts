import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CausalValidationResponse } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

type Edge = [string, string];
const validate = (nodes: string[], edges: Edge[], treatment: string, outcome: string, extra: Record<string, unknown> = {}) =>
  runOperation("causal/validate", { dag: { nodes, edges, ...extra }, treatment, outcome, ...("observed" in extra ? { observed: extra.observed } : {}) });

const thrown = (fn: () => unknown) => expectIslError(fn);

describe("causal/validate: classic graphs", () => {
  test("upstream schema example: adjust for Brand, with the real back-door path", () => {
    const r = validate(
      ["Price", "Brand", "Revenue", "CustomerAcquisition"],
      [["Price", "Revenue"], ["Brand", "Price"], ["Brand", "Revenue"], ["CustomerAcquisition", "Revenue"]],
      "Price",
      "Revenue",
    );
    expect(r.status).toBe("identifiable");
    expect(r.method).toBe("backdoor");
    expect(r.adjustment_sets).toEqual([["Brand"]]);
    expect(r.minimal_set).toEqual(["Brand"]);
    expect(r.canonical_adjustment_set).toEqual(["Brand", "CustomerAcquisition"]);
    expect(r.identification_formula).toBe("P(Revenue|do(Price)) = Σ_{Brand} P(Revenue|Price, Brand) P(Brand)");
    // Upstream also listed the bogus "Price → Brand → Price → Revenue" (bug register #1).
    expect(r.backdoor_paths).toEqual(["Price ← Brand → Revenue"]);
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("confounder Z → X, Z → Y, X → Y ⇒ {Z}", () => {
    expect(validate(["Z", "X", "Y"], [["Z", "X"], ["Z", "Y"], ["X", "Y"]], "X", "Y").adjustment_sets).toEqual([["Z"]]);
  });

  test("mediator is never an adjustment set (upstream returned {M}: bug #1)", () => {
    const r = validate(["X", "M", "Y", "U"], [["X", "M"], ["M", "Y"], ["U", "X"]], "X", "Y");
    expect(r.adjustment_sets).toEqual([[]]);
    expect(r.empty_set_valid).toBe(true);
    expect(r.minimal_set).toEqual([]);
    expect(r.identification_formula).toBe("P(Y|do(X)) = P(Y|X)");
    expect(r.backdoor_paths).toEqual([]);
  });

  test("three confounding parents ⇒ {A, B, C} (upstream said do_calculus with no set)", () => {
    const r = validate(["A", "B", "C", "X", "Y"], [["A", "X"], ["B", "X"], ["C", "X"], ["A", "Y"], ["B", "Y"], ["C", "Y"], ["X", "Y"]], "X", "Y");
    expect(r.adjustment_sets).toEqual([["A", "B", "C"]]);
    expect(r.method).toBe("backdoor");
  });

  test("M-bias: the empty set is valid, the collider alone is not", () => {
    const r = validate(["X", "Y", "A", "B", "M"], [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]], "X", "Y");
    expect(r.adjustment_sets).toEqual([[]]);
    expect(r.adjustment_sets).not.toContainEqual(["M"]);
  });

  test("no causal path is a zero effect, identifiable, not 'cannot_identify'", () => {
    const r = validate(["Z", "X", "Y"], [["Z", "X"], ["Z", "Y"]], "X", "Y");
    expect(r.status).toBe("identifiable");
    expect(r.reason).toBe("no_causal_path");
    expect(r.has_causal_path).toBe(false);
    expect(r.adjustment_sets).toEqual([["Z"]]);
    expect(r.explanation.summary).toContain("zero");
    expect(r.issues?.map((i) => i.type)).toContain("missing_connection");
  });

  test("latent confounder ⇒ cannot_identify, with the unblockable path, the hedge and what to measure", () => {
    // X → Y with X ← U → Y and U unmeasured: no adjustment set, no front-door set, no instrument; ID finds a hedge.
    const r = validate(["X", "U", "Y"], [["U", "X"], ["U", "Y"], ["X", "Y"]], "X", "Y", { latent: ["U"] });
    expect(r.status).toBe("cannot_identify");
    expect(r.reason).toBe("unmeasured_confounding");
    expect(r.adjustment_sets).toEqual([]);
    expect(r.canonical_adjustment_set).toBeNull();
    expect(r.backdoor_paths).toEqual(["X ← U → Y"]);
    expect(r.issues?.[0]?.description).toContain("X ← U → Y");
    expect(r.suggestions?.map((s) => s.action.measure_node)).toEqual(["U"]);
    expect(r.hedge).toEqual({ f: ["X", "Y"], f_prime: ["Y"] });
    expect(r.alternative_methods?.map((m) => [m.method, m.applicable])).toEqual([
      ["backdoor", false],
      ["front_door", false],
      ["do_calculus", false],
      ["instrumental_variables", false],
    ]);
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("front-door graph (X → M → Y, X ← U → Y, U latent) ⇒ identifiable by the front-door formula", () => {
    const r = validate(["X", "U", "Y", "M"], [["U", "X"], ["U", "Y"], ["X", "M"], ["M", "Y"]], "X", "Y", { latent: ["U"] });
    expect(r.status).toBe("identifiable");
    expect(r.method).toBe("front_door");
    expect(r.front_door_sets).toEqual([["M"]]);
    expect(r.identification_formula).toBe("P(Y|do(X)) = Σ_{M} P(M|X) Σ_{X'} P(Y|X', M) P(X')");
    expect(r.adjustment_sets).toEqual([]);
    expect(r.backdoor_paths).toEqual(["X ← U → Y"]);
    expect(r.alternative_methods?.map((m) => [m.method, m.applicable])).toEqual([
      ["backdoor", false],
      ["front_door", true],
      ["do_calculus", true],
      ["instrumental_variables", false],
    ]);
    // Measuring U would allow plain adjustment: an optional suggestion.
    expect(r.suggestions?.map((s) => [s.action.measure_node, s.priority])).toEqual([["U", "optional"]]);
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("napkin graph ⇒ identifiable by the do-calculus only (ID), with the estimand", () => {
    const r = validate(["W", "Z", "X", "Y"], [["W", "Z"], ["Z", "X"], ["X", "Y"]], "X", "Y", { bidirected: [["W", "X"], ["W", "Y"]] });
    expect(r.status).toBe("identifiable");
    expect(r.method).toBe("do_calculus");
    expect(r.identification_formula).toMatch(/^P\(Y \| do\(X\)\) = /);
    expect(r.front_door_sets).toEqual([]);
    // Z given W is also a conditional instrument, but nonparametric identification comes first.
    expect(r.instruments).toEqual([{ instrument: "Z", conditioning_set: ["W"], estimand: "β(X → Y) = Cov(Y, Z | W) / Cov(X, Z | W)" }]);
    expect(r.alternative_methods?.map((m) => [m.method, m.applicable])).toEqual([
      ["backdoor", false],
      ["front_door", false],
      ["do_calculus", true],
      ["instrumental_variables", true],
    ]);
  });

  test("classic instrument with X ↔ Y ⇒ identifiable only under linearity, with the hedge", () => {
    const r = validate(["I", "X", "Y"], [["I", "X"], ["X", "Y"]], "X", "Y", { bidirected: [["X", "Y"]] });
    expect(r.status).toBe("identifiable");
    expect(r.method).toBe("instrumental_variables");
    expect(r.reason).toBe("identified_under_linearity");
    expect(r.confidence).toBe("medium");
    expect(r.identification_formula).toBe("β(X → Y) = Cov(Y, I) / Cov(X, I)");
    expect(r.hedge).toEqual({ f: ["X", "Y"], f_prime: ["Y"] });
    expect(r.structured_assumptions?.map((a) => a.type)).toContain("linearity");
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("upstream 'observed' field: unlisted nodes are latent", () => {
    const r = validate(["X", "U", "Y"], [["U", "X"], ["U", "Y"], ["X", "Y"]], "X", "Y", { observed: ["X", "Y"] });
    expect(r.status).toBe("cannot_identify");
    expect(r.latent_nodes).toEqual(["U"]);
  });

  test("a latent node is never proposed, even when it would block", () => {
    const r = validate(["X", "U", "Z", "Y"], [["U", "X"], ["U", "Z"], ["Z", "Y"], ["X", "Y"]], "X", "Y", { latent: ["U"] });
    expect(r.adjustment_sets).toEqual([["Z"]]);
  });

  test("max_results caps the list and says so", () => {
    // k back-door paths X ← A_i ← B_i → Y, each blocked by A_i or B_i: 2^k minimal sets.
    const nodes = ["X", "Y"];
    const edges: Edge[] = [["X", "Y"]];
    for (let i = 0; i < 4; i++) {
      nodes.push(`A${i}`, `B${i}`);
      edges.push([`A${i}`, "X"], [`B${i}`, `A${i}`], [`B${i}`, "Y"]);
    }
    const all = runOperation("causal/validate", { dag: { nodes, edges }, treatment: "X", outcome: "Y" });
    expect(all.adjustment_sets).toHaveLength(16);
    expect(all.adjustment_sets_truncated).toBe(false);
    expect(all.minimal_set).toEqual(["A0", "A1", "A2", "A3"]);
    const capped = runOperation("causal/validate", { dag: { nodes, edges }, treatment: "X", outcome: "Y", max_results: 5 });
    expect(capped.adjustment_sets).toHaveLength(5);
    expect(capped.adjustment_sets_truncated).toBe(true);
    for (const s of capped.adjustment_sets ?? []) expect(all.adjustment_sets).toContainEqual(s);
  });
});

describe("causal/validate: bad input gets a clear error", () => {
  test("cycle ⇒ 400 ISL_DAG_CYCLIC naming the cycle", () => {
    const e = thrown(() => validate(["A", "B", "C"], [["A", "B"], ["B", "C"], ["C", "A"]], "A", "C"));
    expect(e.code).toBe("ISL_DAG_CYCLIC");
    expect(e.details.cycle).toEqual(["A", "B", "C", "A"]);
  });

  test("unknown treatment ⇒ ISL_NODE_NOT_FOUND listing the available nodes", () => {
    const e = thrown(() => validate(["A", "B"], [["A", "B"]], "Q", "B"));
    expect(e.code).toBe("ISL_NODE_NOT_FOUND");
    expect(e.message).toContain("Treatment node 'Q' not found in graph. Available nodes: A, B");
  });

  test.each([
    { name: "empty graph", body: { dag: { nodes: [], edges: [] }, treatment: "A", outcome: "B" }, path: "body.dag.nodes" },
    { name: "duplicate node", body: { dag: { nodes: ["A", "A"], edges: [] }, treatment: "A", outcome: "B" }, path: "body.dag.nodes" },
    { name: "unknown endpoint", body: { dag: { nodes: ["A"], edges: [["A", "D"]] }, treatment: "A", outcome: "D" }, path: "body.dag.edges.0" },
    { name: "self-loop", body: { dag: { nodes: ["A", "B"], edges: [["B", "B"]] }, treatment: "A", outcome: "B" }, path: "body.dag.edges.0" },
    { name: "missing outcome", body: { dag: { nodes: ["A"], edges: [] }, treatment: "A" }, path: "body.outcome" },
  ])("$name ⇒ 422 ISL_VALIDATION_ERROR at $path", ({ body, path }) => {
    const e = thrown(() => runOperation("causal/validate", body));
    expect(e.code).toBe("ISL_VALIDATION_ERROR");
    expect(e.validationFailures?.some((f) => f.startsWith(`${path}:`))).toBe(true);
  });

  test("latent treatment, same treatment and outcome, unknown observed ⇒ 400 with the field", () => {
    expect(thrown(() => validate(["X", "Y"], [["X", "Y"]], "X", "Y", { latent: ["X"] })).code).toBe("ISL_INVALID_INPUT");
    expect(thrown(() => validate(["X", "Y"], [["X", "Y"]], "X", "X")).code).toBe("ISL_INVALID_INPUT");
    expect(thrown(() => validate(["X", "Y"], [["X", "Y"]], "X", "Y", { observed: ["X", "Y", "Q"] })).code).toBe("ISL_NODE_NOT_FOUND");
  });
});

interface OracleCase {
  id: number;
  nodes: string[];
  edges: Edge[];
  latent: string[];
  exposure: string;
  outcome: string;
  has_causal_path: boolean;
  adjustment: { minimal_sets: string[][]; minimal_sets_truncated: boolean; canonical: string[] | null; identifiable_by_adjustment: boolean; empty_set_valid: boolean };
}

const oracle: OracleCase[] = readFileSync(fileURLToPath(new URL("../../test/fixtures/adjustment-dsep-oracle.jsonl", import.meta.url)), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as OracleCase);

describe("causal/validate agrees with the oracle end to end", () => {
  test.each(oracle.map((c) => [c.id, c] as const))("case %i", (_id, c) => {
    const r = runOperation("causal/validate", { dag: { nodes: c.nodes, edges: c.edges, latent: c.latent }, treatment: c.exposure, outcome: c.outcome, max_results: 1000 });
    expect(r.has_causal_path).toBe(c.has_causal_path);
    if (c.adjustment.identifiable_by_adjustment) expect([r.status, r.method]).toEqual(["identifiable", "backdoor"]);
    else if (!c.has_causal_path) expect([r.status, r.method]).toEqual(["identifiable", "do_calculus"]);
    else {
      // Adjustment fails: front-door, ID or instruments may still identify the effect, else a hedge proves it cannot be.
      expect(r.method === undefined ? r.status : r.method).toBe(
        (r.front_door_sets ?? []).length > 0 ? "front_door" : r.hedge === undefined ? "do_calculus" : (r.instruments ?? []).length > 0 ? "instrumental_variables" : "cannot_identify",
      );
      expect(r.alternative_methods?.[0]).toMatchObject({ method: "backdoor", applicable: false });
    }
    expect(r.canonical_adjustment_set).toEqual(c.adjustment.canonical);
    expect(r.empty_set_valid).toBe(c.adjustment.empty_set_valid);
    if (c.adjustment.minimal_sets_truncated) {
      for (const s of c.adjustment.minimal_sets) expect(r.adjustment_sets).toContainEqual(s);
    } else {
      expect(r.adjustment_sets).toEqual(c.adjustment.minimal_sets);
    }
  });
});

describe("causal/validate: determinism", () => {
  const nodes = ["Price", "Brand", "Revenue", "Season", "Ads"];
  const edges: Edge[] = [["Brand", "Price"], ["Brand", "Revenue"], ["Season", "Ads"], ["Season", "Revenue"], ["Ads", "Price"], ["Price", "Revenue"]];
  const strip = ({ _metadata, ...rest }: Record<string, unknown>) => rest;

  test("same request ⇒ same bytes", () => {
    const req = { dag: { nodes, edges }, treatment: "Price", outcome: "Revenue" };
    expect(JSON.stringify(runOperation("causal/validate", req))).toBe(JSON.stringify(runOperation("causal/validate", structuredClone(req))));
  });

  test("node and edge order do not change the answer", () => {
    const reference = strip(runOperation("causal/validate", { dag: { nodes, edges }, treatment: "Price", outcome: "Revenue" }));
    fc.assert(
      fc.property(fc.shuffledSubarray(nodes, { minLength: nodes.length }), fc.shuffledSubarray(edges, { minLength: edges.length }), (n, e) => {
        const r = strip(runOperation("causal/validate", { dag: { nodes: n, edges: e }, treatment: "Price", outcome: "Revenue" }));
        expect(r).toEqual(reference);
      }),
      { seed: 20261127, numRuns: 50 },
    );
  });
});
