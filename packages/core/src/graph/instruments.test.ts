import { describe, expect, test } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { conditionalInstruments, createDag, instrumentConditioningSet, instrumentVerdict } from "./index.js";

type Edge = [string, string];
const dag = (nodes: string[], edges: Edge[], latent: string[] = [], bidirected: Edge[] = []) => createDag({ nodes, edges, latent, bidirected });

describe("conditional instruments: named graphs", () => {
  test("classic IV: I → X → Y with X ↔ Y ⇒ I given ∅", () => {
    const g = dag(["I", "X", "Y"], [["I", "X"], ["X", "Y"]], [], [["X", "Y"]]);
    expect(conditionalInstruments(g, "X", "Y")).toEqual({ instruments: [{ instrument: "I", conditioningSet: [] }], truncated: false });
  });

  test("DAGitty's conditional IV: i → x → y, x ↔ y, y ← z → i ⇒ i given {z}", () => {
    const g = dag(["i", "x", "y", "z"], [["i", "x"], ["x", "y"], ["z", "y"], ["z", "i"]], [], [["x", "y"]]);
    expect(conditionalInstruments(g, "x", "y").instruments).toEqual([{ instrument: "i", conditioningSet: ["z"] }]);
    expect(instrumentConditioningSet(g, "x", "y", "i")).toEqual(["z"]);
    // z itself is no instrument: it reaches y directly.
    expect(instrumentConditioningSet(g, "x", "y", "z")).toBeNull();
  });

  test("a conditional instrument that needs a collider outside An(Y ∪ Z): Z given {C}", () => {
    // Z → C ← A → X: conditioning on the collider C connects Z to X; A and C are classic instruments.
    const g = dag(["Z", "C", "A", "X", "Y"], [["Z", "C"], ["A", "C"], ["A", "X"], ["X", "Y"]], [], [["X", "Y"]]);
    expect(conditionalInstruments(g, "X", "Y").instruments).toEqual([
      { instrument: "A", conditioningSet: [] },
      { instrument: "C", conditioningSet: [] },
      { instrument: "Z", conditioningSet: ["C"] },
    ]);
  });

  test("an instrument with a direct path to the outcome is excluded", () => {
    const g = dag(["I", "X", "Y", "U"], [["I", "X"], ["I", "Y"], ["X", "Y"], ["U", "X"], ["U", "Y"]], ["U"]);
    expect(conditionalInstruments(g, "X", "Y").instruments).toEqual([]);
  });

  test("a mediator is never conditioned on, even when it would separate", () => {
    // Z ← U → M: only M (a mediator) or U (latent) would block Z ← U → M → Y.
    const g = dag(["Z", "X", "M", "Y", "U", "V"], [["Z", "X"], ["X", "M"], ["M", "Y"], ["U", "Z"], ["U", "M"], ["V", "X"], ["V", "Y"]], ["U", "V"]);
    expect(conditionalInstruments(g, "X", "Y").instruments).toEqual([]);
    const verdict = instrumentVerdict(g, "X", "Y", "Z", ["M"]);
    expect(verdict.valid).toBe(false);
    expect(verdict.forbidden).toEqual(["M"]);
  });

  test("a latent variable is neither an instrument nor conditioned on", () => {
    const g = dag(["L", "W", "X", "Y"], [["L", "X"], ["X", "Y"], ["W", "L"], ["W", "Y"]], ["L"], [["X", "Y"]]);
    const list = conditionalInstruments(g, "X", "Y").instruments;
    expect(list.map((i) => i.instrument)).not.toContain("L");
    expect(list).toEqual([]);
  });

  test("a descendant of the outcome is no instrument", () => {
    const g = dag(["X", "Y", "D"], [["X", "Y"], ["Y", "D"], ["X", "D"]], [], [["X", "Y"]]);
    expect(conditionalInstruments(g, "X", "Y").instruments).toEqual([]);
    expect(instrumentVerdict(g, "X", "Y", "D", []).forbidden).toEqual(["D"]);
  });

  test("the exact search stops at its budget and says so", () => {
    // n1 needs the collider n5 (outside An(Y ∪ n1)) in its conditioning set: only the exact search finds it.
    const g = dag(["n1", "n3", "n4", "n5"], [["n3", "n5"], ["n1", "n5"]]);
    expect(conditionalInstruments(g, "n3", "n4")).toEqual({ instruments: [{ instrument: "n1", conditioningSet: ["n5"] }, { instrument: "n5", conditioningSet: [] }], truncated: false });
    expect(conditionalInstruments(g, "n3", "n4", { maxSteps: 1 })).toEqual({ instruments: [{ instrument: "n5", conditioningSet: [] }], truncated: true });
  });

  test("the cap truncates and says so", () => {
    const nodes = ["X", "Y", "A", "B", "C"];
    const g = dag(nodes, [["A", "X"], ["B", "X"], ["C", "X"], ["X", "Y"]], [], [["X", "Y"]]);
    expect(conditionalInstruments(g, "X", "Y").instruments.map((i) => i.instrument)).toEqual(["A", "B", "C"]);
    expect(conditionalInstruments(g, "X", "Y", { maxResults: 2 })).toEqual({
      instruments: [
        { instrument: "A", conditioningSet: [] },
        { instrument: "B", conditioningSet: [] },
      ],
      truncated: true,
    });
  });
});

describe("instrument verdicts", () => {
  const g = dag(["i", "x", "y", "z"], [["i", "x"], ["x", "y"], ["z", "y"], ["z", "i"]], [], [["x", "y"]]);

  test("a valid pair", () => {
    expect(instrumentVerdict(g, "x", "y", "i", ["z"])).toEqual({ valid: true, forbidden: [], latent: [], relevant: true, openPathToOutcome: null });
  });

  test("without its conditioning set the instrument reaches the outcome: the path is the witness", () => {
    const v = instrumentVerdict(g, "x", "y", "i", []);
    expect(v.valid).toBe(false);
    expect(v.relevant).toBe(true);
    expect(v.openPathToOutcome).toEqual(["i", "z", "y"]);
  });

  test("irrelevant when d-separated from the exposure", () => {
    const h = dag(["A", "X", "Y"], [["X", "Y"]]);
    expect(instrumentVerdict(h, "X", "Y", "A", []).relevant).toBe(false);
  });

  test("bad input", () => {
    expectIslError(() => conditionalInstruments(g, "x", "q"), "ISL_NODE_NOT_FOUND");
    expectIslError(() => conditionalInstruments(g, "x", "x"), "ISL_INVALID_INPUT");
    expectIslError(() => conditionalInstruments(g, "x", "y", { maxResults: 0 }), "ISL_INVALID_INPUT");
    expectIslError(() => instrumentVerdict(g, "x", "y", "i", ["i"]), "ISL_INVALID_INPUT");
  });
});
