/**
 * `withCache`: wraps an operation runner with the {@link ResultCache}. Only operations whose table
 * entry says `deterministic: true` are cached (their body is a function of the request and the
 * engine build). A hit returns the stored body with `cache_hit: true` in the operation's metadata
 * object (`metadata` or `_metadata`, per its `metadataKey`) and the current request's id wherever
 * the stored body carried the computing request's id (`request_id` fields, including batch items'
 * `<id>#<index>`); a miss runs the operation, stores the body and returns it unchanged, so a computed
 * body is byte-identical to `isl run` and the browser bundle (`metadata.cache_hit` is core's `false`;
 * legacy `_metadata` has no `cache_hit` unless it is a hit). Errors are never cached. Cost of a hit: one JSON parse and one walk over the stored body.
 */
import type { OperationId } from "@olumi/contracts";
import type { ResultCache } from "./result-cache.js";

/** Options the runner receives from the route. */
export interface RunnerOptions {
  requestId: string;
  signal: AbortSignal;
  /** Called when the body comes from the cache (nothing was computed), before it is returned. */
  onCacheHit?: () => void;
}

/** An operation runner that may answer synchronously or with a promise. */
export type AnyOperationRunner = (id: OperationId, input: unknown, options: RunnerOptions) => unknown;

/** An operation runner that answers with a promise. */
export type AsyncOperationRunner = (id: OperationId, input: unknown, options: RunnerOptions) => Promise<unknown>;

/** What {@link withCache} needs to know about an operation. */
export interface CacheableOperation {
  readonly id: string;
  readonly deterministic: boolean;
  readonly metadataKey: "metadata" | "_metadata" | "none";
}

/** What is stored per key: the id of the request that computed the body, and the body. */
interface StoredResult {
  request_id: string;
  body: unknown;
}

/**
 * Returns `body` with `cache_hit` set in its metadata object, and every `request_id` field equal
 * to `fromId` (or starting with `fromId#`) rewritten to `toId` (same suffix). Does not mutate `body`.
 */
export function markCacheHit(body: unknown, metadataKey: string, cacheHit: boolean, fromId?: string, toId?: string): unknown {
  const rewritten = fromId !== undefined && toId !== undefined && fromId !== toId ? rewriteRequestIds(body, fromId, toId) : body;
  if (rewritten === null || typeof rewritten !== "object" || Array.isArray(rewritten)) return rewritten;
  const record = rewritten as Record<string, unknown>;
  const metadata = record[metadataKey];
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return record;
  return { ...record, [metadataKey]: { ...(metadata as Record<string, unknown>), cache_hit: cacheHit } };
}

function rewriteRequestIds(value: unknown, fromId: string, toId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRequestIds(item, fromId, toId));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (key === "request_id" && typeof member === "string" && (member === fromId || member.startsWith(`${fromId}#`))) out[key] = toId + member.slice(fromId.length);
    else out[key] = rewriteRequestIds(member, fromId, toId);
  }
  return out;
}

/**
 * Wraps `run` with `cache`: deterministic operations of `table` are looked up by content hash
 * before running and stored after; other operations (and requests without a canonical JSON form)
 * go straight to `run`.
 */
export function withCache(run: AnyOperationRunner, cache: ResultCache, table: readonly CacheableOperation[]): AsyncOperationRunner {
  const cacheable = new Map<string, CacheableOperation["metadataKey"]>();
  for (const op of table) if (op.deterministic) cacheable.set(op.id, op.metadataKey);
  return async (id, input, options) => {
    const metadataKey = cacheable.get(id);
    const key = metadataKey === undefined ? undefined : cache.keyFor(id, input);
    if (metadataKey === undefined || key === undefined) return run(id, input, options);
    const stored = await cache.get(key);
    if (stored !== undefined) {
      const { request_id: storedId, body } = JSON.parse(stored.value) as StoredResult;
      options.onCacheHit?.();
      return markCacheHit(body, metadataKey, true, storedId, options.requestId);
    }
    const body = await run(id, input, options);
    if (!options.signal.aborted) await cache.set(key, JSON.stringify({ request_id: options.requestId, body } satisfies StoredResult));
    return body;
  };
}
