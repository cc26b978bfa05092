/**
 * Table tests of the adjustment functions on classic graphs: confounding, mediation, M-bias,
 * latent confounding, front-door, descendants of the exposure, several exposures, truncation.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import {
  adjustmentSetVerdict,
  canonicalAdjustmentSet,
  createDag,
  enumerateMinimalAdjustmentSets,
  forbiddenNodes,
  hasCausalPath,
  isAdjustmentSet,
  minimalAdjustmentSets,
  minimumAdjustmentSet,
  properBackdoorGraph,
  properCausalPathNodes,
  edgeList,
  type DagInput,
} from "./index.js";

interface Row {
  name: string;
  graph: DagInput;
  x: string | string[];
  y: string | string[];
  minimal: string[][];
  canonical: string[] | null;
  minimum: string[] | null;
  causal: boolean;
  valid?: string[][];
  invalid?: string[][];
}

const parallelConfounders = (k: number): DagInput => {
  const nodes = ["X", "Y"];
  const edges: [string, string][] = [["X", "Y"]];
  for (let i = 0; i < k; i++) {
    nodes.push(`C${i}`, `D${i}`);
    edges.push([`C${i}`, "X"], [`C${i}`, `D${i}`], [`D${i}`, "Y"]);
  }
  return { nodes, edges };
};

const rows: Row[] = [
  {
    name: "confounder Z→X, Z→Y, X→Y",
    graph: { nodes: ["X", "Y", "Z"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"]] },
    x: "X", y: "Y", minimal: [["Z"]], canonical: ["Z"], minimum: ["Z"], causal: true, invalid: [[]],
  },
  {
    name: "mediator X→M→Y with U→X: only ∅ (never M)",
    graph: { nodes: ["U", "X", "M", "Y"], edges: [["U", "X"], ["X", "M"], ["M", "Y"]] },
    x: "X", y: "Y", minimal: [[]], canonical: ["U"], minimum: [], causal: true, valid: [[], ["U"]], invalid: [["M"], ["M", "U"]],
  },
  {
    name: "three confounding parents A, B, C",
    graph: { nodes: ["A", "B", "C", "X", "Y"], edges: [["A", "X"], ["B", "X"], ["C", "X"], ["A", "Y"], ["B", "Y"], ["C", "Y"], ["X", "Y"]] },
    x: "X", y: "Y", minimal: [["A", "B", "C"]], canonical: ["A", "B", "C"], minimum: ["A", "B", "C"], causal: true, invalid: [["A", "B"], ["C"]],
  },
  {
    name: "M-bias X←A→M←B→Y, X→Y: ∅ valid, {M} alone not",
    graph: { nodes: ["X", "Y", "A", "B", "M"], edges: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]] },
    x: "X", y: "Y", minimal: [[]], canonical: ["A", "B"], minimum: [], causal: true, valid: [["A", "M"], ["B", "M"], ["A", "B", "M"]], invalid: [["M"]],
  },
  {
    name: "latent confounder: no adjustment set",
    graph: { nodes: ["U", "X", "Y"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"]], latent: ["U"] },
    x: "X", y: "Y", minimal: [], canonical: null, minimum: null, causal: true, invalid: [[]],
  },
  {
    name: "front-door graph: no adjustment set",
    graph: { nodes: ["U", "X", "M", "Y"], edges: [["U", "X"], ["U", "Y"], ["X", "M"], ["M", "Y"]], latent: ["U"] },
    x: "X", y: "Y", minimal: [], canonical: null, minimum: null, causal: true, invalid: [[], ["M"]],
  },
  {
    name: "two minimal sets on one back-door path A→X, A→B→Y",
    graph: { nodes: ["A", "B", "X", "Y"], edges: [["A", "X"], ["A", "B"], ["B", "Y"], ["X", "Y"]] },
    x: "X", y: "Y", minimal: [["A"], ["B"]], canonical: ["A", "B"], minimum: ["A"], causal: true,
  },
  {
    name: "a non-causal descendant of X may be adjusted for (generalised criterion)",
    graph: { nodes: ["X", "Y", "Z", "D"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"], ["X", "D"]] },
    x: "X", y: "Y", minimal: [["Z"]], canonical: ["Z"], minimum: ["Z"], causal: true, valid: [["D", "Z"]],
  },
  {
    name: "a descendant of the outcome is forbidden",
    graph: { nodes: ["X", "Y", "Z", "C"], edges: [["Z", "X"], ["Z", "Y"], ["X", "Y"], ["Y", "C"]] },
    x: "X", y: "Y", minimal: [["Z"]], canonical: ["Z"], minimum: ["Z"], causal: true, invalid: [["C", "Z"]],
  },
  {
    name: "no causal path: X←Z→Y",
    graph: { nodes: ["X", "Y", "Z"], edges: [["Z", "X"], ["Z", "Y"]] },
    x: "X", y: "Y", minimal: [["Z"]], canonical: ["Z"], minimum: ["Z"], causal: false,
  },
  {
    name: "two exposures X1→X2→Y with Z→X2, Z→Y",
    graph: { nodes: ["X1", "X2", "Y", "Z"], edges: [["X1", "X2"], ["X2", "Y"], ["Z", "X2"], ["Z", "Y"]] },
    x: ["X1", "X2"], y: "Y", minimal: [["Z"]], canonical: ["Z"], minimum: ["Z"], causal: true,
  },
  {
    name: "adjacent-looking exposures: X1→Y←X2 with X1←W→X2",
    graph: { nodes: ["X1", "X2", "Y", "W"], edges: [["X1", "Y"], ["X2", "Y"], ["W", "X1"], ["W", "X2"]] },
    x: ["X1", "X2"], y: "Y", minimal: [[]], canonical: ["W"], minimum: [], causal: true,
  },
  {
    name: "2^3 minimal sets on three parallel back-door paths",
    graph: parallelConfounders(3),
    x: "X", y: "Y",
    minimal: [
      ["C0", "C1", "C2"], ["C0", "C1", "D2"], ["C0", "C2", "D1"], ["C0", "D1", "D2"],
      ["C1", "C2", "D0"], ["C1", "D0", "D2"], ["C2", "D0", "D1"], ["D0", "D1", "D2"],
    ],
    canonical: ["C0", "C1", "C2", "D0", "D1", "D2"], minimum: ["C0", "C1", "C2"], causal: true,
  },
];

describe("adjustment on classic graphs", () => {
  it.each(rows)("$name", (row) => {
    const dag = createDag(row.graph);
    expect(minimalAdjustmentSets(dag, row.x, row.y)).toEqual({ sets: row.minimal, truncated: false });
    expect(canonicalAdjustmentSet(dag, row.x, row.y)).toEqual(row.canonical);
    expect(minimumAdjustmentSet(dag, row.x, row.y)).toEqual(row.minimum);
    expect(hasCausalPath(dag, row.x, row.y)).toBe(row.causal);
    for (const set of row.minimal) expect(isAdjustmentSet(dag, row.x, row.y, set)).toBe(true);
    for (const set of row.valid ?? []) expect(isAdjustmentSet(dag, row.x, row.y, set)).toBe(true);
    for (const set of row.invalid ?? []) expect(isAdjustmentSet(dag, row.x, row.y, set)).toBe(false);
  });
});

describe("verdicts and the criterion's parts", () => {
  const mediator = createDag({ nodes: ["U", "X", "M", "Y"], edges: [["U", "X"], ["X", "M"], ["M", "Y"], ["U", "Y"]], latent: ["U"] });
  it("names forbidden and latent members and an open path", () => {
    expect(adjustmentSetVerdict(mediator, "X", "Y", ["M", "U"])).toEqual({ valid: false, forbidden: ["M"], latent: ["U"], openPath: null });
    expect(adjustmentSetVerdict(mediator, "X", "Y", [])).toEqual({ valid: false, forbidden: [], latent: [], openPath: ["X", "U", "Y"] });
  });
  it("computes PCP, Forb and the proper back-door graph", () => {
    expect(properCausalPathNodes(mediator, "X", "Y")).toEqual(["M", "Y"]);
    expect(forbiddenNodes(mediator, "X", "Y")).toEqual(["M", "X", "Y"]);
    expect(edgeList(properBackdoorGraph(mediator, "X", "Y"))).toEqual([["M", "Y"], ["U", "X"], ["U", "Y"]]);
  });
  it("M-bias: conditioning on M alone opens X←A→M←B→Y", () => {
    const dag = createDag(rows[3]!.graph);
    expect(adjustmentSetVerdict(dag, "X", "Y", ["M"]).openPath).toEqual(["X", "A", "M", "B", "Y"]);
  });
});

describe("enumeration limits", () => {
  const dag = createDag(parallelConfounders(4));
  it("caps the list, flags truncation and keeps only valid sets", () => {
    const { sets, truncated } = minimalAdjustmentSets(dag, "X", "Y", { maxResults: 5 });
    expect(truncated).toBe(true);
    expect(sets).toHaveLength(5);
    for (const set of sets) expect(isAdjustmentSet(dag, "X", "Y", set)).toBe(true);
    expect(minimalAdjustmentSets(dag, "X", "Y", { maxResults: 16 }).truncated).toBe(false);
  });
  it("is lazy: the generator yields its first set without listing the rest", () => {
    const iterator = enumerateMinimalAdjustmentSets(dag, "X", "Y")[Symbol.iterator]();
    expect(iterator.next().value).toHaveLength(4);
  });
});

describe("input errors", () => {
  const dag = createDag({ nodes: ["X", "Y", "Z"], edges: [["Z", "X"], ["X", "Y"]] });
  const cases: [string, () => unknown, string, string][] = [
    ["unknown treatment", () => minimalAdjustmentSets(dag, "Q", "Y"), "ISL_NODE_NOT_FOUND", "Treatment node 'Q' not found in graph. Available nodes: X, Y, Z"],
    ["unknown outcome", () => canonicalAdjustmentSet(dag, "X", "Q"), "ISL_NODE_NOT_FOUND", "Outcome node 'Q' not found in graph. Available nodes: X, Y, Z"],
    ["treatment equals outcome", () => minimalAdjustmentSets(dag, "X", "X"), "ISL_INVALID_INPUT", "Node 'X' is in both the treatment set and the outcome set; the sets must not overlap."],
    ["no treatment", () => minimumAdjustmentSet(dag, [], "Y"), "ISL_INVALID_INPUT", "At least one treatment node is required."],
    ["adjustment set contains the outcome", () => isAdjustmentSet(dag, "X", "Y", ["Y"]), "ISL_INVALID_INPUT", "Node 'Y' is in both the outcome set and the adjustment set; the sets must not overlap."],
    ["maxResults of 0", () => minimalAdjustmentSets(dag, "X", "Y", { maxResults: 0 }), "ISL_INVALID_INPUT", "maxResults must be a positive integer (got 0)."],
  ];
  it.each(cases)("%s", (_, fn, code, message) => {
    expectIslError(fn, code, message);
  });
});
