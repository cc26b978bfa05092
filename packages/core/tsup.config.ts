import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

/** The root entry and one entry per domain subpath (`@olumi/isl-core/random`, …). */
export default defineConfig(
  libraryBuild({
    index: "src/index.ts",
    "random/index": "src/random/index.ts",
    "hash/index": "src/hash/index.ts",
    "numeric/index": "src/numeric/index.ts",
    "graph/index": "src/graph/index.ts",
    "identify/index": "src/identify/index.ts",
    "scm/index": "src/scm/index.ts",
    "robustness/index": "src/robustness/index.ts",
    "conformal/index": "src/conformal/index.ts",
    "explain/index": "src/explain/index.ts",
    "sensitivity/index": "src/sensitivity/index.ts",
    "plot/index": "src/plot/index.ts",
    "testing/index": "src/testing/index.ts",
  }),
);
