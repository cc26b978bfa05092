/**
 * Regenerates src/random/normal-lanes-kernel-bytes.ts from src/random/normal-lanes-kernel.wat.
 * Run from the repository root: npx tsx packages/core/scripts/build-wasm.ts
 */
import { writeFileSync } from "node:fs";
import { KERNEL_BYTES_PATH, renderKernelModule } from "./wat-compiler.js";

writeFileSync(KERNEL_BYTES_PATH, await renderKernelModule());
console.log(`wrote ${KERNEL_BYTES_PATH}`);
