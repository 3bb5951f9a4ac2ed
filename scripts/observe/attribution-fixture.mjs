#!/usr/bin/env node
/**
 * Measures the landmark → county attribution on the hand-labelled random fixtures: the tuning sample
 * (test/observe/fixtures/landmarks-random.yaml) and the holdout (landmarks-holdout.yaml, a second draw
 * never tuned against): precision and recall by landmark and by arrest record, overall and for CAP
 * Local Incarceration, with the landmarks the matcher gets wrong. Usage (after `npm run build` and `comity data load`):
 *   node scripts/observe/attribution-fixture.mjs [--db PATH] [--missed]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { attributeLandmark, loadGazetteer, openDatabase, resolveDbPath } = await import(join(root, 'dist', 'src', 'observe', 'index.js'));
const at = process.argv.indexOf('--db');
const dbPath = at > 0 ? process.argv[at + 1] : resolveDbPath().path;
const showMissed = process.argv.includes('--missed');
const fixtures = ['landmarks-random.yaml', 'landmarks-holdout.yaml'];
const db = await openDatabase(dbPath, { readOnly: true });
const gaz = await loadGazetteer(db);
db.close();

export function measure(rows) {
  const m = { n: rows.length, records: 0, attributed: 0, correct: 0, labelled: 0, found: 0, recAttributed: 0, recCorrect: 0, recLabelled: 0, recFound: 0, wrong: [], missed: [] };
  for (const r of rows) {
    const a = attributeLandmark(r.landmark, r.aor, gaz);
    m.records += r.arrests;
    if (r.fips) { m.labelled += 1; m.recLabelled += r.arrests; }
    if (a.fips !== null) {
      m.attributed += 1; m.recAttributed += r.arrests;
      if (a.fips === r.fips) { m.correct += 1; m.recCorrect += r.arrests; } else m.wrong.push(`${r.aor} ${r.landmark}: ${a.fips}, labelled ${r.fips}`);
    }
    if (r.fips && a.fips === r.fips) { m.found += 1; m.recFound += r.arrests; }
    if (r.fips && a.fips === null) m.missed.push(`${r.aor} ${r.landmark}: ${a.reason} ${a.detail}, labelled ${r.fips}`);
  }
  return m;
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
for (const file of fixtures) {
  const labels = parse(readFileSync(join(root, 'test', 'observe', 'fixtures', file), 'utf8')).landmarks;
  console.log(`== ${file}`);
  for (const [label, rows] of [['all methods', labels], ['CAP Local Incarceration', labels.filter((l) => l.method === 'CAP Local Incarceration')]]) {
    const m = measure(rows);
    console.log(`${label}: ${m.n} landmarks (${m.records.toLocaleString('en-US')} arrests), ${m.labelled} labelled with a county`);
    console.log(`  precision ${pct(m.correct, m.attributed)} by landmark (${m.correct}/${m.attributed}), ${pct(m.recCorrect, m.recAttributed)} by record`);
    console.log(`  recall    ${pct(m.found, m.labelled)} by landmark (${m.found}/${m.labelled}), ${pct(m.recFound, m.recLabelled)} by record`);
    if (label === 'all methods') {
      for (const w of m.wrong) console.log(`  wrong: ${w}`);
      if (showMissed) for (const w of m.missed) console.log(`  missed: ${w}`);
    }
  }
}
