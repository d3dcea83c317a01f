// Timing for the benchmarks: the app's call and its raw better-sqlite3 counterpart run alternately,
// after a warm-up, so drift (GC, CPU clocks, page cache) lands on both sides alike. Medians, not means.

export interface Stats {
  iterations: number;
  medianMs: number;
  p95Ms: number;
}

export interface CompareOptions {
  warmup?: number;
  /** Timed pairs are as many as fit in budgetMs (judged from the warm-up), within these bounds. */
  minIterations?: number;
  maxIterations?: number;
  budgetMs?: number;
}

type Work = () => unknown;

async function timed(work: Work): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The value at quantile q (0..1) of already sorted samples, nearest rank. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { iterations: sorted.length, medianMs: median, p95Ms: quantile(sorted, 0.95) };
}

/** Times `app` and `raw` in turns (which goes first alternates too) and returns both distributions. */
export async function compare(app: Work, raw: Work, options: CompareOptions = {}): Promise<{ app: Stats; raw: Stats }> {
  // A long warm-up: the app path is far more JavaScript than the raw one, and timing it before V8 has
  // optimised it would measure the JIT, not the app.
  const { warmup = 200, minIterations = 30, maxIterations = 1000, budgetMs = 5_000 } = options;
  let warmupMs = 0;
  for (let i = 0; i < warmup; i++) warmupMs += (await timed(app)) + (await timed(raw));
  const iterations = Math.round(Math.min(maxIterations, Math.max(minIterations, budgetMs / (warmupMs / warmup))));
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      appSamples.push(await timed(app));
      rawSamples.push(await timed(raw));
    } else {
      rawSamples.push(await timed(raw));
      appSamples.push(await timed(app));
    }
  }
  return { app: stats(appSamples), raw: stats(rawSamples) };
}

export const round3 = (n: number) => Math.round(n * 1000) / 1000;
