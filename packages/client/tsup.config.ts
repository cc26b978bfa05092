import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

/** Runs wherever fetch does: Node, browsers, workers. */
export default defineConfig(libraryBuild(["src/index.ts"]));
