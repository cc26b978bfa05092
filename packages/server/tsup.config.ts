import { defineConfig } from "tsup";

/** ESM + CJS + type declarations; workspace and npm dependencies stay external. */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
});
