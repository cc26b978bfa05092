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
export { constrainedCanonicalAdjustmentSet } from "./constrained-adjustment.js";
export type { AdjustmentConstraints } from "./constrained-adjustment.js";
export { allAdjustmentSets, enumerateAdjustmentSets, DEFAULT_MAX_ALL_ADJUSTMENT_SETS, DEFAULT_MAX_ADJUSTMENT_SEARCH_STEPS } from "./all-adjustment-sets.js";
export type { AllAdjustmentOptions, AllAdjustmentListOptions, AllAdjustmentSetList, AdjustmentSetListing } from "./all-adjustment-sets.js";
export { optimalAdjustmentSet } from "./optimal-adjustment-set.js";
export type { OptimalAdjustmentResult, OptimalSetUnavailable } from "./optimal-adjustment-set.js";
export { minimalImpliedIndependencies, DEFAULT_MAX_IMPLIED_INDEPENDENCIES, DEFAULT_MAX_IMPLIED_STEPS } from "./implied-independencies.js";
export type { ImpliedIndependence, ImpliedIndependenceList, ImpliedIndependenceOptions } from "./implied-independencies.js";
export { localMarkovBasis } from "./local-markov-basis.js";
export { latentNames, visibleNames } from "./dag.js";
export { bidirectedNodeName, isHiddenNodeName, HIDDEN_NODE_PREFIX } from "./bidirected-nodes.js";
export { dConnectingPath } from "./d-separation.js";
export { latentProjection } from "./latent-projection.js";
export { conditionalInstruments, instrumentConditioningSet, instrumentVerdict, DEFAULT_MAX_INSTRUMENTS } from "./instruments.js";
export type { ConditionalInstrument, InstrumentList, InstrumentOptions, InstrumentVerdict } from "./instruments.js";
export { frontDoorSet, minimalFrontDoorSet, frontDoorVerdict, frontDoorFormula } from "./front-door.js";
export type { FrontDoorOptions, FrontDoorVerdict } from "./front-door.js";
export { minimalFrontDoorSets, DEFAULT_MAX_FRONT_DOOR_SETS, DEFAULT_MAX_FRONT_DOOR_STEPS } from "./front-door-listing.js";
export type { FrontDoorListOptions, FrontDoorSetList } from "./front-door-listing.js";
export { directedPaths, blockedBackdoorPaths } from "./path-listing.js";
export type { PathListingOptions } from "./path-listing.js";
export { parseDot } from "./dot.js";
export type { DotGraph, DotParseOptions } from "./dot.js";
export { toDot, dotName } from "./dot-format.js";
export type { DotGraphInput } from "./dot-format.js";
