/**
 * Loader of the WebAssembly SIMD affine-chain kernels (affine-kernel.wat, bytes as hex in
 * affine-kernel-bytes.ts), which work in the normal-lanes kernel's memory (imported), so that
 * normal draws written there by that kernel feed the equations without a copy. And
 * {@link affineChainAt}, which evaluates a whole chain as a `scale` pass and `add4` / `add2` /
 * `add1` passes: the same IEEE operations in the same order as `fusedAffine` (affine-chain.ts), so
 * results are bit-identical to the JavaScript kernels. Available exactly when the normal-lanes
 * kernel is (WebAssembly SIMD present and not disabled by `enableWasmNormalKernel(false)`).
 * Complexity: O(count · terms) per chain; one-time O(module size) compilation on first use.
 * Reference: WebAssembly Core Specification 2.0 (W3C, 2022), fixed-width SIMD.
 */
import { wasmNormalLanesKernel, type NormalLanesKernel } from "../random/index.js";
import { AFFINE_KERNEL_HEX } from "./affine-kernel-bytes.js";

/** Exports of the affine module; pointers are byte offsets into the normal-lanes kernel's memory. */
export interface AffineKernel {
  /** out[i] = c·a[i] for i < count. */
  scale(out: number, c: number, a: number, count: number): void;
  /** out[i] = out[i] + c0·a0[i]. */
  add1(out: number, c0: number, a0: number, count: number): void;
  /** out[i] = out[i] + c0·a0[i] + c1·a1[i]. */
  add2(out: number, c0: number, a0: number, c1: number, a1: number, count: number): void;
  /** out[i] = out[i] + c0·a0[i] + c1·a1[i] + c2·a2[i] + c3·a3[i]. */
  add4(out: number, c0: number, a0: number, c1: number, a1: number, c2: number, a2: number, c3: number, a3: number, count: number): void;
}

/** The module's bytes, decoded from hex. */
export function affineKernelBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(AFFINE_KERNEL_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(AFFINE_KERNEL_HEX.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

let instance: { readonly memory: WebAssembly.Memory; readonly kernel: AffineKernel | null } | undefined;

/**
 * The affine kernels bound to the normal-lanes kernel's memory, with that kernel; null when the
 * normal-lanes kernel is unavailable or disabled, or the module cannot be instantiated.
 */
export function wasmAffineKernel(): { readonly normal: NormalLanesKernel; readonly affine: AffineKernel } | null {
  const normal = wasmNormalLanesKernel();
  if (normal === null) return null;
  if (instance === undefined || instance.memory !== normal.memory) {
    let kernel: AffineKernel | null = null;
    try {
      const bytes = affineKernelBytes();
      if (WebAssembly.validate(bytes)) kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), { kernel: { memory: normal.memory } }).exports as unknown as AffineKernel;
    } catch {
      // NOTE: an engine that refuses this module runs the JavaScript kernels instead (same results).
      kernel = null;
    }
    instance = { memory: normal.memory, kernel };
  }
  return instance.kernel === null ? null : { normal, affine: instance.kernel };
}

/**
 * out[i] = Σ_k coefficients[k] · pointers[k][i], summed left to right, for i < count.
 *
 * @param affine - The kernels.
 * @param out - Output pointer (not one of `pointers`: the first pass overwrites it).
 * @param coefficients - Term coefficients (at least one).
 * @param pointers - Term array pointers, one per coefficient.
 * @param count - Number of elements.
 */
export function affineChainAt(affine: AffineKernel, out: number, coefficients: Float64Array, pointers: Int32Array, count: number): void {
  const m = coefficients.length;
  affine.scale(out, coefficients[0]!, pointers[0]!, count);
  let k = 1;
  for (; k + 4 <= m; k += 4) {
    affine.add4(out, coefficients[k]!, pointers[k]!, coefficients[k + 1]!, pointers[k + 1]!, coefficients[k + 2]!, pointers[k + 2]!, coefficients[k + 3]!, pointers[k + 3]!, count);
  }
  if (k + 2 <= m) {
    affine.add2(out, coefficients[k]!, pointers[k]!, coefficients[k + 1]!, pointers[k + 1]!, count);
    k += 2;
  }
  if (k < m) affine.add1(out, coefficients[k]!, pointers[k]!, count);
}
