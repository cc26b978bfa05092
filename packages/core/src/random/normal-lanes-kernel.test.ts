/**
 * Tests of the compiled WebAssembly kernel itself: the committed bytes are what the committed .wat
 * compiles to (recompiled here with wabt), the module stays under the 4 KB that browsers compile
 * synchronously on the main thread, it validates, and its ports of portableExp and portableLog are
 * bit-identical to them on arguments from every range the sampler and the tables use.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NORMAL_LANES_KERNEL, renderKernelModule } from "../../scripts/wat-compiler.js";
import { normalLanesKernelBytes, wasmNormalLanesKernel } from "./normal-lanes-wasm.js";
import { portableExp } from "./portable-exp.js";
import { portableLog } from "./portable-log.js";
import { createRng } from "./rng.js";

describe("normal-lanes kernel module", () => {
  it("normal-lanes-kernel-bytes.ts is current with normal-lanes-kernel.wat (run scripts/build-wasm.ts if not)", async () => {
    expect(readFileSync(NORMAL_LANES_KERNEL.bytesPath, "utf8")).toBe(await renderKernelModule(NORMAL_LANES_KERNEL));
  });

  it("is under 4,096 bytes and validates (SIMD)", () => {
    const bytes = normalLanesKernelBytes();
    expect(bytes.length).toBeLessThan(4096);
    expect(WebAssembly.validate(bytes)).toBe(true);
  });
});

describe("the kernel's exp and log ports", () => {
  const kernel = wasmNormalLanesKernel()!;
  const rng = createRng("kernel-exp-log");

  it("log equals portableLog bit for bit on 1 − U (U a multiple of 2⁻⁵³), on wide-range doubles and at edges", () => {
    const edges = [1, 2 ** -53, 1 - 2 ** -53, 0.5, Math.SQRT2, Math.SQRT1_2, 2 ** -1022, 1e308, 3.6541528853610088];
    const args = [...edges, ...Array.from({ length: 100_000 }, () => 1 - rng.next()), ...Array.from({ length: 100_000 }, () => (1 - rng.next()) * 2 ** (rng.int(2000) - 1000))];
    for (const x of args) {
      if (!Object.is(kernel.log(x), portableLog(x))) expect(`log(${x}) = ${kernel.log(x)}`).toBe(`log(${x}) = ${portableLog(x)}`);
    }
  });

  it("exp equals portableExp bit for bit on −x²/2 for x in [0, 14], on [−700, 700] and at the branch edges", () => {
    const ln2 = 6.93147180369123816490e-1;
    const edges = [0, -0, 2 ** -28, -(2 ** -28), 2 ** -29, 0.5 * ln2, -0.5 * ln2, 1.5 * ln2, -1.5 * ln2, 700, -700];
    const args = [...edges, ...Array.from({ length: 100_000 }, () => { const x = 14 * rng.next(); return -0.5 * x * x; }), ...Array.from({ length: 100_000 }, () => 1400 * rng.next() - 700)];
    for (const x of args) {
      if (!Object.is(kernel.exp(x), portableExp(x))) expect(`exp(${x}) = ${kernel.exp(x)}`).toBe(`exp(${x}) = ${portableExp(x)}`);
    }
  });
});
