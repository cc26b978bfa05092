/**
 * The `x-olumi-*` response headers of the platform's boundary contract
 * (reference/upstream-service.md §3.9), and gzip.
 *
 * - `x-olumi-service: isl`, `x-olumi-service-build: <short build>`, `x-olumi-downstream-calls: ""`
 *   (ISL calls no other service), `x-olumi-trace-received: "<X-Request-Id or none>:<x-olumi-payload-hash or none>"`.
 * - `x-olumi-response-hash`: SHA-256 (64 hex) of the canonical JSON (core's hash module, upstream's
 *   test vectors) of the parsed, *uncompressed* body, for `application/json` bodies of at most 1 MiB
 *   outside `/metrics`, `/docs`, `/redoc` and `/openapi.json`. Upstream ran gzip innermost and so
 *   lost the hash on every compressed response (§11); here the hash is taken from the bytes the
 *   route hands to `res.end`, before the compression layer below sees them.
 *
 * Cost: one `JSON.parse` and one canonical serialisation per JSON response, O(body size).
 */
import { canonicalJson, sha256Hex } from "@olumi/isl-core";
import compression from "compression";
import type { RequestHandler, Response } from "express";
import { isSafeRequestId } from "./request-id.js";

/** Largest body that gets an `x-olumi-response-hash` (1 MiB, as upstream). */
export const RESPONSE_HASH_MAX_BYTES = 1024 * 1024;
/** Smallest body that is compressed (bytes, upstream's GZip `minimum_size`). */
export const GZIP_THRESHOLD_BYTES = 1000;
/** zlib level used for gzip (upstream's `compresslevel`). */
export const GZIP_LEVEL = 6;
/** Value of `x-olumi-service`. */
export const OLUMI_SERVICE_NAME = "isl";

const UNHASHED_PREFIXES = ["/metrics", "/docs", "/redoc", "/openapi.json"];
const PAYLOAD_HASH = /^[0-9a-fA-F]{1,64}$/;

/** Options of {@link olumiResponseHeaders}. */
export interface OlumiHeaderOptions {
  /** Short build id for `x-olumi-service-build` ("unknown" when not known). */
  build: string;
}

/** True when `path` is one whose responses never carry `x-olumi-response-hash`. */
export function isUnhashedPath(path: string): boolean {
  return UNHASHED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The canonical hash of a JSON body as sent: SHA-256 of the canonical JSON of the parsed text, or
 * undefined when the text is not JSON (or has no canonical form, such as nesting past the limit).
 */
export function responseBodyHash(body: string | Uint8Array): string | undefined {
  const text = typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  try {
    return sha256Hex(canonicalJson(JSON.parse(text) as unknown));
  } catch {
    return undefined;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === "" ? undefined : text;
}

/**
 * `"<request id>:<payload hash>"` as received: each part is the header's value when present and
 * well formed (`X-Request-Id` by the request-id rule, the payload hash as 1–64 hex digits), `none`
 * when absent, and `invalid` otherwise, so nothing a caller sends is echoed unchecked.
 */
export function traceReceivedValue(requestIdHeader: string | string[] | undefined, payloadHashHeader: string | string[] | undefined): string {
  const id = headerText(requestIdHeader);
  const hash = headerText(payloadHashHeader);
  const idPart = id === undefined ? "none" : isSafeRequestId(id) ? id : "invalid";
  const hashPart = hash === undefined ? "none" : PAYLOAD_HASH.test(hash) ? hash.toLowerCase() : "invalid";
  return `${idPart}:${hashPart}`;
}

function isJson(res: Response): boolean {
  const type = res.getHeader("Content-Type");
  return typeof type === "string" && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
}

type EndArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/**
 * Middleware setting the `x-olumi-*` headers. It must be mounted *after* {@link gzip}, so that
 * its `res.end` sees the uncompressed body and sets the hash header before compression starts.
 */
export function olumiResponseHeaders(options: OlumiHeaderOptions): RequestHandler {
  return (req, res, next) => {
    res.setHeader("x-olumi-service", OLUMI_SERVICE_NAME);
    res.setHeader("x-olumi-service-build", options.build);
    res.setHeader("x-olumi-downstream-calls", "");
    res.setHeader("x-olumi-trace-received", traceReceivedValue(req.headers["x-request-id"], req.headers["x-olumi-payload-hash"]));
    if (isUnhashedPath(req.path)) {
      next();
      return;
    }
    let streamed = false;
    const write = res.write;
    const end = res.end;
    res.write = function patchedWrite(this: Response, ...args: unknown[]) {
      streamed = true;
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function patchedEnd(this: Response, ...args: EndArgs) {
      const [chunk, encoding] = args;
      if (!streamed && !this.headersSent && isJson(this) && (typeof chunk === "string" || chunk instanceof Uint8Array)) {
        const bytes = typeof chunk === "string" ? Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : chunk.byteLength;
        const hash = bytes <= RESPONSE_HASH_MAX_BYTES ? responseBodyHash(chunk) : undefined;
        if (hash !== undefined) this.setHeader("x-olumi-response-hash", hash);
      }
      return (end as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.end;
    next();
  };
}

/** gzip (and deflate) for clients that accept it, for bodies of at least {@link GZIP_THRESHOLD_BYTES}. */
export function gzip(): RequestHandler {
  return compression({ threshold: GZIP_THRESHOLD_BYTES, level: GZIP_LEVEL }) as RequestHandler;
}
