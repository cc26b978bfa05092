/**
 * The capture acceptance suite (plot-client.md §7.1 and §7.4): every captured PLoT request is run
 * through `runOperation` and checked, one test per fixture per property:
 * - `status`: 200 (no error), or the recorded 422 `blocked` body (CVF-C: first critique
 *   VALIDATION_ERROR / blocker, message naming `goal_constraints -> 0 -> value_frame`);
 * - `read-keys`: every key PLoT reads is present with the right type, no nulls, no non-finite
 *   numbers, no dead keys (the table in plot-read-keys.ts);
 * - `echoes`: request_id, request_echo, seed, option ids/labels, request-gated blocks (plot-read-keys.ts);
 * - `deterministic`: the same request twice gives the same body apart from `timestamp` and
 *   `processing_time_ms`;
 * - `capture-exact` (fixtures with a captured response): the numbers that are functions of the request
 *   alone equal the capture's (plot-client.md §7.2; capture-exact.ts).
 * `GREEN` lists the (fixture, property) pairs that pass today; the rest are reported, not kept here.
 * `ISL_CAPTURE_ALL=1 vitest run packages/core/test/plot/capture-acceptance.test.ts` runs the full matrix.
 */
import type { OperationId } from "@olumi/contracts";
import { describe, expect, it } from "vitest";
import { runOperation, toErrorEnvelope } from "../../src/index.js";
import { CAPTURE_FIXTURES, fixtureNamed, fixtureRequest, fixtureResponse, type CaptureFixture } from "./capture-fixtures.js";
import { requestOnlyMismatches } from "./capture-exact.js";
import { plotEchoViolations, plotReadKeyViolations } from "./plot-read-keys.js";

/** The properties of a fixture. */
type Property = "status" | "read-keys" | "echoes" | "deterministic" | "capture-exact";

const ALL: readonly Property[] = ["status", "read-keys", "echoes", "deterministic"];

/** The properties that apply to a fixture: echoes and read keys are analyze/v2 checks (validate has its own keys). */
function applicable(fixture: CaptureFixture): readonly Property[] {
  if (fixture.operation === "robustness/analyze/v2") {
    if (fixture.status !== 200) return ["status", "deterministic"];
    return fixture.response === undefined ? ALL : [...ALL, "capture-exact"];
  }
  if (fixture.operation === "causal/validate") return ["status", "read-keys", "deterministic"];
  return ["status", "deterministic"];
}

/** The (fixture, property) pairs that pass; see the report for the others. */
const GREEN: Readonly<Record<string, readonly Property[]>> = {
  "live:P1-0706-A": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P2-0706-B": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P3-0707-A": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P4-0707-pathdecomp": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P5-0708-A": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P6-0430-cee": ["status", "read-keys", "echoes", "deterministic", "capture-exact"],
  "live:P7-event-risk-applied": ["status", "read-keys", "deterministic", "capture-exact"],
  "live:P8-event-risk-dropped": ["status", "read-keys", "deterministic", "capture-exact"],
  "egress:causal-validate": ["status", "deterministic"],
  "egress:flip-probe-clone": ["status", "read-keys", "echoes", "deterministic"],
  "egress:flip-probe-insert": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v1-run-analyse-robustness": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-accumulation-identity-rate-sigma": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-accumulation-identity": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-base-constraint-weight": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-base": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-change-frames": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-factor-correlations": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-goal-threshold-delta": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-goal-threshold-level": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-intervention-ranges": ["status", "read-keys", "echoes", "deterministic"],
  "egress:v2-run-user-stated-ranges": ["status", "read-keys", "echoes", "deterministic"],
  "paul:17d1cd3a": ["status", "read-keys", "echoes", "deterministic"],
  "paul:own-a295e4a1": ["status", "read-keys", "echoes", "deterministic"],
  "cvf:A": ["status", "read-keys", "echoes", "deterministic"],
  "cvf:B": ["status", "read-keys", "echoes", "deterministic"],
  "cvf:C": ["status", "deterministic"],
  "cvf:D": ["status", "read-keys", "echoes", "deterministic"],
  "cvf:E": ["status", "read-keys", "echoes", "deterministic"],
  "derived:unknown-keys-ignored": ["status", "read-keys", "echoes", "deterministic"],
  "derived:extra-key-in-nonlinear_identity": ["status", "deterministic"],
  "derived:extra-key-in-execution_frame": ["status", "deterministic"],
  "derived:extra-key-in-event_risk": ["status", "deterministic"],
  "derived:no-seed": ["status", "read-keys", "echoes", "deterministic"],
};

/** `ISL_CAPTURE_ALL=1` runs the whole fixture × property matrix (to watch the engine's progress). */
const SELECTED: Readonly<Record<string, readonly Property[]>> =
  process.env.ISL_CAPTURE_ALL === "1" ? Object.fromEntries(CAPTURE_FIXTURES.map((f) => [f.name, applicable(f)])) : GREEN;

/** Keys PLoT reads from `causal/validate` (plot-client.md §2.7). */
const VALIDATE_READ_KEYS = ["status", "adjustment_sets", "minimal_adjustment_set", "suggestions", "robustness"] as const;

type Outcome = { status: number; body: Record<string, unknown> };

const outcomes = new Map<string, Outcome>();

function run(fixture: CaptureFixture): Outcome {
  try {
    const body = runOperation(fixture.operation as OperationId, fixtureRequest(fixture)) as Record<string, unknown>;
    return { status: 200, body: JSON.parse(JSON.stringify(body)) as Record<string, unknown> };
  } catch (error) {
    const { status, body } = toErrorEnvelope(error, "capture-suite");
    return { status, body: body as unknown as Record<string, unknown> };
  }
}

function outcomeOf(fixture: CaptureFixture): Outcome {
  const cached = outcomes.get(fixture.name);
  if (cached !== undefined) return cached;
  const outcome = run(fixture);
  outcomes.set(fixture.name, outcome);
  return outcome;
}

function withoutVolatile(body: Record<string, unknown>): Record<string, unknown> {
  const { timestamp: _t, processing_time_ms: _p, ...rest } = body;
  return rest;
}

const CHECKS: Record<Property, (fixture: CaptureFixture) => void> = {
  status(fixture) {
    const { status, body } = outcomeOf(fixture);
    if (fixture.status === 200) {
      expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
      return;
    }
    expect(status).toBe(422);
    expect(body.analysis_status).toBe("blocked");
    const critiques = body.critiques as { code: string; severity: string; message: string }[];
    expect(critiques.length).toBeGreaterThan(0);
    expect(critiques[0]).toMatchObject({ code: "VALIDATION_ERROR", severity: "blocker" });
    expect(String(body.status_reason)).toContain(fixture.blockedField ?? "");
  },
  "read-keys"(fixture) {
    const { status, body } = outcomeOf(fixture);
    expect(status).toBe(200);
    if (fixture.operation === "causal/validate") {
      for (const key of VALIDATE_READ_KEYS) expect(body).toHaveProperty(key);
      return;
    }
    const violations = plotReadKeyViolations(body);
    expect(violations, violations.join("; ")).toEqual([]);
  },
  echoes(fixture) {
    const { status, body } = outcomeOf(fixture);
    expect(status).toBe(200);
    const violations = plotEchoViolations(fixtureRequest(fixture), body);
    expect(violations, violations.join("; ")).toEqual([]);
  },
  "capture-exact"(fixture) {
    const { status, body } = outcomeOf(fixture);
    expect(status).toBe(200);
    const mismatches = requestOnlyMismatches(fixtureResponse(fixture)!, body);
    expect(mismatches, mismatches.join("; ")).toEqual([]);
  },
  deterministic(fixture) {
    const first = outcomeOf(fixture);
    expect(first.status).toBe(fixture.status);
    const second = run(fixture);
    expect(second.status).toBe(first.status);
    expect(withoutVolatile(second.body)).toEqual(withoutVolatile(first.body));
  },
};

/** Sampled numbers that optional extras must not change (plot-client.md §7.4; ISL's P3 and P4 agree exactly). */
const INVARIANCES: Record<string, { base: () => Record<string, unknown>; extra: () => Record<string, unknown>; extraKeys: readonly string[] }> = {
  "path_decomposition does not change the sampled numbers": {
    base: () => fixtureRequest(fixtureNamed("live:P3-0707-A")),
    extra: () => fixtureRequest(fixtureNamed("live:P4-0707-pathdecomp")),
    extraKeys: ["path_decomposition"],
  },
  "user_stated_ranges do not change any number": {
    base: () => {
      const { user_stated_ranges: _r, ...rest } = fixtureRequest(fixtureNamed("egress:v2-run-user-stated-ranges"));
      return rest;
    },
    extra: () => fixtureRequest(fixtureNamed("egress:v2-run-user-stated-ranges")),
    extraKeys: ["range_fit_disclosures"],
  },
};

/** The invariances that hold today. */
const GREEN_INVARIANCES: readonly string[] = ["path_decomposition does not change the sampled numbers"];

function runBody(request: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(runOperation("robustness/analyze/v2" as OperationId, request))) as Record<string, unknown>;
}

describe("capture acceptance suite", () => {
  it("names only existing fixtures and properties", () => {
    for (const [name, properties] of Object.entries(GREEN)) {
      expect(fixtureNamed(name).name).toBe(name);
      for (const p of properties) expect(applicable(fixtureNamed(name))).toContain(p);
    }
  });

  const invariances = process.env.ISL_CAPTURE_ALL === "1" ? Object.keys(INVARIANCES) : GREEN_INVARIANCES;
  for (const name of invariances) {
    it(`invariance: ${name}`, () => {
      const { base, extra, extraKeys } = INVARIANCES[name]!;
      const without = withoutVolatile(runBody(base()));
      const withExtra = withoutVolatile(runBody(extra()));
      for (const key of extraKeys) {
        expect(withExtra).toHaveProperty(key);
        delete withExtra[key];
      }
      const { request_id: _a, request_echo: _b, ...left } = without;
      const { request_id: _c, request_echo: _d, ...right } = withExtra;
      expect(right).toEqual(left);
    });
  }

  for (const fixture of CAPTURE_FIXTURES) {
    const properties = SELECTED[fixture.name] ?? [];
    if (properties.length === 0) continue;
    describe(fixture.name, () => {
      for (const property of properties) it(property, () => CHECKS[property](fixture));
    });
  }
});
