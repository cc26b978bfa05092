/**
 * `causal/d-separation` end to end: answers checked against brute-force path enumeration on random
 * graphs with latent nodes and bidirected edges, the witness and its explanation, latent queries,
 * and every input error.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DSeparationResponse } from "@olumi/contracts";
import { bruteDSeparated, pathIsOpen } from "../../test/graph/brute-force.reference.js";
import { explicitLatentGraph } from "../../test/graph/brute-force-admg.reference.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { admgWithRolesArbitrary } from "../testing/index.js";
import { runOperation } from "./run.js";

type Edge = [string, string];
const dsep = (dag: { nodes: string[]; edges: Edge[]; latent?: string[]; bidirected?: Edge[] }, x: string[], y: string[], given?: string[]) =>
  runOperation("causal/d-separation", { dag, x, y, ...(given === undefined ? {} : { given }) });

describe("causal/d-separation", () => {
  test("chain, fork and collider", () => {
    const chain = { nodes: ["A", "B", "C"], edges: [["A", "B"], ["B", "C"]] as Edge[] };
    expect(dsep(chain, ["A"], ["C"]).open_path?.text).toBe("A → B → C");
    expect(dsep(chain, ["A"], ["C"], ["B"]).d_separated).toBe(true);
    const collider = { nodes: ["A", "B", "C", "D"], edges: [["A", "C"], ["B", "C"], ["C", "D"]] as Edge[] };
    expect(dsep(collider, ["A"], ["B"]).d_separated).toBe(true);
    const opened = dsep(collider, ["A"], ["B"], ["D"]);
    expect(opened.open_path).toEqual({ nodes: ["A", "C", "B"], arrows: ["->", "<-"], text: "A → C ← B" });
    expect(opened.explanation.reasoning).toContain("C is a collider whose descendant D is conditioned on, which opens it");
  });

  test("bidirected edges: the witness shows ↔ and never the hidden node", () => {
    const r = dsep({ nodes: ["X", "M", "Y"], edges: [["X", "M"]], bidirected: [["M", "Y"]] }, ["X"], ["Y"], ["M"]);
    expect(r.d_separated).toBe(false);
    expect(r.open_path).toEqual({ nodes: ["X", "M", "Y"], arrows: ["->", "<->"], text: "X → M ↔ Y" });
    expect(r.explanation.summary).toBe("X and Y are d-connected given M: the path X → M ↔ Y is open, so the graph does not imply X ⫫ Y | M.");
    expect(DSeparationResponse.safeParse(r).success).toBe(true);
    expect(dsep({ nodes: ["X", "M", "Y"], edges: [["X", "M"]], bidirected: [["M", "Y"]] }, ["X"], ["Y"]).d_separated).toBe(true);
  });

  test("latent nodes may be queried; the answer is then marked untestable", () => {
    const dag = { nodes: ["U", "X", "Y"], edges: [["U", "X"], ["U", "Y"]] as Edge[], latent: ["U"] };
    const r = dsep(dag, ["X"], ["Y"], ["U"]);
    expect(r.d_separated).toBe(true);
    expect(r.testable).toBe(false);
    expect(r.latent_in_query).toEqual(["U"]);
    expect(r.explanation.summary).toContain("U is latent, so this is a statement about the graph that data cannot test directly.");
    const observed = dsep(dag, ["X"], ["Y"]);
    expect(observed).toMatchObject({ d_separated: false, testable: true, latent_in_query: [] });
    expect(observed.open_path?.text).toBe("X ← U → Y");
  });

  test("sets of several nodes, repeats allowed", () => {
    const r = dsep({ nodes: ["A", "B", "C", "D"], edges: [["A", "C"], ["B", "D"]] }, ["A", "B", "A"], ["C", "D"], []);
    expect(r.d_separated).toBe(false);
    expect(r.explanation.summary.startsWith("{A, B} and {C, D} are d-connected: the path ")).toBe(true);
    expect(r.explanation.summary.endsWith("so the graph does not imply {A, B} ⫫ {C, D}.")).toBe(true);
  });

  test("errors: unknown node, overlapping sets, schema failures, cycles", () => {
    const dag = { nodes: ["A", "B"], edges: [["A", "B"]] as Edge[] };
    expectIslError(() => dsep(dag, ["A"], ["Q"]), "ISL_NODE_NOT_FOUND", "Target node 'Q' not found in graph. Available nodes: A, B");
    expectIslError(() => dsep(dag, ["A"], ["B"], ["A"]), "ISL_INVALID_INPUT", "Node 'A' is in both the source set and the conditioning set; the sets must not overlap.");
    expectIslError(() => dsep(dag, [], ["B"]), "ISL_VALIDATION_ERROR");
    expectIslError(() => dsep({ nodes: ["A", "B"], edges: [], bidirected: [["A", "Q"]] }, ["A"], ["B"]), "ISL_VALIDATION_ERROR");
    expectIslError(() => dsep({ nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] }, ["A"], ["B"]), "ISL_DAG_CYCLIC");
  });

  test("agrees with brute-force path enumeration on random ADMGs with latent nodes", () => {
    const cases = admgWithRolesArbitrary({ maxNodes: 8, maxLatent: 30, maxExposures: 2, maxOutcomes: 2 }).chain((g) =>
      fc.tuple(fc.constant(g), fc.subarray(g.nodes.filter((v) => !g.exposure.includes(v) && !g.outcome.includes(v)))),
    );
    fc.assert(
      fc.property(cases, ([g, given]) => {
        const r = dsep(g, g.exposure, g.outcome, given);
        const explicit = explicitLatentGraph(g);
        expect(r.d_separated).toBe(bruteDSeparated(explicit, g.exposure, g.outcome, given));
        if (r.open_path !== undefined) {
          const { nodes, arrows } = r.open_path;
          expect(g.exposure).toContain(nodes[0]);
          expect(g.outcome).toContain(nodes[nodes.length - 1]);
          // Spell each ↔ out through its explicit latent node and check the path is open there.
          const spelled = [nodes[0]!];
          arrows.forEach((arrow, i) => {
            const [a, b] = [nodes[i]!, nodes[i + 1]!];
            if (arrow === "<->") {
              const u = explicit.nodes.find((v) => v.startsWith("u_") && explicit.edges.some(([p, q]) => p === v && q === a) && explicit.edges.some(([p, q]) => p === v && q === b));
              expect(u).toBeDefined();
              spelled.push(u!);
            } else expect(explicit.edges).toContainEqual(arrow === "->" ? [a, b] : [b, a]);
            spelled.push(b);
          });
          expect(pathIsOpen(explicit, spelled, new Set(given))).toBe(true);
        }
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
});
