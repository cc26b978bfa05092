/**
 * The `implied_cis` field of the adjustment / d-separation oracle (test/fixtures/ORACLE.md): for
 * every case that has it (graphs of at most 12 nodes), the minimal implied independencies must be
 * exactly the oracle's — every unordered pair of observed nodes with every minimal separating set
 * among observed nodes. The oracle writes each pair in the order its generator listed the nodes;
 * ISL writes the earlier name first (so answers never depend on input order), which is the only
 * normalisation applied before comparing the full sorted lists.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDag, minimalImpliedIndependencies } from "../../src/graph/index.js";
import { sortStatements, type BruteIndependence } from "./implied-independencies.reference.js";

interface OracleCase {
  id: number;
  nodes: string[];
  edges: [string, string][];
  latent: string[];
  implied_cis: { x: string; y: string; z: string[] }[] | null;
  implied_cis_truncated: boolean;
}

const cases: OracleCase[] = readFileSync(new URL("../fixtures/adjustment-dsep-oracle.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as OracleCase);
const withImplications = cases.filter((c) => c.implied_cis !== null);

describe("implied independencies oracle", () => {
  it("covers every case that has implied_cis (26 graphs, some with latent nodes)", () => {
    expect(cases).toHaveLength(100);
    expect(withImplications).toHaveLength(26);
    expect(withImplications.some((c) => c.latent.length > 0)).toBe(true);
  });

  it.each(withImplications.map((c) => [c.id, c] as const))("case %i: minimal implied independencies", (_, c) => {
    expect(c.implied_cis_truncated).toBe(false);
    const expected: BruteIndependence[] = sortStatements(c.implied_cis!.map((s) => (s.x < s.y ? { x: s.x, y: s.y, given: s.z } : { x: s.y, y: s.x, given: s.z })));
    const result = minimalImpliedIndependencies(createDag(c), { maxResults: 100_000 });
    expect(result.truncated).toBe(false);
    expect(result.independencies).toEqual(expected);
  });
});
