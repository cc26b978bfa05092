/**
 * @olumi/isl-browser: the ISL engine for web pages. Every operation of the contracts table runs
 * here exactly as on the server (same code, same seeds, same response bytes), with no network.
 *
 * - `run(id, request)` returns the response or throws an `IslError`;
 * - `runSafe(id, request)` never throws: it returns `{ ok, status, body }`, the body being the
 *   response or the Olumi error envelope that the HTTP adapter would send with that status;
 * - `operations` lists the available operations (id, summary, example request…).
 *
 * Nothing here names an operation: everything is generated from the table, so a new operation in
 * contracts and core reaches the bundle with no change to this file.
 */
import {
  ISL_VERSION,
  isOperationId,
  operations as operationTable,
  type ErrorEnvelope,
  type OperationId,
  type RequestInput,
  type ResponseOf,
} from "@olumi/contracts";
import { IslError, isIslError, payloadHash, runOperation, toErrorEnvelope, type RunOptions } from "@olumi/isl-core";

export { ISL_VERSION, IslError, isIslError, isOperationId };
export type { ErrorEnvelope, OperationId, RequestInput, ResponseOf, RunOptions };

/** What a page needs to know about one operation: data only, no schemas. */
export interface OperationInfo<Id extends OperationId = OperationId> {
  /** The operation id, e.g. `causal/validate`: the first argument of {@link run}. */
  readonly id: Id;
  /** One-line summary. */
  readonly summary: string;
  /** What the operation computes, in a paragraph. */
  readonly description: string;
  /** The HTTP method of the same operation on the server. */
  readonly method: "POST" | "GET" | "PATCH";
  /** The server path of the same operation, `/api/v1/<id>`. */
  readonly path: string;
  /** Documentation groups, e.g. `Causal Inference`. */
  readonly tags: readonly string[];
  /** Same request ⇒ same response. */
  readonly deterministic: boolean;
  /** A valid request for this operation. */
  readonly example: RequestInput<Id>;
}

/** Every operation the bundle can run, in the table's order (sorted by id). */
export const operations: readonly OperationInfo[] = Object.freeze(
  operationTable.map(
    (op): OperationInfo => Object.freeze({
      id: op.id,
      summary: op.summary,
      description: op.description,
      method: op.method,
      path: op.path,
      tags: op.tags,
      deterministic: op.deterministic,
      example: op.example,
    }),
  ),
);

/** The id of every operation, in the table's order. */
export const operationIds: readonly OperationId[] = Object.freeze(operationTable.map((op) => op.id));

/**
 * Runs operation `id` on `request` (a plain object, as it would be sent to the HTTP API).
 * Returns the response body, `_metadata`/`metadata` included; throws {@link IslError} for bad
 * input (schema failures, cyclic graphs, unknown nodes…) and for an unknown id.
 */
export function run<Id extends OperationId>(id: Id, request: RequestInput<Id> | unknown, options?: RunOptions): ResponseOf<Id> {
  return runOperation(id, request, options);
}

/** The outcome of {@link runSafe}: the response with status 200, or an error envelope with its HTTP status. */
export type RunResult<Id extends OperationId = OperationId> =
  | { readonly ok: true; readonly status: 200; readonly body: ResponseOf<Id> }
  | { readonly ok: false; readonly status: number; readonly body: ErrorEnvelope };

/**
 * The request id that an error envelope echoes when the caller gave none: `req_` and the hash of
 * the request as sent (the request may have failed to parse, so it is not the parsed form's hash
 * that a successful response reports). A request that cannot be hashed (not JSON data) gets
 * `req_invalid`.
 */
function errorRequestId(request: unknown): string {
  try {
    return `req_${payloadHash(request)}`;
  } catch {
    return "req_invalid";
  }
}

/**
 * Runs operation `id` like {@link run} but never throws: bad input and unexpected failures
 * come back as `{ ok: false, status, body }` with the Olumi error envelope and the HTTP status
 * the server would answer with (422 schema failure, 400 domain error, 404 unknown id, 500 other).
 */
export function runSafe<Id extends OperationId>(id: Id, request: RequestInput<Id> | unknown, options?: RunOptions): RunResult<Id> {
  try {
    return { ok: true, status: 200, body: runOperation(id, request, options) };
  } catch (error) {
    const { status, body } = toErrorEnvelope(error, options?.requestId ?? errorRequestId(request));
    return { ok: false, status, body };
  }
}
