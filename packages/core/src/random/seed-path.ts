/**
 * Seed paths of random streams: a root segment from the seed, one segment per named fork, joined
 * with "/"; each stream's generator key is SHA-256(seed path). Escaping "%" and "/" inside segments
 * keeps paths unambiguous. Complexity: O(length of the path) per fork.
 * Reference: ISL DESIGN §2 (named sub-streams); docs/determinism.md (fork rule).
 */
import { IslError } from "../errors.js";
import { sha256Hex } from "../hash/sha256.js";

/**
 * Escapes one path segment: "%" → "%25", then "/" → "%2F", so "a/b" as one name differs from
 * fork("a").fork("b").
 *
 * @param segment - Raw segment text.
 * @returns The escaped segment.
 */
export function escapeSeedPathSegment(segment: string): string {
  return segment.replace(/%/g, "%25").replace(/\//g, "%2F");
}

/**
 * Root seed path for a seed. Integers and strings share one namespace: 42 and "42" give the same
 * path, hence the same stream.
 *
 * @param seed - A finite number or a non-empty string.
 * @returns The escaped decimal or string form of the seed.
 * @throws IslError ISL_INVALID_INPUT if the seed is NaN, ±Infinity, an empty string or another type.
 */
export function rootSeedPath(seed: string | number): string {
  if (typeof seed === "number" && Number.isFinite(seed)) return escapeSeedPathSegment(String(seed));
  if (typeof seed === "string" && seed.length > 0) return escapeSeedPathSegment(seed);
  throw new IslError("ISL_INVALID_INPUT", `createRng: seed must be a finite number or a non-empty string (got ${String(seed)})`, {
    details: { argument: "seed", value: String(seed) },
    recovery: {
      hints: ["Pass an integer such as 42 or a string such as \"run-1\".", "Omit the seed in a request to have one derived from its content."],
      suggestion: "Use a finite integer or a non-empty string as the seed.",
    },
  });
}

/**
 * Seed path of the fork `name` of the stream at `parentPath`.
 *
 * @param parentPath - The parent stream's seed path.
 * @param name - Non-empty fork name.
 * @returns `${parentPath}/${escaped name}`.
 * @throws IslError ISL_INVALID_INPUT if `name` is not a non-empty string.
 */
export function childSeedPath(parentPath: string, name: string): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new IslError("ISL_INVALID_INPUT", `Rng.fork: name must be a non-empty string (got ${JSON.stringify(name) ?? String(name)})`, {
      details: { argument: "name", value: String(name), parentPath },
      recovery: { hints: ["Name each sub-stream after what it draws, e.g. rng.fork(\"noise\")."], suggestion: "Pass a non-empty fork name." },
    });
  }
  return `${parentPath}/${escapeSeedPathSegment(name)}`;
}

/**
 * Key that seeds the generator of the stream at `seedPath`: SHA-256 of the path as lowercase hex.
 * It depends on the path alone, never on how many numbers any stream has drawn.
 *
 * @param seedPath - A seed path from {@link rootSeedPath} or {@link childSeedPath}.
 * @returns 64 hex characters.
 */
export function streamKey(seedPath: string): string {
  return sha256Hex(seedPath);
}
