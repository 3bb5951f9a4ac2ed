// Regimes of rates: the calibration's rates change on a day (Executive Order 13768); a run takes the
// regime in force on each day, the months of a fit are assigned to regimes by their last day, and the
// calibration file must give every AOR one fit per regime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf } from '../../src/law/days.js';
import { CalibrationFile } from '../../src/simulate/calibration-file.js';
import { EO_13768, FIT, FIT_WINDOW, fitMethod, fitObjective, monthPlan, type FitSpec } from '../../src/simulate/calibrate.js';
import { CHECK_TEST, CHECK_WINDOW, candidates } from '../../src/simulate/fit-check.js';
import { METRICS, runReplication } from '../../src/simulate/model.js';
import { buildWorld, ratesOfRun } from '../../src/simulate/prepare.js';
import { defaultCalibration } from '../../src/simulate/simulate.js';
import type { AorRates, RateRegime } from '../../src/simulate/world.js';
import { smallWorld } from './fixture.js';

const rates = (n: number, other: number, fieldHours: number): AorRates[] => Array.from({ length: n }, () => ({ matchShare: 0.01, fieldHours, prisonPerDay: 1, otherPerDay: other, otherInflowPerDay: 1 }));

test('a run takes the regime in force on its first day and switches on the day a later one begins', () => {
  const base = smallWorld('2016-12-01', '2017-03-31');
  const n = base.counties.aors.length;
  const schedule: RateRegime[] = [{ from: dayOf('2015-10-01'), rates: rates(n, 2, 50) }, { from: dayOf(EO_13768), rates: rates(n, 5, 80) }];
  const built = buildWorld(base.counties, base.laws, schedule, { from: '2016-12-01', to: '2017-03-31', surges: [], fieldHoursScale: 1, matchShareScale: 1 });
  // No run-in of the caseload: run in, it is worked down to its inflow and the regime's extra hours find no one
  // to arrest (spin-up.test.ts); here the hours must show the switch.
  const w = { ...built, params: { ...built.params, spinUpDays: 0 } };
  assert.equal(w.rates, schedule[0]!.rates);
  assert.deepEqual(w.rateChanges.map((r) => r.from), [dayOf(EO_13768)]);
  // Mean-field: other-method arrests are the regime's rate × days, so the switch shows day by day.
  const out = runReplication(w, null);
  const A = n;
  const Mo = w.months.length;
  const other = (a: number, m: number): number => out.values[(METRICS.indexOf('other') * A + a) * Mo + m]!;
  const hours = (a: number, m: number): number => ['hoursPickup', 'hoursAtLarge'].reduce((s, k) => s + out.values[(METRICS.indexOf(k as 'hoursPickup') * A + a) * Mo + m]!, 0);
  assert.deepEqual(w.months, ['2016-12', '2017-01', '2017-02', '2017-03']);
  for (let a = 0; a < A; a++) {
    assert.ok(Math.abs(other(a, 0) - 31 * 2) < 1e-9, `December ${other(a, 0)}`);
    assert.ok(Math.abs(other(a, 1) - (24 * 2 + 7 * 5)) < 1e-9, `January ${other(a, 1)}`);
    assert.ok(Math.abs(other(a, 2) - 28 * 5) < 1e-9, `February ${other(a, 2)}`);
    // Field hours are spent up to the regime's capacity: more after the switch.
    assert.ok(hours(a, 2) / 28 > hours(a, 0) / 31, `hours/day ${hours(a, 0) / 31} then ${hours(a, 2) / 28}`);
  }
  // A run wholly after the switch has one set of rates and no change; one before the first regime takes the first.
  const after = ratesOfRun(schedule, dayOf('2017-10-01'), dayOf('2018-09-30'));
  assert.equal(after.rates, schedule[1]!.rates);
  assert.equal(after.rateChanges.length, 0);
  const before = ratesOfRun(schedule, dayOf('2014-01-01'), dayOf('2014-12-31'));
  assert.equal(before.rates, schedule[0]!.rates);
  assert.equal(before.rateChanges.length, 0);
});

test('a seed gives the same numbers across a change of regime, and the change alters the draws after it only', () => {
  const base = smallWorld('2017-01-01', '2017-02-28');
  const n = base.counties.aors.length;
  const one = [{ from: dayOf('2015-10-01'), rates: rates(n, 2, 50) }];
  const two = [...one, { from: dayOf('2017-02-01'), rates: rates(n, 5, 80) }];
  const span = { from: '2017-01-01', to: '2017-02-28', surges: [], fieldHoursScale: 1, matchShareScale: 1 };
  const w1 = buildWorld(base.counties, base.laws, one, span);
  const w2 = buildWorld(base.counties, base.laws, two, span);
  const key = { seed: 11, replication: 3 };
  const r1 = runReplication(w1, key);
  const r2 = runReplication(w2, key);
  assert.deepEqual(Array.from(runReplication(w2, key).values), Array.from(r2.values));
  // values[(metric * nAor + aor) * nMonths + month]: January (before the change) is the same, February is not.
  const month = (r: typeof r1, m: number): number[] => Array.from(r.values).filter((_, i) => i % 2 === m);
  assert.deepEqual(month(r1, 0), month(r2, 0));
  assert.notDeepEqual(month(r1, 1), month(r2, 1));
});

test('a fit assigns each month to the regime in force on its last day; measured rates skip the month a regime begins in', () => {
  const plan = monthPlan(FIT);
  assert.equal(plan.months.length, 36);
  const jan = plan.months.indexOf('2017-01');
  assert.equal(plan.regimeOf[jan - 1], 0);
  assert.equal(plan.regimeOf[jan], 1);
  assert.equal(plan.whollyIn[jan], null);
  assert.equal(plan.whollyIn[jan - 1], 0);
  assert.equal(plan.whollyIn[jan + 1], 1);
  assert.equal(plan.days.reduce((s, d) => s + d, 0), dayOf(FIT_WINDOW.to) - dayOf(FIT_WINDOW.from) + 1);
  const one: FitSpec = { ...FIT, regimes: [FIT.regimes[0]!] };
  assert.ok(monthPlan(one).regimeOf.every((k) => k === 0));
});

test('the fit check fits before its test year and compares the project\'s way of fitting with the others', () => {
  assert.ok(dayOf(CHECK_WINDOW.to) < dayOf(CHECK_TEST.from));
  assert.ok(!CHECK_WINDOW.fiscalYears.includes(CHECK_TEST.fy) && !CHECK_WINDOW.fiscalYears.includes(2019));
  const cs = candidates(CHECK_WINDOW);
  assert.ok(cs.every((c) => c.spec.window === CHECK_WINDOW && c.spec.regimes[0]!.from === CHECK_WINDOW.from));
  const chosen = cs.filter((c) => c.spec.name === FIT.name);
  assert.equal(chosen.length, 1);
  const { window: _w, regimes: r1, ...rest1 } = chosen[0]!.spec;
  const { window: _f, regimes: r2, ...rest2 } = FIT;
  assert.deepEqual(rest1, rest2);
  assert.deepEqual(r1.slice(1), r2.slice(1));
});

test('the calibration gives every AOR one fit per regime, the last regime beginning on Executive Order 13768', () => {
  const cal = defaultCalibration();
  assert.deepEqual(cal.regimes.map((r) => r.from), FIT.regimes.map((r) => r.from));
  assert.equal(cal.regimes[cal.regimes.length - 1]!.from, EO_13768);
  assert.equal(cal.method, fitMethod(FIT));
  assert.equal(cal.objective, fitObjective(FIT));
  const bad = structuredClone(cal);
  bad.aors.ATL!.regimes.pop();
  const r = CalibrationFile.safeParse(bad);
  assert.equal(r.success, false);
  assert.deepEqual(r.error!.issues[0]!.path, ['aors', 'ATL', 'regimes']);
  const late = structuredClone(cal);
  late.regimes[0]!.from = '2015-11-01';
  assert.equal(CalibrationFile.safeParse(late).success, false);
});
