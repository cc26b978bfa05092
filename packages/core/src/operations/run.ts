/**
 * The one way to run an operation of the table: parse the request with its schema (→ 422 on
 * failure), choose the seed (docs/determinism.md), call the pure handler, attach the metadata
 * envelope. Every adapter (server, CLI, browser, worker) goes through here.
 */
import { ISL_VERSION, findOperation, type OperationId, type RequestInput, type ResponseOf } from "@olumi/contracts";
import { deriveSeed, payloadHash } from "../hash/index.js";
import { createRng } from "../random/index.js";
import type { HandlerContext } from "./context.js";
import { handlers } from "./handlers.js";
import { unknownOperationError } from "./input-errors.js";
import { reservedKeyPaths } from "./reserved-keys.js";
import { IslError } from "../errors.js";
import { schemaError } from "./schema-errors.js";
import { bodyRequestId, schemaBlockedError } from "../plot/blocked.js";

/** Options of {@link runOperation}. */
export interface RunOptions {
  /** The request id for the response metadata; default `req_` + 12 hex of the request's canonical hash. */
  requestId?: string;
  /** Aborted when the caller gives up. */
  signal?: AbortSignal;
}

/** Engine settings that shape results; their hash is `_metadata.config_fingerprint`. */
export const ENGINE_CONFIG = {
  confidence_level: 0.95,
  deterministic_mode: true,
  max_adjustment_sets_default: 100,
  monte_carlo_samples: 10000,
} as const;

/** `_metadata.config_fingerprint`: the first 12 hex of the SHA-256 of {@link ENGINE_CONFIG}'s canonical JSON. */
export const CONFIG_FINGERPRINT = payloadHash(ENGINE_CONFIG);

/**
 * Runs operation `id` on an unparsed request. Throws `IslError` for bad input
 * (422 for schema failures, 400 for domain failures such as a cyclic graph, 404 for an unknown id).
 */
export function runOperation<Id extends OperationId>(id: Id, input: RequestInput<Id> | unknown, options: RunOptions = {}): ResponseOf<Id> {
  const op = findOperation(id);
  if (!op) throw unknownOperationError(String(id));
  const reserved = reservedKeyPaths(input);
  if (reserved.length > 0) {
    throw new IslError("ISL_VALIDATION_ERROR", `Request validation failed for ${id}: '__proto__' cannot be used as a name (at ${reserved[0]}).`, {
      validationFailures: reserved.map((path) => `${path}: '__proto__' is reserved and cannot be a variable, node or field name`),
      recovery: { hints: ["Rename the variable or key '__proto__'"], suggestion: "Use another name" },
    });
  }
  const parsed = op.request.safeParse(input);
  if (!parsed.success) {
    if (op.schemaErrorShape === "plot-blocked") throw schemaBlockedError(parsed.error, bodyRequestId(input) ?? options.requestId ?? "");
    throw schemaError(id, parsed.error);
  }
  const request = parsed.data;
  const { seed, source } = deriveSeed(request);
  const seedText = String(seed);
  const ctx: HandlerContext = {
    rng: createRng(seed),
    seed: seedText,
    seedSource: source,
    requestId: options.requestId ?? `req_${payloadHash(request)}`,
    signal: options.signal ?? new AbortController().signal,
  };
  const handler = handlers[id] as (req: unknown, ctx: HandlerContext) => Record<string, unknown>;
  const body = handler(request, ctx);
  if (op.metadataKey === "none") return body as ResponseOf<Id>;
  const metadata =
    op.metadataKey === "_metadata"
      ? {
          isl_version: ISL_VERSION,
          config_fingerprint: CONFIG_FINGERPRINT,
          config_details: { ...ENGINE_CONFIG },
          request_id: ctx.requestId,
          seed: seedText,
          seed_source: source,
        }
      : {
          request_id: ctx.requestId,
          computation_time_ms: 0,
          isl_version: ISL_VERSION,
          cache_hit: false,
          seed: seedText,
          seed_source: source,
        };
  return { ...body, [op.metadataKey]: metadata } as ResponseOf<Id>;
}
