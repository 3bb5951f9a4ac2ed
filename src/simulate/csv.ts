/**
 * CSV tables of a run: by AOR and month (the default), by county and month, by county, removals of
 * people booked locally by class, and the national backlog by month. Each count with an interval gives
 * the mean and the 5th and 95th percentiles across replications.
 */
import { stringify } from 'csv-stringify/sync';
import type { Interval } from './intervals.js';
import type { SimulationResult } from './simulate.js';

export const CSV_TABLES = ['aor-month', 'county-month', 'county', 'class', 'backlog'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const iv = (name: string, x: Interval): Record<string, number> => ({ [name]: x.mean, [`${name}_p05`]: x.p05, [`${name}_p95`]: x.p95 });

export function simulationCsv(r: SimulationResult, table: CsvTable = 'aor-month'): string {
  switch (table) {
    case 'aor-month':
      return stringify(r.byAorMonth.map((x) => ({
        aor: x.aor, month: x.month, ...iv('custodial', x.custodial), ...iv('at_large', x.atLarge),
        custodial_local: x.custodialLocal, custodial_287g: x.custodial287g, custodial_prison: x.custodialPrison, other: x.other,
        bookings: x.bookings, requests: x.requests, declined: x.declined, referrals: x.referrals, ...iv('backlog', x.backlog),
        hours_pickup: x.hoursPickup, hours_at_large: x.hoursAtLarge, hours_287g: x.hours287g, hours_surge: x.hoursSurge,
      })), { header: true });
    case 'county-month':
      if (!r.byCountyMonth) throw new Error('the result has no county-month table: run with countyMonths');
      return stringify(r.byCountyMonth.map((x) => ({ fips: x.fips, state: x.state, aor: x.aor, month: x.month, ...iv('custodial', x.custodial), ...iv('at_large', x.atLarge) })), { header: true });
    case 'county':
      return stringify(r.byCounty.map((x) => ({ fips: x.fips, state: x.state, aor: x.aor, ...iv('custodial', x.custodial), ...iv('at_large', x.atLarge) })), { header: true });
    case 'class':
      return stringify([
        ...r.localByClass.map((x) => ({ aor: 'all', class: x.class, ...iv('removals_booked_locally', x.arrests) })),
        ...r.localByAorClass.map((x) => ({ aor: x.aor, class: x.class, ...iv('removals_booked_locally', x.arrests) })),
      ], { header: true });
    case 'backlog':
      return stringify(r.backlog.map((x) => ({ month: x.month, ...iv('backlog', x.backlog) })), { header: true });
  }
}
