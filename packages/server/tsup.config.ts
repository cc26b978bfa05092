import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

// The worker-pool entry is built beside index.* (dist/pool-worker.js and .cjs): worker-pool.ts finds it from
// its own `import.meta.url`, which `shims` provides in the CommonJS build.

export default defineConfig(libraryBuild(["src/index.ts", "src/pool-worker.ts"], { target: "node20", platform: "node", shims: true }));
