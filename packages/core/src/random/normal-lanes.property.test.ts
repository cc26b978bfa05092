/**
 * Property tests (fast-check, seeded) of the four-lane normal layout: for arbitrary seeds, lengths
 * (0 to 9,000, many not multiples of 4 or 8, across the kernel's 4,096-value chunks) and
 * parameters, the WebAssembly kernel, the JavaScript implementation and the independent scalar
 * reference give the same bits, and `Rng.fillNormal` leaves the stream 20 words on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillNormalLanesJs, seedNormalLanes } from "./normal-lanes.js";
import { referenceNormalLanes } from "./normal-lanes-reference.test-support.js";
import { wasmNormalLanesKernel } from "./normal-lanes-wasm.js";
import { createRng } from "./rng.js";
import { rootSeedPath, streamKey } from "./seed-path.js";
import { referenceStateFromKey } from "./xoshiro128-reference.test-support.js";
import { xoshiro128StateFromKey } from "./xoshiro128.js";

const seed = fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 12 }));
const length = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9000 }), fc.constantFrom(4095, 4096, 4097, 8191, 8192, 8193));
const mean = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const sd = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true }));

describe("four-lane normal properties", () => {
  it("wasm = JavaScript = reference, and Rng.fillNormal matches both", () => {
    const kernel = wasmNormalLanesKernel();
    expect(kernel).not.toBeNull();
    fc.assert(
      fc.property(seed, length, mean, sd, (s, n, m, d) => {
        const key = streamKey(rootSeedPath(s));
        const reference = referenceNormalLanes(referenceStateFromKey(key), n, m, d);
        const states = seedNormalLanes(xoshiro128StateFromKey(key));
        const fromWasm = new Float64Array(n);
        kernel!.fill(states.lanes.slice(), states.slow.slice(), fromWasm, m, d);
        const fromJs = new Float64Array(n);
        fillNormalLanesJs({ lanes: states.lanes.slice(), slow: states.slow.slice() }, fromJs, m, d);
        expect(fromWasm).toEqual(reference.values);
        expect(fromJs).toEqual(reference.values);
        const rng = createRng(s);
        expect(rng.fillNormal(new Float64Array(n), m, d)).toEqual(reference.values);
        expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(reference.after);
      }),
      { seed: 4404, numRuns: 150 },
    );
  });
});
