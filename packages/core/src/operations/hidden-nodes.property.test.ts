/**
 * The hidden nodes that stand for bidirected edges never reach a caller: on random graphs with
 * latent nodes and bidirected edges, no response of a graph operation — nor any error it raises —
 * contains the reserved character U+FFFF of their names, and every bidirected path reads `a ↔ b`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOperationId } from "@olumi/contracts";
import { isIslError } from "../errors.js";
import { HIDDEN_NODE_PREFIX } from "../graph/index.js";
import { admgWithRolesArbitrary } from "../testing/index.js";
import { runOperation } from "./run.js";

/** Requests of the graph operations for one graph, exposure and outcome (ids not in the table are skipped). */
function requestsFor(dag: unknown, x: string, y: string, given: string[]): [string, unknown][] {
  return [
    ["causal/validate", { dag, treatment: x, outcome: y }],
    ["causal/d-separation", { dag, x: [x], y: [y], given }],
    ["causal/adjustment-sets", { dag, exposure: x, outcome: y, kind: "minimal" }],
    ["causal/implied-independencies", { dag, kind: "minimal" }],
    ["causal/identify", { dag, treatment: [x], outcome: [y] }],
    ["causal/instruments", { dag, exposure: x, outcome: y }],
    ["causal/validate/strategies", { dag, treatment: x, outcome: y }],
    ["graph/to-dot", { dag, exposure: [x], outcome: [y] }],
  ];
}

describe("hidden nodes of bidirected edges", () => {
  it("never appear in a response or an error of any graph operation", () => {
    const cases = admgWithRolesArbitrary({ maxNodes: 7, maxLatent: 25, maxBidirected: 35 }).chain((g) => fc.tuple(fc.constant(g), fc.subarray(g.nodes)));
    let bidirectedPathsSeen = 0;
    fc.assert(
      fc.property(cases, ([g, pick]) => {
        const dag = { nodes: g.nodes, edges: g.edges, latent: g.latent, bidirected: g.bidirected };
        const [x, y] = [g.exposure[0]!, g.outcome[0]!];
        const given = pick.filter((v) => v !== x && v !== y);
        for (const [id, request] of requestsFor(dag, x, y, given)) {
          if (!isOperationId(id)) continue;
          let text: string;
          try {
            text = JSON.stringify(runOperation(id, request));
          } catch (e) {
            expect(isIslError(e)).toBe(true);
            text = JSON.stringify({ message: (e as Error).message, details: (e as { details?: unknown }).details, failures: (e as { validationFailures?: unknown }).validationFailures });
          }
          expect(text.includes(HIDDEN_NODE_PREFIX), `${id} leaked a hidden node: ${text.slice(0, 300)}`).toBe(false);
          if (text.includes("↔")) bidirectedPathsSeen++;
        }
      }),
      { seed: 777, numRuns: 120 },
    );
    // The property is not vacuous: bidirected paths were rendered.
    expect(bidirectedPathsSeen).toBeGreaterThan(50);
  });
});
