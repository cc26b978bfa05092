/**
 * Tests of the WebAssembly affine-chain kernels (affine-kernel.wat, affine-wasm.ts): the committed
 * bytes are what the .wat compiles to, the module is small and validates, and `affineChainAt`
 * equals the JavaScript `fusedAffine` loops bit for bit (Object.is: −0 ≠ +0) for every chain length
 * from 1 to 11 terms, odd and even counts, IEEE special values, repeated inputs and constant terms.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AFFINE_KERNEL, renderKernelModule } from "../../scripts/wat-compiler.js";
import { createRng, NORMAL_KERNEL_ARENA_BASE } from "../random/index.js";
import { fusedAffine } from "./affine-chain.js";
import { affineChainAt, affineKernelBytes, wasmAffineKernel } from "./affine-wasm.js";

describe("affine kernel module", () => {
  it("affine-kernel-bytes.ts is current with affine-kernel.wat (run scripts/build-wasm.ts if not)", async () => {
    expect(readFileSync(AFFINE_KERNEL.bytesPath, "utf8")).toBe(await renderKernelModule(AFFINE_KERNEL));
  });

  it("is under 4,096 bytes, validates (SIMD) and loads in this engine (Node 20)", () => {
    const bytes = affineKernelBytes();
    expect(bytes.length).toBeLessThan(4096);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(wasmAffineKernel()).not.toBeNull();
  });
});

describe("affineChainAt equals fusedAffine bit for bit", () => {
  const kernels = wasmAffineKernel()!;
  const rng = createRng("affine-chain-at");
  const SPECIAL = [0, -0, 1, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074, 1e-300];
  const value = (): number => (rng.next() < 0.2 ? SPECIAL[rng.int(SPECIAL.length)]! : rng.normal(0, 10 ** rng.int(6)));

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])("%i terms, counts 0–9 and 4,097", (m) => {
    for (const count of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 4097]) {
      for (const repeated of [false, true]) {
        const slots = m + 2; // inputs 0..m−1, the output at m, ones at m+1
        const stride = 8 * (count + 1);
        const base = kernels.normal.reserveArena(stride * slots);
        const memory = new Float64Array(kernels.normal.memory.buffer);
        const view = (slot: number): Float64Array => memory.subarray((base + slot * stride) / 8, (base + slot * stride) / 8 + count);
        const inputs = Array.from({ length: m }, (_, k) => (rng.next() < 0.15 ? m + 1 : repeated ? rng.int(m) : k));
        for (let k = 0; k < m; k++) for (let i = 0; i < count; i++) view(k)[i] = value();
        view(m + 1).fill(1);
        const outSlot = m;
        const coefficients = Float64Array.from({ length: m }, () => value());
        const expected = new Float64Array(count);
        fusedAffine(expected, coefficients, inputs.map((slot) => view(slot).slice()), false, count);
        affineChainAt(kernels.affine, base + outSlot * stride, coefficients, Int32Array.from(inputs, (slot) => base + slot * stride), count);
        const got = view(outSlot);
        for (let i = 0; i < count; i++) {
          if (!Object.is(got[i], expected[i])) expect(`m=${m} count=${count} i=${i}: ${got[i]}`).toBe(`m=${m} count=${count} i=${i}: ${expected[i]}`);
        }
      }
    }
  });

  it("works in memory above the normal kernel's own 128 KiB and after the memory grows", () => {
    expect(kernels.normal.reserveArena(0)).toBe(NORMAL_KERNEL_ARENA_BASE);
    const before = kernels.normal.memory.buffer.byteLength;
    const base = kernels.normal.reserveArena(before + 65536);
    expect(kernels.normal.memory.buffer.byteLength).toBeGreaterThan(before);
    const at = base + before; // past the old end
    const memory = new Float64Array(kernels.normal.memory.buffer);
    memory.set([1.5, -2, 3], at / 8 + 16);
    affineChainAt(kernels.affine, at, Float64Array.of(2), Int32Array.of(at + 128), 3);
    expect(Array.from(memory.subarray(at / 8, at / 8 + 3))).toEqual([3, -4, 6]);
  });
});
