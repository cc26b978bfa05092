/**
 * Table-driven tests of seed-path escaping, root and child paths, and SHA-256 stream keys.
 */
import { describe, expect, it } from "vitest";
import { childSeedPath, escapeSeedPathSegment, rootSeedPath, streamKey } from "./seed-path.js";

describe("seed paths", () => {
  it.each([
    { segment: "plain", escaped: "plain" },
    { segment: "a/b", escaped: "a%2Fb" },
    { segment: "50%", escaped: "50%25" },
    { segment: "%2F", escaped: "%252F" },
    { segment: "é", escaped: "é" },
  ])("escape($segment) = $escaped", ({ segment, escaped }) => {
    expect(escapeSeedPathSegment(segment)).toBe(escaped);
  });

  it.each([
    { seed: 42, path: "42" },
    { seed: "42", path: "42" },
    { seed: -0, path: "0" },
    { seed: 1.5, path: "1.5" },
    { seed: "a/b", path: "a%2Fb" },
  ])("rootSeedPath($seed) = $path", ({ seed, path }) => {
    expect(rootSeedPath(seed)).toBe(path);
  });

  it("childSeedPath appends an escaped segment", () => {
    expect(childSeedPath("42", "noise")).toBe("42/noise");
    expect(childSeedPath("42/noise", "x/y")).toBe("42/noise/x%2Fy");
  });

  it.each([
    // python: hashlib.sha256(b"42").hexdigest(), hashlib.sha256(b"42/noise").hexdigest()
    { path: "42", key: "73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049" },
    { path: "42/noise", key: "5baa8fca5538e3c67ad9f821c2ccb1648c6c0fdccd5a049184d7a5d4ec7bd277" },
  ])("streamKey($path) is SHA-256 of the path", ({ path, key }) => {
    expect(streamKey(path)).toBe(key);
  });
});
