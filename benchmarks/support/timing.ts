/**
 * Timing helpers shared by the benchmarks: warm up, then the median of timed repetitions.
 * Wall-clock time is fine here: benchmarks report speed, never results.
 */

/** Median milliseconds of `fn` over `reps` timed runs after `warmup` untimed ones. */
export function medianMs(fn: () => unknown, { warmup = 3, reps = 11 }: { warmup?: number; reps?: number } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  console.log(`\n${title}`);
  for (const [i, r] of cells.entries()) {
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/** Medians of a paired timing: the operation and its baseline run back to back, `reps` times. */
export interface Paired {
  /** Median ms of one run of the operation. */
  op: number;
  /** Median ms of one run of the baseline. */
  base: number;
  /** Median of the per-run ratios op / base (pairing cancels most of the machine's drift). */
  ratio: number;
}

/** The median of `xs` (the upper one for an even count). */
export function mid(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** Times `fn` and `baseline` back to back `reps` times after `warmup` untimed pairs. */
export function paired(fn: () => void, baseline: () => void, reps: number, warmup: number): Paired {
  for (let i = 0; i < warmup; i++) {
    fn();
    baseline();
  }
  const op: number[] = [];
  const base: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    baseline();
    const t1 = performance.now();
    fn();
    const t2 = performance.now();
    base.push(t1 - t0);
    op.push(t2 - t1);
    ratio.push((t2 - t1) / Math.max(t1 - t0, 1e-6));
  }
  return { op: mid(op), base: mid(base), ratio: mid(ratio) };
}
