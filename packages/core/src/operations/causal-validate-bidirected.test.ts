/**
 * `causal/validate` with bidirected edges: a ↔ b is unobserved confounding, so X → Y with X ↔ Y is
 * not identifiable by adjustment, the witness path reads X ↔ Y, and the hidden node never appears
 * in a listed field. Also: a bidirected edge gives the same verdict as an explicit latent parent.
 */
import { describe, expect, test } from "vitest";
import { CausalValidationResponse } from "@olumi/contracts";
import { runOperation } from "./run.js";

type Edge = [string, string];

describe("causal/validate with bidirected edges", () => {
  test("the bow graph X → Y, X ↔ Y is not identifiable", () => {
    const r = runOperation("causal/validate", { dag: { nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] }, treatment: "X", outcome: "Y" });
    expect(r.status).toBe("cannot_identify");
    expect(r.backdoor_paths).toEqual(["X ↔ Y"]);
    expect(r.latent_nodes).toEqual([]);
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("X → Y with X ↔ Y cannot be identified by adjustment", () => {
    const r = runOperation("causal/validate", { dag: { nodes: ["X", "Y", "Z"], edges: [["X", "Y"], ["Z", "X"], ["Z", "Y"]], bidirected: [["X", "Y"]] }, treatment: "X", outcome: "Y" });
    expect(r.status).toBe("cannot_identify");
    expect(r.reason).toBe("unmeasured_confounding");
    expect(r.adjustment_sets).toEqual([]);
    // Both paths have three nodes in the canonical DAG (X ← U → Y); ties go by node index, and hidden nodes come last.
    expect(r.backdoor_paths).toEqual(["X ← Z → Y", "X ↔ Y"]);
    expect(r.latent_nodes).toEqual([]);
    expect(r.issues?.map((i) => i.description)).toContain("Back-door path X ↔ Y stays open whatever observed variables are adjusted for.");
    expect(JSON.stringify(r)).not.toContain("\uffff");
    expect(CausalValidationResponse.safeParse(r).success).toBe(true);
  });

  test("a bidirected edge between the outcome and a non-descendant of the exposure does not block identification", () => {
    const r = runOperation("causal/validate", { dag: { nodes: ["X", "Y", "W"], edges: [["X", "Y"], ["W", "X"]], bidirected: [["W", "Y"]] }, treatment: "X", outcome: "Y" });
    expect(r.status).toBe("identifiable");
    expect(r.adjustment_sets).toEqual([["W"]]);
    expect(r.backdoor_paths).toEqual(["X ← W ↔ Y"]);
  });

  test("gives the same verdict as the explicit latent common cause", () => {
    const edges: Edge[] = [["A", "X"], ["X", "M"], ["M", "Y"], ["A", "Y"]];
    const hidden = runOperation("causal/validate", { dag: { nodes: ["A", "X", "M", "Y"], edges, bidirected: [["X", "Y"]] }, treatment: "X", outcome: "Y" });
    const explicit = runOperation("causal/validate", { dag: { nodes: ["A", "X", "M", "Y", "U"], edges: [...edges, ["U", "X"], ["U", "Y"]], latent: ["U"] }, treatment: "X", outcome: "Y" });
    expect(hidden.status).toBe(explicit.status);
    expect(hidden.adjustment_sets).toEqual(explicit.adjustment_sets);
    expect(hidden.backdoor_paths).toEqual(explicit.backdoor_paths?.map((p) => p.replace(" ← U → ", " ↔ ")));
  });
});
