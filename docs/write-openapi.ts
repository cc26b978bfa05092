/**
 * `pnpm openapi`: writes the generated OpenAPI 3.1 document to docs/openapi.json. The server test
 * `openapi-committed.test.ts` fails while the committed file differs from the generated one.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiJson } from "../packages/server/src/openapi.js";

const target = fileURLToPath(new URL("./openapi.json", import.meta.url));
writeFileSync(target, openApiJson());
console.log(`wrote ${target}`);
