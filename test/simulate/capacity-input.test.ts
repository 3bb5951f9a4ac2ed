// The held-out year with national monthly arrests as the capacity input (validate.ts), on the seven-county
// fixture (no data needed): records are made by the model itself at known monthly field-hours multipliers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runReplication } from '../../src/simulate/model.js';
import { runReplications } from '../../src/simulate/parallel.js';
import { metricTotal } from '../../src/simulate/results.js';
import type { ObservedMonth } from '../../src/simulate/observed.js';
import { compareYear, nationalMonthlyArrests, yearWithCapacityInput, type Fy2019Validation } from '../../src/simulate/validate.js';
import type { World } from '../../src/simulate/world.js';
import { smallWorld } from './fixture.js';

const SPAN = { from: '2018-10-01', to: '2019-01-31' } as const;
/** ICE's capacity that made the records: below the calibrated level, as in FY2019. */
const TRUTH = [0.8, 0.55, 0.9, 0.65];

/** Mean-field arrests of a world at the TRUTH multipliers, as records by AOR and month. */
function recordsAtTruth(): ObservedMonth[] {
  const w = smallWorld(SPAN.from, SPAN.to);
  w.fieldHoursByMonth = Float64Array.from(TRUTH);
  const out = runReplication(w, null);
  const rows: ObservedMonth[] = [];
  w.counties.aors.forEach((aor, a) => w.months.forEach((month, mo) => {
    const t = (ms: Parameters<typeof metricTotal>[2]) => metricTotal(w, out, ms, a, mo, mo);
    rows.push({ aor, month, local: t(['custodialLocal', 'custodial287g']), prison: t(['custodialPrison']), atLarge: t(['atLarge']), other: t(['other']) });
  }));
  return rows;
}

test('national monthly arrests: every method and area summed by month of the world; other months left out, missing months 0', () => {
  const rows: ObservedMonth[] = [
    { aor: 'HOU', month: '2018-10', local: 5, prison: 2, atLarge: 3, other: 1 },
    { aor: 'SFR', month: '2018-10', local: 1, prison: 0, atLarge: 4, other: 0 },
    { aor: 'SFR', month: '2018-12', local: 2, prison: 1, atLarge: 0, other: 0 },
    { aor: 'SFR', month: '2019-09', local: 9, prison: 9, atLarge: 9, other: 9 },
  ];
  assert.deepEqual([...nationalMonthlyArrests(rows, ['2018-10', '2018-11', '2018-12'])], [['2018-10', 16], ['2018-11', 0], ['2018-12', 3]]);
});

test('capacity input: the monthly multipliers that made the records are recovered, the run at them is the run at the true capacity, and less capacity than calibrated cuts at-large arrests first', async () => {
  const records = recordsAtTruth();
  const w: World = smallWorld(SPAN.from, SPAN.to);
  assert.equal(w.fieldHoursByMonth, null);
  const settings = { seed: 5, replications: 4, threads: 1 };
  const v = await yearWithCapacityInput(w, records, SPAN, settings);
  const national = nationalMonthlyArrests(records, w.months);
  assert.deepEqual(v.capacity.observed, w.months.map((m) => national.get(m)));
  assert.ok(v.capacity.maxRelativeGap < 0.01, `gap ${v.capacity.maxRelativeGap}`);
  v.capacity.scale.forEach((k, i) => assert.ok(Math.abs(k - TRUTH[i]!) < 0.03, `${w.months[i]}: ${k} vs ${TRUTH[i]}`));
  assert.deepEqual(Array.from(w.fieldHoursByMonth!), v.capacity.scale, 'the world keeps the fitted multipliers');

  // The recorded share is the records' own; errors are simulated minus recorded.
  const cust = records.reduce((s, r) => s + r.local + r.prison, 0);
  const all = records.reduce((s, r) => s + r.local + r.prison + r.atLarge + r.other, 0);
  assert.ok(Math.abs(v.national.observed - cust / all) < 1e-12);
  assert.ok(Math.abs(v.national.errorPoints - 100 * (v.national.simulated.mean - v.national.observed)) < 1e-9);
  assert.equal(v.byAor.length, w.counties.aors.length);
  assert.ok(Math.abs(v.aorMaePoints - v.byAor.reduce((s, r) => s + Math.abs(r.errorPoints), 0) / v.byAor.length) < 1e-9);

  // The same seeds at the multipliers that made the records give the same shares.
  const wTruth = smallWorld(SPAN.from, SPAN.to);
  wTruth.fieldHoursByMonth = Float64Array.from(TRUTH);
  const atTruth = compareYear(wTruth, await runReplications(wTruth, settings.seed, settings.replications, { threads: 1 }), records, SPAN);
  assert.ok(Math.abs(v.national.simulated.mean - atTruth.national.simulated.mean) < 0.005, `${v.national.simulated.mean} vs ${atTruth.national.simulated.mean}`);
  v.byAor.forEach((r, a) => assert.ok(Math.abs(r.simulated.mean - atTruth.byAor[a]!.simulated.mean) < 0.02, `${r.key}: ${r.simulated.mean} vs ${atTruth.byAor[a]!.simulated.mean}`));

  // At the calibrated capacity (multiplier 1) the model makes more arrests than the records, at large above all, so its custodial share is lower.
  const w1 = smallWorld(SPAN.from, SPAN.to);
  const forecast = compareYear(w1, await runReplications(w1, settings.seed, settings.replications, { threads: 1 }), records, SPAN);
  const perMonth = (x: Fy2019Validation, k: 'custodialPerMonth' | 'atLargePerMonth') => x.monthly.reduce((s, m) => s + m[k].simulated, 0);
  const atLargeCut = perMonth(forecast, 'atLargePerMonth') - perMonth(v, 'atLargePerMonth');
  const custodialCut = perMonth(forecast, 'custodialPerMonth') - perMonth(v, 'custodialPerMonth');
  assert.ok(atLargeCut > 0 && custodialCut >= 0, `at large ${atLargeCut}, custodial ${custodialCut}`);
  assert.ok(atLargeCut / perMonth(forecast, 'atLargePerMonth') > custodialCut / perMonth(forecast, 'custodialPerMonth'), 'at-large arrests fall by a larger fraction');
  assert.ok(v.national.simulated.mean > forecast.national.simulated.mean);
});
