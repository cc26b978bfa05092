/**
 * The request fixtures of the capture acceptance suite (plot-client.md §7.1): every captured
 * PLoT→ISL request body, where it is stored, which operation it goes to and what ISL answered.
 * Data only; files live in packages/core/test/fixtures/plot/ (copied from the reference captures).
 */
import { readFileSync } from "node:fs";

/** One request fixture. */
export interface CaptureFixture {
  /** Short, stable name used in test titles. */
  name: string;
  /** File under test/fixtures/plot/. */
  file: string;
  /** Where the body sits in the file: the whole file, `.body` (egress generator) or `.request` (event-risk pairs). */
  at: "file" | "body" | "request";
  /** Operation the body is sent to. */
  operation: "robustness/analyze/v2" | "causal/validate" | "causal/counterfactual" | "causal/sensitivity/detailed";
  /** Status ISL answered (or must answer): 200, or the recorded 422 blocked body. */
  status: 200 | 422;
  /** The captured ISL response paired with it, when there is one. */
  response?: { file: string; at: "file" | "envelope" };
  /** For derived cases: how the stored body is changed before sending (plot-client.md §7.1.1, §7.4). */
  mutate?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** For a 422: the field path the blocked body's `status_reason` must name. */
  blockedField?: string;
}

const egress = (name: string, operation: CaptureFixture["operation"] = "robustness/analyze/v2"): CaptureFixture => ({
  name: `egress:${name}`,
  file: `isl-pinned-egress__${name}.json`,
  at: "body",
  operation,
  status: 200,
});

const cvf = (letter: string, tail: string, status: 200 | 422 = 200): CaptureFixture => ({
  name: `cvf:${letter}`,
  file: `isl-constraint-value-frame-20260807__${letter}-${tail}.request.json`,
  at: "file",
  operation: "robustness/analyze/v2",
  status,
  ...(status === 422 ? { response: { file: `isl-constraint-value-frame-20260807__${letter}-${tail}.response.json`, at: "file" as const } } : {}),
});

/** Every request fixture: live pairs (P1–P8), the 17 egress bodies, the two live PLoT bodies, CVF A–E. */
export const CAPTURE_FIXTURES: readonly CaptureFixture[] = [
  { name: "live:P1-0706-A", file: "isl-v2-live-20260706__isl-v2-request.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-v2-live-20260706__isl-staging-capture.json", at: "file" } },
  { name: "live:P2-0706-B", file: "isl-v2-live-20260706__isl-v2-request-b.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-v2-live-20260706__isl-staging-capture-b.json", at: "file" } },
  { name: "live:P3-0707-A", file: "isl-v2-live-20260707__isl-v2-request.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-v2-live-20260707__isl-staging-capture.json", at: "file" } },
  { name: "live:P4-0707-pathdecomp", file: "isl-v2-live-20260707__isl-v2-request-pathdecomp.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-v2-live-20260707__isl-staging-capture-pathdecomp.json", at: "file" } },
  { name: "live:P5-0708-A", file: "isl-v2-live-20260708__isl-v2-request.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-v2-live-20260708__isl-staging-capture.json", at: "file" } },
  { name: "live:P6-0430-cee", file: "olumi-schemas-plot-to-cee-20260430__isl_request.json", at: "file", operation: "robustness/analyze/v2", status: 200, response: { file: "olumi-schemas-plot-to-cee-20260430__isl_response.json", at: "file" } },
  { name: "live:P7-event-risk-applied", file: "isl-event-risk-echo-20261007__isl-da33003b-pool-applied.json", at: "request", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-event-risk-echo-20261007__isl-da33003b-pool-applied.json", at: "envelope" } },
  { name: "live:P8-event-risk-dropped", file: "isl-event-risk-echo-20261007__isl-3be42750-pool-echo-dropped.json", at: "request", operation: "robustness/analyze/v2", status: 200, response: { file: "isl-event-risk-echo-20261007__isl-3be42750-pool-echo-dropped.json", at: "envelope" } },
  egress("causal-counterfactual-dead", "causal/counterfactual"),
  egress("causal-sensitivity-detailed-dead", "causal/sensitivity/detailed"),
  egress("causal-validate", "causal/validate"),
  egress("factor-sensitivity-dead"),
  egress("flip-probe-clone"),
  egress("flip-probe-insert"),
  egress("v1-run-analyse-robustness"),
  egress("v2-run-accumulation-identity-rate-sigma"),
  egress("v2-run-accumulation-identity"),
  egress("v2-run-base-constraint-weight"),
  egress("v2-run-base"),
  egress("v2-run-change-frames"),
  egress("v2-run-factor-correlations"),
  egress("v2-run-goal-threshold-delta"),
  egress("v2-run-goal-threshold-level"),
  egress("v2-run-intervention-ranges"),
  egress("v2-run-user-stated-ranges"),
  { name: "paul:17d1cd3a", file: "paul-17d1cd3a-20260927__CAPTURED-1f6ad52.plot-to-isl.request.json", at: "file", operation: "robustness/analyze/v2", status: 200 },
  { name: "paul:own-a295e4a1", file: "paul-own-a295e4a1-20260927__CAPTURED-BEFORE.plot-to-isl.request.json", at: "file", operation: "robustness/analyze/v2", status: 200 },
  cvf("A", "control-no-frame"),
  cvf("B", "valid-delta"),
  { ...cvf("C", "invalid-frame", 422), blockedField: "goal_constraints -> 0 -> value_frame" },
  cvf("D", "misspelled-key"),
  cvf("E", "level-no-baseline"),
  ...derivedFixtures(),
];

type Body = Record<string, unknown>;
type NodeBody = Record<string, unknown> & { id: string };

/** A copy of `body` with `change` applied to the node `id`. */
function withNode(body: Body, id: string, change: (node: NodeBody) => NodeBody): Body {
  const graph = body.graph as { nodes: NodeBody[]; edges: unknown[] };
  return { ...body, graph: { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? change(n) : n)) } };
}

/**
 * Cases derived from stored bodies (plot-client.md §7.1.1 and §7.4): unknown keys are ignored
 * except inside the forbid-extras objects (execution_frame, nonlinear_identity, event_risk ⇒ 422),
 * and a body without a seed is still served deterministically.
 */
function derivedFixtures(): CaptureFixture[] {
  const accumulation = "isl-pinned-egress__v2-run-accumulation-identity.json";
  const risk = "isl-event-risk-echo-20261007__isl-da33003b-pool-applied.json";
  const requestA = "isl-v2-live-20260707__isl-v2-request.json";
  const analyze = "robustness/analyze/v2" as const;
  return [
    {
      name: "derived:unknown-keys-ignored", file: requestA, at: "file", operation: analyze, status: 200,
      mutate: (b) => ({ ...b, include_diagnostics: false, decision_flip: { links: [] }, goal_constraints: [{ constraint_id: "c1", node_id: "goal_productivity", operator: ">=", value: 0, value_frame: "delta", weight: 2, value_frmae: "level" }] }),
    },
    {
      name: "derived:extra-key-in-nonlinear_identity", file: accumulation, at: "body", operation: analyze, status: 422, blockedField: "nonlinear_identity",
      mutate: (b) => withNode(b, "stock_at_horizon", (n) => ({ ...n, nonlinear_identity: { ...(n.nonlinear_identity as object), extra_key: 1 } })),
    },
    {
      name: "derived:extra-key-in-execution_frame", file: accumulation, at: "body", operation: analyze, status: 422, blockedField: "execution_frame",
      mutate: (b) => withNode(b, "price", (n) => ({ ...n, execution_frame: { ...(n.execution_frame as object), extra_key: 1 } })),
    },
    {
      name: "derived:extra-key-in-event_risk", file: risk, at: "request", operation: analyze, status: 422, blockedField: "event_risk",
      mutate: (b) => withNode(b, "supplier_fails", (n) => ({ ...n, event_risk: { ...(n.event_risk as object), extra_key: 1 } })),
    },
    {
      name: "derived:no-seed", file: requestA, at: "file", operation: analyze, status: 200,
      mutate: ({ seed: _seed, ...rest }) => rest,
    },
  ];
}

const FIXTURE_DIR = new URL("../fixtures/plot/", import.meta.url);

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), "utf8")) as Record<string, unknown>;
}

/** The request body of a fixture (a fresh copy each call, mutated for derived cases). */
export function fixtureRequest(fixture: CaptureFixture): Record<string, unknown> {
  const file = readJson(fixture.file);
  const body = fixture.at === "file" ? file : (file[fixture.at] as Record<string, unknown>);
  return fixture.mutate ? fixture.mutate(body) : body;
}

/** The captured ISL response of a fixture, when it has one. */
export function fixtureResponse(fixture: CaptureFixture): Record<string, unknown> | undefined {
  if (fixture.response === undefined) return undefined;
  const file = readJson(fixture.response.file);
  return fixture.response.at === "file" ? file : (file[fixture.response.at] as Record<string, unknown>);
}

/** Looks a fixture up by name (throws on a typo). */
export function fixtureNamed(name: string): CaptureFixture {
  const found = CAPTURE_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no capture fixture named ${name}`);
  return found;
}
