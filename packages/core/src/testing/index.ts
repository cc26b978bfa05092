/**
 * `@olumi/isl-core/testing`: fast-check arbitraries of causal graphs, for property tests of ISL and
 * of your own code: random DAGs with queries ({@link graphCaseArbitrary}), random DAGs and ADMGs
 * with exposure and outcome roles ({@link dagWithRolesArbitrary}, {@link admgWithRolesArbitrary}),
 * and permutations of a graph's input lists ({@link permutedGraphArbitrary}). Every value is a
 * plain object that `createDag` accepts as it is.
 *
 * Needs `fast-check` 4 (an optional peer dependency of `@olumi/isl-core`): install it next to
 * ISL in the project that runs the tests. The other entry points never load it.
 */
export { graphCaseArbitrary, permutedGraphArbitrary, nodeName } from "./graph-case-arbitrary.js";
export type { DagArbitraryOptions, GraphCase, GraphSpec } from "./graph-case-arbitrary.js";
export { dagWithRolesArbitrary, admgWithRolesArbitrary } from "./role-graph-arbitraries.js";
export type { GraphWithRoles, RoleGraphOptions } from "./role-graph-arbitraries.js";
