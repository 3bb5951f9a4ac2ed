// The committed calibration: its provenance matches the data manifest, and with the loaded records the
// mean-field model reproduces each AOR's FY2016–18 daily arrests it was fitted to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATA_FILES } from '../../src/observe/manifest.js';
import { defaultEngine } from '../../src/law/index.js';
import { dayOf } from '../../src/law/days.js';
import { defaultCalibration } from '../../src/simulate/simulate.js';
import { loadCountyInputs } from '../../src/simulate/county-inputs.js';
import { buildWorld, lawsFor, ratesFrom } from '../../src/simulate/prepare.js';
import { meanFieldMonths, FIT_WINDOW } from '../../src/simulate/calibrate.js';
import { observedMonths } from '../../src/simulate/observed.js';
import { needsData, withLoadedDb } from '../observe/helpers.js';

const cal = defaultCalibration();

test('the calibration names the records it was fitted on, by sha256 from the manifest', () => {
  assert.ok(cal.data.length >= 4);
  for (const d of cal.data) assert.equal(d.sha256, DATA_FILES.find((f) => f.path === d.path)?.sha256, d.path);
  assert.ok(cal.data.every((d) => !/FY2019/.test(d.path)), 'FY2019 is held out');
  assert.equal(Object.keys(cal.aors).length, 24);
});

test('the fitted AORs reproduce their FY2016–18 arrests (mean-field, within 15%)', needsData, async () => {
  await withLoadedDb(async (db) => {
    const counties = await loadCountyInputs(db, 2017);
    const from = dayOf(FIT_WINDOW.from);
    const to = dayOf(FIT_WINDOW.to);
    const laws = await lawsFor(db, defaultEngine(), counties, from, to);
    const w = buildWorld(counties, laws, ratesFrom(cal, counties.aors), { from: FIT_WINDOW.from, to: FIT_WINDOW.to, surges: [], fieldHoursScale: 1, matchShareScale: 1 });
    const obs = await observedMonths(db, 2016, 2018);
    let within = 0;
    counties.aors.forEach((aor, a) => {
      const sim = meanFieldMonths(w, a);
      const o = obs.filter((r) => r.aor === aor);
      const oLocal = o.reduce((s, r) => s + r.local, 0);
      const oAtLarge = o.reduce((s, r) => s + r.atLarge, 0);
      const sLocal = sim.local.reduce((s, x) => s + x, 0);
      const sAtLarge = sim.atLarge.reduce((s, x) => s + x, 0);
      if (Math.abs(sLocal - oLocal) <= 0.15 * oLocal && Math.abs(sAtLarge - oAtLarge) <= 0.15 * oAtLarge) within++;
    });
    assert.ok(within >= 22, `${within} of 24 AORs within 15%`);
  });
});
