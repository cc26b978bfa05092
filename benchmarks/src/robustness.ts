/**
 * Benchmark of `analyzeRobustness` (FACET robustness: bisection for the largest certified box, the
 * in-target volume estimate and the guarantees) against the plain simulation cost of the same
 * number of points, measured in the same run: one `simulate()` call per evaluated point (fresh
 * exogenous draws each time, columns reused) and a count of the samples that meet every target,
 * which is what a per-point Monte Carlo without common random numbers would pay.
 *
 * Models: "price" = Revenue = 2000·Price + Noise (1 lever, 1 equation); "chain" = a linear chain of
 * 10 equations M1 … M9, Y with Gaussian noise and 2 levers (A at the head, B entering M5), two
 * targets (M9 and Y). 10,000 and 1,000 samples per point; min_samples = 100.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/robustness.ts
 */
import { createRng } from "@olumi/isl-core/random";
import { analyzeRobustness, type RobustnessOptions } from "@olumi/isl-core/robustness";
import { buildStructuralModel, simulate, type Simulation } from "@olumi/isl-core/scm";
import { medianMs, printTable } from "../support/timing.js";

const normal = (std: number) => ({ type: "normal", parameters: { mean: 0, std } });

const price = {
  structuralModel: { variables: ["Price", "Revenue", "Noise"], equations: { Revenue: "2000 * Price + Noise" }, distributions: { Noise: normal(1000) } },
  interventionProposal: { Price: 52.5 },
  targetOutcome: { Revenue: [95000, 115000] as [number, number] },
};

function chainModel() {
  const equations: Record<string, string> = { M1: "0.9 * A + U1" };
  const distributions: Record<string, ReturnType<typeof normal>> = { U1: normal(0.2) };
  for (let i = 2; i <= 9; i++) {
    equations[`M${i}`] = `0.95 * M${i - 1} + ${i === 5 ? "0.5 * B + " : ""}U${i}`;
    distributions[`U${i}`] = normal(0.2);
  }
  equations.Y = "M9 + 0.3 * B + UY";
  distributions.UY = normal(0.3);
  return { variables: [], equations, distributions };
}
const chain = {
  structuralModel: chainModel(),
  interventionProposal: { A: 10, B: 4 },
  targetOutcome: { M9: [5, 12] as [number, number], Y: [5, 14] as [number, number] },
};

const rows: (string | number)[][] = [];
for (const [name, problem] of [["price", price], ["chain", chain]] as const) {
  for (const samples of [10_000, 1_000]) {
    const options: RobustnessOptions = { ...problem, perturbationRadius: 0.2, confidenceLevel: 0.9, pointsPerBox: 100, samples, rng: createRng(1) };
    const result = analyzeRobustness(options);
    // Points evaluated: the search and volume points plus the guarantee points (certified box + proposal).
    const points = result.pointsEvaluated + 1 + result.pointsChecked;
    const analysisMs = medianMs(() => analyzeRobustness(options), { warmup: 2, reps: 7 });
    const model = buildStructuralModel(problem.structuralModel, { inputs: Object.keys(problem.interventionProposal) });
    const names = Object.keys(problem.interventionProposal);
    const base = Object.values(problem.interventionProposal);
    const targets = Object.entries(problem.targetOutcome).map(([outcome, [lo, hi]]) => [outcome, lo, hi] as const);
    let hits = 0;
    const baselineMs = medianMs(
      () => {
        let previous: Simulation | undefined;
        const rng = createRng(2);
        for (let k = 0; k < points; k++) {
          const interventions = new Map(names.map((v, i) => [v, base[i]! * (1 + 0.1 * Math.sin(k + i))]));
          previous = simulate(model, { samples, rng: rng.fork(`p${k}`), interventions, reuse: previous });
          // The probability of meeting every target at this point: count the samples in range.
          const columns = targets.map(([outcome]) => previous!.columns.get(outcome)!);
          for (let i = 0; i < samples; i++) {
            let inside = 1;
            for (let t = 0; t < targets.length; t++) {
              const y = columns[t]![i]!;
              if (!(y >= targets[t]![1] && y <= targets[t]![2])) {
                inside = 0;
                break;
              }
            }
            hits += inside;
          }
        }
      },
      { warmup: 1, reps: 5 },
    );
    if (hits < 0) throw new Error("unreachable");
    rows.push([`${name}, ${samples} samples`, points, result.scale.toFixed(4), analysisMs.toFixed(1), baselineMs.toFixed(1), (analysisMs / baselineMs).toFixed(2)]);
  }
}
printTable("robustness/analyze vs one simulate() per evaluated point (ms, medians)", ["case", "points", "score", "analysis", "per-point simulate", "ratio"], rows);
