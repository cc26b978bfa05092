/**
 * fast-check arbitraries for identification tests: a random acyclic structure over observed nodes
 * with explicit latent confounders (each with two or three observed children, so its ADMG has a
 * bidirected clique among them), a query (treatment, outcome, conditioning set) and a model seed.
 */
import fc from "fast-check";
import type { LatentModelSpec } from "./discrete-model.js";
import type { PlainAdmg } from "./hedge-reference.js";

/** A random identification case. */
export interface IdentifyCase {
  spec: LatentModelSpec;
  admg: PlainAdmg;
  x: string[];
  y: string[];
  z: string[];
  /** Seed of the random model's tables. */
  seed: number;
}

/** Options of {@link identifyCaseArbitrary}. */
export interface IdentifyCaseOptions {
  minNodes?: number;
  maxNodes?: number;
  maxLatents?: number;
  maxTreatments?: number;
  maxOutcomes?: number;
  /** Largest conditioning set (0 for ID-only cases). */
  maxGiven?: number;
}

/** The bidirected edges implied by latent confounders: every pair of children of one latent, sorted and deduplicated. */
export function bidirectedOf(latentChildren: readonly string[][]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const children of latentChildren) {
    const sorted = [...children].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}|${sorted[j]}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push([sorted[i]!, sorted[j]!]);
        }
      }
    }
  }
  return out.sort((p, q) => (p[0] + "|" + p[1] < q[0] + "|" + q[1] ? -1 : 1));
}

/** A random structure with latent confounders and a query on it. */
export function identifyCaseArbitrary(options: IdentifyCaseOptions = {}): fc.Arbitrary<IdentifyCase> {
  const { minNodes = 2, maxNodes = 6, maxLatents = 4, maxTreatments = 2, maxOutcomes = 2, maxGiven = 0 } = options;
  return fc.noBias(fc.integer({ min: minNodes, max: maxNodes })).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    return fc
      .record({
        order: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        density: fc.noBias(fc.integer({ min: 15, max: 70 })),
        edgeRolls: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), { minLength: pairs, maxLength: pairs }),
        latents: fc.array(fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: 2, maxLength: Math.min(3, n) }), { maxLength: maxLatents }),
        roles: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
        counts: fc.tuple(fc.integer({ min: 1, max: maxTreatments }), fc.integer({ min: 1, max: maxOutcomes }), fc.integer({ min: 0, max: maxGiven })),
        seed: fc.integer({ min: 1, max: 2 ** 30 }),
      })
      .map((r) => {
        const names = r.order.map((i) => `v${i}`);
        const directed: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (r.edgeRolls[k++]! < r.density) directed.push([names[i]!, names[j]!]);
        const latentChildren = r.latents.map((group) => group.map((i) => names[i]!));
        const observed = Array.from({ length: n }, (_, i) => `v${i}`);
        const [nx, ny, nz] = r.counts;
        const byRole = r.roles.map((i) => `v${i}`);
        const x = byRole.slice(0, Math.min(nx, n - 1)).sort();
        const y = byRole.slice(x.length, x.length + Math.min(ny, n - x.length)).sort();
        const z = byRole.slice(x.length + y.length, x.length + y.length + nz).sort();
        return {
          spec: { observed, directed, latentChildren },
          admg: { nodes: observed, directed, bidirected: bidirectedOf(latentChildren) },
          x,
          y,
          z,
          seed: r.seed,
        };
      });
  });
}
