import { defineConfig } from "vitest/config";

/**
 * One test run for the whole workspace. Packages resolve each other through the
 * `@olumi/source` export condition, so tests run against TypeScript sources without a build.
 */
export default defineConfig({
  resolve: { conditions: ["@olumi/source", "module", "node", "development|production"] },
  // No "module" here: vitest hands these conditions to Node (`--conditions`) for external packages,
  // and "module" makes Node load bundler-only builds (OpenTelemetry's extension-less ESM).
  ssr: { resolve: { conditions: ["@olumi/source", "node", "development|production"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "docs/**/*.test.ts", "examples/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" },
  },
});
