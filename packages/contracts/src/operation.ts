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
  /** Which metadata envelope the response carries. */
  readonly metadataKey: "_metadata" | "metadata";
  /** A valid request, used in docs, OpenAPI examples and smoke tests. */
  readonly example: z.input<Req>;
}

/** Declares an operation, filling `path` from the id. */
export function defineOperation<Id extends string, Req extends z.ZodType, Res extends z.ZodType>(
  op: Omit<Operation<Id, Req, Res>, "path" | "method"> & { method?: Operation["method"] },
): Operation<Id, Req, Res> {
  return { method: "POST", ...op, path: `/api/v1/${op.id}` };
}
