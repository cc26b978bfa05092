/**
 * ISL error codes and their HTTP statuses. Names follow the upstream Python service
 * (`ISL_*`), plus `ISL_ROUTE_NOT_FOUND` and `ISL_METHOD_NOT_ALLOWED`, which upstream lacked.
 * Adapters map a code to a status here and nowhere else; the CLI maps 4xx to exit 2, 5xx to exit 1.
 */
export const ERROR_CODES = {
  ISL_INVALID_INPUT: { status: 400, reason: "bad_request", retryable: false },
  ISL_INVALID_DAG: { status: 400, reason: "invalid_dag", retryable: false },
  ISL_DAG_CYCLIC: { status: 400, reason: "dag_cyclic", retryable: false },
  ISL_DAG_EMPTY: { status: 400, reason: "dag_empty", retryable: false },
  ISL_NODE_NOT_FOUND: { status: 400, reason: "node_not_found", retryable: false },
  ISL_INVALID_MODEL: { status: 400, reason: "invalid_model", retryable: false },
  ISL_INVALID_EQUATION: { status: 400, reason: "invalid_equation", retryable: false },
  ISL_INVALID_DISTRIBUTION: { status: 400, reason: "invalid_distribution", retryable: false },
  ISL_MISSING_VARIABLE: { status: 400, reason: "missing_variable", retryable: false },
  ISL_INVALID_INTERVENTION: { status: 400, reason: "invalid_intervention", retryable: false },
  ISL_BATCH_SIZE_EXCEEDED: { status: 400, reason: "batch_size_exceeded", retryable: false },
  ISL_UNAUTHORIZED: { status: 401, reason: "unauthorized", retryable: false },
  ISL_ROUTE_NOT_FOUND: { status: 404, reason: "route_not_found", retryable: false },
  ISL_METHOD_NOT_ALLOWED: { status: 405, reason: "method_not_allowed", retryable: false },
  ISL_REQUEST_TOO_LARGE: { status: 413, reason: "payload_exceeds_limit", retryable: false },
  ISL_VALIDATION_ERROR: { status: 422, reason: "invalid_schema", retryable: false },
  ISL_RATE_LIMIT_EXCEEDED: { status: 429, reason: "too_many_requests", retryable: true },
  ISL_COMPUTATION_ERROR: { status: 500, reason: "internal_error", retryable: true },
  ISL_SERVICE_UNAVAILABLE: { status: 503, reason: "service_unavailable", retryable: true },
  ISL_TIMEOUT: { status: 504, reason: "processing_timeout", retryable: true },
} as const satisfies Record<string, { status: number; reason: string; retryable: boolean }>;

/** Every error code ISL emits. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status of an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
