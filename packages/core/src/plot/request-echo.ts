/**
 * `request_echo` of the analyze/v2 envelope: counts of the request as sent (before the inference
 * filter), the first 12 hex digits of SHA-256 of the goal id, n_samples, the response version
 * (2) and include_diagnostics (false: PLoT never sets the query parameter).
 * Complexity: O(|goal id|).
 * Reference: plot-v2-engine.md §2.4; plot-client.md §3.2, §7.1 item 5.
 */
import type { PlotAnalyzeRequest } from "@olumi/contracts";
import { sha256Hex } from "../hash/index.js";

/** Wire `request_echo`. */
export interface RequestEcho {
  graph_node_count: number;
  graph_edge_count: number;
  options_count: number;
  goal_node_id_hash: string;
  n_samples: number;
  response_version_requested: 2;
  include_diagnostics: boolean;
}

/**
 * The echo of a request.
 *
 * @param request - The parsed request.
 */
export function requestEcho(request: PlotAnalyzeRequest): RequestEcho {
  return {
    graph_node_count: request.graph.nodes.length,
    graph_edge_count: request.graph.edges.length,
    options_count: request.options.length,
    goal_node_id_hash: sha256Hex(request.goal_node_id).slice(0, 12),
    n_samples: request.n_samples,
    response_version_requested: 2,
    include_diagnostics: false,
  };
}
