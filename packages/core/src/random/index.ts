/**
 * Random kernel of ISL: the seeded, forkable `Rng` and its samplers.
 * Entry point of `@olumi/isl-core/random`.
 */
export { Rng, createRng } from "./rng.js";
export type { RandomSource } from "./random-source.js";
export type { MutableSequence } from "./shuffle.js";
export { childSeedPath, escapeSeedPathSegment, rootSeedPath, streamKey } from "./seed-path.js";
export { STANDARD_NORMAL_DRAW_BOUND, ZIGGURAT_AREA, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_TABLES, standardNormal, wedgeOrTail } from "./ziggurat-normal.js";
export { logStandardGamma, standardGamma } from "./gamma.js";
export { betaFromGammas } from "./beta.js";
export { bernoulliTrial, exponentialScale, triangularInverse, uniformBetween } from "./inverse-transform.js";
export { boundedInt } from "./bounded-int.js";
export { portableExp } from "./portable-exp.js";
export { portableLog } from "./portable-log.js";
export { XOSHIRO128_STATE_WORDS, xoshiro128Next, xoshiro128StateFromDigest, xoshiro128StateFromKey } from "./xoshiro128.js";
export { sha256Words } from "./sha256-words.js";
export { NORMAL_LANES, fillFromNormalLanes, fillNormalLanes, fillNormalLanesJs, seedNormalLanes, Xoshiro128Source, type NormalLaneStates } from "./normal-lanes.js";
export { NORMAL_KERNEL_ARENA_BASE, enableWasmNormalKernel, wasmNormalLanesKernel, type NormalLanesKernel } from "./normal-lanes-wasm.js";
export { fisherYatesShuffle } from "./shuffle.js";
