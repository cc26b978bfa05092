/**
 * Properties of DOT import and export on random graphs with roles and awkward names (spaces,
 * quotes, backslashes, newlines, keywords, digits, non-ASCII): parseDot(toDot(g)) equals g in
 * canonical form, toDot is idempotent through a parse, the text of a graph does not depend on the
 * order of its lists, and arbitrary or mutated text either parses or raises ISL_INVALID_INPUT.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIslError } from "../errors.js";
import { admgWithRolesArbitrary, type GraphWithRoles } from "../testing/index.js";
import { compareNames, parseDot, toDot, type DotGraph } from "./index.js";

const SEED = 20161101;

/** Awkward node names: DOT keywords, digits, punctuation, quotes, backslashes, newlines, non-ASCII. */
const awkwardName = fc.oneof(
  fc.constantFrom("node", "Graph", "strict", "dag", "1", "-2.5", "a b", 'q"uote', "back\\slash", "new\nline", "tab\there", "ü", "体重", "{", "->", "//", "#", "x\\", "", "_"),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 4 }),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/),
);

/** A random graph with roles and adjusted nodes, with awkward names, in canonical (sorted) form. */
const graphWithNames: fc.Arbitrary<DotGraph> = admgWithRolesArbitrary({ maxNodes: 9, maxLatent: 30, maxExposures: 2, maxOutcomes: 2 }).chain((g: GraphWithRoles) =>
  fc
    .tuple(
      fc.uniqueArray(awkwardName, { minLength: g.nodes.length, maxLength: g.nodes.length }),
      fc.array(fc.boolean(), { minLength: g.nodes.length, maxLength: g.nodes.length }),
    )
    .map(([names, adjustedFlags]) => {
      const rename = new Map(g.nodes.map((v, i) => [v, names[i]!]));
      const r = (v: string): string => rename.get(v)!;
      const sorted = (list: string[]): string[] => [...list].sort(compareNames);
      const pairs = (list: [string, string][], symmetric: boolean): [string, string][] =>
        list
          .map(([a, b]): [string, string] => (symmetric && compareNames(r(b), r(a)) < 0 ? [r(b), r(a)] : [r(a), r(b)]))
          .sort((p, q) => compareNames(p[0], q[0]) || compareNames(p[1], q[1]));
      return {
        nodes: sorted(g.nodes.map(r)),
        edges: pairs(g.edges, false),
        bidirected: pairs(g.bidirected ?? [], true),
        latent: sorted(g.latent.map(r)),
        exposure: sorted(g.exposure.map(r)),
        outcome: sorted(g.outcome.map(r)),
        adjusted: sorted(g.nodes.filter((_, i) => adjustedFlags[i]).map(r)),
      };
    }),
);

/** Calls parseDot; any failure must be an ISL_INVALID_INPUT IslError. */
function parseOrInvalid(text: string): DotGraph | null {
  try {
    return parseDot(text);
  } catch (e) {
    expect(isIslError(e) && e.code === "ISL_INVALID_INPUT").toBe(true);
    return null;
  }
}

describe("DOT properties", () => {
  it("parseDot(toDot(g)) == g, and toDot(parseDot(toDot(g))) == toDot(g)", () => {
    fc.assert(
      fc.property(graphWithNames, (g) => {
        const text = toDot(g);
        const back = parseDot(text);
        expect(back).toEqual(g);
        expect(toDot(back)).toBe(text);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("toDot does not depend on the order of the lists or of bidirected pairs", () => {
    fc.assert(
      fc.property(graphWithNames, fc.integer(), (g, salt) => {
        const shuffle = <T>(list: readonly T[]): T[] => list.map((v, i) => [v, (i * 7919 + salt) % 101] as const).sort((p, q) => p[1] - q[1]).map((p) => p[0]);
        const shuffled = { ...g, nodes: shuffle(g.nodes), edges: shuffle(g.edges), bidirected: shuffle(g.bidirected).map(([a, b]): [string, string] => [b, a]), adjusted: shuffle(g.adjusted) };
        expect(toDot(shuffled)).toBe(toDot(g));
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it("arbitrary text parses or raises ISL_INVALID_INPUT, never anything else", () => {
    const dotish = fc
      .array(fc.constantFrom("dag", "digraph", "graph", "strict", "{", "}", "[", "]", "=", ";", ",", "+", "->", "<-", "<->", "--", "a", "b", '"q"', '"', "/*", "*/", "//", "#", "\n", " ", "latent", "exposure", "subgraph", "1", "-", ":", "<"), { maxLength: 30 })
      .map((parts) => parts.join(" "));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), dotish), (text) => {
        parseOrInvalid(text);
      }),
      { seed: SEED + 2, numRuns: 2000 },
    );
  });

  it("a valid text with one character deleted parses to a valid graph or raises ISL_INVALID_INPUT", () => {
    fc.assert(
      fc.property(graphWithNames, fc.nat(), (g, at) => {
        const text = toDot(g);
        const i = at % text.length;
        const g2 = parseOrInvalid(text.slice(0, i) + text.slice(i + 1));
        if (g2 !== null) {
          const nodes = new Set(g2.nodes);
          for (const [a, b] of [...g2.edges, ...g2.bidirected]) expect(nodes.has(a) && nodes.has(b) && a !== b).toBe(true);
        }
      }),
      { seed: SEED + 3, numRuns: 400 },
    );
  });
});
