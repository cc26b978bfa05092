/**
 * Properties of bidirected edges: a ↔ b behaves exactly like an explicit latent common cause
 * U → a, U → b for d-separation, witnesses, adjustment (criterion, canonical, minimal and minimum
 * sets, obstructions) and back-door paths; and nothing depends on the order or orientation of the
 * bidirected list. Checked on random DAGs against the same DAG with explicit latent nodes, whose
 * answers are themselves checked against brute force in the other property tests.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteDSeparated, pathIsOpen, type PlainGraph } from "../../test/graph/brute-force.reference.js";
import { explicitLatentGraph } from "../../test/graph/brute-force-admg.reference.js";
import { graphCaseArbitrary, permutedGraphArbitrary, type GraphCase, type GraphSpec } from "../testing/index.js";
import {
  adjustmentObstructions,
  backdoorPaths,
  canonicalAdjustmentSet,
  createDag,
  dConnectingPath,
  dSeparated,
  formatPath,
  hasCausalPath,
  isAdjustmentSet,
  minimalAdjustmentSets,
  minimumAdjustmentSet,
  openPath,
  type GraphPath,
} from "./index.js";

const SEED = 20260311;

/** A random graph case plus random pairs of its nodes to join by bidirected edges. */
const mixedCase = (maxNodes: number): fc.Arbitrary<{ c: GraphCase; mixed: GraphSpec }> =>
  graphCaseArbitrary({ maxNodes, maxSetSize: 2 }).chain((c) => {
    const n = c.graph.nodes.length;
    return fc
      .array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 4 })
      .map((pairs) => {
        const bidirected = pairs.filter(([a, b]) => a !== b).map(([a, b]): [string, string] => [c.graph.nodes[a]!, c.graph.nodes[b]!]);
        return { c, mixed: { ...c.graph, bidirected } };
      });
  });

/** The path's text with explicit `u_i` common causes written as ↔ (what the hidden form prints). */
const asBidirectedText = (path: GraphPath): string => formatPath(path).replace(/ ← u_\d+ → /g, " ↔ ");

/**
 * The node list of a named path in the explicit graph: each `a <-> b` becomes a, u_i, b for the
 * explicit node u_i with u_i → a and u_i → b; each `->`/`<-` must be an edge of that direction.
 * Null when an arrow has no matching edge.
 */
function spellOut(path: GraphPath, g: PlainGraph): string[] | null {
  const edges = new Set(g.edges.map(([a, b]) => `${a}>${b}`));
  const out = [path.nodes[0]!];
  for (let i = 0; i < path.arrows.length; i++) {
    const [a, b] = [path.nodes[i]!, path.nodes[i + 1]!];
    const arrow = path.arrows[i]!;
    if (arrow === "<->") {
      const u = g.latent.find((v) => v.startsWith("u_") && edges.has(`${v}>${a}`) && edges.has(`${v}>${b}`));
      if (u === undefined) return null;
      out.push(u);
    } else if (!edges.has(arrow === "->" ? `${a}>${b}` : `${b}>${a}`)) return null;
    out.push(b);
  }
  return out;
}

describe("bidirected edges ≡ explicit latent common causes", () => {
  it("give the same d-separations (and brute force agrees) and equivalent witnesses", () => {
    fc.assert(
      fc.property(mixedCase(9), ({ c: { xs, ys, zs }, mixed }) => {
        const hidden = createDag(mixed);
        const explicitGraph = explicitLatentGraph(mixed);
        const explicit = createDag(explicitGraph);
        const separated = dSeparated(explicit, xs, ys, zs);
        expect(dSeparated(hidden, xs, ys, zs)).toBe(separated);
        expect(bruteDSeparated(explicitGraph, xs, ys, zs)).toBe(separated);
        const witness = dConnectingPath(hidden, xs, ys, zs);
        expect(witness === null).toBe(separated);
        if (witness !== null) {
          expect(witness.nodes.every((v) => mixed.nodes.includes(v))).toBe(true);
          expect(openPath(hidden, xs, ys, zs)).toEqual(witness.nodes);
          // The witness, with each ↔ spelled out through its explicit latent node, is an open path of the explicit graph.
          const spelled = spellOut(witness, explicitGraph);
          expect(spelled).not.toBeNull();
          expect(pathIsOpen(explicitGraph, spelled!, new Set(zs))).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("give the same adjustment answers and the same back-door paths", () => {
    fc.assert(
      fc.property(mixedCase(9), ({ c: { xs, ys }, mixed }) => {
        const hidden = createDag(mixed);
        const explicit = createDag(explicitLatentGraph(mixed));
        expect(hasCausalPath(hidden, xs, ys)).toBe(hasCausalPath(explicit, xs, ys));
        expect(canonicalAdjustmentSet(hidden, xs, ys)).toEqual(canonicalAdjustmentSet(explicit, xs, ys));
        expect(minimalAdjustmentSets(hidden, xs, ys)).toEqual(minimalAdjustmentSets(explicit, xs, ys));
        expect(minimumAdjustmentSet(hidden, xs, ys)).toEqual(minimumAdjustmentSet(explicit, xs, ys));
        expect(isAdjustmentSet(hidden, xs, ys, [])).toBe(isAdjustmentSet(explicit, xs, ys, []));
        if (xs.length === 1 && ys.length === 1) {
          const [x, y] = [xs[0]!, ys[0]!];
          const hiddenPaths = backdoorPaths(hidden, x, y).paths.map(formatPath).sort();
          const explicitPaths = backdoorPaths(explicit, x, y).paths.map(asBidirectedText).sort();
          expect(hiddenPaths).toEqual(explicitPaths);
          const a = adjustmentObstructions(hidden, x, y);
          const b = adjustmentObstructions(explicit, x, y);
          expect(a.identifiable).toBe(b.identifiable);
          expect(a.candidate).toEqual(b.candidate);
          expect(a.unblockable.paths.map(formatPath).sort()).toEqual(b.unblockable.paths.map(asBidirectedText).sort());
        }
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it("replacing a latent node with exactly two children and no parents by a ↔ b changes no answer", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ maxNodes: 10, maxSetSize: 2, maxLatent: 60 }), ({ graph, xs, ys, zs }) => {
        const query = new Set([...xs, ...ys, ...zs]);
        const parentsOf = (v: string) => graph.edges.filter(([, b]) => b === v);
        const childrenOf = (v: string) => graph.edges.filter(([a]) => a === v).map(([, b]) => b);
        const pair = graph.latent.find((v) => !query.has(v) && parentsOf(v).length === 0 && childrenOf(v).length === 2);
        fc.pre(pair !== undefined);
        const [a, b] = childrenOf(pair!);
        const replaced: GraphSpec = {
          nodes: graph.nodes.filter((v) => v !== pair),
          edges: graph.edges.filter(([p]) => p !== pair),
          latent: graph.latent.filter((v) => v !== pair),
          bidirected: [[a!, b!]],
        };
        const before = createDag(graph);
        const after = createDag(replaced);
        expect(dSeparated(after, xs, ys, zs)).toBe(dSeparated(before, xs, ys, zs));
        expect(minimalAdjustmentSets(after, xs, ys)).toEqual(minimalAdjustmentSets(before, xs, ys));
        expect(canonicalAdjustmentSet(after, xs, ys)).toEqual(canonicalAdjustmentSet(before, xs, ys));
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
  });

  it("do not depend on the order or orientation of the bidirected list", () => {
    fc.assert(
      fc.property(
        mixedCase(10).chain(({ c, mixed }) => fc.tuple(fc.constant(c), fc.constant(mixed), permutedGraphArbitrary(mixed))),
        ([{ xs, ys, zs }, mixed, permuted]) => {
          const a = createDag(mixed);
          const b = createDag(permuted);
          expect(b.names).toEqual(a.names);
          expect(b.bidirected).toEqual(a.bidirected);
          expect(Array.from(b.children)).toEqual(Array.from(a.children));
          expect(dConnectingPath(b, xs, ys, zs)).toEqual(dConnectingPath(a, xs, ys, zs));
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});
