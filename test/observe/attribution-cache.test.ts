// The kept landmark attribution (src/observe/attribution-cache.ts): a reload of unchanged records reads it back and
// loads the same table as a matching; a damaged or foreign entry is computed anew; each input is part of the key.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadData, openDatabase, query } from '../../src/observe/index.js';
import { run } from '../../src/observe/db.js';
import { attributionKey } from '../../src/observe/attribution-cache.js';
import { FIXTURE_DIR, FIXTURE_MANIFEST, tableChecksums, tempPath } from './helpers.js';

const load = (db: string, attributionCache: string | false) =>
  loadData({ from: FIXTURE_DIR, db, manifest: FIXTURE_MANIFEST, attributionCache, workbookCache: false });
const landmarks = async (path: string) => (await tableChecksums(path)).landmark_county;
const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.parquet'));

test('a reload of unchanged records reads the kept attribution and loads the same landmark table as a matching', async () => {
  const cache = tempPath('attributed');
  const matched = tempPath('matched.duckdb');
  const m = await load(matched, false);
  assert.ok(m.attribution.landmarks > 0 && m.attribution.attributed > 0);
  const want = await landmarks(matched);

  const first = tempPath('first.duckdb');
  assert.deepEqual((await load(first, cache)).attribution, m.attribution);
  assert.equal(entries(cache).length, 1, 'the first load keeps its attribution');
  const second = tempPath('second.duckdb');
  assert.deepEqual((await load(second, cache)).attribution, m.attribution);
  assert.equal(await landmarks(first), want);
  assert.equal(await landmarks(second), want);
  assert.equal((await tableChecksums(second)).arrests_classified, (await tableChecksums(matched)).arrests_classified);

  // The reload read the entry: an entry rewritten in place (same key) shows in the loaded table.
  const entry = join(cache, entries(cache)[0]!);
  const db = await openDatabase(tempPath('edit.duckdb'));
  try {
    await run(db, `COPY (SELECT aor, landmark, NULL AS fips, NULL AS method, NULL AS confidence, 'EDITED IN THE CACHE' AS reason, detail FROM read_parquet('${entry}')) TO '${entry}' (FORMAT parquet)`);
  } finally {
    db.close();
  }
  const third = tempPath('third.duckdb');
  assert.equal((await load(third, cache)).attribution.attributed, 0);
  const read = await openDatabase(third, { readOnly: true });
  try {
    const [row] = await query<{ n: number }>(read, "SELECT count(*) AS n FROM landmark_county WHERE reason = 'EDITED IN THE CACHE'");
    assert.equal(Number(row?.n), m.attribution.landmarks);
  } finally {
    read.close();
  }

  // A damaged entry (not parquet), or one of another shape, is computed anew and rewritten whole.
  writeFileSync(entry, 'PAR1 cut short');
  const fourth = tempPath('fourth.duckdb');
  assert.deepEqual((await load(fourth, cache)).attribution, m.attribution);
  assert.equal(await landmarks(fourth), want);
  const shape = await openDatabase(tempPath('shape.duckdb'));
  try {
    await run(shape, `COPY (SELECT 'ATL' AS aor, NULL AS landmark) TO '${entry}' (FORMAT parquet)`);
  } finally {
    shape.close();
  }
  // A temporary file left by a load killed while writing its entry goes once it is an hour old; a recent one stays.
  const abandoned = join(cache, 'x.parquet.999999.tmp');
  const recent = join(cache, 'y.parquet.999998.tmp');
  writeFileSync(abandoned, 'PAR1');
  writeFileSync(recent, 'PAR1');
  const twoHoursAgo = new Date(Date.now() - 7_200_000);
  utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
  const fifth = tempPath('fifth.duckdb');
  assert.deepEqual((await load(fifth, cache)).attribution, m.attribution);
  assert.equal(await landmarks(fifth), want);
  assert.equal(entries(cache).length, 1);
  assert.equal(existsSync(abandoned), false);
  assert.equal(existsSync(recent), true);
});

test('the key changes with every input file\'s bytes, and is unknown while one is not hashed', () => {
  const inputs = ['ice-foia/arrests.csv.gz', 'geo/uwchr_county_aor.csv', 'census/co-est.csv'];
  const shas = new Map(inputs.map((rel, i) => [rel, String(i).repeat(64)]));
  const base = attributionKey(inputs, shas);
  assert.match(base ?? '', /^[0-9a-f]{64}$/);
  assert.equal(attributionKey([...inputs].reverse(), shas), base, 'the order the files are named in does not matter');
  for (const rel of inputs) {
    assert.notEqual(attributionKey(inputs, new Map([...shas, [rel, 'f'.repeat(64)]])), base, rel);
  }
  assert.equal(attributionKey(inputs, new Map([...shas].slice(1))), undefined);
});
