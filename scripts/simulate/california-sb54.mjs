#!/usr/bin/env node
/**
 * Issue 10's diagnostic: local custodial arrests (CAP Local Incarceration + 287(g) Program) in the
 * California AORs, FY2017 and FY2018 (SB 54 in force from 2018-01-01), recorded and simulated by the
 * calibration's mean-field model over the calibration window. FY2019 is not read.
 * Usage (after `npm run build` and `comity data load`):
 *   node scripts/simulate/california-sb54.mjs [--db PATH] [--calibration FILE]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { openDatabase, resolveDbPath } = await import(join(root, 'dist', 'src', 'observe', 'index.js'));
const { defaultEngine } = await import(join(root, 'dist', 'src', 'law', 'index.js'));
const { dayOf } = await import(join(root, 'dist', 'src', 'law', 'days.js'));
const { loadCountyInputs } = await import(join(root, 'dist', 'src', 'simulate', 'county-inputs.js'));
const { buildWorld, declinedCustodialOf, lawsFor, ratesFrom } = await import(join(root, 'dist', 'src', 'simulate', 'prepare.js'));
const { meanFieldMonths, FIT_WINDOW } = await import(join(root, 'dist', 'src', 'simulate', 'calibrate.js'));
const { observedMonths } = await import(join(root, 'dist', 'src', 'simulate', 'observed.js'));
const { readCalibration } = await import(join(root, 'dist', 'src', 'simulate', 'calibration-file.js'));
const { defaultCalibration } = await import(join(root, 'dist', 'src', 'simulate', 'simulate.js'));
const { CALIFORNIA_AORS } = await import(join(root, 'dist', 'src', 'simulate', 'fit-check.js'));

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const cal = arg('--calibration') ? readCalibration(arg('--calibration')) : defaultCalibration();
const db = await openDatabase(arg('--db') ?? resolveDbPath(), { readOnly: true });
try {
  const counties = await loadCountyInputs(db, 2017);
  const laws = await lawsFor(db, defaultEngine(), counties, dayOf(FIT_WINDOW.from), dayOf(FIT_WINDOW.to));
  const w = buildWorld(counties, laws, ratesFrom(cal, counties.aors), { from: FIT_WINDOW.from, to: FIT_WINDOW.to, surges: [], fieldHoursScale: 1, matchShareScale: 1 }, declinedCustodialOf(cal));
  const obs = await observedMonths(db, 2016, 2018);
  const fyOf = (m) => (Number(m.slice(5, 7)) >= 10 ? Number(m.slice(0, 4)) + 1 : Number(m.slice(0, 4)));
  console.log(`Calibration fitted ${cal.fittedAt} (${cal.spec.name}); declined releases ending in custody: ${declinedCustodialOf(cal).toFixed(4)}.\n`);
  console.log('| AOR | recorded FY2017 | recorded FY2018 | change | simulated FY2017 | simulated FY2018 | change |');
  console.log('|---|---|---|---|---|---|---|');
  for (const aor of CALIFORNIA_AORS) {
    const a = counties.aors.indexOf(aor);
    const sim = meanFieldMonths(w, a).local;
    const s = (fy) => w.months.reduce((t, m, i) => t + (fyOf(m) === fy ? sim[i] : 0), 0);
    const o = (fy) => obs.filter((r) => r.aor === aor && fyOf(r.month) === fy).reduce((t, r) => t + r.local, 0);
    const pct = (x, y) => `${y >= x ? '+' : '−'}${Math.abs(100 * (y / x - 1)).toFixed(0)}%`;
    console.log(`| ${aor} | ${o(2017).toFixed(0)} | ${o(2018).toFixed(0)} | ${pct(o(2017), o(2018))} | ${s(2017).toFixed(0)} | ${s(2018).toFixed(0)} | ${pct(s(2017), s(2018))} |`);
  }
} finally {
  db.close();
}
