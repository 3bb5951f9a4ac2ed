/** Summaries across replications: the mean and the 90% interval (5th and 95th percentiles, linear interpolation). */
export interface Interval { mean: number; p05: number; p95: number }

export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function interval(xs: readonly number[]): Interval {
  const s = Float64Array.from(xs).sort();
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { mean, p05: quantile(s, 0.05), p95: quantile(s, 0.95) };
}
