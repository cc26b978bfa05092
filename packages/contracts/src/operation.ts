/**
 * The shape of one operation of the table: everything an adapter needs to carry a capability
 * (HTTP route, CLI command, browser `run(id)`, client method, OpenAPI entry, business metric).
 */
import type { z } from "zod";

/** One operation: data only. Core supplies the handler for its id. */
export interface Operation<Id extends string = string, Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** `causal/validate`: the HTTP path after `/api/v1/`, and the CLI name. */
  readonly id: Id;
  readonly method: "POST" | "GET" | "PATCH";
  /** Full HTTP path, `/api/v1/<id>`. */
  readonly path: string;
  readonly request: Req;
  readonly response: Res;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Prometheus business counter this operation increments, if any. */
  readonly metric?: string;
  /** Same request ⇒ same response body (cacheable by content hash). */
  readonly deterministic: boolean;
  /** Heavy operations run in the server's worker pool. */
  readonly cost: "light" | "heavy";
  /**
   * Which metadata envelope the response carries; `"none"` for operations whose wire contract has
   * no metadata object (PLoT's analyze/v2 envelope carries request_id and seed_used at top level).
   */
  readonly metadataKey: "_metadata" | "metadata" | "none";
  /**
   * Shape of a request-schema failure: the Olumi error envelope (default) or PLoT's 422 `blocked`
   * body (`{analysis_status: "blocked", status_reason, critiques, request_id}`, with the envelope
   * members alongside).
   */
  readonly schemaErrorShape?: "olumi" | "plot-blocked";
  /**
   * Top-level response members that change between two identical calls (PLoT's `timestamp` and
   * `processing_time_ms`); everything else is a function of the request.
   */
  readonly volatileFields?: readonly string[];
  /** A valid request, used in docs, OpenAPI examples and smoke tests. */
  readonly example: z.input<Req>;
}

/** Declares an operation, filling `path` from the id. */
export function defineOperation<Id extends string, Req extends z.ZodType, Res extends z.ZodType>(
  op: Omit<Operation<Id, Req, Res>, "path" | "method"> & { method?: Operation["method"] },
): Operation<Id, Req, Res> {
  return { method: "POST", ...op, path: `/api/v1/${op.id}` };
}

/**
 * The request id a response body reports: inside its metadata object, or at top level for
 * operations with `metadataKey: "none"`.
 */
export function responseRequestId(op: Pick<Operation, "metadataKey">, body: unknown): unknown {
  const record = (body ?? {}) as Record<string, unknown>;
  if (op.metadataKey === "none") return record["request_id"];
  return (record[op.metadataKey] as Record<string, unknown> | undefined)?.["request_id"];
}

/** The body without the operation's volatile top-level members (unchanged when it has none). */
export function withoutVolatileFields(op: Pick<Operation, "volatileFields">, body: unknown): unknown {
  if (!op.volatileFields || op.volatileFields.length === 0 || body === null || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !op.volatileFields!.includes(key)));
}
