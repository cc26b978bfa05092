/**
 * Validates the PLoT read-key table against ISL's own captures: the newest envelope (r3b) passes
 * clean, and every older build is flagged for exactly what it is known to lack or carry
 * (plot-client.md §3.2: confidence_basis since #114, edge_sensitivity and the reference option
 * since 9a22a1a, factor_evpi removed by #103; the event-risk echo dropped by 3be42750).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedSeedUsed, goalHash, PLOT_READ_KEYS, plotEchoViolations, plotReadKeyViolations } from "./plot-read-keys.js";

const FIXTURES = new URL("../fixtures/plot/", import.meta.url);
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Record<string, unknown>;

/** Computed with CPython 3 (an independent implementation): `int(hashlib.sha256(b"seed-slice2").hexdigest(), 16) % 2**31`. */
const SEED_SLICE2_PYTHON = "1993666114";

const PRE_114 = "robustness.confidence_basis: missing";
const DEAD_EVPI = "factor_evpi: dead top-level key must not be emitted";
const PRE_65 = ["robustness.edge_sensitivity: missing", "sensitivity_reference_option_id: missing"];

/** [response, request, expected read-key violations] of the captured pairs. */
const PAIRS: [string, string, string[]][] = [
  ["isl-v2-live-20260706__isl-staging-capture.json", "isl-v2-live-20260706__isl-v2-request.json", [PRE_114, ...PRE_65, DEAD_EVPI]],
  ["isl-v2-live-20260706__isl-staging-capture-b.json", "isl-v2-live-20260706__isl-v2-request-b.json", [PRE_114, ...PRE_65, DEAD_EVPI]],
  ["isl-v2-live-20260707__isl-staging-capture.json", "isl-v2-live-20260707__isl-v2-request.json", [PRE_114, DEAD_EVPI]],
  ["isl-v2-live-20260707__isl-staging-capture-pathdecomp.json", "isl-v2-live-20260707__isl-v2-request-pathdecomp.json", [PRE_114, DEAD_EVPI]],
  ["isl-v2-live-20260708__isl-staging-capture.json", "isl-v2-live-20260708__isl-v2-request.json", [PRE_114, DEAD_EVPI]],
  ["olumi-schemas-plot-to-cee-20260430__isl_response.json", "olumi-schemas-plot-to-cee-20260430__isl_request.json", [PRE_114, ...PRE_65, DEAD_EVPI]],
];

describe("PLoT read-key table against ISL captures", () => {
  it("the newest envelope (r3b, September 2026) has no violation", () => {
    expect(plotReadKeyViolations(load("r3b-goal-derived-withhold-20260929__isl-analyze-v2.response.json"))).toEqual([]);
  });

  it.each(PAIRS)("%s: exactly its build's known gaps, and exact echoes", (response, requestFile, expected) => {
    const body = load(response);
    expect(plotReadKeyViolations(body)).toEqual(expected);
    expect(plotEchoViolations(load(requestFile), body)).toEqual([]);
  });

  it("event-risk pair: applied echo passes, dropped echo fails closed; both lack edge_e_values (not requested, PLoT's probe warns)", () => {
    const applied = load("isl-event-risk-echo-20261007__isl-da33003b-pool-applied.json");
    const dropped = load("isl-event-risk-echo-20261007__isl-3be42750-pool-echo-dropped.json");
    for (const d of [applied, dropped]) expect(plotReadKeyViolations(d.envelope)).toEqual(["robustness.edge_e_values: missing"]);
    expect(plotEchoViolations(applied.request as Record<string, unknown>, applied.envelope as Record<string, unknown>)).toEqual([]);
    expect(plotEchoViolations(dropped.request as Record<string, unknown>, dropped.envelope as Record<string, unknown>)).toEqual([
      'event_risks_applied[].node_id: expected ["supplier_fails"], got undefined',
    ]);
  });

  it("flags nulls, non-finite numbers, wrong types, bad vocabularies and dead keys", () => {
    const body = load("r3b-goal-derived-withhold-20260929__isl-analyze-v2.response.json");
    const options = body.options as Record<string, unknown>[];
    const broken = {
      ...body,
      version: "1.0",
      computed_at: "x",
      options: [{ ...options[0], win_probability: 1.5, status_reason: null }, ...options.slice(1)],
      factor_sensitivity: [{ ...(body.factor_sensitivity as object[])[0], value_of_information: 0 }],
      decision_evpi: Number.NaN,
    };
    const problems = plotReadKeyViolations(broken);
    expect(problems).toContain("version: does not match /^2(\\.|$)/: \"1.0\"");
    expect(problems).toContain("options[0].win_probability: expected prob01, got 1.5");
    expect(problems).toContain("options[0].status_reason: null (optional members must be left out on V2)");
    expect(problems).toContain("computed_at: dead top-level key must not be emitted");
    expect(problems).toContain("factor_sensitivity[0].value_of_information: dead key");
    expect(problems).toContain("decision_evpi: non-finite number");
    const { sensitivity_reference_option_id: _s, ...missing } = body;
    expect(plotReadKeyViolations(missing)).toEqual(["sensitivity_reference_option_id: missing"]);
    // Without sensitivity rows (analysis_types without "sensitivity") the reference option is rightly absent.
    const robustness = body.robustness as Record<string, unknown>;
    const { factor_sensitivity: _f, ...noFactorRows } = missing;
    expect(plotReadKeyViolations({ ...noFactorRows, robustness: { ...robustness, edge_sensitivity: [] } })).toEqual([]);
  });

  it("echo checks catch a wrong goal hash, seed and option order", () => {
    const request = load("isl-v2-live-20260707__isl-v2-request.json");
    const body = load("isl-v2-live-20260707__isl-staging-capture.json");
    expect(goalHash("goal_productivity")).toBe((body.request_echo as { goal_node_id_hash: string }).goal_node_id_hash);
    const swapped = { ...body, seed_used: "1", options: [...(body.options as object[])].reverse() };
    const problems = plotEchoViolations(request, swapped);
    expect(problems.map((p) => p.split(":")[0])).toEqual(["seed_used", "options[].id", "options[].label"]);
  });

  it("seed_used rule: integers and int()-parsable strings echo as integers, other strings hash (sha256 mod 2^31)", () => {
    expect(expectedSeedUsed(7)).toBe("7");
    expect(expectedSeedUsed("2034401427")).toBe("2034401427");
    expect(expectedSeedUsed(" +42 ")).toBe("42");
    expect(expectedSeedUsed("-5")).toBe("-5");
    expect(expectedSeedUsed("1_000")).toBe("1000");
    expect(expectedSeedUsed("98765432109876543210")).toBe("98765432109876543210");
    expect(expectedSeedUsed("seed-slice2")).toBe(SEED_SLICE2_PYTHON);
    expect(expectedSeedUsed("1__0")).not.toBe("10");
  });

  it("every table path is unique and ends in a key", () => {
    const paths = PLOT_READ_KEYS.map((k) => k.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p.endsWith("[]")).toBe(false);
  });
});
