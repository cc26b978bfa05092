import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "random/index": "src/random/index.ts",
    "hash/index": "src/hash/index.ts",
    "numeric/index": "src/numeric/index.ts",
    "graph/index": "src/graph/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
