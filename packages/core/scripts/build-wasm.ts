/**
 * Regenerates the engine's WebAssembly bytes modules from their .wat sources (see wat-compiler.ts).
 * Run from the repository root: npx tsx packages/core/scripts/build-wasm.ts
 */
import { writeFileSync } from "node:fs";
import { WASM_KERNELS, renderKernelModule } from "./wat-compiler.js";

for (const kernel of WASM_KERNELS) {
  writeFileSync(kernel.bytesPath, await renderKernelModule(kernel));
  console.log(`wrote ${kernel.bytesPath}`);
}
