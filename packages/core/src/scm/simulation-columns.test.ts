/**
 * Columns made on first read (simulation-columns.ts, through `simulate`): a normal exogenous
 * column read late equals a whole-column `fillNormal` of the variable's fork, whichever
 * implementation makes it; an intervened variable's column is its constant; size, has and keys make nothing; iteration makes every column in the
 * model's order; reading twice gives the same array; `storage` hands out the array to reuse without
 * making it.
 */
import { describe, expect, it } from "vitest";
import { createRng, enableWasmNormalKernel } from "../random/index.js";
import { buildStructuralModel, simulate } from "./index.js";
import { SimulationColumns } from "./simulation-columns.js";

const model = buildStructuralModel({
  variables: ["X", "U", "Y", "B"],
  equations: { Y: "0.5 * X + U", Z: "Y * B" },
  distributions: { X: { type: "normal", parameters: { mean: 1, std: 2 } }, U: { type: "normal", parameters: { mean: 0, std: 0.5 } }, B: { type: "bernoulli", parameters: { p: 0.5 } } },
});

describe("simulation columns made on first read", () => {
  it("size, has and keys make nothing; a read makes one column equal to a whole-column fill", () => {
    const sim = simulate(model, { samples: 5001, rng: createRng("lazy") });
    const columns = sim.columns as SimulationColumns;
    expect(columns).toBeInstanceOf(SimulationColumns);
    expect(columns.size).toBe(model.order.length);
    expect([...columns.keys()]).toEqual(model.order);
    expect(columns.has("U") && !columns.has("W")).toBe(true);
    expect(columns.isMade("X") || columns.isMade("U")).toBe(false);
    expect(columns.isMade("Y") && columns.isMade("B") && columns.isMade("Z")).toBe(true);
    const u = columns.get("U")!;
    expect(Array.from(u)).toEqual(Array.from(createRng("lazy").fork("U").fillNormal(new Float64Array(5001), 0, 0.5)));
    expect(columns.get("U")).toBe(u);
    expect(columns.isMade("X")).toBe(false);
    expect(columns.get("W")).toBeUndefined();
  });

  it("the column made later equals the one the equations used (Y − 0.5·X = U exactly here), even made by the JavaScript implementation", () => {
    const sim = simulate(model, { samples: 4099, rng: createRng(9) });
    const previous = enableWasmNormalKernel(false);
    let x: Float64Array;
    try {
      x = sim.columns.get("X")!;
    } finally {
      enableWasmNormalKernel(previous);
    }
    const y = sim.columns.get("Y")!;
    const u = sim.columns.get("U")!;
    for (let i = 0; i < 4099; i++) if (!Object.is(y[i], 0.5 * x[i]! + u[i]!)) expect(i).toBe(-1);
  });

  it("an intervened variable's constant column is made on first read", () => {
    const sim = simulate(model, { samples: 4100, rng: createRng(5), interventions: new Map([["X", 2.5]]) });
    const columns = sim.columns as SimulationColumns;
    expect(columns.isMade("X")).toBe(false);
    expect(columns.get("X")!.every((v) => v === 2.5)).toBe(true);
    expect(columns.get("X")!.length).toBe(4100);
    const y = columns.get("Y")!;
    const u = columns.get("U")!;
    for (let i = 0; i < 4100; i++) if (!Object.is(y[i], 0.5 * 2.5 + u[i]!)) expect(i).toBe(-1);
  });

  it("iteration makes every column, in the model's order, the same as reads", () => {
    const a = simulate(model, { samples: 300, rng: createRng(4) });
    const b = simulate(model, { samples: 300, rng: createRng(4) });
    const iterated = [...a.columns];
    expect(iterated.map(([name]) => name)).toEqual(model.order);
    for (const [name, column] of iterated) expect(Array.from(column)).toEqual(Array.from(b.columns.get(name)!));
    const viaForEach: string[] = [];
    b.columns.forEach((_column, name) => viaForEach.push(name));
    expect(viaForEach).toEqual(model.order);
    expect([...a.columns.values()].length).toBe(model.order.length);
  });

  it("storage hands out the array to reuse without making the column", () => {
    const into = new Float64Array(8);
    const columns = new SimulationColumns(["A", "B"], (name) => (name === "A" ? Float64Array.of(1) : { kind: "normal", lanes: createRng(1).normalLanes(), mean: 0, sd: 1, n: 8, into }));
    expect(columns.storage("B")).toBe(into);
    expect(columns.isMade("B")).toBe(false);
    expect(columns.get("B")).toBe(into);
    expect(Array.from(into)).toEqual(Array.from(createRng(1).fillNormal(new Float64Array(8))));
    expect(columns.storage("A")).toEqual(Float64Array.of(1));
  });
});
