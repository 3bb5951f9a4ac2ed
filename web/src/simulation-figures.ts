/** The figures the Scenarios page shows from a run, and the difference of two runs' figures. */
import type { SimulationJob } from './api.js';
import { interval, type Interval } from '../../src/simulate/intervals.js';
import type { Key } from './i18n.js';

export type SimulationResult = NonNullable<SimulationJob['result']>;

export interface Figure {
  key: Key; def?: Key; unit: 'share' | 'count' | 'hours'; of: (r: SimulationResult) => Interval;
  /** The figure of each replication, in order (absent from results of older servers). */
  reps: (r: SimulationResult) => number[] | undefined;
}

/** The headline figures, in the order shown, each with its one-line definition. */
export const FIGURES: Figure[] = [
  { key: 'scenCustShare', def: 'scenCustShareDef', unit: 'share', of: (r) => r.custodialShare, reps: (r) => r.perReplication?.custodialShare },
  { key: 'scenCustodial', def: 'scenCustodialDef', unit: 'count', of: (r) => r.totals.custodial, reps: (r) => r.perReplication?.custodial },
  { key: 'scenAtLarge', def: 'scenAtLargeDef', unit: 'count', of: (r) => r.totals.atLarge, reps: (r) => r.perReplication?.atLarge },
];

/** Officer-hours by kind. */
export const HOURS: Figure[] = [
  { key: 'hoursPickup', unit: 'hours', of: (r) => r.totals.officerHours.pickup, reps: (r) => r.perReplication?.hoursPickup },
  { key: 'hoursAtLarge', unit: 'hours', of: (r) => r.totals.officerHours.atLarge, reps: (r) => r.perReplication?.hoursAtLarge },
  { key: 'hours287g', unit: 'hours', of: (r) => r.totals.officerHours.in287g, reps: (r) => r.perReplication?.hours287g },
  { key: 'hoursSurge', unit: 'hours', of: (r) => r.totals.officerHours.surge, reps: (r) => r.perReplication?.hoursSurge },
];

/** Whether two runs can be paired replication by replication: the same seed and number of replications (common random numbers). */
export function paired(a: SimulationResult, b: SimulationResult): boolean {
  return a.scenario.seed === b.scenario.seed && a.scenario.replications === b.scenario.replications && a.scenario.replications > 1
    && !!a.perReplication && !!b.perReplication;
}

/**
 * B − A for one figure. Paired runs (see `paired`): the 90% interval of the replications' own differences, as
 * `comity simulate compare` gives it. Otherwise the difference of the means and the widest range the two 90%
 * intervals allow (B's 5th percentile − A's 95th, B's 95th − A's 5th), wider than a paired interval would be.
 */
export function difference(a: SimulationResult, b: SimulationResult, f: Figure): { mean: number; low: number; high: number } {
  const xa = f.reps(a);
  const xb = f.reps(b);
  if (paired(a, b) && xa && xb && xa.length === xb.length) {
    const d = interval(xb.map((v, i) => v - xa[i]!));
    return { mean: d.mean, low: d.p05, high: d.p95 };
  }
  const ia = f.of(a);
  const ib = f.of(b);
  return { mean: ib.mean - ia.mean, low: ib.p05 - ia.p95, high: ib.p95 - ia.p05 };
}
