/** The figures the Scenarios page shows from a run, and the difference of two runs' figures. */
import type { SimulationJob } from './api.js';
import type { Interval } from '../../src/simulate/intervals.js';
import type { Key } from './i18n.js';

export type SimulationResult = NonNullable<SimulationJob['result']>;

export interface Figure { key: Key; def?: Key; unit: 'share' | 'count' | 'hours'; of: (r: SimulationResult) => Interval }

/** The headline figures, in the order shown, each with its one-line definition. */
export const FIGURES: Figure[] = [
  { key: 'scenCustShare', def: 'scenCustShareDef', unit: 'share', of: (r) => r.custodialShare },
  { key: 'scenCustodial', def: 'scenCustodialDef', unit: 'count', of: (r) => r.totals.custodial },
  { key: 'scenAtLarge', def: 'scenAtLargeDef', unit: 'count', of: (r) => r.totals.atLarge },
];

/** Officer-hours by kind. */
export const HOURS: Figure[] = [
  { key: 'hoursPickup', unit: 'hours', of: (r) => r.totals.officerHours.pickup },
  { key: 'hoursAtLarge', unit: 'hours', of: (r) => r.totals.officerHours.atLarge },
  { key: 'hours287g', unit: 'hours', of: (r) => r.totals.officerHours.in287g },
  { key: 'hoursSurge', unit: 'hours', of: (r) => r.totals.officerHours.surge },
];

/**
 * B − A from two runs' summaries: the difference of the means, and the widest range the two 90%
 * intervals allow (B's 5th percentile − A's 95th, B's 95th − A's 5th). The page has no replication's
 * own figures, so it cannot pair them; the range is wider than a paired interval would be.
 */
export function difference(a: Interval, b: Interval): { mean: number; low: number; high: number } {
  return { mean: b.mean - a.mean, low: b.p05 - a.p95, high: b.p95 - a.p05 };
}
