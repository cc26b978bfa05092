/**
 * Named identification cases from the literature: the expected estimand text (or hedge) as the
 * papers state it, and every estimand — simplified and literal — checked exactly against random
 * discrete models with explicit latent confounders (one latent per bidirected edge).
 */
import { describe, expect, it } from "vitest";
import { createAdmg } from "../graph/admg.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { isHedgeFor, type PlainAdmg } from "../../test/identify/hedge-reference.js";
import { randomModel } from "../../test/identify/discrete-model.js";
import { verifyEstimands } from "../../test/identify/verify-estimand.js";
import { identifyEffect } from "./identify-effect.js";
import { IdRun } from "./id-algorithm.js";
import { idcWithRun } from "./idc-algorithm.js";

type Edge = [string, string];

interface NamedCase {
  name: string;
  nodes: string[];
  directed: Edge[];
  bidirected: Edge[];
  x: string[];
  y: string[];
  z?: string[];
  /** Expected estimand text, or the expected hedge. */
  text?: string;
  latex?: string;
  hedge?: { f: string[]; fPrime: string[] };
}

const FRONT_DOOR = { nodes: ["M", "X", "Y"], directed: [["X", "M"], ["M", "Y"]] as Edge[], bidirected: [["X", "Y"]] as Edge[] };
const NAPKIN = {
  nodes: ["W1", "W2", "X", "Y"],
  directed: [["W1", "W2"], ["W2", "X"], ["X", "Y"]] as Edge[],
  bidirected: [["W1", "X"], ["W1", "Y"]] as Edge[],
};
// Shpitser & Pearl (AAAI 2006) Fig. 1 (a); (b) adds W1 ↔ X.
const SP_FIGURE_1A = {
  nodes: ["W1", "W2", "X", "Y1", "Y2"],
  directed: [["W1", "X"], ["X", "Y1"], ["W2", "Y2"]] as Edge[],
  bidirected: [["W1", "W2"], ["W1", "Y1"], ["W1", "Y2"]] as Edge[],
};
// Shpitser & Pearl (UAI 2006) Fig. 1 (a) and (b).
const SP_UAI_1A = { nodes: ["X", "Y", "Z"], directed: [["X", "Z"], ["Z", "Y"]] as Edge[], bidirected: [["X", "Z"]] as Edge[] };
const SP_UAI_1B = { nodes: ["X", "Y", "Z"], directed: [["X", "Z"], ["Y", "Z"]] as Edge[], bidirected: [["X", "Z"]] as Edge[] };

const CASES: NamedCase[] = [
  {
    name: "back-door (Z confounds X and Y)",
    nodes: ["X", "Y", "Z"],
    directed: [["Z", "X"], ["Z", "Y"], ["X", "Y"]],
    bidirected: [],
    x: ["X"],
    y: ["Y"],
    text: "Σ_{Z} P(Y | X, Z) P(Z)",
    latex: "\\sum_{Z} P(Y \\mid X, Z) P(Z)",
  },
  {
    name: "front-door (Pearl 1995)",
    ...FRONT_DOOR,
    x: ["X"],
    y: ["Y"],
    text: "Σ_{M} P(M | X) Σ_{X'} P(Y | M, X') P(X')",
    latex: "\\sum_{M} P(M \\mid X) \\sum_{X'} P(Y \\mid M, X') P(X')",
  },
  {
    name: "napkin (Pearl & Mackenzie 2018; the estimand y0 gets wrong)",
    ...NAPKIN,
    x: ["X"],
    y: ["Y"],
    text: "(Σ_{W1} P(X, Y | W1, W2) P(W1)) / (Σ_{W1} P(X | W1, W2) P(W1))",
    latex: "\\frac{\\sum_{\\mathrm{W1}} P(X, Y \\mid \\mathrm{W1}, \\mathrm{W2}) P(\\mathrm{W1})}{\\sum_{\\mathrm{W1}} P(X \\mid \\mathrm{W1}, \\mathrm{W2}) P(\\mathrm{W1})}",
  },
  { name: "bow arc", nodes: ["X", "Y"], directed: [["X", "Y"]], bidirected: [["X", "Y"]], x: ["X"], y: ["Y"], hedge: { f: ["X", "Y"], fPrime: ["Y"] } },
  {
    name: "instrumental variable (not identifiable non-parametrically)",
    nodes: ["X", "Y", "Z"],
    directed: [["Z", "X"], ["X", "Y"]],
    bidirected: [["X", "Y"]],
    x: ["X"],
    y: ["Y"],
    hedge: { f: ["X", "Y"], fPrime: ["Y"] },
  },
  { name: "extended bow arc", ...SP_UAI_1A, x: ["X"], y: ["Y"], hedge: { f: ["X", "Z"], fPrime: ["Z"] } },
  {
    name: "Verma's graph (the estimand carries a Verma constraint: free V1)",
    nodes: ["V1", "V2", "V3", "V4"],
    directed: [["V1", "V2"], ["V2", "V3"], ["V3", "V4"]],
    bidirected: [["V2", "V4"]],
    x: ["V3"],
    y: ["V4"],
    text: "Σ_{V2} P(V4 | V1, V2, V3) P(V2 | V1)",
  },
  {
    name: "Shpitser & Pearl 2006, Fig. 1 (a)",
    ...SP_FIGURE_1A,
    x: ["X"],
    y: ["Y1", "Y2"],
    text: "P(Y2) Σ_{W1} P(Y1 | W1, X) P(W1)",
  },
  {
    name: "Shpitser & Pearl 2006, Fig. 1 (b): a hedge",
    ...SP_FIGURE_1A,
    bidirected: [...SP_FIGURE_1A.bidirected, ["W1", "X"]],
    x: ["X"],
    y: ["Y1", "Y2"],
    hedge: { f: ["W1", "X", "Y1"], fPrime: ["Y1"] },
  },
  {
    name: "Markovian chain X → M → Y",
    nodes: ["M", "X", "Y"],
    directed: [["X", "M"], ["M", "Y"]],
    bidirected: [],
    x: ["X"],
    y: ["Y"],
    text: "P(Y | X)",
  },
  {
    name: "mediator confounded with the outcome",
    nodes: ["M", "X", "Y"],
    directed: [["X", "M"], ["M", "Y"]],
    bidirected: [["M", "Y"]],
    x: ["X"],
    y: ["Y"],
    text: "P(Y | X)",
  },
  {
    name: "two sequential treatments, X1 confounded with Y (Z2 stays free: the formula does not depend on it)",
    nodes: ["X1", "X2", "Y", "Z1", "Z2"],
    directed: [["Z1", "X1"], ["X1", "Z2"], ["Z2", "X2"], ["X2", "Y"], ["Z1", "Y"]],
    bidirected: [["Z1", "Z2"], ["X1", "Y"]],
    x: ["X1", "X2"],
    y: ["Y"],
    text: "Σ_{Z1} P(Z1) Σ_{X1'} P(Y | X1', X2, Z1, Z2) P(X1' | Z1)",
  },
  { name: "Shpitser & Pearl UAI 2006, Fig. 1 (a): conditioning helps", ...SP_UAI_1A, x: ["X"], y: ["Y"], z: ["Z"], text: "P(Y | X, Z)" },
  { name: "Shpitser & Pearl UAI 2006, Fig. 1 (b): P(y | do(x)) = P(y)", ...SP_UAI_1B, x: ["X"], y: ["Y"], text: "P(Y)" },
  { name: "Shpitser & Pearl UAI 2006, Fig. 1 (b): conditioning hinders", ...SP_UAI_1B, x: ["X"], y: ["Y"], z: ["Z"], hedge: { f: ["X", "Z"], fPrime: ["Z"] } },
  {
    name: "Shpitser & Pearl UAI 2006, Fig. 1 (c): Tian's counterexample",
    nodes: ["W", "X", "Y", "Z"],
    directed: [...SP_UAI_1B.directed, ["W", "Y"]],
    bidirected: SP_UAI_1B.bidirected,
    x: ["X"],
    y: ["W"],
    z: ["Z"],
    hedge: { f: ["X", "Z"], fPrime: ["Z"] },
  },
  { name: "conditional front-door P(y | do(x), m)", ...FRONT_DOOR, x: ["X"], y: ["Y"], z: ["M"], text: "Σ_{X'} P(Y | M, X') P(X')" },
  { name: "conditional napkin P(y | do(x), w1) is not identifiable", ...NAPKIN, x: ["X"], y: ["Y"], z: ["W1"], hedge: { f: ["W1", "X", "Y"], fPrime: ["W1", "Y"] } },
  {
    name: "context that is a descendant of the outcome",
    nodes: ["X", "Y", "Z"],
    directed: [["X", "Y"], ["Y", "Z"]],
    bidirected: [],
    x: ["X"],
    y: ["Y"],
    z: ["Z"],
    text: "P(Y | X, Z)",
  },
  {
    name: "confounded context stays behind the bar (Z ↔ Y)",
    nodes: ["X", "Y", "Z"],
    directed: [["Z", "X"], ["X", "Y"]],
    bidirected: [["Z", "Y"]],
    x: ["X"],
    y: ["Y"],
    z: ["Z"],
    text: "P(Y | X, Z)",
  },
  {
    name: "sequential plan (Shpitser & Pearl UAI 2006, §2)",
    nodes: ["X1", "X2", "Y", "Z"],
    directed: [["X1", "Z"], ["Z", "X2"], ["X2", "Y"], ["X1", "Y"]],
    bidirected: [["Z", "Y"]],
    x: ["X1", "X2"],
    y: ["Y"],
    z: ["Z"],
    text: "P(Y | X1, X2, Z)",
  },
];

function plain(c: NamedCase): PlainAdmg {
  return { nodes: c.nodes, directed: c.directed, bidirected: c.bidirected };
}

describe("identifyEffect on named cases", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const admg = createAdmg(c.nodes, c.directed, c.bidirected);
    const z = c.z ?? [];
    const result = identifyEffect(admg, { treatment: c.x, outcome: c.y, given: z });
    if (c.hedge !== undefined) {
      expect(result.identifiable).toBe(false);
      expect(result.hedge).toEqual(c.hedge);
      expect(result.estimand).toBeUndefined();
      // The hedge is a hedge by definition, for the joint query that ID was finally asked.
      const moved = new Set(result.movedToTreatment);
      const x = new Set([...c.x, ...moved]);
      const y = new Set([...c.y, ...z.filter((v) => !moved.has(v))]);
      expect(isHedgeFor(plain(c), new Set(c.hedge.f), new Set(c.hedge.fPrime), x, y)).toBe(true);
      return;
    }
    expect(result.identifiable).toBe(true);
    if (c.text !== undefined) expect(result.text).toBe(c.text);
    if (c.latex !== undefined) expect(result.latex).toBe(c.latex);
    // The literal line-by-line estimand, without simplification, must be right too.
    const raw = new IdRun(admg, { simplify: false });
    const index = (names: string[]): number[] => names.map((v) => admg.indexOf.get(v)!).sort((a, b) => a - b);
    const literal = idcWithRun(raw, index(c.y), index(c.x), index(z));
    expect(literal.outcome.identifiable).toBe(true);
    const spec = { observed: c.nodes, directed: c.directed, latentChildren: c.bidirected.map(([a, b]) => [a, b]) };
    for (const seed of [11, 23, 37]) {
      const estimands = [result.estimand!, ...(literal.outcome.identifiable ? [literal.outcome.estimand] : [])];
      expect(verifyEstimands(randomModel(spec, seed), estimands, c.x, c.y, z)).toBeGreaterThan(0);
    }
  });

  it("reports the steps of the napkin: lines 3 and 7, then 2 and 6 on Q[S′]", () => {
    const admg = createAdmg(NAPKIN.nodes, NAPKIN.directed, NAPKIN.bidirected);
    const result = identifyEffect(admg, { treatment: "X", outcome: "Y" });
    expect(result.steps.map((s) => s.line)).toEqual(["ID line 3", "ID line 7", "ID line 2", "ID line 6"]);
    expect(result.steps[0]!.detail).toContain("W1, W2");
    expect(result.stepsTruncated).toBe(false);
    const capped = identifyEffect(admg, { treatment: "X", outcome: "Y" }, { maxSteps: 2 });
    expect(capped.steps).toHaveLength(2);
    expect(capped.stepsTruncated).toBe(true);
    expect(capped.text).toBe(result.text);
  });

  it("decides without building the estimand when asked", () => {
    const admg = createAdmg(NAPKIN.nodes, NAPKIN.directed, NAPKIN.bidirected);
    const decided = identifyEffect(admg, { treatment: "X", outcome: "Y" }, { decideOnly: true });
    expect(decided.identifiable).toBe(true);
    expect(decided.estimand).toBeUndefined();
    expect(decided.text).toBeUndefined();
    expect(decided.steps).toEqual(identifyEffect(admg, { treatment: "X", outcome: "Y" }).steps);
    const bow = createAdmg(["X", "Y"], [["X", "Y"]], [["X", "Y"]]);
    expect(identifyEffect(bow, { treatment: "X", outcome: "Y" }, { decideOnly: true }).hedge).toEqual({ f: ["X", "Y"], fPrime: ["Y"] });
  });

  it("renders the query and accepts single names", () => {
    const admg = createAdmg(FRONT_DOOR.nodes, FRONT_DOOR.directed, FRONT_DOOR.bidirected);
    const result = identifyEffect(admg, { treatment: "X", outcome: "Y", given: "M" });
    expect(result.queryText).toBe("P(Y | do(X), M)");
    expect(result.queryLatex).toBe("P(Y \\mid \\mathrm{do}(X), M)");
    expect(result.movedToTreatment).toEqual(["M"]);
  });

  it("rejects unknown nodes, overlapping sets and an empty outcome with IslErrors", () => {
    const admg = createAdmg(["X", "Y", "Z"], [["X", "Y"]]);
    const unknown = expectIslError(() => identifyEffect(admg, { treatment: "Q", outcome: "Y" }), "ISL_NODE_NOT_FOUND");
    expect(unknown.message).toBe("Treatment node 'Q' not found in graph. Available nodes: X, Y, Z");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "R" }), "ISL_NODE_NOT_FOUND");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "Y", given: ["S"] }), "ISL_NODE_NOT_FOUND");
    const overlap = expectIslError(() => identifyEffect(admg, { treatment: ["X", "Y"], outcome: "Y" }), "ISL_INVALID_INPUT");
    expect(overlap.message).toBe("Node(s) Y appear in both 'treatment' and 'outcome'; the two sets must not overlap.");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "Y", given: ["X"] }), "ISL_INVALID_INPUT");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "Y", given: ["Y"] }), "ISL_INVALID_INPUT");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: [] }), "ISL_INVALID_INPUT", "The outcome set is empty; name at least one outcome node.");
  });

  it("stops with ISL_TIMEOUT when aborted and ISL_COMPUTATION_ERROR past the size cap", () => {
    const admg = createAdmg(NAPKIN.nodes, NAPKIN.directed, NAPKIN.bidirected);
    const controller = new AbortController();
    controller.abort();
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "Y" }, { signal: controller.signal }), "ISL_TIMEOUT");
    expectIslError(() => identifyEffect(admg, { treatment: "X", outcome: "Y" }, { maxEstimandSize: 3 }), "ISL_COMPUTATION_ERROR");
  });

  it("answers an empty treatment with the observational distribution", () => {
    const admg = createAdmg(["X", "Y", "Z"], [["X", "Y"], ["Z", "X"], ["Z", "Y"]]);
    expect(identifyEffect(admg, { treatment: [], outcome: "Y" }).text).toBe("P(Y)");
    expect(identifyEffect(admg, { treatment: [], outcome: "Y", given: ["X"] }).text).toBe("P(Y | X)");
    // Without the back door, conditioning on X equals intervening on it (rule 2).
    const unconfounded = createAdmg(["X", "Y", "Z"], [["X", "Y"], ["Z", "Y"]]);
    const moved = identifyEffect(unconfounded, { treatment: [], outcome: "Y", given: ["X"] });
    expect(moved.movedToTreatment).toEqual(["X"]);
    expect(moved.text).toBe("Σ_{Z} P(Y | X, Z) P(Z)");
  });
});
