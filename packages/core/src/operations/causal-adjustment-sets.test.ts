/**
 * `causal/adjustment-sets` end to end through `runOperation`: each kind on a confounded graph with
 * a mediator and a precision variable, the `why` evidence, constraints, obstructions (latent
 * confounding, forbidden `must`, constraints that remove every set), the O-set report, several
 * exposures, truncation, the response schema, and bad input.
 */
import { describe, expect, test } from "vitest";
import { CausalAdjustmentSetsResponse } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

type Edge = [string, string];
/** Price ← Brand → Revenue, Price → Ads → Revenue, Price → Revenue, Region → Revenue, Cost → Price. */
const marketing = {
  nodes: ["Price", "Brand", "Ads", "Region", "Cost", "Revenue"],
  edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Ads"], ["Ads", "Revenue"], ["Price", "Revenue"], ["Region", "Revenue"], ["Cost", "Price"]] as Edge[],
};
const run = (request: Record<string, unknown>) => {
  const r = runOperation("causal/adjustment-sets", { dag: marketing, exposure: "Price", outcome: "Revenue", ...request });
  expect(CausalAdjustmentSetsResponse.safeParse(r).success).toBe(true);
  return r;
};

describe("causal/adjustment-sets: kinds", () => {
  test("minimal (the default): {Brand}, with the path it blocks", () => {
    const r = run({});
    expect(r).toMatchObject({ status: "identifiable", kind: "minimal", exposure: ["Price"], outcome: ["Revenue"], sets: [["Brand"]], truncated: false, empty_set_valid: false });
    expect(r.backdoor_paths).toEqual(["Price ← Brand → Revenue"]);
    expect(r.why).toEqual([{ set: ["Brand"], blocks: [{ path: "Price ← Brand → Revenue", blocked_by: ["Brand"] }], truncated: false }]);
    expect(r.obstruction).toBeUndefined();
    expect(r.explanation.summary).toBe("1 minimal adjustment set(s) identify the effect of Price on Revenue.");
  });

  test("canonical: every non-forbidden observed ancestor", () => {
    expect(run({ kind: "canonical" }).sets).toEqual([["Brand", "Cost", "Region"]]);
  });

  test("all: Brand plus any subset of Cost and Region", () => {
    expect(run({ kind: "all" }).sets).toEqual([["Brand"], ["Brand", "Cost"], ["Brand", "Cost", "Region"], ["Brand", "Region"]]);
  });

  test("optimal: the confounder and the precision variable, not the instrument-like Cost", () => {
    const r = run({ kind: "optimal" });
    expect(r.sets).toEqual([["Brand", "Region"]]);
    expect(r.optimal).toMatchObject({ applicable: true, reason: null, causal_nodes: ["Ads", "Revenue"] });
    expect(r.explanation.summary).toBe("The optimal adjustment set for the effect of Price on Revenue is {Brand, Region}.");
  });

  test("max_results truncates, and why covers the returned sets", () => {
    const r = run({ kind: "all", max_results: 2 });
    expect(r.sets).toHaveLength(2);
    expect(r.truncated).toBe(true);
    expect(r.why.map((w) => w.set)).toEqual(r.sets);
  });
});

describe("causal/adjustment-sets: constraints", () => {
  test("must Region: minimal sets among supersets of {Region}", () => {
    expect(run({ must: ["Region"] }).sets).toEqual([["Brand", "Region"]]);
  });

  test("must a mediator: no_valid_set, required_node_forbidden", () => {
    const r = run({ must: ["Ads"] });
    expect(r.status).toBe("no_valid_set");
    expect(r.sets).toEqual([]);
    expect(r.obstruction).toMatchObject({ reason: "required_node_forbidden", nodes: ["Ads"], candidate: null, open_path: null, unconstrained_identifiable: true });
  });

  test("must_not the confounder: the open path that defeats every set", () => {
    const r = run({ must_not: ["Brand"] });
    expect(r.status).toBe("no_valid_set");
    expect(r.obstruction).toMatchObject({ reason: "open_path", open_path: "Price ← Brand → Revenue", candidate: ["Cost", "Region"], unconstrained_identifiable: true });
    expect(r.explanation.summary).toBe("No adjustment set identifies the effect of Price on Revenue under the given constraints.");
  });

  test("optimal with a constraint O violates: not applicable, no set", () => {
    const r = run({ kind: "optimal", must_not: ["Region"] });
    expect(r.status).toBe("identifiable");
    expect(r.sets).toEqual([]);
    expect(r.optimal).toMatchObject({ applicable: false, reason: "constraints_violated" });
  });
});

describe("causal/adjustment-sets: latent confounding, several exposures", () => {
  test("latent confounder: no_valid_set, the open path through it", () => {
    const r = runOperation("causal/adjustment-sets", { dag: { nodes: ["X", "Y", "U", "Z"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"], ["Z", "X"]], latent: ["U"] }, exposure: "X", outcome: "Y" });
    expect(r.status).toBe("no_valid_set");
    expect(r.latent_nodes).toEqual(["U"]);
    expect(r.obstruction).toMatchObject({ reason: "open_path", open_path: "X ← U → Y", candidate: ["Z"], unconstrained_identifiable: false });
  });

  test("bidirected edge X ↔ Y: no set, the path is shown as X ↔ Y", () => {
    const r = runOperation("causal/adjustment-sets", { dag: { nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] }, exposure: "X", outcome: "Y", kind: "all" });
    expect(r.status).toBe("no_valid_set");
    expect(r.backdoor_paths).toEqual(["X ↔ Y"]);
    expect(r.obstruction?.open_path).toBe("X ↔ Y");
  });

  test("two exposures: the sets of the joint effect; optimal declines", () => {
    const dag = { nodes: ["X1", "X2", "Y", "C", "M"], edges: [["C", "X1"], ["C", "Y"], ["X1", "M"], ["M", "X2"], ["X2", "Y"], ["X1", "Y"]] as Edge[] };
    const r = runOperation("causal/adjustment-sets", { dag, exposure: ["X2", "X1"], outcome: "Y" });
    expect(r.exposure).toEqual(["X1", "X2"]);
    expect(r.sets).toEqual([["C"]]);
    const o = runOperation("causal/adjustment-sets", { dag, exposure: ["X1", "X2"], outcome: "Y", kind: "optimal" });
    expect(o).toMatchObject({ status: "identifiable", sets: [], optimal: { applicable: false, reason: "multiple_exposures" } });
  });
});

describe("causal/adjustment-sets: bad input", () => {
  test("unknown nodes, latent exposure, overlapping roles, bad kind", () => {
    expectIslError(() => run({ exposure: "Nope" }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => run({ must: ["Nope"] }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => runOperation("causal/adjustment-sets", { dag: { ...marketing, latent: ["Price"] }, exposure: "Price", outcome: "Revenue" }), "ISL_INVALID_INPUT");
    expectIslError(() => run({ outcome: "Price" }), "ISL_INVALID_INPUT");
    expectIslError(() => run({ must: ["Brand"], must_not: ["Brand"] }), "ISL_INVALID_INPUT");
    expectIslError(() => run({ kind: "best" }), "ISL_VALIDATION_ERROR");
    expectIslError(() => run({ exposure: [] }), "ISL_VALIDATION_ERROR");
    expectIslError(() => run({ max_results: 0 }), "ISL_VALIDATION_ERROR");
  });
});
