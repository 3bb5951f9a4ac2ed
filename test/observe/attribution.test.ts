import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { attributeLandmark, loadGazetteer, query } from '../../src/observe/index.js';
import { withLoadedDb, needsData } from './helpers.js';

interface Label {
  aor: string;
  landmark: string;
  fips: string | null;
}
// The fixture is YAML beside the test sources (test/observe/fixtures), read from the project tree.
const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'observe', 'fixtures', 'landmarks.yaml');
const labels = (parse(readFileSync(fixture, 'utf8')) as { landmarks: Label[] }).landmarks;

/** How many labels the matcher attributes to a county, how many of those to the labelled one, and the misses. */
function precisionOn(labels: readonly Label[], gaz: Awaited<ReturnType<typeof loadGazetteer>>): { attributed: number; correct: number; wrong: string[] } {
  let attributed = 0;
  let correct = 0;
  const wrong: string[] = [];
  for (const l of labels) {
    const a = attributeLandmark(l.landmark, l.aor, gaz);
    if (a.fips === null) continue;
    attributed += 1;
    if (a.fips === l.fips) correct += 1;
    else wrong.push(`${l.aor} ${l.landmark}: got ${a.fips}, labelled ${String(l.fips)}`);
  }
  return { attributed, correct, wrong };
}

test('the hand-labelled sample: at least 60 landmarks, precision >= 95%', needsData, async () => {
  assert.ok(labels.length >= 60, `${labels.length} labels`);
  await withLoadedDb(async (db) => {
    const gaz = await loadGazetteer(db);
    const { attributed, correct, wrong } = precisionOn(labels, gaz);
    assert.ok(attributed >= 30, `only ${attributed} of the sample attributed`);
    assert.ok(correct / attributed >= 0.95, `precision ${correct}/${attributed}; wrong: ${wrong.join('; ')}`);
  });
});

test('at least 65% of CAP Local Incarceration arrests are attributed to a county', needsData, async () => {
  await withLoadedDb(async (db) => {
    const [row] = await query<{ n: number; d: number }>(
      db,
      `SELECT count(l.fips) AS n, count(*) AS d FROM arrests t
       LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark
       WHERE t.method = 'CAP Local Incarceration'`,
    );
    assert.ok(row && row.n / row.d >= 0.65, `rate ${row?.n}/${row?.d}`);
  });
});

test('each attribution records its method and confidence; non-specific areas are not attributed', needsData, async () => {
  await withLoadedDb(async (db) => {
    const [bad] = await query<{ n: number }>(db, `SELECT count(*) AS n FROM landmark_county WHERE fips IS NOT NULL AND (method IS NULL OR confidence IS NULL)`);
    assert.equal(bad?.n, 0);
    const [generic] = await query<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM landmark_county WHERE landmark LIKE '___ GENERAL AREA, NON-SPECIFIC' AND fips IS NOT NULL`,
    );
    assert.equal(generic?.n, 0);
    const gaz = await loadGazetteer(db);
    const ori = attributeLandmark('SOME JAIL - TX2270000', 'SNA', gaz);
    assert.equal(ori.fips, '48453'); // FBI ORI TX227 = Travis County (FIPS 453 = 2 × 227 − 1)
    assert.equal(attributeLandmark('NSV GENERAL AREA, NON-SPECIFIC', 'NOL', gaz).fips, null);
  });
});

// The random fixture (scripts/observe/sample-landmarks.mjs; labels by hand): every method and AOR, not only CAP-local.
interface RandomLabel extends Label { method: string; arrests: number; note: string }
const randomFixture = join(dirname(fixture), 'landmarks-random.yaml');
const random = (parse(readFileSync(randomFixture, 'utf8')) as { landmarks: RandomLabel[] }).landmarks;

test('the random fixture: at least 300 landmarks across 20+ AORs and several methods, each labelled a county or null with its reason', () => {
  assert.ok(random.length >= 300, `${random.length} landmarks`);
  assert.ok(new Set(random.map((l) => l.aor)).size >= 20);
  assert.ok(new Set(random.map((l) => l.method)).size >= 5);
  for (const l of random) {
    assert.ok(l.fips === null || /^\d{5}$/.test(l.fips), `${l.aor} ${l.landmark}: fips ${String(l.fips)}`);
    assert.ok(l.note.length > 3, `${l.aor} ${l.landmark}: a label needs its reason`);
  }
  assert.equal(new Set(random.map((l) => `${l.aor}|${l.landmark}`)).size, random.length);
});

test('on the random fixture, a county the matcher names is the labelled one at least 98% of the time', needsData, async () => {
  await withLoadedDb(async (db) => {
    const gaz = await loadGazetteer(db);
    const { attributed, correct, wrong } = precisionOn(random, gaz);
    assert.ok(attributed >= 100, `only ${attributed} attributed`);
    assert.ok(correct / attributed >= 0.98, `precision ${correct}/${attributed}; wrong: ${wrong.join('; ')}`);
  });
});
