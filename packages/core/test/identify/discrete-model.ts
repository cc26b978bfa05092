/**
 * Exact discrete causal models with explicit latent variables, for checking identification
 * estimands: every variable (latent ones included) has a small domain and a random strictly
 * positive conditional probability table with rational entries (fraction.js); distributions are
 * computed by exhaustive enumeration, interventional ones in the mutilated model (the treatment's
 * table replaced by a point mass). Shares no code with the identification module.
 */
import Fraction from "fraction.js";
import { createRng, type Rng } from "../../src/random/index.js";

/** A semi-Markovian structure with explicit latent confounders. */
export interface LatentModelSpec {
  /** Observed variable names. */
  observed: string[];
  /** Directed edges between observed variables (acyclic). */
  directed: [string, string][];
  /** Each latent variable's observed children (two or more). */
  latentChildren: string[][];
}

/** A discrete causal model over observed and latent variables. */
export interface DiscreteModel {
  /** Every variable in a topological order. */
  names: string[];
  /** Parent indices of each variable (into `names`). */
  parents: number[][];
  /** Domain size of each variable. */
  domain: number[];
  /** cpt[v][parent configuration][value]: P(v = value | parents), all > 0, each row summing to 1. */
  cpt: Fraction[][][];
  /** Whether each variable is observed. */
  observed: boolean[];
}

/** Largest number of joint states of all variables that {@link randomModel} allows. */
export const MAX_MODEL_STATES = 2048;

/** A DAG with latent nodes, as plain lists. */
export interface LatentDag {
  nodes: string[];
  edges: [string, string][];
  latent: string[];
}

/** The DAG of a spec: latent confounder `__U<i>` → each of its children, plus the directed edges. */
export function dagOfSpec(spec: LatentModelSpec): LatentDag {
  const latent = spec.latentChildren.map((_, i) => `__U${i}`);
  const edges: [string, string][] = [...spec.directed];
  spec.latentChildren.forEach((children, i) => {
    for (const c of children) edges.push([latent[i]!, c]);
  });
  return { nodes: [...latent, ...spec.observed], edges, latent };
}

function topologicalOrder(graph: LatentDag): string[] {
  const indegree = new Map(graph.nodes.map((v) => [v, 0]));
  for (const [, b] of graph.edges) indegree.set(b, indegree.get(b)! + 1);
  const ready = graph.nodes.filter((v) => indegree.get(v) === 0).sort();
  const out: string[] = [];
  while (ready.length > 0) {
    const v = ready.shift()!;
    out.push(v);
    for (const [a, b] of graph.edges) {
      if (a !== v) continue;
      indegree.set(b, indegree.get(b)! - 1);
      if (indegree.get(b) === 0) ready.push(b);
    }
  }
  if (out.length !== graph.nodes.length) throw new Error("cyclic graph");
  return out;
}

function randomRow(rng: Rng, size: number): Fraction[] {
  const weights = Array.from({ length: size }, () => 1 + rng.int(6));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => new Fraction(w, total));
}

/**
 * A random model on a DAG with latent nodes: binary variables, some ternary while the joint stays
 * within {@link MAX_MODEL_STATES} states; random positive rational tables.
 */
export function randomDagModel(graph: LatentDag, seed: number): DiscreteModel {
  const rng = createRng(seed);
  const names = topologicalOrder(graph);
  const index = new Map(names.map((v, i) => [v, i]));
  const parents: number[][] = names.map(() => []);
  for (const [a, b] of graph.edges) parents[index.get(b)!]!.push(index.get(a)!);
  const domain = names.map(() => 2);
  let states = 2 ** names.length;
  for (let v = 0; v < names.length; v++) {
    if (rng.int(4) === 0 && (states / 2) * 3 <= MAX_MODEL_STATES) {
      domain[v] = 3;
      states = (states / 2) * 3;
    }
  }
  const cpt = names.map((_, v) => {
    const configs = parents[v]!.reduce((k, p) => k * domain[p]!, 1);
    return Array.from({ length: configs }, () => randomRow(rng, domain[v]!));
  });
  const latent = new Set(graph.latent);
  return { names, parents, domain, cpt, observed: names.map((v) => !latent.has(v)) };
}

/** A random model on a spec's structure (its latent confounders made explicit). */
export function randomModel(spec: LatentModelSpec, seed: number): DiscreteModel {
  return randomDagModel(dagOfSpec(spec), seed);
}

/**
 * Visits every joint assignment of all variables with its probability. Variables in `fixed` are
 * set to the given value with probability factor 1 (the mutilated model of do(fixed)).
 */
export function enumerateJoint(model: DiscreteModel, fixed: ReadonlyMap<number, number>, visit: (assignment: Int32Array, p: Fraction) => void): void {
  const n = model.names.length;
  const assignment = new Int32Array(n);
  const walk = (v: number, p: Fraction): void => {
    if (v === n) {
      visit(assignment, p);
      return;
    }
    let config = 0;
    for (const q of model.parents[v]!) config = config * model.domain[q]! + assignment[q]!;
    const pinned = fixed.get(v);
    if (pinned !== undefined) {
      assignment[v] = pinned;
      walk(v + 1, p);
      return;
    }
    const row = model.cpt[v]![config]!;
    for (let value = 0; value < model.domain[v]!; value++) {
      assignment[v] = value;
      walk(v + 1, p.mul(row[value]!));
    }
  };
  walk(0, new Fraction(1));
}

/** Mixed-radix code of the values of `vars` (indices) in an assignment. */
function codeOf(model: DiscreteModel, vars: readonly number[], assignment: ArrayLike<number>): number {
  let code = 0;
  for (const v of vars) code = code * model.domain[v]! + assignment[v]!;
  return code;
}

/** Every joint value of `vars` (indices), as arrays aligned with `vars`. */
export function valuesOf(model: DiscreteModel, vars: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const v of vars) out = out.flatMap((prefix) => Array.from({ length: model.domain[v]! }, (_, k) => [...prefix, k]));
  return out;
}

/** The observational joint of the observed variables: names (sorted), domains, and the table by mixed-radix code. */
export interface ObservedJoint {
  names: string[];
  domain: number[];
  table: Fraction[];
}

/** The observational distribution of the observed variables, by enumeration. */
export function observedJoint(model: DiscreteModel): ObservedJoint {
  const observed = model.names.map((_, v) => v).filter((v) => model.observed[v]);
  observed.sort((a, b) => (model.names[a]! < model.names[b]! ? -1 : 1));
  const size = observed.reduce((k, v) => k * model.domain[v]!, 1);
  const table = Array.from({ length: size }, () => new Fraction(0));
  enumerateJoint(model, new Map(), (assignment, p) => {
    const code = codeOf(model, observed, assignment);
    table[code] = table[code]!.add(p);
  });
  return { names: observed.map((v) => model.names[v]!), domain: observed.map((v) => model.domain[v]!), table };
}

/**
 * The true P(y | do(x), z) for every value of x, y and z, by enumeration in the mutilated model:
 * P(y, z | do(x)) / P(z | do(x)). Returned as a function of value maps keyed by variable name.
 */
export function interventionalConditional(model: DiscreteModel, x: string[], y: string[], z: string[] = []): (values: ReadonlyMap<string, number>) => Fraction {
  const index = new Map(model.names.map((v, i) => [v, i]));
  const xi = x.map((v) => index.get(v)!);
  const yi = y.map((v) => index.get(v)!);
  const zi = z.map((v) => index.get(v)!);
  const tables = new Map<number, { yz: Map<number, Fraction>; z: Map<number, Fraction> }>();
  for (const xv of valuesOf(model, xi)) {
    const fixed = new Map(xi.map((v, k) => [v, xv[k]!]));
    const yz = new Map<number, Fraction>();
    const zOnly = new Map<number, Fraction>();
    enumerateJoint(model, fixed, (assignment, p) => {
      const a = codeOf(model, [...yi, ...zi], assignment);
      yz.set(a, (yz.get(a) ?? new Fraction(0)).add(p));
      const b = codeOf(model, zi, assignment);
      zOnly.set(b, (zOnly.get(b) ?? new Fraction(0)).add(p));
    });
    tables.set(codeOf(model, xi, Int32Array.from(model.names.map((_, v) => fixed.get(v) ?? 0))), { yz, z: zOnly });
  }
  return (values) => {
    const assignment = Int32Array.from(model.names.map((name) => values.get(name) ?? 0));
    const t = tables.get(codeOf(model, xi, assignment))!;
    const num = t.yz.get(codeOf(model, [...yi, ...zi], assignment)) ?? new Fraction(0);
    const den = t.z.get(codeOf(model, zi, assignment))!;
    return num.div(den);
  };
}
