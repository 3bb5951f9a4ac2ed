/**
 * Compare two scenarios with common random numbers: both run with the same seed and replications, so
 * each replication's difference isolates the scenarios' difference; intervals are of those differences.
 */
import { interval, type Interval } from './intervals.js';
import type { Metric, RunOutput } from './model.js';
import { ARREST_METRICS, CUSTODIAL_METRICS, metricTotal } from './results.js';
import { prepareScenario, runOptions, type SimulateOptions } from './simulate.js';
import { runReplications } from './parallel.js';
import type { Scenario } from './scenario-schema.js';
import type { World } from './world.js';

export interface Difference { a: Interval; b: Interval; difference: Interval }
export interface Comparison {
  a: { name: string; file: string | null };
  b: { name: string; file: string | null };
  seed: number; replications: number;
  /** B minus A, national. */
  custodial: Difference; atLarge: Difference; custodialShare: Difference; backlogEnd: Difference; officerHoursAtLarge: Difference; referrals: Difference;
  byAor: ({ aor: string } & { custodial: Difference; atLarge: Difference })[];
  note: string;
}

const CUST = CUSTODIAL_METRICS;
const ALL = ARREST_METRICS;
/** A run's total of metrics, nationally or in one AOR (by code). */
const total = (w: World, r: RunOutput, ms: readonly Metric[], aor?: string): number =>
  metricTotal(w, r, ms, aor === undefined ? null : w.counties.aors.indexOf(aor));

function diff(xa: number[], xb: number[]): Difference {
  return { a: interval(xa), b: interval(xb), difference: interval(xb.map((v, i) => v - xa[i]!)) };
}

export async function compareScenarios(a: Scenario, b: Scenario, opts: SimulateOptions & { fileA?: string; fileB?: string }): Promise<Comparison> {
  const seed = opts.seed ?? a.seed;
  const reps = opts.replications ?? a.replications;
  const pa = await prepareScenario(a, { ...opts, scenarioFile: opts.fileA ?? 'A' });
  const ra = await runReplications(pa.world, seed, reps, runOptions(opts));
  const pb = await prepareScenario(b, { ...opts, scenarioFile: opts.fileB ?? 'B' });
  const rb = await runReplications(pb.world, seed, reps, runOptions(opts));
  const per = (p: { world: World }, rs: RunOutput[], f: (w: World, r: RunOutput) => number): number[] => rs.map((r) => f(p.world, r));
  const both = (f: (w: World, r: RunOutput) => number): Difference => diff(per(pa, ra, f), per(pb, rb, f));
  const aors = pa.world.counties.aors.filter((x) => pb.world.counties.aors.includes(x));
  return {
    a: { name: a.name, file: opts.fileA ?? null }, b: { name: b.name, file: opts.fileB ?? null }, seed, replications: reps,
    custodial: both((w, r) => total(w, r, CUST)),
    atLarge: both((w, r) => total(w, r, ['atLarge'])),
    custodialShare: both((w, r) => total(w, r, CUST) / Math.max(1, total(w, r, ALL))),
    backlogEnd: both((_w, r) => r.ledger.backlogEnd),
    officerHoursAtLarge: both((w, r) => total(w, r, ['hoursAtLarge'])),
    referrals: both((w, r) => total(w, r, ['referrals'])),
    byAor: aors.map((aor) => ({ aor, custodial: both((w, r) => total(w, r, CUST, aor)), atLarge: both((w, r) => total(w, r, ['atLarge'], aor)) })),
    note: 'difference = B − A per replication (same seed: common random numbers), with the 5th–95th percentile interval.',
  };
}
