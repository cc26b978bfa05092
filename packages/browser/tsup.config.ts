/**
 * Builds the browser bundles of ISL. Everything is bundled (contracts, core, zod,
 * @noble/hashes) from the workspace's TypeScript sources through the `@olumi/source` condition:
 *
 * - `dist/index.js`    ESM for `<script type="module">` and bundlers, platform browser;
 * - `dist/index.cjs`   CommonJS of the same code, for tools that still `require`;
 * - `dist/index.d.ts`, `dist/index.d.cts`  the typings;
 * - `dist/isl.iife.js` a minified IIFE that defines the global `ISL`.
 *
 * No Node built-in may reach the bundles. On platform "browser" esbuild fails on a bare built-in
 * name (`fs`, `path`) unless a package's `"browser"` field maps it; tsup by default strips the
 * `node:` prefix and leaves such imports external, so `removeNodeProtocol` is off and
 * {@link rejectNodeBuiltins} makes a `node:` import fail the build too.
 *
 * zod's namespace object (`z`, and `z.core`) re-exports all of its ~60 error-message locales, which
 * no bundler can tree-shake from a namespace. ISL only ever uses zod's default English messages,
 * so {@link zodEnglishOnly} narrows `z.locales` to `{ en }`: the minified IIFE drops from about
 * 510 KB to 249 KB (gzip 115 KB to 76 KB), the ESM bundle from 864 KB to 496 KB. A page that calls `z.config(z.locales.xx())` would need
 * this plugin removed; nothing in ISL does.
 */
import { dirname, join } from "node:path";
import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/** Fails the build on any `node:` import, naming the importing file. */
const rejectNodeBuiltins: EsbuildPlugin = {
  name: "reject-node-builtins",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}: the browser bundles must not use Node built-ins.` }],
    }));
  },
};

/** Replaces zod's all-locales index with one exporting only `en` (zod's default locale). */
const zodEnglishOnly: EsbuildPlugin = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)) return undefined;
      return { path: join(args.resolveDir, args.path), namespace: "zod-english-only" };
    });
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

const shared: Options = {
  entry: { index: "src/index.ts" },
  platform: "browser",
  target: "es2022",
  outDir: "dist",
  // Bundle every dependency, workspace packages included: the page loads one file.
  noExternal: [/.*/],
  sourcemap: true,
  // tsup's default strips `node:` and marks such imports external, before any plugin of ours runs.
  removeNodeProtocol: false,
  esbuildPlugins: [rejectNodeBuiltins, zodEnglishOnly],
  esbuildOptions(options) {
    options.conditions = ["@olumi/source", "module"];
    options.mainFields = ["browser", "module", "main"];
  },
};

export default defineConfig([
  {
    ...shared,
    format: ["esm", "cjs"],
    outExtension: ({ format }) => ({ js: format === "cjs" ? ".cjs" : ".js" }),
    dts: true,
  },
  {
    ...shared,
    entry: { "isl.iife": "src/index.ts" },
    format: ["iife"],
    globalName: "ISL",
    minify: true,
    outExtension: () => ({ js: ".js" }),
  },
]);
