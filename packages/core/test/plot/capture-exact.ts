/**
 * The request-only part of a captured ISL response (plot-client.md §7.2, plot-v2-engine.md §7):
 * `request_echo`, `sensitivity_reference_option_id`, `stability_thresholds`, the deterministic members
 * of `robustness.edge_e_values` (expected-value flip search) and `path_decomposition`. Compared exactly,
 * or to 1e-6 for `flip_mean` (ISL rounds it to 6 dp) and 1e-12 relative for path products.
 */

type Row = Record<string, unknown>;

function close(a: unknown, b: unknown, tolerance: number): boolean {
  return typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

/** JSON with object keys sorted (key order is not significant in JSON). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Row)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function edgeEValueMismatches(captured: Row[], ours: Row[]): string[] {
  const problems: string[] = [];
  const byId = new Map(ours.map((row) => [row.edge_id, row]));
  for (const want of captured) {
    const got = byId.get(want.edge_id);
    const at = `edge_e_values[${String(want.edge_id)}]`;
    if (got === undefined) {
      problems.push(`${at}: missing`);
      continue;
    }
    for (const key of ["from_id", "to_id", "current_mean", "is_unflippable", "flip_direction"]) {
      if (!same(got[key], want[key])) problems.push(`${at}.${key}: expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`);
    }
    if (!close(got.flip_mean, want.flip_mean, 1e-6)) problems.push(`${at}.flip_mean: expected ${String(want.flip_mean)}, got ${String(got.flip_mean)}`);
    if (!same(got.e_value, want.e_value)) problems.push(`${at}.e_value: expected ${String(want.e_value)}, got ${String(got.e_value)}`);
  }
  if (ours.length !== captured.length) problems.push(`edge_e_values: expected ${captured.length} rows, got ${ours.length}`);
  return problems;
}

function pathMismatches(captured: Row, ours: Row | undefined): string[] {
  if (ours === undefined) return ["path_decomposition: missing"];
  const problems: string[] = [];
  for (const key of ["entry_nodes", "truncated", "path_count"]) {
    if (!same(ours[key], captured[key])) problems.push(`path_decomposition.${key}: expected ${JSON.stringify(captured[key])}, got ${JSON.stringify(ours[key])}`);
  }
  const want = (captured.paths ?? []) as Row[];
  const got = (ours.paths ?? []) as Row[];
  if (want.length !== got.length) problems.push(`path_decomposition.paths: expected ${want.length}, got ${got.length}`);
  want.forEach((w, i) => {
    const g = got[i] ?? {};
    if (!same(g.path, w.path)) problems.push(`path_decomposition.paths[${i}].path: expected ${JSON.stringify(w.path)}, got ${JSON.stringify(g.path)}`);
    for (const key of ["path_effect", "total_effect", "signed_contribution"]) {
      if (!close(g[key], w[key], 1e-12)) problems.push(`path_decomposition.paths[${i}].${key}: expected ${String(w[key])}, got ${String(g[key])}`);
    }
    if (!same(g.status, w.status)) problems.push(`path_decomposition.paths[${i}].status: expected ${String(w.status)}, got ${String(g.status)}`);
  });
  return problems;
}

/**
 * Every request-only number of `captured` that `ours` does not reproduce.
 *
 * @param captured - ISL's response to the same request.
 * @param ours - Our 200 body.
 */
export function requestOnlyMismatches(captured: Row, ours: Row): string[] {
  const problems: string[] = [];
  if (!same(ours.request_echo, captured.request_echo)) problems.push(`request_echo: expected ${JSON.stringify(captured.request_echo)}, got ${JSON.stringify(ours.request_echo)}`);
  for (const key of ["sensitivity_reference_option_id", "stability_thresholds"]) {
    if (key in captured && !same(ours[key], captured[key])) problems.push(`${key}: expected ${JSON.stringify(captured[key])}, got ${JSON.stringify(ours[key])}`);
  }
  const capturedRobustness = captured.robustness as Row | undefined;
  const ourRobustness = ours.robustness as Row | undefined;
  if (Array.isArray(capturedRobustness?.edge_e_values)) {
    problems.push(...edgeEValueMismatches(capturedRobustness.edge_e_values as Row[], (ourRobustness?.edge_e_values ?? []) as Row[]));
  }
  if (captured.path_decomposition !== undefined) problems.push(...pathMismatches(captured.path_decomposition as Row, ours.path_decomposition as Row | undefined));
  return problems;
}
