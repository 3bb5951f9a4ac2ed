// The committed calibration: its provenance matches the data manifest, and with the loaded records the
// mean-field model reproduces each AOR's FY2016–18 daily arrests it was fitted to, regime by regime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATA_FILES } from '../../src/observe/manifest.js';
import { defaultEngine } from '../../src/law/index.js';
import { dayOf } from '../../src/law/days.js';
import { defaultCalibration } from '../../src/simulate/simulate.js';
import { loadCountyInputs } from '../../src/simulate/county-inputs.js';
import { buildWorld, declinedCustodialOf, lawsFor, ratesFrom } from '../../src/simulate/prepare.js';
import { fitDeclinedCustodial, recordedLocal, DECLINED_CUSTODIAL_KEY } from '../../src/simulate/declined-custodial.js';
import { meanFieldMonths, monthWeights, FIT_WINDOW, DECLINED_MAX_PASSES, DECLINED_TOLERANCE } from '../../src/simulate/calibrate.js';
import { observedMonths } from '../../src/simulate/observed.js';
import { needsData, withLoadedDb } from '../observe/helpers.js';

const cal = defaultCalibration();

test('the calibration names the records it was fitted on, by sha256 from the manifest', () => {
  assert.ok(cal.data.length >= 4);
  for (const d of cal.data) assert.equal(d.sha256, DATA_FILES.find((f) => f.path === d.path)?.sha256, d.path);
  assert.ok(cal.data.every((d) => !/FY2019/.test(d.path)), 'FY2019 is held out');
  assert.equal(Object.keys(cal.aors).length, 24);
});

test('the fitted AORs reproduce their FY2016–18 arrests in each regime (mean-field, within 15%)', needsData, async () => {
  await withLoadedDb(async (db) => {
    const counties = await loadCountyInputs(db, 2017);
    const from = dayOf(FIT_WINDOW.from);
    const to = dayOf(FIT_WINDOW.to);
    const laws = await lawsFor(db, defaultEngine(), counties, from, to);
    const w = buildWorld(counties, laws, ratesFrom(cal, counties.aors), { from: FIT_WINDOW.from, to: FIT_WINDOW.to, surges: [], fieldHoursScale: 1, matchShareScale: 1 }, declinedCustodialOf(cal));
    assert.equal(w.rateChanges.length, cal.regimes.length - 1, 'the window run crosses every regime');
    const obs = await observedMonths(db, 2016, 2018);
    // The fit matches each month's arrests with the weight the objective gives it.
    const weight = monthWeights(cal.spec.halfLifeMonths, w.months.length);
    cal.regimes.forEach((regime, k) => {
      let within = 0;
      counties.aors.forEach((aor, a) => {
        const sim = meanFieldMonths(w, a);
        const o = obs.filter((r) => r.aor === aor && regime.months.includes(r.month));
        const ix = regime.months.map((m) => w.months.indexOf(m));
        const wOf = (month: string): number => weight[w.months.indexOf(month)]!;
        const oLocal = o.reduce((s, r) => s + wOf(r.month) * r.local, 0);
        const oAtLarge = o.reduce((s, r) => s + wOf(r.month) * r.atLarge, 0);
        const sLocal = ix.reduce((s, m) => s + weight[m]! * sim.local[m]!, 0);
        const sAtLarge = ix.reduce((s, m) => s + weight[m]! * sim.atLarge[m]!, 0);
        if (Math.abs(sLocal - oLocal) <= 0.15 * oLocal && Math.abs(sAtLarge - oAtLarge) <= 0.15 * oAtLarge) within++;
        // The file's own summary of the fit is what the run gives.
        const f = cal.aors[aor]!.regimes[k]!;
        const days = ix.reduce((s, m) => s + weight[m]! * w.monthOfDay.filter((x) => x === m).length, 0);
        assert.ok(Math.abs(f.fitted.localPerDay - sLocal / days) < 1e-6 * (1 + sLocal / days), `${aor} regime ${k}: ${f.fitted.localPerDay} vs ${sLocal / days}`);
        assert.ok(Math.abs(f.observed.localPerDay - oLocal / days) < 1e-6 * (1 + oLocal / days), `${aor} regime ${k}: ${f.observed.localPerDay} vs ${oLocal / days}`);
      });
      assert.ok(within >= 22, `${regime.name}: ${within} of 24 AORs within 15%`);
    });
  });
});

test('the share of declined releases ending in custody is the estimator\'s on the window, with the file\'s own rates', needsData, async () => {
  // The file keeps the fit's counts; the share is their ratio, a small one (fully declining jails rarely see ICE at the door in the records).
  const f = cal.declinedCustodial;
  assert.ok(f, 'the calibration fits the share');
  assert.equal(cal.parameters[DECLINED_CUSTODIAL_KEY], f.value);
  assert.ok(Math.abs(f.value - f.recordedArrests / f.declinedRequests) < 1e-12);
  assert.ok(f.countyMonths >= 100 && f.value > 0 && f.value < 0.5, `${f.value} over ${f.countyMonths} county-months`);
  await withLoadedDb(async (db) => {
    // The share and the rates were alternated until the share settled: with the file's rates the estimator gives it back.
    const counties = await loadCountyInputs(db, 2017);
    const from = dayOf(FIT_WINDOW.from);
    const to = dayOf(FIT_WINDOW.to);
    const laws = await lawsFor(db, defaultEngine(), counties, from, to);
    const sched = ratesFrom(cal, counties.aors);
    const w = buildWorld(counties, laws, sched, { from: FIT_WINDOW.from, to: FIT_WINDOW.to, surges: [], fieldHoursScale: 1, matchShareScale: 1 });
    const again = fitDeclinedCustodial(w, sched, await recordedLocal(db, FIT_WINDOW.from, FIT_WINDOW.to));
    assert.equal(again.countyMonths, f.countyMonths);
    assert.ok(f.passes < DECLINED_MAX_PASSES, `settled in ${f.passes} passes`);
    assert.ok(Math.abs(again.value - f.value) < DECLINED_TOLERANCE, `${again.value} vs ${f.value}`);
  });
});
