#!/usr/bin/env node
/**
 * Measures the landmark → county attribution on the hand-labelled random fixtures: the tuning sample
 * (reference/attribution/landmarks-random.yaml) and the holdout (landmarks-holdout.yaml, a second draw
 * never tuned against): precision and recall by landmark and by arrest record, overall and for CAP
 * Local Incarceration, with the landmarks the matcher gets wrong (and, with --missed, those it misses).
 * Usage (after `npm run build` and `comity data load`):
 *   node scripts/observe/attribution-fixture.mjs [--db PATH] [--missed]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { loadGazetteer, measureAttribution, openDatabase, resolveDbPath } = await import(join(root, 'dist', 'src', 'observe', 'index.js'));
const at = process.argv.indexOf('--db');
const dbPath = at > 0 ? process.argv[at + 1] : resolveDbPath();
const showMissed = process.argv.includes('--missed');
const db = await openDatabase(dbPath, { readOnly: true });
const gaz = await loadGazetteer(db);
db.close();

const pct = (r) => (r === null ? '—' : `${(100 * r).toFixed(1)}%`);
for (const file of ['landmarks-random.yaml', 'landmarks-holdout.yaml']) {
  const labels = parse(readFileSync(join(root, 'reference', 'attribution', file), 'utf8')).landmarks;
  console.log(`== ${file}`);
  for (const [label, rows] of [['all methods', labels], ['CAP Local Incarceration', labels.filter((l) => l.method === 'CAP Local Incarceration')]]) {
    const m = measureAttribution(rows, gaz);
    console.log(`${label}: ${m.landmarks} landmarks (${m.records.toLocaleString('en-US')} arrests), ${m.labelled.landmarks} labelled with a county`);
    console.log(`  precision ${pct(m.precision.landmarks)} by landmark (${m.correct.landmarks}/${m.attributed.landmarks}), ${pct(m.precision.records)} by record`);
    console.log(`  recall    ${pct(m.recall.landmarks)} by landmark (${m.correct.landmarks}/${m.labelled.landmarks}), ${pct(m.recall.records)} by record`);
    if (label === 'all methods') {
      for (const w of m.wrong) console.log(`  wrong: ${w}`);
      if (showMissed) for (const w of m.missed) console.log(`  missed: ${w}`);
    }
  }
}
