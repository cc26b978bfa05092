import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ValidationStrategyResponse } from "@olumi/contracts";
import { allSimplePaths, bruteAdjustment, explicitLatents, maskOfNames, pathIsOpen } from "../../test/graph/brute-force.reference.js";
import { bruteFrontDoorChecker, bruteIsInstrument } from "../../test/graph/identification-strategies.reference.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { admgWithRolesArbitrary, dagWithRolesArbitrary, type GraphWithRoles } from "../testing/index.js";
import { runOperation } from "./run.js";

const strategies = (dag: Record<string, unknown>, treatment: string, outcome: string) => runOperation("causal/validate/strategies", { dag, treatment, outcome });

describe("causal/validate/strategies: named graphs", () => {
  test("upstream's example: adjust for Z, W is an instrument, and the collider path is not a back-door path", () => {
    const r = strategies(
      { nodes: ["Z", "X", "Y", "M", "W"], edges: [["Z", "X"], ["X", "Y"], ["Z", "Y"], ["X", "M"], ["M", "Y"], ["W", "X"]] },
      "X",
      "Y",
    );
    expect(r.strategies.map((s) => [s.strategy_type, s.nodes_to_add, s.expected_identifiability])).toEqual([
      ["backdoor", ["Z"], 1],
      ["instrumental", ["W"], 0.5],
    ]);
    expect(r.path_analysis.backdoor_paths).toEqual([["X", "Z", "Y"]]);
    expect(r.path_analysis.backdoor_paths_text).toEqual(["X ← Z → Y"]);
    expect(r.path_analysis.frontdoor_paths).toEqual([["X", "Y"], ["X", "M", "Y"]]);
    expect(r.path_analysis.blocked_paths).toEqual([]);
    expect(r.path_analysis.critical_nodes).toEqual(["Z"]);
    expect(ValidationStrategyResponse.safeParse(r).success).toBe(true);
  });

  test("latent confounder with a mediator: front-door first, then measuring the confounder", () => {
    const r = strategies({ nodes: ["X", "M", "Y", "U"], edges: [["U", "X"], ["U", "Y"], ["X", "M"], ["M", "Y"]], latent: ["U"] }, "X", "Y");
    expect(r.strategies.map((s) => [s.strategy_type, s.nodes_to_add])).toEqual([
      ["frontdoor", ["M"]],
      ["measure_variable", ["U"]],
    ]);
    expect(r.strategies[1]!.identification_formula).toBe("P(Y|do(X)) = Σ_{U} P(Y|X, U) P(U)");
  });

  test("bow arc: nothing identifies; the common cause to measure and a new instrument are proposed", () => {
    const r = strategies({ nodes: ["X", "Y"], edges: [["X", "Y"]], bidirected: [["X", "Y"]] }, "X", "Y");
    expect(r.strategies.map((s) => [s.strategy_type, s.nodes_to_add, s.edges_to_add, s.expected_identifiability])).toEqual([
      ["add_common_cause", ["U_X_Y"], [["U_X_Y", "X"], ["U_X_Y", "Y"]], 1],
      ["find_instrument", ["X_instrument"], [["X_instrument", "X"]], 0.5],
    ]);
    expect(r.strategies[1]!.identification_formula).toBe("β(X → Y) = Cov(Y, X_instrument) / Cov(X, X_instrument)");
    expect(r.path_analysis.backdoor_paths_text).toEqual(["X ↔ Y"]);
  });

  test("a measurement that does not suffice alone is ranked by the share of paths it closes", () => {
    // Two latent confounders of X and Y, and a direct edge: measuring one closes one of two paths.
    const r = strategies({ nodes: ["X", "Y", "U1", "U2"], edges: [["U1", "X"], ["U1", "Y"], ["U2", "X"], ["U2", "Y"], ["X", "Y"]], latent: ["U1", "U2"] }, "X", "Y");
    expect(r.strategies.map((s) => [s.strategy_type, s.nodes_to_add, s.expected_identifiability])).toEqual([
      ["find_instrument", ["X_instrument"], 0.5],
      ["measure_variable", ["U1"], 0.25],
      ["measure_variable", ["U2"], 0.25],
    ]);
    expect(r.path_analysis.critical_nodes).toEqual(["U1", "U2"]);
  });

  test("the M-bias path is reported as blocked", () => {
    const r = strategies({ nodes: ["X", "Y", "A", "B", "M"], edges: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]] }, "X", "Y");
    expect(r.path_analysis.blocked_paths_text).toEqual(["X ← A → M ← B → Y"]);
    expect(r.strategies[0]).toMatchObject({ strategy_type: "backdoor", nodes_to_add: [] });
  });

  test("bad input", () => {
    expectIslError(() => strategies({ nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] }, "A", "B"), "ISL_DAG_CYCLIC");
    expectIslError(() => strategies({ nodes: ["A", "B"], edges: [] }, "A", "Q"), "ISL_NODE_NOT_FOUND");
    expectIslError(() => strategies({ nodes: ["A", "B"], edges: [], latent: ["A"] }, "A", "B"), "ISL_INVALID_INPUT");
  });
});

const visible = (g: GraphWithRoles) => (path: string[]) => path.filter((v) => g.nodes.includes(v));
const sortedKeys = (paths: string[][]) => paths.map((p) => p.join(">")).sort();

describe("causal/validate/strategies against brute force", () => {
  test("every strategy on the graph is valid, and the path analysis lists exactly the right paths", () => {
    const cases = fc.oneof(
      dagWithRolesArbitrary({ minNodes: 4, maxNodes: 8, maxLatent: 35 }),
      admgWithRolesArbitrary({ minNodes: 4, maxNodes: 7, maxBidirected: 35 }),
    );
    fc.assert(
      fc.property(cases, (g) => {
        const plain = explicitLatents(g);
        const x = g.exposure[0]!;
        const y = g.outcome[0]!;
        const r = runOperation("causal/validate/strategies", { dag: { nodes: g.nodes, edges: g.edges, latent: g.latent, bidirected: g.bidirected ?? [] }, treatment: x, outcome: y, max_results: 100 });
        const brute = bruteAdjustment(plain, [x], [y]);
        const frontDoor = bruteFrontDoorChecker(plain, x, y);
        for (const s of r.strategies) {
          if (s.strategy_type === "backdoor") expect(brute.valid[maskOfNames(brute.candidates, s.nodes_to_add)]).toBe(true);
          if (s.strategy_type === "frontdoor") expect(frontDoor(s.nodes_to_add)).toBe(true);
          if (s.strategy_type === "instrumental") expect(bruteIsInstrument(plain, x, y, s.nodes_to_add[0]!, s.nodes_to_add.slice(1))).toBe(true);
        }
        expect(r.strategies.filter((s) => s.strategy_type === "backdoor").map((s) => s.nodes_to_add)).toEqual(brute.minimal);
        // Paths: every simple path between x and y, classified by hand.
        const edge = new Set(plain.edges.map(([a, b]) => `${a}>${b}`));
        const all = allSimplePaths(plain, x, y);
        const intoX = all.filter((p) => edge.has(`${p[1]!}>${x}`));
        const open = intoX.filter((p) => pathIsOpen(plain, p, new Set()));
        const blocked = intoX.filter((p) => !pathIsOpen(plain, p, new Set()));
        const causal = all.filter((p) => p.every((v, i) => i === 0 || edge.has(`${p[i - 1]!}>${v}`)));
        // Each list holds at most 50 paths; when one is capped, its paths must still be real ones.
        const same = (listed: string[][], expected: string[][]) => {
          if (expected.length <= 50) expect(sortedKeys(listed)).toEqual(sortedKeys(expected));
          else {
            expect(listed).toHaveLength(50);
            expect(r.path_analysis.truncated).toBe(true);
            for (const key of sortedKeys(listed)) expect(sortedKeys(expected)).toContain(key);
          }
        };
        same(r.path_analysis.backdoor_paths, open.map(visible(g)));
        same(r.path_analysis.blocked_paths, blocked.map(visible(g)));
        same(r.path_analysis.frontdoor_paths, causal);
        if (open.length > 50) return;
        const counts = new Map<string, number>();
        for (const p of open.map(visible(g))) for (const v of new Set(p.slice(1, -1))) counts.set(v, (counts.get(v) ?? 0) + 1);
        expect([...r.path_analysis.critical_nodes].sort()).toEqual([...counts.keys()].sort());
        for (let i = 1; i < r.path_analysis.critical_nodes.length; i++) {
          expect(counts.get(r.path_analysis.critical_nodes[i - 1]!)!).toBeGreaterThanOrEqual(counts.get(r.path_analysis.critical_nodes[i]!)!);
        }
        expect(ValidationStrategyResponse.safeParse(r).success).toBe(true);
      }),
      { seed: 77_001, numRuns: 150 },
    );
  });
});
