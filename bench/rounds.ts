// Interleaved rounds: every variant is timed once per round, A B C … A B C …, on the same requests,
// so drift in the machine (frequency, other load, GC state) falls on all variants alike.
import { performance } from 'node:perf_hooks';

export interface Variant {
  key: string;
  label: string;
  /** Requests per run. */
  n: number;
  /** One pass over the variant's requests; returns a checksum so the work is not optimized away. */
  run: () => number | Promise<number>;
}

export interface Stats {
  variant: Variant;
  /** Requests per second, one per round. */
  rates: number[];
  median: number;
  min: number;
  max: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function interleave(variants: readonly Variant[], rounds: number, sink: { n: number }): Promise<Map<string, Stats>> {
  for (const v of variants) sink.n += await v.run(); // warm-up pass
  const rates = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) {
      const t0 = performance.now();
      sink.n += await v.run();
      rates.get(v.key)!.push(v.n / ((performance.now() - t0) / 1000));
    }
  }
  return new Map(variants.map((v) => {
    const xs = rates.get(v.key)!;
    return [v.key, { variant: v, rates: xs, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }];
  }));
}

/** 1234567 → "1.23 M", 45678 → "45.7 k". */
export function si(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(0);
}

export function statLine(s: Stats): string {
  const { key, label, n } = s.variant;
  return `${`(${key})`.padEnd(5)} ${label.padEnd(52)} ${si(s.median).padStart(8)}/s  [${si(s.min)} – ${si(s.max)}]  n=${n}`;
}
