/** A run's typed results: totals, shares, arrests by AOR and month, officer-hours, backlog, with 90% intervals across replications. */
import { CLASSES, N_CLASSES } from './classes.js';
import { interval, type Interval } from './intervals.js';
import { METRICS, type Metric, type RunOutput } from './model.js';
import type { World } from './world.js';

export interface AorMonthRow {
  aor: string; month: string;
  custodial: Interval; atLarge: Interval; custodialLocal: number; custodial287g: number; custodialPrison: number; other: number;
  bookings: number; requests: number; declined: number; referrals: number; backlog: Interval;
  hoursPickup: number; hoursAtLarge: number; hours287g: number; hoursSurge: number;
}

export interface Totals {
  custodial: Interval; custodialLocal: Interval; custodial287g: Interval; custodialPrison: Interval; atLarge: Interval; other: Interval;
  bookings: Interval; matched: Interval; requests: Interval; declined: Interval; referrals: Interval; missedCapacity: Interval;
  officerHours: { pickup: Interval; atLarge: Interval; in287g: Interval; surge: Interval };
  backlogStart: Interval; backlogEnd: Interval;
}

export interface SimulationSummary {
  /** Custodial arrests over all arrests (custodial + at large + other), the observatory's definition. */
  custodialShare: Interval;
  atLargeShare: Interval;
  totals: Totals;
  byAor: { aor: string; custodial: Interval; atLarge: Interval; custodialShare: Interval; backlogEnd: Interval }[];
  byAorMonth: AorMonthRow[];
  /** National backlog at the end of each month. */
  backlog: { month: string; backlog: Interval }[];
  /**
   * Removals of people booked locally, by criminal-history class (modelled): the local custodial arrests
   * (jail and 287(g) pickups), each taken to end in a removal. Nationally, and by AOR.
   */
  localByClass: { class: string; arrests: Interval }[];
  localByAorClass: { aor: string; class: string; arrests: Interval }[];
  /** Whole run by county (custodial = jail + 287(g) pickups; at large = arrests in the county's caseload). */
  byCounty: CountyRow[];
  /**
   * The national figures of each replication, in replication order. Replication k of any two runs with the same seed
   * draws the same random numbers (common random numbers), so two such runs' figures can be paired, replication by
   * replication, for the interval of their difference (as `comity simulate compare` does).
   */
  perReplication: PerReplication;
  /** By county and month: present when asked for (`countyMonths`), as it is large (counties × months rows). */
  byCountyMonth?: CountyMonthRow[];
}

export interface PerReplication {
  custodialShare: number[]; custodial: number[]; atLarge: number[]; backlogEnd: number[];
  hoursPickup: number[]; hoursAtLarge: number[]; hours287g: number[]; hoursSurge: number[];
}

export interface CountyRow { fips: string; state: string; aor: string; custodial: Interval; atLarge: Interval }
export interface CountyMonthRow { fips: string; state: string; aor: string; month: string; custodial: Interval; atLarge: Interval }

export interface SummaryOptions {
  /** Include byCountyMonth (default false). */
  countyMonths?: boolean;
}

/** A county's custodial or at-large arrests over months [m0, m1) of one run. */
export function countyMonths(r: RunOutput, w: World, which: 'custodial' | 'atLarge', i: number, m0 = 0, m1 = w.months.length): number {
  const a = which === 'custodial' ? r.countyCustodial : r.countyAtLarge;
  const Mo = w.months.length;
  let s = 0;
  for (let m = m0; m < m1; m++) s += a[i * Mo + m]!;
  return s;
}

/** Custodial arrests (jail and 287(g) pickups, prisons), and every arrest (custodial, at large, other). */
export const CUSTODIAL_METRICS: readonly Metric[] = ['custodialLocal', 'custodial287g', 'custodialPrison'];
export const ARREST_METRICS: readonly Metric[] = [...CUSTODIAL_METRICS, 'atLarge', 'other'];

/** Sum of metrics of one run over AORs (all, or the one at index `a`) and months [m0, m1]. */
export function metricTotal(w: World, r: RunOutput, ms: readonly Metric[], a: number | null = null, m0 = 0, m1 = w.months.length - 1): number {
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  let s = 0;
  for (const m of ms) {
    const mi = METRICS.indexOf(m);
    for (let x = 0; x < A; x++) {
      if (a !== null && x !== a) continue;
      for (let mo = m0; mo <= m1; mo++) s += r.values[(mi * A + x) * Mo + mo]!;
    }
  }
  return s;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function summarize(w: World, runs: readonly RunOutput[], opts: SummaryOptions = {}): SimulationSummary {
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  const mi = (m: Metric): number => METRICS.indexOf(m);
  const cell = (r: RunOutput, m: Metric, a: number, mo: number): number => r.values[(mi(m) * A + a) * Mo + mo]!;
  const sumOf = (r: RunOutput, ms: readonly Metric[], aorFilter?: number): number => {
    let s = 0;
    for (const m of ms) for (let a = 0; a < A; a++) {
      if (aorFilter !== undefined && a !== aorFilter) continue;
      for (let mo = 0; mo < Mo; mo++) s += cell(r, m, a, mo);
    }
    return s;
  };
  const CUST = CUSTODIAL_METRICS;
  const ALL = ARREST_METRICS;
  const across = (f: (r: RunOutput) => number): Interval => interval(runs.map(f));
  const share = (r: RunOutput, ms: readonly Metric[], a?: number): number => {
    const all = sumOf(r, ALL, a);
    return all > 0 ? sumOf(r, ms, a) / all : 0;
  };
  const totals: Totals = {
    custodial: across((r) => sumOf(r, CUST)),
    custodialLocal: across((r) => sumOf(r, ['custodialLocal'])),
    custodial287g: across((r) => sumOf(r, ['custodial287g'])),
    custodialPrison: across((r) => sumOf(r, ['custodialPrison'])),
    atLarge: across((r) => sumOf(r, ['atLarge'])),
    other: across((r) => sumOf(r, ['other'])),
    bookings: across((r) => sumOf(r, ['bookings'])),
    matched: across((r) => sumOf(r, ['matched'])),
    requests: across((r) => sumOf(r, ['requests'])),
    declined: across((r) => sumOf(r, ['declined'])),
    referrals: across((r) => sumOf(r, ['referrals'])),
    missedCapacity: across((r) => sumOf(r, ['missedCapacity'])),
    officerHours: {
      pickup: across((r) => sumOf(r, ['hoursPickup'])), atLarge: across((r) => sumOf(r, ['hoursAtLarge'])),
      in287g: across((r) => sumOf(r, ['hours287g'])), surge: across((r) => sumOf(r, ['hoursSurge'])),
    },
    backlogStart: across((r) => r.ledger.backlogStart),
    backlogEnd: across((r) => r.ledger.backlogEnd),
  };
  const byAor = w.counties.aors.map((aor, a) => ({
    aor,
    custodial: across((r) => sumOf(r, CUST, a)),
    atLarge: across((r) => sumOf(r, ['atLarge'], a)),
    custodialShare: across((r) => share(r, CUST, a)),
    backlogEnd: across((r) => r.backlog[a * Mo + Mo - 1]!),
  }));
  const byAorMonth: AorMonthRow[] = [];
  for (let a = 0; a < A; a++) for (let mo = 0; mo < Mo; mo++) {
    const m = (x: Metric): number => mean(runs.map((r) => cell(r, x, a, mo)));
    byAorMonth.push({
      aor: w.counties.aors[a]!, month: w.months[mo]!,
      custodial: across((r) => CUST.reduce((s, x) => s + cell(r, x, a, mo), 0)), atLarge: across((r) => cell(r, 'atLarge', a, mo)),
      custodialLocal: m('custodialLocal'), custodial287g: m('custodial287g'), custodialPrison: m('custodialPrison'), other: m('other'),
      bookings: m('bookings'), requests: m('requests'), declined: m('declined'), referrals: m('referrals'),
      backlog: across((r) => r.backlog[a * Mo + mo]!),
      hoursPickup: m('hoursPickup'), hoursAtLarge: m('hoursAtLarge'), hours287g: m('hours287g'), hoursSurge: m('hoursSurge'),
    });
  }
  const backlog = w.months.map((month, mo) => ({ month, backlog: across((r) => { let s = 0; for (let a = 0; a < A; a++) s += r.backlog[a * Mo + mo]!; return s; }) }));
  const localByClass = CLASSES.map((k, ki) => ({ class: k, arrests: across((r) => { let s = 0; for (let a = 0; a < A; a++) s += r.localByClass[a * N_CLASSES + ki]!; return s; }) }));
  const localByAorClass = w.counties.aors.flatMap((aor, a) => CLASSES.map((k, ki) => ({ aor, class: k, arrests: across((r) => r.localByClass[a * N_CLASSES + ki]!) })));
  const c = w.counties;
  const byCounty = c.fips.map((fips, i) => ({
    fips, state: c.state[i]!, aor: c.aor[i]!,
    custodial: across((r) => countyMonths(r, w, 'custodial', i)), atLarge: across((r) => countyMonths(r, w, 'atLarge', i)),
  }));
  const out: SimulationSummary = {
    custodialShare: across((r) => share(r, CUST)), atLargeShare: across((r) => share(r, ['atLarge'])),
    totals, byAor, byAorMonth, backlog, localByClass, localByAorClass, byCounty,
    perReplication: {
      custodialShare: runs.map((r) => share(r, CUST)), custodial: runs.map((r) => sumOf(r, CUST)), atLarge: runs.map((r) => sumOf(r, ['atLarge'])),
      backlogEnd: runs.map((r) => r.ledger.backlogEnd),
      hoursPickup: runs.map((r) => sumOf(r, ['hoursPickup'])), hoursAtLarge: runs.map((r) => sumOf(r, ['hoursAtLarge'])),
      hours287g: runs.map((r) => sumOf(r, ['hours287g'])), hoursSurge: runs.map((r) => sumOf(r, ['hoursSurge'])),
    },
  };
  if (opts.countyMonths) {
    const rows: CountyMonthRow[] = [];
    for (let i = 0; i < c.n; i++) for (let mo = 0; mo < Mo; mo++) {
      rows.push({
        fips: c.fips[i]!, state: c.state[i]!, aor: c.aor[i]!, month: w.months[mo]!,
        custodial: across((r) => r.countyCustodial[i * Mo + mo]!), atLarge: across((r) => r.countyAtLarge[i * Mo + mo]!),
      });
    }
    out.byCountyMonth = rows;
  }
  return out;
}
