import { describe, expect, it } from "vitest";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { pythonFloatRepr, pythonIntText, resolvePlotSeed, seedGraphJson } from "./seed.js";

const base = {
  graph: {
    nodes: [
      { id: "x", kind: "factor", label: "X" },
      { id: "m", kind: "Outcome", label: "M" },
      { id: "goal", kind: "goal", label: "Goal" },
      { id: "dec", kind: "decision", label: "D" },
    ],
    edges: [
      { from: "x", to: "m", exists_probability: 0.8, strength: { mean: -0.25, std: 0.1 } },
      { from: "m", to: "goal", exists_probability: 1, strength: { mean: 1.5, std: 0.0015 } },
      { from: "dec", to: "x", exists_probability: 1, strength: { mean: 1, std: 0.1 } },
    ],
  },
  options: [{ id: "a", label: "A", interventions: { x: 1 } }],
  goal_node_id: "goal",
};

describe("seed rule", () => {
  it("parses seeds the way Python's int() does", () => {
    expect(pythonIntText("42")).toBe("42");
    expect(pythonIntText(" 42 ")).toBe("42");
    expect(pythonIntText("+42")).toBe("42");
    expect(pythonIntText("-5")).toBe("-5");
    expect(pythonIntText("1_000")).toBe("1000");
    expect(pythonIntText("007")).toBe("7");
    expect(pythonIntText("98765432109876543210")).toBe("98765432109876543210");
    for (const bad of ["1__0", "_1", "1_", "4.2", "0x10", "", "seed-slice2", "1e3"]) expect(pythonIntText(bad)).toBeUndefined();
  });

  it("hashes non-numeric string seeds: int(sha256(s), 16) mod 2^31 (values from Python)", () => {
    const seeded = (seed: string | number) => resolvePlotSeed(PlotAnalyzeRequest.parse({ ...base, seed }));
    expect(seeded("seed-slice2")).toEqual({ seedUsed: "1993666114", seedSource: "client_provided" });
    expect(seeded("h\u00e9llo")).toEqual({ seedUsed: "1443266937", seedSource: "client_provided" });
    expect(seeded("2034401427")).toEqual({ seedUsed: "2034401427", seedSource: "client_provided" });
    expect(seeded(7)).toEqual({ seedUsed: "7", seedSource: "client_provided" });
    expect(seeded(0)).toEqual({ seedUsed: "0", seedSource: "client_provided" });
  });

  it("formats floats like Python's repr", () => {
    const cases: Array<[number, string]> = [
      [1, "1.0"], [0.1, "0.1"], [1e-5, "1e-05"], [123456789012345678, "1.2345678901234568e+17"], [1e16, "1e+16"],
      [1e15, "1000000000000000.0"], [0.0001, "0.0001"], [-2.5e-7, "-2.5e-07"], [5e-324, "5e-324"],
      [1.7976931348623157e308, "1.7976931348623157e+308"], [100, "100.0"], [0.1 + 0.2, "0.30000000000000004"], [-0.25, "-0.25"],
    ];
    for (const [x, text] of cases) expect(pythonFloatRepr(x)).toBe(text);
  });

  it("derives the seed from the filtered graph as Python json.dumps(sort_keys=True) does (value from Python)", () => {
    const request = PlotAnalyzeRequest.parse(base);
    expect(seedGraphJson(request)).toBe(
      '{"edges": [{"edge_type": "directed", "exists_probability": 1.0, "from": "m", "strength": {"mean": 1.0, "std": 0.0015}, "to": "goal"}, ' +
        '{"edge_type": "directed", "exists_probability": 0.8, "from": "x", "strength": {"mean": -0.25, "std": 0.1}, "to": "m"}], ' +
        '"nodes": [{"id": "goal", "kind": "goal"}, {"id": "m", "kind": "Outcome"}, {"id": "x", "kind": "factor"}]}',
    );
    expect(resolvePlotSeed(request)).toEqual({ seedUsed: "1660441666", seedSource: "server_computed" });
  });
});
