/**
 * What PLoT reads from a 200 `robustness/analyze/v2` body, as data (plot-client.md §3.2 field table,
 * §7.1 checks 2–5; late-2026 envelope of the r3b and event-risk captures), and a checker that lists
 * every violation of a body against it. Test support only: the capture acceptance suite runs our
 * engine's bodies through {@link plotReadKeyViolations}, and the table itself is validated against
 * ISL's own captures (plot-read-keys.test.ts).
 */
import { createHash } from "node:crypto";

/** Wire types PLoT's boundary guards check (`finiteNum`, `prob01`, `nonNeg`, `nonNegInt`, …). */
export type WireType =
  | "string"
  | "number"
  | "int"
  | "nonneg"
  | "nonneg_int"
  | "prob01"
  | "bool"
  | "array"
  | "object"
  | "string_array"
  | "nullable_number_array";

/** One key PLoT reads. */
export interface PlotReadKey {
  /** Dotted path from the body; `[]` steps into every element of an array. */
  path: string;
  type: WireType;
  /** `required`: present whenever its parent is (the root always is); `optional`: type-checked when present. */
  presence: "required" | "optional";
  /** Allowed values (strings) when the vocabulary is closed. */
  oneOf?: readonly string[];
  /** A pattern the string must match. */
  pattern?: RegExp;
  /** Why PLoT needs it (plot-client.md reference). */
  note: string;
}

const req = (path: string, type: WireType, note: string, extra: Partial<PlotReadKey> = {}): PlotReadKey => ({ path, type, presence: "required", note, ...extra });
const opt = (path: string, type: WireType, note: string, extra: Partial<PlotReadKey> = {}): PlotReadKey => ({ path, type, presence: "optional", note, ...extra });

/** The key/type table (plot-client.md §3.2, §7.1.3). */
export const PLOT_READ_KEYS: readonly PlotReadKey[] = [
  // Envelope identity (assessIslWireGeneration) and status fields.
  req("version", "string", "wire generation, must match ^2(.|$)", { pattern: /^2(\.|$)/ }),
  req("endpoint_version", "string", "analyze/v2"),
  req("engine_version", "string", "non-empty", { pattern: /./ }),
  req("build", "string", "build identity, non-empty", { pattern: /./ }),
  req("timestamp", "string", "ISO-8601 UTC; PLoT's computed_at", { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/ }),
  req("request_id", "string", "request_id_chain.isl_echoed"),
  req("processing_time_ms", "nonneg_int", "ISL wall time"),
  req("seed_used", "string", "the seed as a string"),
  req("seed_source", "string", "client_provided when a seed was sent"),
  req("analysis_status", "string", "computed | partial | failed on a 200", { oneOf: ["computed", "partial", "failed"] }),
  req("robustness_status", "string", "PLoT keeps its own status from what is present"),
  req("factor_sensitivity_status", "string", "skipped when there are no PUs"),
  req("critiques", "array", "non-blocking critiques ride on a 200"),
  req("critiques[].code", "string", "user messages"),
  req("critiques[].severity", "string", "warning for what users must see"),
  req("critiques[].message", "string", "user messages"),
  req("inference_warnings", "array", "always an array (contract pin)"),
  req("inference_warnings[].code", "string", "merged into PLoT's warnings"),
  req("inference_warnings[].severity", "string", "PLoT hides info", { oneOf: ["info", "warning"] }),
  opt("inference_warnings[].field", "string", "flat fallback"),
  opt("inference_warnings[].detail", "object", "read first"),
  req("request_echo", "object", "deterministic echo"),
  req("request_echo.graph_node_count", "nonneg_int", "echo"),
  req("request_echo.graph_edge_count", "nonneg_int", "echo"),
  req("request_echo.options_count", "nonneg_int", "echo"),
  req("request_echo.goal_node_id_hash", "string", "sha256(goal_node_id)[:12]", { pattern: /^[0-9a-f]{12}$/ }),
  req("request_echo.n_samples", "nonneg_int", "echo"),
  req("request_echo.response_version_requested", "int", "2"),
  req("request_echo.include_diagnostics", "bool", "false"),
  // Options (read in preference to V1 results[]).
  req("options", "array", "one row per request option"),
  req("options[].id", "string", "contract pin"),
  req("options[].label", "string", "contract pin"),
  req("options[].status", "string", "computed | skipped | error", { oneOf: ["computed", "skipped", "error"] }),
  req("options[].outcome", "object", "goal distribution"),
  req("options[].outcome.mean", "number", "hasAllRequiredOutcomeStats"),
  req("options[].outcome.p10", "number", "hasAllRequiredOutcomeStats"),
  req("options[].outcome.p50", "number", "hasAllRequiredOutcomeStats"),
  req("options[].outcome.p90", "number", "hasAllRequiredOutcomeStats"),
  opt("options[].outcome.std", "nonneg", "PLoT still needs it when present"),
  opt("options[].outcome.n_samples", "nonneg_int", "valid-sample accounting"),
  opt("options[].outcome.n_valid_samples", "nonneg_int", "valid-sample accounting"),
  opt("options[].outcome.validity_ratio", "prob01", "valid-sample accounting"),
  opt("options[].outcome.percentiles_source", "string", "samples"),
  req("options[].win_probability", "prob01", "prob01 guard; ties split 1/k"),
  opt("options[].probability_of_goal", "prob01", "needs threshold + frame"),
  opt("options[].probability_of_goal_precision", "object", "Wilson interval"),
  opt("options[].probability_of_goal_drivers", "object", "tercile drivers"),
  opt("options[].downside", "object", "buildDownside pass-through"),
  opt("options[].downside.cvar_10", "number", "lower tail"),
  opt("options[].downside.p05", "number", "lower tail"),
  opt("options[].downside.expected_regret", "nonneg", "regret"),
  opt("options[].constraint_analysis", "object", "per-option constraints"),
  opt("options[].constraint_analysis.constraints", "array", "constraint rows"),
  req("options[].constraint_analysis.constraints[].node_id", "string", "constraint identity fallback"),
  req("options[].constraint_analysis.constraints[].operator", "string", "constraint identity fallback", { oneOf: [">=", "<="] }),
  req("options[].constraint_analysis.constraints[].prob_satisfied", "prob01", "prob01 guard"),
  opt("options[].constraint_analysis.constraints[].constraint_id", "string", "echoed id"),
  opt("options[].constraint_analysis.joint_probability", "prob01", "P(all constraints)"),
  // Robustness.
  opt("robustness", "object", "omitted when the ranking is withheld"),
  req("robustness.level", "string", "band", { oneOf: ["high", "moderate", "medium", "low", "very_low"] }),
  req("robustness.confidence", "prob01", "equals recommendation_stability since #114"),
  req("robustness.confidence_basis", "string", "post-#114 meaning; else PLoT records unknown_legacy"),
  req("robustness.is_robust", "bool", "-"),
  req("robustness.recommendation_stability", "prob01", "contract pin"),
  req("robustness.edge_e_values", "array", "location probe"),
  req("robustness.edge_e_values[].edge_id", "string", "contract pin"),
  req("robustness.edge_e_values[].from_id", "string", "contract pin"),
  req("robustness.edge_e_values[].to_id", "string", "contract pin"),
  req("robustness.edge_e_values[].is_unflippable", "bool", "e_value absent when true"),
  req("robustness.edge_e_values[].flip_direction", "string", "contract pin", { oneOf: ["increase", "decrease"] }),
  req("robustness.edge_e_values[].current_mean", "number", "contract pin"),
  req("robustness.edge_e_values[].flip_mean", "number", "contract pin"),
  opt("robustness.edge_e_values[].e_value", "nonneg", "nonNeg guard; ≥ 1"),
  opt("robustness.edge_e_values[].stability", "object", "seed-sweep band"),
  opt("robustness.edge_e_values[].stability.seed_flip_means", "nullable_number_array", "null where a seed has no flip"),
  req("robustness.edge_sensitivity", "array", "location probe"),
  req("robustness.edge_sensitivity[].edge_id", "string", "contract pin"),
  req("robustness.edge_sensitivity[].from_id", "string", "contract pin"),
  req("robustness.edge_sensitivity[].to_id", "string", "contract pin"),
  req("robustness.edge_sensitivity[].sensitivity_type", "string", "contract pin", { oneOf: ["existence", "magnitude"] }),
  req("robustness.edge_sensitivity[].elasticity", "number", "contract pin"),
  req("robustness.edge_sensitivity[].importance_rank", "nonneg_int", "contract pin"),
  opt("robustness.edge_sensitivity[].sensitivity_score", "prob01", "|el| / max |el|"),
  opt("robustness.edge_sensitivity[].interpretation", "string", "text band"),
  opt("robustness.fragile_edges", "array", "fragile edges"),
  opt("robustness.fragile_edges[].edge_id", "string", "from->to"),
  opt("robustness.fragile_edges[].switch_probability", "prob01", "never replaced by 0"),
  opt("robustness.robust_edges", "string_array", "from->to ids"),
  opt("robustness.fragile_edges_v1", "string_array", "sorted edge ids"),
  opt("robustness.stability_penalty_factor", "prob01", "defaulted-root penalty"),
  opt("robustness.defaulted_root_node_ids", "string_array", "defaulted roots"),
  // Factors.
  opt("factor_sensitivity", "array", "absent ⇒ PLoT's own graph influence"),
  ...["node_id", "label", "direction", "attribution_stability", "stability_method"].map((k) => req(`factor_sensitivity[].${k}`, "string", "contract pin (11 keys)")),
  ...["sensitivity_score", "confidence", "rank_flip_rate"].map((k) => req(`factor_sensitivity[].${k}`, "prob01", "contract pin (11 keys)")),
  req("factor_sensitivity[].elasticity", "number", "contract pin (11 keys)"),
  req("factor_sensitivity[].elasticity_std", "nonneg", "contract pin (11 keys)"),
  req("factor_sensitivity[].importance_rank", "nonneg_int", "contract pin (11 keys)"),
  opt("factor_sensitivity[].zero_reason", "string", "levers go to the back", { oneOf: ["intervention_override", "point_mass", "zero_outcome_diff"] }),
  opt("factor_sensitivity[].influence_score", "number", "primary driver order"),
  opt("factor_sensitivity[].influence_rank", "nonneg_int", "primary driver order"),
  opt("factor_flip_values", "array", "missing ⇒ not computed; [] ⇒ none eligible"),
  req("factor_flip_values[].factor_id", "string", "rows without it are refused"),
  req("factor_flip_values[].current_value", "number", "rows without a finite one are refused"),
  req("factor_flip_values[].flip_reason", "string", "open vocabulary"),
  opt("factor_flip_values[].flip_value", "number", "only when found"),
  opt("factor_flip_values[].stability", "object", "seed sweep"),
  opt("factor_flip_values[].stability.seed_flip_values", "nullable_number_array", "seed sweep"),
  opt("structural_influence", "array", "same numbers as influence_*"),
  opt("sensitivity_reference_option_id", "string", "pinned as present (9a22a1a and later) whenever sensitivity rows exist (checked below)"),
  opt("stability_thresholds", "object", "attribution cut-offs"),
  // Value of information and other top-level blocks (copied only when present).
  opt("p_win_sensitivity", "array", "ISL_TOPLEVEL_ENRICHMENT_KEYS"),
  opt("p_win_sensitivity[].factor_id", "string", "-"),
  opt("p_win_sensitivity[].status", "string", "below_resolution | …"),
  opt("factor_evppi", "array", "ISL_TOPLEVEL_ENRICHMENT_KEYS"),
  opt("factor_evppi[].factor_id", "string", "-"),
  opt("factor_evppi[].evppi", "nonneg", "-"),
  opt("decision_evpi", "nonneg", "bare number"),
  opt("correlation_model", "object", "when factor_correlations were sent"),
  opt("conditional_winners", "array", "median split"),
  opt("path_decomposition", "object", "only when requested"),
  opt("path_decomposition.paths", "array", "top 3"),
  opt("range_fit_disclosures", "array", "a non-array is treated as missing"),
  opt("event_risks_applied", "array", "fail-closed echo"),
  opt("event_risks_applied[].node_id", "string", "fail-closed echo"),
  opt("node_levels", "array", "levels"),
  opt("objective_ranking", "object", "goal direction"),
  opt("identity_evaluations", "array", "nonlinear identities"),
  opt("sample_population_provenance", "object", "provenance"),
  opt("auto_noise_applied", "bool", "read at top level"),
];

/** Top-level keys that must NOT appear on a V2 body (dead-read pins, plot-client.md §3.2). */
export const PLOT_FORBIDDEN_TOP_LEVEL_KEYS: readonly string[] = ["edge_e_values", "sensitivity", "validation_status", "computed_at", "factor_evpi", "_metadata"];

/** Paths whose array elements may be null (everything else must never be null on V2). */
const NULLABLE_ELEMENT_PATHS = new Set(["robustness.edge_e_values[].stability.seed_flip_means[]", "factor_flip_values[].stability.seed_flip_values[]"]);

function typeProblem(value: unknown, key: PlotReadKey): string | undefined {
  const finite = typeof value === "number" && Number.isFinite(value);
  const ok = ((): boolean => {
    switch (key.type) {
      case "string": return typeof value === "string";
      case "number": return finite;
      case "int": return finite && Number.isInteger(value);
      case "nonneg": return finite && (value as number) >= 0;
      case "nonneg_int": return finite && Number.isInteger(value) && (value as number) >= 0;
      case "prob01": return finite && (value as number) >= 0 && (value as number) <= 1;
      case "bool": return typeof value === "boolean";
      case "array": return Array.isArray(value);
      case "object": return typeof value === "object" && value !== null && !Array.isArray(value);
      case "string_array": return Array.isArray(value) && value.every((v) => typeof v === "string");
      case "nullable_number_array": return Array.isArray(value) && value.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)));
    }
  })();
  if (!ok) return `expected ${key.type}, got ${JSON.stringify(value)?.slice(0, 60)}`;
  if (key.oneOf && !key.oneOf.includes(value as string)) return `expected one of ${key.oneOf.join("|")}, got ${JSON.stringify(value)}`;
  if (key.pattern && !key.pattern.test(value as string)) return `does not match ${String(key.pattern)}: ${JSON.stringify(value)}`;
  return undefined;
}

/** Every (concrete path, parent object) at which `path`'s last key should be looked up. */
function parentsOf(body: unknown, path: string): { where: string; parent: Record<string, unknown>; key: string }[] {
  const steps = path.split(".");
  const key = steps.pop()!;
  let frontier: { where: string; value: unknown }[] = [{ where: "", value: body }];
  const descend = (items: { where: string; value: unknown }[], step: string): { where: string; value: unknown }[] => {
    const name = step.endsWith("[]") ? step.slice(0, -2) : step;
    const out: { where: string; value: unknown }[] = [];
    for (const { where, value } of items) {
      if (typeof value !== "object" || value === null || Array.isArray(value) || !(name in value)) continue;
      const child = (value as Record<string, unknown>)[name];
      const at = where === "" ? name : `${where}.${name}`;
      if (!step.endsWith("[]")) out.push({ where: at, value: child });
      else if (Array.isArray(child)) child.forEach((element, i) => out.push({ where: `${at}[${i}]`, value: element }));
    }
    return out;
  };
  for (const step of steps) frontier = descend(frontier, step);
  const lastIsArray = key.endsWith("[]");
  if (lastIsArray) throw new Error(`table paths end in a key, not [] (${path})`);
  return frontier.filter((f) => typeof f.value === "object" && f.value !== null && !Array.isArray(f.value)).map((f) => ({ where: f.where, parent: f.value as Record<string, unknown>, key }));
}

function nullsIn(value: unknown, where: string, pattern: string, out: string[]): void {
  if (value === null) {
    if (!NULLABLE_ELEMENT_PATHS.has(pattern)) out.push(`${where}: null (optional members must be left out on V2)`);
    return;
  }
  if (typeof value === "number" && !Number.isFinite(value)) out.push(`${where}: non-finite number`);
  if (Array.isArray(value)) value.forEach((v, i) => nullsIn(v, `${where}[${i}]`, `${pattern}[]`, out));
  else if (typeof value === "object") for (const [k, v] of Object.entries(value)) nullsIn(v, where === "" ? k : `${where}.${k}`, pattern === "" ? k : `${pattern}.${k}`, out);
}

/**
 * Every way `body` breaks the table: missing required keys, wrong types or values, nulls or
 * non-finite numbers anywhere, dead top-level keys, `value_of_information` in factor rows.
 *
 * @param body - A 200 analyze/v2 body.
 */
export function plotReadKeyViolations(body: unknown): string[] {
  const problems: string[] = [];
  for (const key of PLOT_READ_KEYS) {
    for (const { where, parent, key: name } of parentsOf(body, key.path)) {
      const at = where === "" ? name : `${where}.${name}`;
      if (!(name in parent)) {
        if (key.presence === "required") problems.push(`${at}: missing`);
        continue;
      }
      const problem = typeProblem(parent[name], key);
      if (problem !== undefined) problems.push(`${at}: ${problem}`);
    }
  }
  if (typeof body === "object" && body !== null) {
    // plot-v2-engine.md §4.16: the reference option is present iff edge or factor sensitivity rows exist.
    const record = body as Record<string, unknown>;
    const edgeRows = (record.robustness as { edge_sensitivity?: unknown } | undefined)?.edge_sensitivity;
    const hasRows = (Array.isArray(edgeRows) && edgeRows.length > 0) || (Array.isArray(record.factor_sensitivity) && record.factor_sensitivity.length > 0);
    if (hasRows && !("sensitivity_reference_option_id" in record)) problems.push("sensitivity_reference_option_id: missing");
    for (const dead of PLOT_FORBIDDEN_TOP_LEVEL_KEYS) if (dead in body) problems.push(`${dead}: dead top-level key must not be emitted`);
    const factors = (body as Record<string, unknown>).factor_sensitivity;
    if (Array.isArray(factors)) factors.forEach((row, i) => {
      if (typeof row === "object" && row !== null && "value_of_information" in row) problems.push(`factor_sensitivity[${i}].value_of_information: dead key`);
    });
  }
  nullsIn(body, "", "", problems);
  return problems;
}

/** The first 12 hex of sha256(text) (`request_echo.goal_node_id_hash`). */
export function goalHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}

/**
 * `seed_used` for a sent seed (plot-v2-engine.md §1.6): an integer, or a string Python's `int()` parses
 * (sign, digits, single underscores between digits, surrounding spaces), is echoed as that integer;
 * any other string as int(sha256(utf8(s)).hex, 16) mod 2^31.
 *
 * @param seed - The request's `seed`.
 */
export function expectedSeedUsed(seed: unknown): string {
  const text = String(seed).trim();
  if (typeof seed === "number" || /^[+-]?\d+(_\d+)*$/.test(text)) return BigInt(text.replace(/_/g, "").replace(/^\+/, "")).toString();
  const digest = createHash("sha256").update(String(seed), "utf8").digest("hex");
  return (BigInt(`0x${digest}`) % 2n ** 31n).toString();
}

/**
 * Every echo of the request that `body` gets wrong (plot-client.md §7.1.2 and §7.1.5): request_id,
 * request_echo counts and goal hash, seed_used / seed_source, option ids and labels in request order,
 * path_decomposition present iff requested, event_risks_applied ids.
 *
 * @param request - The request sent.
 * @param body - The 200 body.
 */
export function plotEchoViolations(request: Record<string, unknown>, body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  const graph = request.graph as { nodes: { id: string; event_risk?: unknown }[]; edges: unknown[] };
  const options = request.options as { id: string; label: string }[];
  const echo = (body.request_echo ?? {}) as Record<string, unknown>;
  if (typeof request.request_id === "string") expect("request_id", body.request_id, request.request_id);
  expect("request_echo.graph_node_count", echo.graph_node_count, graph.nodes.length);
  expect("request_echo.graph_edge_count", echo.graph_edge_count, graph.edges.length);
  expect("request_echo.options_count", echo.options_count, options.length);
  expect("request_echo.goal_node_id_hash", echo.goal_node_id_hash, goalHash(String(request.goal_node_id)));
  expect("request_echo.n_samples", echo.n_samples, request.n_samples ?? 1000);
  if (request.seed !== undefined && request.seed !== null) {
    expect("seed_source", body.seed_source, "client_provided");
    expect("seed_used", body.seed_used, expectedSeedUsed(request.seed));
  } else if (body.seed_source === "client_provided") problems.push("seed_source: client_provided although no seed was sent");
  const rows = Array.isArray(body.options) ? (body.options as { id?: unknown; label?: unknown }[]) : [];
  expect("options[].id", rows.map((o) => o.id), options.map((o) => o.id));
  expect("options[].label", rows.map((o) => o.label), options.map((o) => o.label));
  if (request.include_path_decomposition === true && !("path_decomposition" in body)) problems.push("path_decomposition: requested but missing");
  if (request.include_path_decomposition !== true && "path_decomposition" in body) problems.push("path_decomposition: present although not requested");
  if (request.include_factor_flips === true && !Array.isArray(body.factor_flip_values)) {
    const warned = Array.isArray(body.inference_warnings) && (body.inference_warnings as { code?: unknown }[]).some((w) => w.code === "FACTOR_FLIPS_UNAVAILABLE");
    if (!warned) problems.push("factor_flip_values: requested, missing, and no FACTOR_FLIPS_UNAVAILABLE warning");
  }
  const risky = graph.nodes.filter((n) => n.event_risk !== undefined).map((n) => n.id).sort();
  if (risky.length > 0) {
    const applied = Array.isArray(body.event_risks_applied) ? (body.event_risks_applied as { node_id?: unknown }[]).map((r) => r.node_id) : undefined;
    expect("event_risks_applied[].node_id", applied === undefined ? undefined : [...applied].sort(), risky);
  }
  return problems;
}
