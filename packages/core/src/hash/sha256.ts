/**
 * SHA-256 digests as lowercase hex, and the canonical-JSON content hashes built on them
 * (`canonicalHash`, `payloadHash`). Complexity: O(length of the input or of its canonical JSON).
 * Reference: FIPS 180-4 (SHA-256), via the audited, isomorphic `@noble/hashes`.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "./canonical-json.js";

/**
 * SHA-256 of a string (encoded as UTF-8) or of raw bytes.
 *
 * @param input - Text or bytes.
 * @returns 64 lowercase hex characters.
 * @example sha256Hex("") // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === "string" ? utf8ToBytes(input) : input));
}

/**
 * Content hash of a value: SHA-256 of its canonical JSON. A string is hashed as given (its UTF-8
 * bytes, not its JSON literal), as the upstream service did.
 *
 * @param value - A string, or plain JSON-like data accepted by {@link canonicalJson}.
 * @returns 64 lowercase hex characters.
 * @throws IslError ISL_INVALID_INPUT if `value` has no canonical JSON form.
 */
export function canonicalHash(value: unknown): string {
  return sha256Hex(typeof value === "string" ? value : canonicalJson(value));
}

/**
 * Short fingerprint of a value for responses and logs: the first 12 hex characters of
 * {@link canonicalHash}.
 *
 * @param value - A string, or plain JSON-like data.
 * @returns 12 lowercase hex characters.
 * @throws IslError ISL_INVALID_INPUT if `value` has no canonical JSON form.
 */
export function payloadHash(value: unknown): string {
  return canonicalHash(value).slice(0, 12);
}
