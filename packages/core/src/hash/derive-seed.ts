/**
 * Seed of a request: the request's own `seed` when it is usable, otherwise the unsigned 32-bit
 * integer read from the first 8 hex digits of the canonical hash of the request without `seed`.
 * Complexity: O(size of the canonical JSON of the request).
 * Reference: ISL DESIGN §2 (determinism contract); docs/determinism.md (rule and worked example).
 */
import { canonicalHash } from "./sha256.js";

/** The seed a request runs with and where it came from. */
export interface DerivedSeed {
  /** The request's integer or non-empty string seed, or a derived integer in [0, 2³² − 1]. */
  seed: number | string;
  /** `"request"` if the request supplied the seed, `"derived"` if it was computed from the content. */
  source: "request" | "derived";
}

/**
 * Seed for a request.
 *
 * Rule: if `request` is a plain object with an own `seed` member that is a finite integer or a
 * non-empty string, that value is used unchanged (`source: "request"`). Otherwise the top-level
 * `seed` member (if any) is removed, the rest is hashed with `canonicalHash`, and the seed is
 * `parseInt(hash.slice(0, 8), 16)`, an integer in [0, 4294967295] (`source: "derived"`).
 * Because the hash is of canonical JSON, key order never changes the derived seed.
 *
 * @param request - The request body (plain JSON-like data).
 * @returns The seed and its source.
 * @throws IslError ISL_INVALID_INPUT if the request has no canonical JSON form.
 * @example deriveSeed({ seed: 7, n: 1 }) // { seed: 7, source: "request" }
 */
export function deriveSeed(request: unknown): DerivedSeed {
  let content = request;
  if (typeof request === "object" && request !== null && !Array.isArray(request) && Object.hasOwn(request, "seed")) {
    const { seed, ...rest } = request as Record<string, unknown>;
    if ((typeof seed === "number" && Number.isInteger(seed)) || (typeof seed === "string" && seed.length > 0)) {
      return { seed, source: "request" };
    }
    content = rest;
  }
  return { seed: Number.parseInt(canonicalHash(content).slice(0, 8), 16), source: "derived" };
}
