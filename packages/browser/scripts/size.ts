/**
 * Prints the size of the browser bundles, raw and gzipped (node:zlib gzipSync, default level), from `dist/`.
 * Run after `pnpm --filter @olumi/isl-browser build`:
 *   npx tsx packages/browser/scripts/size.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const BUNDLES = ["index.js", "index.cjs", "isl.iife.js"];

/** `bytes` as "123,456 B (120.6 KiB)". */
function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} B (${(bytes / 1024).toFixed(1)} KiB)`;
}

const rows: string[][] = [["bundle", "raw", "gzip"]];
let missing = false;
for (const name of BUNDLES) {
  const file = join(DIST, name);
  if (!existsSync(file)) {
    console.error(`missing ${file}: build the package first (pnpm --filter @olumi/isl-browser build)`);
    missing = true;
    continue;
  }
  const code = readFileSync(file);
  rows.push([`dist/${name}`, formatBytes(code.length), formatBytes(gzipSync(code).length)]);
}
const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join("  ").trimEnd());
if (missing) process.exitCode = 1;
