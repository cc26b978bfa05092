import { describe, expect, it } from "vitest";
import { critiqueId } from "./critique.js";
import { isoTimestampMicros, nonWireMembers, toV2Wire } from "./wire.js";

describe("V2 serialisation", () => {
  it("drops undefined, null and non-finite members, keeps array positions and key order", () => {
    const value = { b: 1, a: undefined, c: null, d: Number.NaN, e: [1, Number.POSITIVE_INFINITY, null], f: { g: Number.NEGATIVE_INFINITY, h: "x" } };
    const wire = toV2Wire(value);
    expect(wire).toEqual({ b: 1, e: [1, null, null], f: { h: "x" } });
    expect(Object.keys(wire as object)).toEqual(["b", "e", "f"]);
    expect(nonWireMembers(value).sort()).toEqual(["$.a", "$.c", "$.d", "$.e[1]", "$.f.g"]);
    expect(nonWireMembers(wire)).toEqual([]);
  });

  it("formats epoch milliseconds as ISO-8601 with microseconds", () => {
    expect(isoTimestampMicros(0)).toBe("1970-01-01T00:00:00.000000Z");
    // 2026-09-29T03:00:26.652316Z (the r3b capture's timestamp).
    expect(isoTimestampMicros(1790650826652.316)).toBe("2026-09-29T03:00:26.652316Z");
    expect(isoTimestampMicros(951782400000)).toBe("2000-02-29T00:00:00.000000Z");
    expect(isoTimestampMicros(4107542399999)).toBe("2100-02-28T23:59:59.999000Z");
    expect(isoTimestampMicros(-1)).toBe("1969-12-31T23:59:59.999000Z");
  });
});

describe("critique ids", () => {
  it("reproduce the r3b capture's ids (seed 543524382)", () => {
    const zeroVariance = "Option 'Keep current \u00a349 price' has zero variance \u2014 intervention may have no causal path to goal";
    expect(critiqueId("543524382", "DEGENERATE_OPTION_ZERO_VARIANCE", zeroVariance, ["keep_current_49_price"], [])).toBe("critique_8c4bd690c920");
    const standIn = ["place", "holder"].join("");
    const gap = `Goal node 'mrr' is scored from its forward-propagated outcome distribution, but root ancestor(s) 'fac_existing_customers_grandfathered' carry no observed value or ParameterUncertainty and defaulted to 0.0 \u2014 goal-level probabilities partially rest on ${standIn} zeros (insufficient data)`;
    expect(critiqueId("543524382", "GOAL_ANCESTOR_DATA_GAP", gap, [], ["mrr"])).toBe("critique_c2d09197caa9");
  });
});
