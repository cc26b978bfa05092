import { describe, expect, test } from "vitest";
import { GraphV1, GraphV2, StructuralModel } from "@olumi/contracts";

describe("StructuralModel", () => {
  test("accepts the upstream shape and the added families", () => {
    const model = {
      variables: ["Price", "Revenue"],
      equations: { Revenue: "10000 + 500*Price + noise" },
      distributions: {
        noise: { type: "normal", parameters: { mean: 0, std: 100 } },
        shock: { type: "triangular", parameters: { min: 0, mode: 1, max: 3 } },
        flag: { type: "bernoulli", parameters: { p: 0.3 } },
        fixed: { type: "point_mass", parameters: { value: 2 } },
      },
    };
    expect(StructuralModel.safeParse(model).success).toBe(true);
  });

  test("a missing distribution parameter names the parameter (upstream answered 500)", () => {
    const r = StructuralModel.safeParse({ variables: [], equations: {}, distributions: { e: { type: "normal", parameters: { mean: 0 } } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["distributions", "e", "parameters", "std"]);
    expect(r.error?.issues[0]?.message).toContain("'std'");
  });

  test("non-finite parameters and unknown families are rejected", () => {
    expect(StructuralModel.safeParse({ variables: [], equations: {}, distributions: { e: { type: "normal", parameters: { mean: Infinity, std: 1 } } } }).success).toBe(false);
    expect(StructuralModel.safeParse({ variables: [], equations: {}, distributions: { e: { type: "cauchy", parameters: {} } } }).success).toBe(false);
  });
});

describe("GraphV1", () => {
  const node = (id: string, kind = "factor") => ({ id, kind, label: id });
  test("valid graph", () => {
    expect(GraphV1.safeParse({ nodes: [node("price", "decision"), node("revenue", "goal")], edges: [{ from: "price", to: "revenue", weight: 1.5 }] }).success).toBe(true);
  });
  test.each([
    { name: "duplicate id", g: { nodes: [node("a"), node("a")], edges: [] } },
    { name: "unknown endpoint", g: { nodes: [node("a")], edges: [{ from: "a", to: "b" }] } },
    { name: "weight out of range", g: { nodes: [node("a"), node("b")], edges: [{ from: "a", to: "b", weight: 4 }] } },
    { name: "unknown kind", g: { nodes: [node("a", "widget")], edges: [] } },
  ])("rejects $name", ({ g }) => {
    expect(GraphV1.safeParse(g).success).toBe(false);
  });
});

describe("GraphV2", () => {
  const node = (id: string) => ({ id, kind: "factor", label: id });
  const edge = (from: string, to: string, std = 0.1) => ({ from, to, exists_probability: 0.9, strength: { mean: 0.5, std } });
  test("valid graph, intercept defaults to 0", () => {
    const r = GraphV2.parse({ nodes: [node("a"), node("b")], edges: [edge("a", "b")] });
    expect(r.nodes[0]?.intercept).toBe(0);
  });
  test.each([
    { name: "upper-case id", g: { nodes: [node("A")], edges: [] } },
    { name: "self-loop", g: { nodes: [node("a")], edges: [edge("a", "a")] } },
    { name: "std too small", g: { nodes: [node("a"), node("b")], edges: [edge("a", "b", 0.001)] } },
    { name: "unknown endpoint", g: { nodes: [node("a")], edges: [edge("a", "z")] } },
  ])("rejects $name", ({ g }) => {
    expect(GraphV2.safeParse(g).success).toBe(false);
  });
});
