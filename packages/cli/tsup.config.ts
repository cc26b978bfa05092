import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

/**
 * The library (`dist/index.*`, ESM + CJS + types) and the executable (`dist/bin.js`, ESM; the
 * `#!/usr/bin/env node` line of `src/bin.ts` is kept and the file made executable).
 */
export default defineConfig([
  libraryBuild(["src/index.ts"], { target: "node20", platform: "node" }),
  { entry: ["src/bin.ts"], format: ["esm"], sourcemap: true, target: "node20", platform: "node" },
]);
