/** CSV of a run: one row per AOR and month, means and 90% intervals. */
import { stringify } from 'csv-stringify/sync';
import type { SimulationResult } from './simulate.js';

export function simulationCsv(r: SimulationResult): string {
  return stringify(r.byAorMonth.map((x) => ({
    aor: x.aor, month: x.month,
    custodial: x.custodial.mean, custodial_p05: x.custodial.p05, custodial_p95: x.custodial.p95,
    at_large: x.atLarge.mean, at_large_p05: x.atLarge.p05, at_large_p95: x.atLarge.p95,
    custodial_local: x.custodialLocal, custodial_287g: x.custodial287g, custodial_prison: x.custodialPrison, other: x.other,
    bookings: x.bookings, requests: x.requests, declined: x.declined, referrals: x.referrals,
    backlog: x.backlog.mean, backlog_p05: x.backlog.p05, backlog_p95: x.backlog.p95,
    hours_pickup: x.hoursPickup, hours_at_large: x.hoursAtLarge, hours_287g: x.hours287g, hours_surge: x.hoursSurge,
  })), { header: true });
}
