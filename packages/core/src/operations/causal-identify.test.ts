/** `causal/identify` end to end through `runOperation`: latent nodes, bidirected edges, IDC, hedges, errors. */
import { CausalIdentifyResponse } from "@olumi/contracts";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

const FRONT_DOOR_LATENT = {
  nodes: ["Smoking", "Tar", "Cancer", "Genotype"],
  edges: [
    ["Smoking", "Tar"],
    ["Tar", "Cancer"],
    ["Genotype", "Smoking"],
    ["Genotype", "Cancer"],
  ] as [string, string][],
  latent: ["Genotype"],
};

describe("causal/identify", () => {
  it("identifies the front-door effect through a latent confounder, with a schema-valid response", () => {
    const response = runOperation("causal/identify", { dag: FRONT_DOOR_LATENT, treatment: "Smoking", outcome: "Cancer" });
    expect(CausalIdentifyResponse.safeParse(response).success).toBe(true);
    expect(response).toMatchObject({
      identifiable: true,
      query: { text: "P(Cancer | do(Smoking))" },
      estimand: { text: "Σ_{Tar} P(Tar | Smoking) Σ_{Smoking'} P(Cancer | Smoking', Tar) P(Smoking')" },
      identification_formula: "P(Cancer | do(Smoking)) = Σ_{Tar} P(Tar | Smoking) Σ_{Smoking'} P(Cancer | Smoking', Tar) P(Smoking')",
      latent_nodes: ["Genotype"],
      moved_to_treatment: [],
      invariant_variables: [],
      steps_truncated: false,
    });
    expect(response.hedge).toBeUndefined();
    expect(response.estimand!.ast).toEqual({
      type: "sum",
      over: ["Tar"],
      body: {
        type: "product",
        factors: [
          { type: "probability", variables: ["Tar"], given: ["Smoking"] },
          {
            type: "sum",
            over: ["Smoking'"],
            body: {
              type: "product",
              factors: [
                { type: "probability", variables: ["Cancer"], given: ["Smoking'", "Tar"] },
                { type: "probability", variables: ["Smoking'"], given: [] },
              ],
            },
          },
        ],
      },
    });
    expect(response._metadata?.seed_source).toBe("derived");
  });

  it("gives the same answer for a bidirected edge and for the `observed` list", () => {
    const bidirected = runOperation("causal/identify", {
      dag: { nodes: ["Smoking", "Tar", "Cancer"], edges: [["Smoking", "Tar"], ["Tar", "Cancer"]], bidirected: [["Cancer", "Smoking"]] },
      treatment: ["Smoking"],
      outcome: ["Cancer"],
    });
    const observed = runOperation("causal/identify", { dag: { ...FRONT_DOOR_LATENT, latent: [] }, observed: ["Smoking", "Tar", "Cancer"], treatment: "Smoking", outcome: "Cancer" });
    expect(bidirected.estimand).toEqual(observed.estimand);
    expect(bidirected.latent_nodes).toEqual([]);
    expect(observed.latent_nodes).toEqual(["Genotype"]);
  });

  it("returns the hedge when the effect is not identifiable", () => {
    const response = runOperation("causal/identify", {
      dag: { nodes: ["X", "Y", "Z"], edges: [["Z", "X"], ["X", "Y"]], bidirected: [["X", "Y"]] },
      treatment: "X",
      outcome: "Y",
    });
    expect(CausalIdentifyResponse.safeParse(response).success).toBe(true);
    expect(response).toMatchObject({ identifiable: false, hedge: { f: ["X", "Y"], f_prime: ["Y"] } });
    expect(response.estimand).toBeUndefined();
    expect(response.identification_formula).toBeUndefined();
    expect(response.explanation.summary).toBe("P(Y | do(X)) is not identifiable from observational data: no formula over the observed variables equals it in every model the graph allows.");
    expect(response.steps.at(-1)!.line).toBe("ID line 5");
  });

  it("runs IDC for a conditioning set and reports what rule 2 moved", () => {
    const response = runOperation("causal/identify", {
      dag: { nodes: ["X", "M", "Y"], edges: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] },
      treatment: "X",
      outcome: "Y",
      given: ["M"],
    });
    expect(response).toMatchObject({
      identifiable: true,
      query: { text: "P(Y | do(X), M)", latex: "P(Y \\mid \\mathrm{do}(X), M)" },
      given: ["M"],
      moved_to_treatment: ["M"],
      estimand: { text: "Σ_{X'} P(Y | M, X') P(X')" },
    });
    expect(response.steps[0]!.line).toBe("IDC line 1");
  });

  it("lists the nodes outside the query that the estimand mentions (Verma's graph)", () => {
    const response = runOperation("causal/identify", {
      dag: { nodes: ["V1", "V2", "V3", "V4"], edges: [["V1", "V2"], ["V2", "V3"], ["V3", "V4"]], bidirected: [["V2", "V4"]] },
      treatment: "V3",
      outcome: "V4",
    });
    expect(response.identifiable).toBe(true);
    expect(response.invariant_variables).toEqual(["V1"]);
    expect(response.explanation.reasoning).toContain("The formula also mentions V1");
  });

  it("does not depend on the order of the input lists", () => {
    const a = runOperation("causal/identify", { dag: FRONT_DOOR_LATENT, treatment: ["Smoking"], outcome: ["Cancer"] });
    const b = runOperation("causal/identify", {
      dag: { nodes: [...FRONT_DOOR_LATENT.nodes].reverse(), edges: [...FRONT_DOOR_LATENT.edges].reverse(), latent: ["Genotype"] },
      treatment: ["Smoking"],
      outcome: ["Cancer"],
    });
    const { _metadata: _ma, ...restA } = a;
    const { _metadata: _mb, ...restB } = b;
    expect(restB).toEqual(restA);
  });

  it("rejects unknown, latent and overlapping nodes with clear errors", () => {
    const dag = FRONT_DOOR_LATENT;
    const unknown = expectIslError(() => runOperation("causal/identify", { dag, treatment: "Coffee", outcome: "Cancer" }), "ISL_NODE_NOT_FOUND");
    expect(unknown.message).toBe("Treatment node 'Coffee' not found in graph. Available nodes: Cancer, Genotype, Smoking, Tar");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: "Smoking", outcome: "Cancer", given: ["Nope"] }), "ISL_NODE_NOT_FOUND");
    const latent = expectIslError(() => runOperation("causal/identify", { dag, treatment: "Genotype", outcome: "Cancer" }), "ISL_INVALID_INPUT");
    expect(latent.message).toBe("Treatment node(s) 'Genotype' are latent (unobserved); identification is about effects of and on measured variables.");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: "Smoking", outcome: "Genotype" }), "ISL_INVALID_INPUT");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: "Smoking", outcome: "Cancer", given: ["Genotype"] }), "ISL_INVALID_INPUT");
    const overlap = expectIslError(() => runOperation("causal/identify", { dag, treatment: ["Smoking", "Tar"], outcome: ["Tar", "Cancer"] }), "ISL_INVALID_INPUT");
    expect(overlap.message).toBe("Node(s) Tar appear in both 'treatment' and 'outcome'; the two sets must not overlap.");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: "Smoking", outcome: "Cancer", given: ["Smoking"] }), "ISL_INVALID_INPUT");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: "Smoking", outcome: "Cancer", observed: ["Smoking", "Ghost"] }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => runOperation("causal/identify", { dag, treatment: [], outcome: "Cancer" }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("causal/identify", { dag: { nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] }, treatment: "A", outcome: "B" }), "ISL_DAG_CYCLIC");
  });
});
