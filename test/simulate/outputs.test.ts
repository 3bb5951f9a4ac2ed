// Outputs, parallel replications and the capacity series, on the seven-county fixture (no data needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { runReplication, METRICS } from '../../src/simulate/model.js';
import { runReplications, SimulationAborted } from '../../src/simulate/parallel.js';
import { summarize } from '../../src/simulate/results.js';
import { interval } from '../../src/simulate/intervals.js';
import { simulationCsv, CSV_TABLES } from '../../src/simulate/csv.js';
import { fitMonthlyCapacity, meanFieldNational } from '../../src/simulate/capacity-series.js';
import { withRecorded287g, recordedYearOn } from '../../src/simulate/g287-recorded.js';
import { countyInputsFromRows } from '../../src/simulate/county-inputs.js';
import { N_CLASSES } from '../../src/simulate/classes.js';
import { dayOf } from '../../src/law/days.js';
import type { SimulationResult } from '../../src/simulate/simulate.js';
import { ROWS, smallWorld } from './fixture.js';

const world = smallWorld();

test('replications on 2 worker threads give the numbers of one thread, in the same order', async () => {
  const one = await runReplications(world, 11, 3, { threads: 1 });
  const two = await runReplications(world, 11, 3, { threads: 2 });
  assert.equal(two.length, 3);
  for (let r = 0; r < 3; r++) {
    assert.deepEqual(two[r]!.values, one[r]!.values, `replication ${r}`);
    assert.deepEqual(two[r]!.countyAtLarge, one[r]!.countyAtLarge);
    assert.deepEqual(two[r]!.countyByClass, one[r]!.countyByClass);
    assert.deepEqual(two[r]!.ledger, one[r]!.ledger);
  }
  assert.notDeepEqual(one[0]!.values, one[1]!.values, 'replications differ from each other');
});

test('per-replication figures: their intervals are the summary\'s, and two runs of one seed pair replication by replication', async () => {
  const a = summarize(world, await runReplications(world, 5, 6, { threads: 1 }));
  assert.equal(a.perReplication.custodialShare.length, 6);
  assert.deepEqual(interval(a.perReplication.custodialShare), a.custodialShare);
  assert.deepEqual(interval(a.perReplication.atLarge), a.totals.atLarge);
  assert.deepEqual(interval(a.perReplication.hoursAtLarge), a.totals.officerHours.atLarge);
  assert.deepEqual(interval(a.perReplication.backlogEnd), a.totals.backlogEnd);
  // A surge changes B; with the same seed the replications' draws are common, so the paired differences vary
  // less than the figures themselves do from replication to replication.
  const surged = smallWorld('2017-10-01', '2018-01-31', [{ name: 's', aors: ['SFR'], from: '2017-11-01', to: '2017-12-31', officerHoursPerDay: 400 }]);
  const b = summarize(surged, await runReplications(surged, 5, 6, { threads: 1 }));
  const d = b.perReplication.atLarge.map((x, i) => x - a.perReplication.atLarge[i]!);
  assert.ok(d.every((x) => x > 0), 'the surge adds at-large arrests in every paired replication');
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  assert.ok(spread(d) < spread(a.perReplication.atLarge), `paired spread ${spread(d)} vs ${spread(a.perReplication.atLarge)}`);
});

test('an aborted run stops with the signal\'s reason, on one thread and on workers', async () => {
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(runReplications(world, 1, 2, { threads: 1, signal: ac.signal }), (e: unknown) => e instanceof Error);
  const later = new AbortController();
  const p = runReplications(world, 1, 40, { threads: 2, signal: later.signal, progress: (_s, done) => { if (done === 1) later.abort(new SimulationAborted('left')); } });
  await assert.rejects(p, (e: unknown) => e instanceof SimulationAborted && e.message === 'left');
});

test('county-month arrests add up to the AOR totals, and local removals by class to the local custodial arrests', () => {
  const r = runReplication(world, { seed: 3, replication: 0 });
  const Mo = world.months.length;
  const A = world.counties.aors.length;
  const s = summarize(world, [r], { countyMonths: true });
  assert.equal(s.byCountyMonth!.length, world.counties.n * Mo);
  for (let a = 0; a < A; a++) {
    const rows = s.byCountyMonth!.filter((x) => x.aor === world.counties.aors[a]);
    const atLarge = rows.reduce((t, x) => t + x.atLarge.mean, 0);
    const aor = s.byAorMonth.filter((x) => x.aor === world.counties.aors[a]);
    assert.equal(atLarge, aor.reduce((t, x) => t + x.atLarge.mean, 0));
    const local = aor.reduce((t, x) => t + x.custodialLocal + x.custodial287g, 0);
    assert.equal(rows.reduce((t, x) => t + x.custodial.mean, 0), local);
    assert.equal(s.localByAorClass.filter((x) => x.aor === world.counties.aors[a]).reduce((t, x) => t + x.arrests.mean, 0), local);
  }
  let byClass = 0;
  for (let i = 0; i < r.countyByClass.length; i++) byClass += r.countyByClass[i]!;
  assert.equal(byClass, s.localByClass.reduce((t, x) => t + x.arrests.mean, 0));
});

test('every CSV table parses, with a header and a 90% interval for its counts', () => {
  const runs = [0, 1, 2].map((replication) => runReplication(world, { seed: 9, replication }));
  const r = summarize(world, runs, { countyMonths: true }) as SimulationResult;
  for (const t of CSV_TABLES) {
    const rows = parse(simulationCsv(r, t), { columns: true }) as Record<string, string>[];
    assert.ok(rows.length > 0, t);
    const keys = Object.keys(rows[0]!);
    const withInterval = keys.filter((k) => keys.includes(`${k}_p05`) && keys.includes(`${k}_p95`));
    assert.ok(withInterval.length >= 1, `${t}: ${keys.join(',')}`);
    for (const row of rows) for (const k of withInterval) assert.ok(Number(row[`${k}_p05`]) <= Number(row[k]) + 1e-9 && Number(row[k]) <= Number(row[`${k}_p95`]) + 1e-9, `${t} ${k}`);
  }
  assert.equal((parse(simulationCsv(r, 'county-month'), { columns: true }) as unknown[]).length, world.counties.n * world.months.length);
  const noMonths = summarize(world, runs) as SimulationResult;
  assert.throws(() => simulationCsv(noMonths, 'county-month'), /countyMonths/);
});

test('the capacity series recovers the monthly field-hours multipliers that produced a national arrest series', () => {
  const w = smallWorld('2017-10-01', '2018-01-31');
  const truth = Float64Array.from([1.4, 0.7, 1.1, 0.9]);
  w.fieldHoursByMonth = truth;
  const target = meanFieldNational(w).all;
  w.fieldHoursByMonth = null;
  const fit = fitMonthlyCapacity(w, new Map(w.months.map((m, i) => [m, target[i]!])), { iterations: 40, tolerance: 1e-6 });
  assert.ok(fit.maxRelativeGap < 1e-4, `gap ${fit.maxRelativeGap}`);
  fit.scale.forEach((k, i) => assert.ok(Math.abs(k - truth[i]!) < 0.02, `${w.months[i]}: ${k} vs ${truth[i]}`));
});

test('recorded 287(g) jails: flagged in the fiscal years the records show, periods split at fiscal years, answers kept', () => {
  const counties = countyInputsFromRows(ROWS);
  const from = dayOf('2016-06-01');
  const to = dayOf('2025-03-01');
  const answers = Uint8Array.from({ length: N_CLASSES * 2 }, (_, i) => i % 3);
  const law = { starts: Int32Array.from([from]), answers, jem: Uint8Array.from([0]) };
  const laws = counties.fips.map(() => law);
  const denver = counties.fips.indexOf('08031');
  const out = withRecorded287g(laws, counties, new Map([['08031', new Set([2017])]]), from, to);
  assert.equal(out[0], law, 'a county without records is left alone');
  const d = out[denver]!;
  const on = (iso: string) => { let p = 0; while (p + 1 < d.starts.length && d.starts[p + 1]! <= dayOf(iso)) p++; return d.jem[p]; };
  assert.equal(on('2016-09-30'), 0, 'FY2016: not recorded');
  assert.equal(on('2016-10-01'), 1, 'FY2017: recorded');
  assert.equal(on('2017-10-01'), 0, 'FY2018: not recorded');
  assert.equal(on('2021-05-01'), 0, 'after FY2018: the FY2018 set');
  for (let p = 0; p < d.starts.length; p++) assert.deepEqual(d.answers.subarray(p * N_CLASSES * 2, (p + 1) * N_CLASSES * 2), answers);
  assert.equal(recordedYearOn(dayOf('2025-01-04')), null, 'the lists decide from their first day');
  assert.equal(recordedYearOn(dayOf('2014-01-01')), 2016);
  assert.equal(recordedYearOn(dayOf('2020-01-01')), 2018);
});

test('a monthly field-hours scale scales that month\'s hours, and a month outside the run is an input error', async () => {
  const { buildWorld } = await import('../../src/simulate/prepare.js');
  const { ScenarioInputError } = await import('../../src/simulate/prepare.js');
  const base = smallWorld('2017-10-01', '2017-11-30');
  const span = { from: '2017-10-01', to: '2017-11-30', surges: [], fieldHoursScale: 1, matchShareScale: 1 };
  const w = buildWorld(base.counties, base.laws, base.rates, { ...span, monthlyFieldHoursScale: { '2017-11': 3 } });
  assert.deepEqual(Array.from(w.fieldHoursByMonth!), [1, 3]);
  const at = (o: ReturnType<typeof runReplication>, m: number) => { const A = w.counties.aors.length; const mi = METRICS.indexOf('hoursAtLarge'); let s = 0; for (let a = 0; a < A; a++) s += o.values[(mi * A + a) * 2 + m]!; return s; };
  const plain = runReplication(base, null);
  const more = runReplication(w, null);
  assert.ok(Math.abs(at(more, 0) - at(plain, 0)) < 1e-6, 'October unchanged');
  assert.ok(at(more, 1) > 2 * at(plain, 1), 'November: more at-large officer-hours');
  assert.throws(() => buildWorld(base.counties, base.laws, base.rates, { ...span, monthlyFieldHoursScale: { '2018-05': 2 } }), (e: unknown) => e instanceof ScenarioInputError && /2018-05 is outside the run \(2017-10 to 2017-11\)/.test(e.message));
});
