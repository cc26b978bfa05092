/**
 * Hashing kernel of ISL: canonical JSON, SHA-256 content hashes and request seed derivation.
 * Entry point of `@olumi/isl-core/hash`.
 */
export { CANONICAL_JSON_MAX_DEPTH, canonicalJson, compareCodePoints, quoteAsciiJsonString } from "./canonical-json.js";
export { canonicalHash, payloadHash, sha256Hex } from "./sha256.js";
export { deriveSeed } from "./derive-seed.js";
export type { DerivedSeed } from "./derive-seed.js";
