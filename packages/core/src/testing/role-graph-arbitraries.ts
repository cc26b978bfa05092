/**
 * fast-check arbitraries for causal graphs with roles: a random DAG (some nodes latent) or a random
 * ADMG (directed edges plus bidirected edges for unobserved confounding), each with observed,
 * disjoint, non-empty exposure and outcome sets. Edges are drawn by orienting random pairs along a
 * random topological order, so every graph is acyclic. Complexity: O(N²) draws per graph.
 * Reference: none (test-data generation); the ADMG model is that of J. Tian, J. Pearl, "A General
 * Identification Condition for Causal Effects", AAAI 2002 (bidirected edges for latent confounders).
 */
import fc from "fast-check";
import { nodeName, type GraphSpec } from "./graph-case-arbitrary.js";

/** Options of {@link dagWithRolesArbitrary} and {@link admgWithRolesArbitrary}. */
export interface RoleGraphOptions {
  /** Fewest nodes (default 3, at least 2). */
  minNodes?: number;
  /** Most nodes (default 10). */
  maxNodes?: number;
  /** Smallest directed-edge probability per ordered pair, in percent (default 10). */
  minDensity?: number;
  /** Largest directed-edge probability per ordered pair, in percent (default 50). */
  maxDensity?: number;
  /** Largest probability that a node other than the exposures and outcomes is latent, in percent (DAG default 30, ADMG default 0). */
  maxLatent?: number;
  /** Largest bidirected-edge probability per pair, in percent (ADMG only; default 30). */
  maxBidirected?: number;
  /** Most exposures (default 1). */
  maxExposures?: number;
  /** Most outcomes (default 1). */
  maxOutcomes?: number;
  /** Node names by number (default {@link nodeName}: `n0`, `n1`, …); must be distinct. */
  names?: (i: number) => string;
}

/** A random graph with an exposure set and an outcome set. */
export interface GraphWithRoles extends GraphSpec {
  /** Exposures: observed, non-empty, sorted by code units. */
  exposure: string[];
  /** Outcomes: observed, non-empty, disjoint from the exposures, sorted by code units. */
  outcome: string[];
}

/**
 * A random DAG with roles: latent nodes (never exposures or outcomes), and exposures drawn mostly
 * upstream of the outcomes so that causal paths are common. No bidirected edges.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(dagWithRolesArbitrary({ maxNodes: 8 }), (g) => {
 *   const dag = createDag(g);
 *   const set = canonicalAdjustmentSet(dag, g.exposure, g.outcome);
 *   if (set !== null) expect(isAdjustmentSet(dag, g.exposure, g.outcome, set)).toBe(true);
 * }), { seed: 7 });
 * ```
 *
 * @param options - Size, densities, latent rate, role counts, names.
 * @returns The arbitrary; each value can be passed to `createDag` as it is.
 */
export function dagWithRolesArbitrary(options: RoleGraphOptions = {}): fc.Arbitrary<GraphWithRoles> {
  return roleGraphArbitrary({ maxLatent: 30, ...options, maxBidirected: 0 }, false);
}

/**
 * A random ADMG with roles: directed edges, bidirected edges `[a, b]` (a before b in the node
 * order of `nodes`; a pair may also be joined by a directed edge), and by default no latent nodes.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(admgWithRolesArbitrary({ maxNodes: 6 }), (g) => {
 *   const dag = createDag(g); // each a ↔ b becomes a hidden common cause
 *   expect(dSeparated(dag, g.exposure, g.outcome, [])).toBe(dSeparated(dag, g.outcome, g.exposure, []));
 * }), { seed: 7 });
 * ```
 *
 * @param options - Size, densities, bidirected rate, latent rate, role counts, names.
 * @returns The arbitrary; each value can be passed to `createDag` as it is.
 */
export function admgWithRolesArbitrary(options: RoleGraphOptions = {}): fc.Arbitrary<GraphWithRoles> {
  return roleGraphArbitrary({ maxLatent: 0, maxBidirected: 30, ...options }, true);
}

/** Percent roll: a value 0..99 without fast-check's small-value bias. */
const roll = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 99 }));

/** The shared generator: random order, directed and bidirected rolls, latent rolls, roles. */
function roleGraphArbitrary(options: RoleGraphOptions, withBidirected: boolean): fc.Arbitrary<GraphWithRoles> {
  const { minNodes = 3, maxNodes = 10, minDensity = 10, maxDensity = 50, maxLatent = 0, maxBidirected = 0, maxExposures = 1, maxOutcomes = 1, names = nodeName } = options;
  const lowest = Math.max(2, minNodes);
  return fc.noBias(fc.integer({ min: lowest, max: Math.max(lowest, maxNodes) })).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    const range = Array.from({ length: n }, (_, i) => i);
    return fc
      .record({
        order: fc.shuffledSubarray(range, { minLength: n, maxLength: n }),
        density: fc.noBias(fc.integer({ min: Math.min(minDensity, maxDensity), max: maxDensity })),
        bidirectedRate: fc.noBias(fc.integer({ min: 0, max: maxBidirected })),
        latentRate: fc.noBias(fc.integer({ min: 0, max: maxLatent })),
        edgeRolls: fc.array(roll(), { minLength: pairs, maxLength: pairs }),
        bidirectedRolls: fc.array(roll(), { minLength: pairs, maxLength: pairs }),
        nodeRolls: fc.array(roll(), { minLength: n, maxLength: n }),
        roleRolls: fc.array(roll(), { minLength: n, maxLength: n }),
        first: fc.noBias(fc.integer({ min: 0, max: n - 2 })),
        second: fc.noBias(fc.integer({ min: 1, max: n - 1 })),
      })
      .map((r) => {
        const ordered = r.order.map(names);
        const edges: [string, string][] = [];
        const bidirected: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            if (r.edgeRolls[k]! >= 100 - r.density) edges.push([ordered[i]!, ordered[j]!]);
            if (withBidirected && r.bidirectedRolls[k]! < r.bidirectedRate) bidirected.push([ordered[i]!, ordered[j]!]);
            k++;
          }
        }
        // One exposure strictly upstream of one outcome in the order; more of each by role rolls.
        const x = Math.min(r.first, r.second - 1);
        const y = Math.max(r.second, x + 1);
        const exposure = [ordered[x]!];
        const outcome = [ordered[y]!];
        const latent: string[] = [];
        ordered.forEach((v, i) => {
          if (i === x || i === y) return;
          const role = r.roleRolls[i]!;
          if (role < 10 && exposure.length < maxExposures) exposure.push(v);
          else if (role >= 90 && outcome.length < maxOutcomes) outcome.push(v);
          else if (r.nodeRolls[i]! < r.latentRate) latent.push(v);
        });
        const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
        const graph: GraphWithRoles = {
          nodes: range.map(names),
          edges,
          latent: latent.sort(byName),
          exposure: exposure.sort(byName),
          outcome: outcome.sort(byName),
        };
        if (withBidirected) graph.bidirected = bidirected;
        return graph;
      });
  });
}
