/** Summary statistics of a sample of durations (ms). */
export interface Summary {
  readonly n: number
  readonly median: number
  readonly p90: number
  readonly p99: number
  readonly min: number
  readonly max: number
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index] as number
}

/** Median, tail quantiles and range of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}

/**
 * Runs `operation` repeatedly for at most `maxMs` and `maxRuns` (after `warmup` unmeasured
 * runs) and returns the per-run durations in ms.
 */
export async function sample(
  operation: () => unknown,
  limits: { maxRuns: number; maxMs: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (limits.warmup ?? 3); i += 1) await operation()
  const samples: number[] = []
  const deadline = performance.now() + limits.maxMs
  while (samples.length < limits.maxRuns && performance.now() < deadline) {
    const start = performance.now()
    await operation()
    samples.push(performance.now() - start)
  }
  return samples
}

/** Formats a number of ms for the table: 3 significant digits. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-'
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  if (value >= 1) return value.toFixed(2)
  return value.toFixed(3)
}
