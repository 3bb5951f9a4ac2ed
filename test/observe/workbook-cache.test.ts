// The cache of parsed detention workbooks (src/observe/workbook-cache.ts): a reload of unchanged workbooks reads
// it and loads the same tables; a damaged entry is parsed anew; each input to the parse is part of the key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadData, openDatabase, query } from '../../src/observe/index.js';
import { workbookKey } from '../../src/observe/workbook-cache.js';
import { FIXTURE_DIR, FIXTURE_MANIFEST, tableChecksums, tempPath } from './helpers.js';

const DETENTION = ['detention_facilities', 'detention_book_ins', 'detention_adp_type', 'detention_releases'];
const load = (db: string, workbookCache: string | false) => loadData({ from: FIXTURE_DIR, db, manifest: FIXTURE_MANIFEST, workbookCache });
const pick = (sums: Record<string, string>) => Object.fromEntries(DETENTION.map((t) => [t, sums[t]]));

test('a reload of unchanged workbooks reads the parsed cache and loads the same tables as a parse', async () => {
  const cache = tempPath('parsed');
  const parsed = tempPath('parsed.duckdb');
  await load(parsed, false);
  const first = tempPath('first.duckdb');
  await load(first, cache);
  const entries = readdirSync(cache).filter((f) => f.endsWith('.json'));
  assert.equal(entries.length, FIXTURE_MANIFEST.filter((f) => f.path.endsWith('.xlsx')).length);
  const second = tempPath('second.duckdb');
  await load(second, cache);
  const want = pick(await tableChecksums(parsed));
  assert.ok(Number(want.detention_facilities!.split(':')[0]) > 0);
  assert.deepEqual(pick(await tableChecksums(first)), want);
  assert.deepEqual(pick(await tableChecksums(second)), want);

  // The reload read the entry: an entry edited in place (same key) shows in the loaded table.
  const entry = join(cache, entries[0]!);
  const release = JSON.parse(readFileSync(entry, 'utf8')) as { facilities: { name: string }[] };
  release.facilities[0]!.name = 'EDITED IN THE CACHE';
  writeFileSync(entry, JSON.stringify(release));
  const third = tempPath('third.duckdb');
  await load(third, cache);
  const db = await openDatabase(third, { readOnly: true });
  try {
    const [row] = await query<{ n: number }>(db, "SELECT count(*) AS n FROM detention_facilities WHERE name = 'EDITED IN THE CACHE'");
    assert.equal(Number(row?.n), 1);
  } finally {
    db.close();
  }

  // A damaged entry (cut short, or of another shape) is parsed anew and rewritten whole.
  writeFileSync(entry, '{"file": "ice-detention');
  const fourth = tempPath('fourth.duckdb');
  await load(fourth, cache);
  assert.deepEqual(pick(await tableChecksums(fourth)), want);
  assert.doesNotThrow(() => JSON.parse(readFileSync(entry, 'utf8')));
  writeFileSync(entry, JSON.stringify({ file: 'another.xlsx', fy: 2021, facilities: [], bookIns: [], adpByType: [] }));
  const fifth = tempPath('fifth.duckdb');
  await load(fifth, cache);
  assert.deepEqual(pick(await tableChecksums(fifth)), want);
});

test('the key changes with the workbook\'s bytes, its name and the AOR codes it is checked against', () => {
  const aors = new Set(['ATL', 'BAL']);
  const base = workbookKey('a'.repeat(64), 'ice-detention-stats/FY21-detentionstats.xlsx', aors);
  assert.equal(workbookKey('a'.repeat(64), 'ice-detention-stats/FY21-detentionstats.xlsx', new Set(['BAL', 'ATL'])), base);
  assert.notEqual(workbookKey('b'.repeat(64), 'ice-detention-stats/FY21-detentionstats.xlsx', aors), base);
  assert.notEqual(workbookKey('a'.repeat(64), 'ice-detention-stats/FY22-detentionStats.xlsx', aors), base);
  assert.notEqual(workbookKey('a'.repeat(64), 'ice-detention-stats/FY21-detentionstats.xlsx', new Set(['ATL'])), base);
});
