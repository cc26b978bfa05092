/**
 * The one tsup setup of every package: ESM + CJS + type declarations with source maps;
 * workspace and npm dependencies stay external unless a package bundles them (the browser bundle).
 */
import type { Options } from "tsup";

/** Library build options for `entry`, with per-package `overrides` (e.g. `platform`). */
export function libraryBuild(entry: Options["entry"], overrides: Options = {}): Options {
  return { entry, format: ["esm", "cjs"], dts: true, sourcemap: true, clean: true, target: "es2022", platform: "neutral", ...overrides };
}
