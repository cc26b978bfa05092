/**
 * Benchmark of the SCM engine on linear-Gaussian SCMs over random DAGs (5 and 50 nodes; 1,000 and
 * 10,000 samples), against a hand-written Float64Array loop that evaluates the same model with the
 * same noise generator (the practical floor), measured in the same run; the upstream Python + numpy
 * figures are printed for reference (recorded, not measured here).
 *
 * Model: nodes X0 … X(N−1) in a random order; each earlier node is a parent of a later one with
 * probability min(0.5, 4 / (N − 1)) (≈ 1 parent per node at N = 5, ≈ 2 at N = 50); root nodes are
 * exogenous, X ~ N(0, 1); every other node is `X_j = Σ c_k · X_parent + U_j` with U_j ~ N(0, 1) and
 * coefficients uniform in [−1, 1] (3 decimals). Both sides draw every noise variable with its own
 * fork's four-lane normal stream (the same values) and evaluate the equations.
 *
 * Rows, per case: "fresh" = a new `simulate()` per run whose caller reads the outcome column (the
 * usual use; `simulate` then never makes the noise columns, which are made on first read);
 * "fresh, all read" = the same with `everyColumn: true`, reading every column (all 95 are made, as
 * a caller that needs them all would ask); "reused" = each run reuses
 * the previous run's arrays and reads the outcome. The floor is the fastest hand-written variant
 * for the mode: one pass per parent, or one pass per node with an inner loop over parents (both
 * with every noise column), or, when only the outcome is read, noise drawn straight into each
 * node's column. Its draws use the WebAssembly SIMD normal kernel, as `simulate` does. The "JS
 * draws" column runs the same `simulate()` with the WebAssembly kernels turned off
 * (`enableWasmNormalKernel(false)`: JavaScript implementations, identical bits). "Equations only" =
 * the compiled JavaScript kernels over pre-drawn columns against the hand-written arithmetic alone
 * (`simulate` evaluates these affine equations with the WebAssembly SIMD kernel instead).
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/scm-linear.ts
 */
import { createRng, enableWasmNormalKernel, type Rng } from "@olumi/isl-core/random";
import { buildStructuralModel, createScratch, forEachBlock, simulate, BLOCK_SIZE, type Simulation, type StructuralCausalModel } from "@olumi/isl-core/scm";
import { medianMs, printTable } from "../support/timing.js";
import { UPSTREAM_MS, randomLinearScm, type LinearCase } from "../support/linear-scm.js";

/** Columns of the hand-written loop: one per node, plus the noise columns of non-root nodes. */
interface HandColumns {
  readonly columns: Float64Array[];
  readonly noise: Float64Array[];
}

/** Allocates the hand-written loop's columns (roots' noise is their own column). */
function allocate(c: LinearCase, n: number): HandColumns {
  const columns = c.nodes.map(() => new Float64Array(n));
  const noise = c.nodes.map((node, j) => (node.parents.length === 0 ? columns[j]! : new Float64Array(n)));
  return { columns, noise };
}

/** Draws the exogenous columns exactly as `simulate` does: one fork per variable. */
function drawNoise(c: LinearCase, rng: Rng, into: HandColumns): HandColumns {
  c.nodes.forEach((node, j) => rng.fork(node.parents.length === 0 ? node.name : `U${j}`).fillNormal(into.noise[j]!, 0, 1));
  return into;
}

/** Hand-written equations, one pass per parent: out = U; out += c · parent. */
function handWrittenPerParent(c: LinearCase, columns: Float64Array[], noise: Float64Array[], n: number): void {
  for (let j = 0; j < c.nodes.length; j++) {
    const node = c.nodes[j]!;
    if (node.parents.length === 0) continue;
    const out = columns[j]!;
    out.set(noise[j]!);
    for (let k = 0; k < node.parents.length; k++) {
      const w = node.weights[k]!;
      const parent = columns[node.parents[k]!]!;
      for (let i = 0; i < n; i++) out[i] = out[i]! + w * parent[i]!;
    }
  }
}

/** Hand-written equations, one pass per node with an inner loop over the parents. */
function handWrittenPerNode(c: LinearCase, columns: Float64Array[], noise: Float64Array[], n: number): void {
  for (let j = 0; j < c.nodes.length; j++) {
    const node = c.nodes[j]!;
    const m = node.parents.length;
    if (m === 0) continue;
    const out = columns[j]!;
    const u = noise[j]!;
    const parents = node.parents.map((k) => columns[k]!);
    const weights = node.weights;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let k = 0; k < m; k++) acc += weights[k]! * parents[k]![i]!;
      out[i] = acc + u[i]!;
    }
  }
}

/**
 * Hand-written equations with each node's noise drawn straight into its column (no noise columns):
 * out = U; out += c · parent, one pass per parent.
 */
function handWrittenNoiseInOutput(c: LinearCase, rng: Rng, columns: Float64Array[], n: number): Float64Array[] {
  for (let j = 0; j < c.nodes.length; j++) {
    const node = c.nodes[j]!;
    const out = columns[j]!;
    rng.fork(node.parents.length === 0 ? node.name : `U${j}`).fillNormal(out, 0, 1);
    for (let k = 0; k < node.parents.length; k++) {
      const w = node.weights[k]!;
      const parent = columns[node.parents[k]!]!;
      for (let i = 0; i < n; i++) out[i] = out[i]! + w * parent[i]!;
    }
  }
  return columns;
}

/** The compiled kernels of `model` over pre-drawn columns (what `simulate` runs after drawing). */
function equationsOnly(model: StructuralCausalModel, columns: Float64Array[], n: number): void {
  const scratch = createScratch(model.registers, Math.min(n, BLOCK_SIZE));
  const steps = model.endogenous.map((name) => ({ slot: model.slotOf.get(name)!, kernel: model.equations.get(name)!.compiled.kernel }));
  forEachBlock(columns, n, (views, _start, count) => {
    for (const { slot, kernel } of steps) kernel(views, views[slot]!, count, scratch);
  });
}

const fmt = (x: number): string => x.toFixed(3);
const rows: (string | number)[][] = [];
const eqRows: (string | number)[][] = [];
const structure = createRng("scm-linear-benchmark").fork("structure");
for (const size of [5, 50]) {
  const c = randomLinearScm(size, structure.fork(String(size)));
  const model = buildStructuralModel(c.json);
  for (const n of [1000, 10000]) {
    const rng = createRng(7);
    let checksum = 0;
    // NOTE: small cases take tens of microseconds; they get more warm-up and repetitions so that the
    // JIT has settled and a stray collection does not decide the median.
    const values = n * size;
    const timing = { warmup: Math.max(30, Math.round(2e6 / values)), reps: Math.max(51, 2 * Math.round(5e5 / values) + 1) };
    /** Which columns a run reads: the outcome only (the usual caller) or every column. */
    type Mode = "fresh" | "fresh, all read" | "reused";
    const measure = (mode: Mode): { ours: number; oursJs: number; floor: number; variant: string } => {
      const reuse = mode === "reused";
      const readAll = mode === "fresh, all read";
      let previous: Simulation | undefined;
      const run = (): void => {
        const sim = simulate(model, { samples: n, rng, reuse: reuse ? previous : undefined, everyColumn: readAll });
        previous = sim;
        if (readAll) for (const column of sim.columns.values()) checksum += column[0]!;
        else checksum += sim.columns.get(`X${size - 1}`)![0]!;
      };
      const ours = medianMs(run, timing);
      enableWasmNormalKernel(false);
      const oursJs = medianMs(run, { warmup: 10, reps: 21 });
      enableWasmNormalKernel(true);
      const kept = allocate(c, n);
      const variants: [string, number][] = [
        ["per parent", medianMs(() => {
          const { columns, noise } = drawNoise(c, rng, reuse ? kept : allocate(c, n));
          handWrittenPerParent(c, columns, noise, n);
          checksum += columns[size - 1]![0]!;
        }, timing)],
        ["per node", medianMs(() => {
          const { columns, noise } = drawNoise(c, rng, reuse ? kept : allocate(c, n));
          handWrittenPerNode(c, columns, noise, n);
          checksum += columns[size - 1]![0]!;
        }, timing)],
      ];
      // NOTE: a caller who reads only the outcome needs no noise columns; the hand-written loop
      // for that case draws each node's noise straight into its own column.
      if (!readAll) {
        const keptNodes = kept.columns;
        variants.push(["noise in output", medianMs(() => {
          const columns = handWrittenNoiseInOutput(c, rng, reuse ? keptNodes : c.nodes.map(() => new Float64Array(n)), n);
          checksum += columns[size - 1]![0]!;
        }, timing)]);
      }
      const [variant, floor] = variants.reduce((best, v) => (v[1] < best[1] ? v : best));
      return { ours, oursJs, floor, variant };
    };
    // Same model, same draws: both sides must agree before their times mean anything.
    const sim = simulate(model, { samples: n, rng });
    const hand = drawNoise(c, rng, allocate(c, n));
    handWrittenPerParent(c, hand.columns, hand.noise, n);
    const last = sim.columns.get(`X${size - 1}`)!;
    const maxDiff = hand.columns[size - 1]!.reduce((m, v, i) => Math.max(m, Math.abs(v - last[i]!)), 0);
    if (!(maxDiff < 1e-9)) throw new Error(`hand-written loop and simulate disagree by ${maxDiff}`);
    const upstream = UPSTREAM_MS.get(`${size}x${n}`);
    const edges = c.nodes.reduce((sum, node) => sum + node.parents.length, 0);
    for (const mode of ["fresh", "fresh, all read", "reused"] as const) {
      const { ours, oursJs, floor, variant } = measure(mode);
      rows.push([
        `${size} nodes (${edges} edges) x ${n}`,
        mode,
        fmt(ours),
        fmt(oursJs),
        fmt(floor),
        variant,
        (ours / floor).toFixed(2),
        upstream === undefined ? "-" : upstream.toFixed(2),
        upstream === undefined ? "-" : `${(upstream / ours).toFixed(1)}x`,
      ]);
    }

    // Equations only, over the same pre-drawn columns (ours need the model's slot order).
    const drawn = drawNoise(c, rng, allocate(c, n));
    const byName = new Map<string, Float64Array>();
    c.nodes.forEach((node, j) => {
      byName.set(node.name, drawn.columns[j]!);
      if (node.parents.length > 0) byName.set(`U${j}`, drawn.noise[j]!);
    });
    const slotColumns = model.order.map((name) => byName.get(name)!);
    const eqOurs = medianMs(() => equationsOnly(model, slotColumns, n), { warmup: 20, reps: 51 });
    const eqPerParent = medianMs(() => handWrittenPerParent(c, drawn.columns, drawn.noise, n), { warmup: 20, reps: 51 });
    const eqPerNode = medianMs(() => handWrittenPerNode(c, drawn.columns, drawn.noise, n), { warmup: 20, reps: 51 });
    const eqFloor = Math.min(eqPerParent, eqPerNode);
    eqRows.push([`${size} nodes x ${n}`, fmt(eqOurs), fmt(eqFloor), eqPerParent <= eqPerNode ? "per parent" : "per node", (eqOurs / eqFloor).toFixed(2)]);
    if (Number.isNaN(checksum)) throw new Error("benchmark produced NaN");
  }
}
printTable("Linear SCM simulation: ISL simulate() vs hand-written Float64Array loop with the same draws (median ms)", [
  "model",
  "columns",
  "ISL ms",
  "ISL JS draws ms",
  "floor ms",
  "floor variant",
  "ratio ISL/floor",
  "upstream ms",
  "speed-up vs upstream",
], rows);
printTable("Equations only, over pre-drawn columns: the compiled JavaScript kernels (simulate runs affine chains in WebAssembly instead) (median ms)", ["model", "ISL JS kernels ms", "hand loop ms", "hand variant", "ratio"], eqRows);
