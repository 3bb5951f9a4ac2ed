#!/usr/bin/env node
/**
 * The simulator's fit check (src/simulate/fit-check.ts): each candidate way of calibrating is fitted on
 * FY2016–FY2017 and run over FY2018, and compared with FY2018's records (national custodial share,
 * AOR mean absolute error). FY2019 is not read. Prints a Markdown table (docs/model.md quotes it).
 * Usage (after `npm run build` and `comity data load`):
 *   node scripts/simulate/fit-check.mjs [--db PATH] [--replications N] [--only SUBSTRING]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { openDatabase, resolveDbPath } = await import(join(root, 'dist', 'src', 'observe', 'index.js'));
const { defaultEngine } = await import(join(root, 'dist', 'src', 'law', 'index.js'));
const { fitCheck, CHECK_WINDOW, CHECK_TEST, CALIFORNIA_AORS } = await import(join(root, 'dist', 'src', 'simulate', 'fit-check.js'));
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const replications = Number(arg('--replications') ?? 10);
const only = arg('--only');
const db = await openDatabase(arg('--db') ?? resolveDbPath(), { readOnly: true });
try {
  const rows = await fitCheck({
    db, engine: defaultEngine(), replications, seed: 2019,
    ...(only ? { only: (c) => c.spec.name.includes(only) } : {}),
    progress: (step, done, total) => { if (done === total) process.stderr.write(`${step}: done\n`); },
  });
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const pts = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
  console.log(`Fitted on ${CHECK_WINDOW.from} to ${CHECK_WINDOW.to}; run over ${CHECK_TEST.from} to ${CHECK_TEST.to} (${replications} replications, seed 2019), compared with FY${CHECK_TEST.fy}'s records.\n`);
  console.log('| candidate | FY2018 national share, simulated vs recorded | error, points | AOR mean abs. error, points | simulated / recorded arrests | declined releases in custody (fitted share) | LOS, SFR, SND errors, points |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${pct(r.national.simulated)} vs ${pct(r.national.observed)} | ${pts(r.national.errorPoints)} | ${r.aorMaePoints.toFixed(2)} | ${r.arrestsRatio.toFixed(3)} | ${r.declinedCustodial.toFixed(4)} | ${CALIFORNIA_AORS.map((a) => (a in r.california ? pts(r.california[a]) : '—')).join(', ')} |`);
} finally {
  db.close();
}
