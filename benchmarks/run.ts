/**
 * Runs every benchmark in benchmarks/src one after another, each in its own process so one
 * benchmark's JIT state and garbage do not colour the next. `pnpm bench [name…]` runs a subset.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("./src/", import.meta.url));
const wanted = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const script of scripts) {
  console.log(`\n=== ${script}`);
  execFileSync(process.execPath, ["--import", "tsx", "--conditions=@olumi/source", `${dir}${script}`], { stdio: "inherit" });
}
