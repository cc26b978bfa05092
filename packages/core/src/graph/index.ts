/**
 * `@olumi/isl-core/graph`: validated causal DAGs over compact adjacency, d-separation with
 * witnesses, the generalised adjustment criterion (canonical, minimal and minimum adjustment sets),
 * and back-door path reporting.
 *
 * Conventions: nodes are indexed in name order (UTF-16 code units, see `compareNames`), so no
 * result depends on the order of the input lists; every node set is returned sorted by name and
 * every list of sets sorted lexicographically; repeated edges are dropped (and reported in
 * `Dag.duplicateEdges`), every other structural problem throws an `IslError`.
 */
export { createDag, edgeList, observedNodes, topologicalNames } from "./dag.js";
export type { Dag, DagInput } from "./dag.js";
export type { Adjacency } from "./adjacency.js";
export { compareNames, compareSets, findNode, resolveNodes } from "./node-lookup.js";
export { ancestorsOf, descendantsOf, parentsOf, childrenOf } from "./ancestry.js";
export { dSeparated, openPath } from "./d-separation.js";
export { hasCausalPath, properCausalPathNodes, forbiddenNodes, properBackdoorGraph } from "./proper-causal-paths.js";
export { adjustmentSetVerdict, isAdjustmentSet, canonicalAdjustmentSet } from "./adjustment-criterion.js";
export type { AdjustmentVerdict } from "./adjustment-criterion.js";
export { enumerateMinimalAdjustmentSets, minimalAdjustmentSets, DEFAULT_MAX_ADJUSTMENT_SETS } from "./minimal-adjustment-sets.js";
export type { AdjustmentSetList, MinimalAdjustmentOptions } from "./minimal-adjustment-sets.js";
export { minimumAdjustmentSet } from "./minimum-adjustment-set.js";
export { backdoorPaths, formatPath, DEFAULT_MAX_PATHS, DEFAULT_MAX_PATH_STEPS } from "./backdoor-paths.js";
export type { BackdoorPathOptions, GraphPath, PathArrow, PathList } from "./backdoor-paths.js";
export { adjustmentObstructions } from "./adjustment-obstructions.js";
export type { AdjustmentObstructions, ObstructionOptions } from "./adjustment-obstructions.js";
export { createAdmg, bidirectedEdges } from "./admg.js";
export type { Admg } from "./admg.js";
