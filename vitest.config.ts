import { defineConfig } from "vitest/config";

/**
 * One test run for the whole workspace. Packages resolve each other through the
 * `@olumi/source` export condition, so tests run against TypeScript sources without a build.
 */
export default defineConfig({
  resolve: { conditions: ["@olumi/source", "module", "node", "development|production"] },
  ssr: { resolve: { conditions: ["@olumi/source", "module", "node", "development|production"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "docs/**/*.test.ts", "examples/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" },
  },
});
