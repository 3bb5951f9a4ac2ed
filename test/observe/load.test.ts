import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DatabaseUnreadableError, LoadError, loadData, openDatabase, openObservatory, query, resolveDataDir, resolveDbPath } from '../../src/observe/index.js';
import { RECORDS, recordsDirWith, recordsRows, tableChecksums, tempPath, withLoadedDb, needsData } from './helpers.js';

// ICE's published totals (ERO annual reports; repeated in the dataset's SOURCE.md).
const PUBLISHED_ARRESTS: Record<number, number> = { 2016: 110104, 2017: 143470, 2018: 158581 };
const PUBLISHED_REMOVALS_FY2016 = 240255;

test('arrest and removal counts equal ICE published totals', needsData, async () => {
  await withLoadedDb(async (db) => {
    const rows = await query<{ fy: number; n: number }>(db, 'SELECT fy, count(*) AS n FROM arrests GROUP BY fy ORDER BY fy');
    for (const [fy, n] of Object.entries(PUBLISHED_ARRESTS)) assert.equal(rows.find((r) => r.fy === Number(fy))?.n, n, `FY${fy}`);
    const [rem] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM removals WHERE fy = 2016');
    assert.equal(rem?.n, PUBLISHED_REMOVALS_FY2016);
  });
});

test('columns are typed, preamble skipped and the redacted birth date dropped', needsData, async () => {
  await withLoadedDb(async (db) => {
    const cols = await query<{ table_name: string; column_name: string; data_type: string }>(
      db,
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('arrests', 'encounters', 'removals', 'trac_detainers_facility', 'pa_detainers')`,
    );
    const type = (t: string, c: string) => cols.find((x) => x.table_name === t && x.column_name === c)?.data_type;
    assert.equal(type('arrests', 'apprehension_date'), 'DATE');
    assert.equal(type('removals', 'removal_date'), 'DATE');
    assert.equal(type('pa_detainers', 'date'), 'DATE');
    assert.equal(type('trac_detainers_facility', 'detainers'), 'BIGINT');
    assert.ok(!cols.some((c) => /birth/i.test(c.column_name)), 'no birth date column');
    const [preamble] = await query<{ n: number }>(db, `SELECT count(*) AS n FROM arrests WHERE landmark LIKE '%ERO-LESA%' OR method = 'Apprehension Method'`);
    assert.equal(preamble?.n, 0);
    // "440,034" in the TRAC file becomes a number. The scrape's repeated rows are dropped: 4,565 rows read, 4,386
    // distinct; the distinct facility rows sum to 1,852,690 detainers (2,004,499 with the repeats).
    const [trac] = await query<{ d: number; y: number }>(db, `SELECT sum(detainers) AS d, sum(custody_yes) AS y FROM trac_detainers_facility WHERE county <> 'All'`);
    assert.deepEqual(trac, { d: 1852690, y: 1058075 });
    const [dropped] = await query<{ rows_read: number; rows_kept: number }>(db, `SELECT rows_read, rows_kept FROM dropped_duplicates WHERE "table" = 'trac_detainers_facility'`);
    assert.deepEqual(dropped, { rows_read: 4565, rows_kept: 4386 });
    // The county table is the distinct facility rows summed: Salt Lake County 7,717 and Prince George's 3,341 (the
    // published rollup, which inherits the repeats, says 84,257 and 36,751).
    const county = async (state: string, name: string) => (await query<{ d: number }>(db, `SELECT detainers AS d FROM trac_detainers_county WHERE state = $s AND county = $c`, { s: state, c: name }))[0]?.d;
    assert.equal(await county('Utah', 'Salt Lake County'), 7717);
    assert.equal(await county('Maryland', "Prince George's County"), 3341);
    const [rollup] = await query<{ d: number }>(db, `SELECT detainers AS d FROM trac_detainers_county_rollup WHERE state = 'Utah' AND county = 'Salt Lake County'`);
    assert.equal(rollup?.d, 84257);
    const [first] = await query<{ d: string }>(db, `SELECT CAST(min(apprehension_date) AS VARCHAR) AS d FROM arrests WHERE fy = 2016`);
    assert.equal(first?.d, '2015-10-01');
  });
});

test('the sources table records every file with its sha256 and rows', needsData, async () => {
  await withLoadedDb(async (db) => {
    const rows = await query<{ file: string; sha256: string; rows: number; known: boolean }>(db, 'SELECT file, sha256, rows, known FROM sources');
    const arrests = rows.find((r) => r.file.endsWith('EROArrests_FY2017.csv.gz'));
    assert.equal(arrests?.rows, 143470);
    assert.match(arrests?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.ok(rows.every((r) => r.known), 'the shared files match the manifest checksums');
  });
});

test('loading twice gives identical tables, and a load cleans up the half-written files of a load that died', async () => {
  const first = await tableChecksums(await RECORDS.dbPath());
  const again = tempPath('again.duckdb');
  // A load killed with kill -9 leaves <db>.loading-<pid> behind; pid 2^22+1 is above Linux's pid_max, so never alive.
  const stale = `${again}.loading-4194305`;
  writeFileSync(stale, 'x'.repeat(1024));
  writeFileSync(`${stale}.wal`, 'x');
  await loadData({ from: RECORDS.dir, db: again, manifest: RECORDS.manifest });
  assert.deepEqual(await tableChecksums(again), first);
  assert.ok(!existsSync(stale) && !existsSync(`${stale}.wal`), 'stale load files removed');
});

test('a truncated file fails naming the file and line, and leaves the previous database intact', async () => {
  const db = tempPath('atomic.duckdb');
  copyFileSync(await RECORDS.dbPath(), db);
  const before = await tableChecksums(db);
  const rel = 'pa-detainers/pa_detainers.csv';
  const dir = recordsDirWith(rel, (target) => {
    const text = readFileSync(join(RECORDS.dir, rel));
    writeFileSync(target, text.subarray(0, Math.floor(text.length / 2) + 7)); // cut in the middle of a row
  });
  await assert.rejects(loadData({ from: dir, db, manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError);
    assert.equal(e.file, rel);
    assert.ok(e.line !== null && e.line > 10, `line ${e.line}`);
    return true;
  });
  assert.deepEqual(await tableChecksums(db), before);
  assert.ok(!existsSync(`${db}.loading-${process.pid}`), 'temp file removed');
});

test('a file that differs from the published one is refused unless --allow-modified, and the database is kept', async () => {
  const db = tempPath('refuse.duckdb');
  copyFileSync(await RECORDS.dbPath(), db);
  const before = await tableChecksums(db);
  const rel = 'pa-detainers/pa_detainers.csv';
  // Cut at a row boundary: every row parses, only the count gives it away.
  const dir = recordsDirWith(rel, (target) => {
    const text = readFileSync(join(RECORDS.dir, rel), 'utf8');
    writeFileSync(target, text.slice(0, text.indexOf('\n', text.length / 2) + 1));
  });
  await assert.rejects(loadData({ from: dir, db, manifest: RECORDS.manifest }), (e: unknown) => e instanceof LoadError && e.file === rel && /differs from the published file/.test(e.message) && /--allow-modified/.test(e.message));
  await assert.rejects(loadData({ from: dir, db, manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.match(e.detail, /modified file loads [\d,]+ rows where the published file has [\d,]+ \(more than 5% apart\)/);
    return true;
  });
  assert.deepEqual(await tableChecksums(db), before);
});

test('a modified file that keeps its rows but breaks the attribution is refused, naming it', async () => {
  const rel = 'census-population/co-est2019-alldata_subset.csv';
  // County names blanked: as many rows, but no landmark can name a county any more.
  const dir = recordsDirWith(rel, (target) => {
    const [head = '', ...rows] = readFileSync(join(RECORDS.dir, rel), 'utf8').split('\n');
    const col = head.split(',').indexOf('CTYNAME');
    writeFileSync(target, [head, ...rows.map((r) => (r === '' ? r : r.split(',').map((v, i) => (i === col ? 'Nowhere' : v)).join(',')))].join('\n'));
  });
  await assert.rejects(loadData({ from: dir, db: tempPath('census.duckdb'), manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.match(e.detail, /places \d+\.\d% of CAP Local Incarceration arrests/);
    return true;
  });
});

test('garbage in the AOR codes YAML names the file and line', async () => {
  const rel = 'geo/uwchr_aor_codes.yaml';
  const dir = recordsDirWith(rel, (target) => writeFileSync(target, 'aor:\n  Atlanta: ATL\n  b: {\n'));
  await assert.rejects(loadData({ from: dir, db: tempPath('yaml.duckdb'), manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.ok(e.line !== null && e.line >= 3, String(e.line));
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
});

test('a truncated gzip file fails naming the file', async () => {
  const rel = 'ice-foia-2019-ICFO-53623/EROArrests_FY2016.csv.gz';
  const dir = recordsDirWith(rel, (target) => writeFileSync(target, readFileSync(join(RECORDS.dir, rel)).subarray(0, Math.floor(readFileSync(join(RECORDS.dir, rel)).length / 2))));
  await assert.rejects(loadData({ from: dir, db: tempPath('gz.duckdb'), manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.match(e.message, /EROArrests_FY2016\.csv\.gz/);
    return true;
  });
});

test('a corrupt value fails naming the file, the line and the column', async () => {
  const rel = 'ice-foia-2019-ICFO-53623/EROArrests_FY2017.csv.gz';
  const dir = recordsDirWith(rel, (target) => {
    const lines = gunzipSync(readFileSync(join(RECORDS.dir, rel))).toString('utf8').split('\n');
    lines[99] = (lines[99] ?? '').replace(/\|\d{1,2}\/\d{1,2}\/\d{4}\|/, '|13/45/20x7|'); // line 100 of the file
    writeFileSync(target, gzipSync(lines.join('\n')));
  });
  await assert.rejects(loadData({ from: dir, db: tempPath('bad.duckdb'), manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.equal(e.line, 100);
    assert.match(e.detail, /apprehension_date/);
    return true;
  });
});

test('a date padded with spaces loads as the same date', async () => {
  const rel = 'ice-foia-2019-ICFO-53623/EROArrests_FY2017.csv.gz';
  let padded = '';
  const dir = recordsDirWith(rel, (target) => {
    const lines = gunzipSync(readFileSync(join(RECORDS.dir, rel))).toString('utf8').split('\n');
    lines[99] = (lines[99] ?? '').replace(/\|(\d{1,2}\/\d{1,2}\/\d{4})\|/, (_, d: string) => {
      padded = d;
      return `|  ${d} |`;
    });
    writeFileSync(target, gzipSync(lines.join('\n')));
  });
  assert.notEqual(padded, '', 'line 100 has a date to pad');
  const db = tempPath('padded.duckdb');
  await loadData({ from: dir, db, manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() });
  assert.equal((await tableChecksums(db)).arrests, (await tableChecksums(await RECORDS.dbPath())).arrests);
});

test('an Area of Responsibility missing from the AOR codes stops the load at its line, rather than loading as blank', async () => {
  const rel = 'ice-foia-2019-ICFO-53623/ICERemovals_FY2018.csv.gz';
  const dir = recordsDirWith(rel, (target) => {
    const lines = gunzipSync(readFileSync(join(RECORDS.dir, rel))).toString('utf8').split('\n');
    lines[249] = (lines[249] ?? '').replace(/^"[^"|]+ Area of Responsibility"/, '"Atlantis Area of Responsibility"'); // line 250
    assert.match(lines[249] ?? '', /^"Atlantis/);
    writeFileSync(target, gzipSync(lines.join('\n')));
  });
  await assert.rejects(loadData({ from: dir, db: tempPath('aor.duckdb'), manifest: RECORDS.manifest, allowModified: true, expectedRows: await recordsRows() }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.equal(e.line, 250);
    assert.match(e.detail, /column aor: unknown Area of Responsibility .*"Atlantis Area of Responsibility"/);
    return true;
  });
});

test('a database path that is a directory, a file that is not DuckDB, and a DuckDB file without the records are clear errors', async () => {
  const dir = tempPath('dir');
  mkdirSync(dir);
  await assert.rejects(loadData({ from: RECORDS.dir, db: dir, manifest: RECORDS.manifest }), (e: unknown) => e instanceof LoadError && /is a directory/.test(e.message));
  const garbage = tempPath('garbage.duckdb');
  writeFileSync(garbage, 'not a database');
  await assert.rejects(openObservatory(garbage), (e: unknown) => e instanceof DatabaseUnreadableError && e.path === garbage);
  const empty = tempPath('empty.duckdb');
  (await openDatabase(empty)).close();
  await assert.rejects(openObservatory(empty), (e: unknown) => e instanceof DatabaseUnreadableError && /no sources table/.test(e.message));
});

test('data directory and database path resolution', () => {
  assert.equal(resolveDataDir('/x/y').origin, 'flag');
  assert.equal(resolveDataDir(undefined, { COMITY_DATA: '/d' }).path, '/d');
  // With neither flag nor variable: a data folder beside the project if there is one, else the download cache.
  const fallback = resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' });
  assert.ok(fallback.origin === 'shared' ? existsSync(fallback.path) : fallback.path === '/xdg/comity/data', JSON.stringify(fallback));
  assert.equal(resolveDbPath(undefined, { XDG_DATA_HOME: '/xdg' }), '/xdg/comity/comity.duckdb');
  assert.equal(resolveDbPath(undefined, { COMITY_DB: '/db/c.duckdb' }), '/db/c.duckdb');
});
