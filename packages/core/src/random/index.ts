/**
 * Random kernel of ISL: the seeded, forkable `Rng` and its samplers.
 * Entry point of `@olumi/isl-core/random`.
 */
export { Rng, createRng } from "./rng.js";
export type { RandomSource } from "./random-source.js";
export type { MutableSequence } from "./shuffle.js";
export { childSeedPath, escapeSeedPathSegment, rootSeedPath, streamKey } from "./seed-path.js";
export { ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_TABLES, standardNormal } from "./ziggurat-normal.js";
export { logStandardGamma, standardGamma } from "./gamma.js";
export { betaFromGammas } from "./beta.js";
export { bernoulliTrial, exponentialScale, triangularInverse, uniformBetween } from "./inverse-transform.js";
export { boundedInt } from "./bounded-int.js";
export { fisherYatesShuffle } from "./shuffle.js";
