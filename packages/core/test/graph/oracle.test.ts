/**
 * The adjustment / d-separation oracle: 100 random graphs with answers from an independent,
 * long-established implementation (see test/fixtures/ORACLE.md). Every field is checked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  canonicalAdjustmentSet,
  createDag,
  dSeparated,
  enumerateMinimalAdjustmentSets,
  hasCausalPath,
  isAdjustmentSet,
  minimalAdjustmentSets,
  minimumAdjustmentSet,
  openPath,
} from "../../src/graph/index.js";

interface OracleCase {
  id: number;
  nodes: string[];
  edges: [string, string][];
  latent: string[];
  exposure: string;
  outcome: string;
  has_causal_path: boolean;
  adjustment: {
    minimal_sets: string[][];
    minimal_sets_truncated: boolean;
    canonical: string[] | null;
    identifiable_by_adjustment: boolean;
    empty_set_valid: boolean;
  };
  dsep: { x: string; y: string; z: string[]; d_separated: boolean }[];
}

const cases: OracleCase[] = readFileSync(new URL("../fixtures/adjustment-dsep-oracle.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as OracleCase);

describe("adjustment / d-separation oracle", () => {
  it("has the 100 documented cases", () => {
    expect(cases).toHaveLength(100);
  });

  it.each(cases.map((c) => [c.id, c] as const))("case %i: adjustment sets, canonical set, causal path", (_, c) => {
    const dag = createDag(c);
    const { exposure: x, outcome: y } = c;
    expect(hasCausalPath(dag, x, y)).toBe(c.has_causal_path);
    expect(canonicalAdjustmentSet(dag, x, y)).toEqual(c.adjustment.canonical);
    expect(isAdjustmentSet(dag, x, y, [])).toBe(c.adjustment.empty_set_valid);
    const expected = c.adjustment.minimal_sets;
    if (!c.adjustment.minimal_sets_truncated) {
      const result = minimalAdjustmentSets(dag, x, y);
      expect(result.truncated).toBe(false);
      expect(result.sets).toEqual(expected);
      expect(result.sets.length > 0).toBe(c.adjustment.identifiable_by_adjustment);
    } else {
      // The oracle stopped at its cap: every listed set must be one of ours, and we must have more.
      const capped = minimalAdjustmentSets(dag, x, y, { maxResults: expected.length });
      expect(capped.truncated).toBe(true);
      expect(capped.sets).toHaveLength(expected.length);
      const all = new Set(Array.from(enumerateMinimalAdjustmentSets(dag, x, y), (s) => JSON.stringify(s)));
      for (const set of expected) expect(all.has(JSON.stringify(set))).toBe(true);
      expect(all.size).toBeGreaterThan(expected.length);
      expect(c.adjustment.identifiable_by_adjustment).toBe(true);
    }
    const minimum = minimumAdjustmentSet(dag, x, y);
    if (c.adjustment.identifiable_by_adjustment) {
      expect(minimum).not.toBeNull();
      expect(isAdjustmentSet(dag, x, y, minimum!)).toBe(true);
      if (!c.adjustment.minimal_sets_truncated) {
        const smallest = Math.min(...expected.map((s) => s.length));
        const first = expected.filter((s) => s.length === smallest)[0];
        expect(minimum).toEqual(first);
      }
    } else {
      expect(minimum).toBeNull();
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))("case %i: d-separation queries", (_, c) => {
    const dag = createDag(c);
    for (const q of c.dsep) {
      expect(dSeparated(dag, q.x, q.y, q.z), `${q.x} ⫫ ${q.y} | {${q.z.join(",")}}`).toBe(q.d_separated);
      const path = openPath(dag, q.x, q.y, q.z);
      expect(path === null).toBe(q.d_separated);
    }
  });
});
