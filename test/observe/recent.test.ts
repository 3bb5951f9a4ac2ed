// Records after 2019: the DDP arrest aggregates (2024–26) and ICE's detention statistics workbooks (FY2019–FY2026).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  LoadError, MetricInputError, arrestsMonthly, atLargeAorMap, atLargeRecent, bookIns, custodialShare, detentionPopulation, loadData, provenance, query,
} from '../../src/observe/index.js';
import { parseDetentionWorkbook, readDetentionWorkbook, readWorkbookSheets, type Sheet } from '../../src/observe/detention-stats.js';
import { DETENTION_FILES } from '../../src/observe/specs-recent.js';
import { observeRoutes } from '../../src/server/observe-routes.js';
import { DATA_DIR, dataDirWith, loadedDbPath, needsData, tempPath, withLoadedDb } from './helpers.js';

// ICE-arrest book-ins per fiscal year and facility rows per workbook, as ice-detention-stats/SOURCE.md states them.
const ICE_BOOK_INS: Record<number, number> = { 2019: 137084, 2020: 99774, 2021: 45680, 2022: 56867, 2023: 84799, 2024: 90615, 2025: 222832, 2026: 207035 };
const FACILITY_ROWS: Record<number, number> = { 2019: 213, 2020: 170, 2021: 135, 2022: 130, 2023: 115, 2024: 109, 2025: 189, 2026: 203 };

/** The rows of one DDP CSV file, read here independently of the load. */
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(DATA_DIR, 'ddp-arrests-aggregates', name), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}
const sum = (rows: Record<string, string>[], col: string): number => rows.reduce((s, r) => s + Number(r[col]), 0);

test('detention workbooks: ICE book-ins per fiscal year and facility rows equal the published figures', needsData, async () => {
  await withLoadedDb(async (db) => {
    const bookIns = await query<{ fy: number; n: number; months: number }>(
      db,
      `SELECT fy, max(book_ins) FILTER (WHERE month IS NULL) AS n, sum(book_ins) FILTER (WHERE month IS NOT NULL) AS months
       FROM detention_book_ins WHERE agency = 'ICE' GROUP BY fy ORDER BY fy`,
    );
    assert.deepEqual(Object.fromEntries(bookIns.map((r) => [r.fy, r.n])), ICE_BOOK_INS);
    for (const r of bookIns) assert.equal(r.months, r.n, `FY${r.fy}: the months add up to ICE's Total column`);
    const facilities = await query<{ fy: number; n: number }>(db, 'SELECT fy, count(*) AS n FROM detention_facilities GROUP BY fy ORDER BY fy');
    assert.deepEqual(Object.fromEntries(facilities.map((r) => [r.fy, r.n])), FACILITY_ROWS);
    // The per-file row counts in sources agree with the tables.
    const sources = await query<{ file: string; rows: number; known: boolean }>(db, `SELECT file, rows, known FROM sources WHERE "table" = 'detention_facilities' ORDER BY file`);
    assert.deepEqual(sources.map((s) => s.rows), Object.values(FACILITY_ROWS));
    assert.ok(sources.every((s) => s.known));
    const [noState] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM detention_facilities WHERE fy = 2026 AND state IS NULL');
    assert.equal(noState?.n, 1, 'SOURCE.md: one FY2026 row without a state');
  });
});

test('DDP tables: AOR names map to codes (St Paul → SPM, Harlingen → HLG explicitly) and the totals match the files', needsData, async () => {
  await withLoadedDb(async (db) => {
    const aor = await query<{ period: string; n: number; arrests: number; atLarge: number }>(
      db, 'SELECT period, count(DISTINCT aor) AS n, sum(arrests) AS arrests, sum(at_large) AS atLarge FROM ddp_arrests_aor GROUP BY 1 ORDER BY 1',
    );
    const file = csv('aor_arrests.csv');
    for (const r of aor) {
      const rows = file.filter((x) => x.window === r.period);
      assert.equal(r.n, 25);
      assert.equal(r.arrests, sum(rows, 'arrests'));
      assert.equal(r.atLarge, sum(rows, 'arrests_at_large'));
    }
    const names = await query<{ aor: string; aor_name: string }>(db, `SELECT DISTINCT aor, aor_name FROM ddp_arrests_aor WHERE aor_name IN ('St Paul', 'Harlingen') ORDER BY 1`);
    assert.deepEqual(names, [{ aor: 'HLG', aor_name: 'Harlingen' }, { aor: 'SPM', aor_name: 'St Paul' }]);
    // SOURCE.md: the state table sums to the monthly file's arrests with a state, in each window.
    const check = await query<{ period: string; states: number; known: number }>(
      db,
      `SELECT s.period, s.n AS states, m.n AS known FROM (SELECT period, sum(arrests) AS n FROM ddp_arrests_state GROUP BY 1) s
       JOIN (SELECT 'y2024' AS period, sum(state_known) AS n FROM ddp_arrests_monthly WHERE year(month) = 2024
             UNION ALL SELECT 'y2025', sum(state_known) FROM ddp_arrests_monthly WHERE year(month) = 2025
             UNION ALL SELECT 'w2526', sum(state_known) FROM ddp_arrests_monthly WHERE month BETWEEN DATE '2025-08-01' AND DATE '2026-07-01') m USING (period)`,
    );
    assert.equal(check.length, 3);
    for (const c of check) assert.equal(c.states, c.known, c.period);
    const [pr] = await query<{ state: string; fips: string }>(db, `SELECT DISTINCT state, state_fips AS fips FROM ddp_arrests_state WHERE state_name = 'PUERTO RICO'`);
    assert.deepEqual(pr, { state: 'PR', fips: '72' });
  });
});

test('provenance: each new table carries its attribution, and the DDP tables the MIT notice', needsData, async () => {
  await withLoadedDb(async (db) => {
    const rows = await query<{ table: string; attribution: string; license_text: string | null }>(db, 'SELECT "table", attribution, license_text FROM provenance ORDER BY 1');
    const by = Object.fromEntries(rows.map((r) => [r.table, r]));
    for (const t of ['ddp_arrests_aor', 'ddp_arrests_state', 'ddp_arrests_monthly']) {
      assert.match(by[t]?.attribution ?? '', /Deportation Data Project; aggregated by M\. Strasser/);
      assert.equal(by[t]?.license_text, readFileSync(join(DATA_DIR, 'ddp-arrests-aggregates', 'LICENSE-MIT.txt'), 'utf8'));
    }
    for (const t of ['detention_facilities', 'detention_book_ins', 'detention_adp_type']) assert.equal(by[t]?.attribution, 'ICE ERO detention statistics');
    // observe provenance lists each workbook once per table it feeds, and carries the MIT notice with the DDP tables.
    const p = await provenance(db, { table: 'detention_book_ins' });
    assert.equal(p.rows.length, 8);
    assert.ok(p.rows.every((r) => r.known && r.attribution === 'ICE ERO detention statistics'));
    const ddp = await provenance(db, { table: 'ddp_arrests_aor' });
    assert.ok(ddp.caveats.some((c) => /Copyright \(c\) 2026 Markus Strasser/.test(c)));
    await assert.rejects(provenance(db, { table: 'nothing_here' }), (e: unknown) => e instanceof MetricInputError && e.field === 'table');
  });
});

test('a workbook whose table title has changed fails naming the file, the expected title and the sheets searched', needsData, async () => {
  const rel = DETENTION_FILES[0]!;
  const sheets = await readWorkbookSheets(join(DATA_DIR, ...rel.split('/')), rel);
  const known = new Set(['ATL', 'BAL', 'BOS', 'BUF', 'CHI', 'DAL', 'DEN', 'DET', 'ELP', 'HOU', 'LOS', 'MIA', 'NEW', 'NOL', 'NYC', 'PHI', 'PHO', 'SEA', 'SFR', 'SLC', 'SNA', 'SND', 'SPM', 'WAS', 'HLG']);
  assert.equal(parseDetentionWorkbook(rel, sheets, known).bookIns.length > 0, true);
  const edit = (f: (cell: string) => string): Sheet[] =>
    sheets.map((s) => ({ name: s.name, rows: s.rows.map((row) => row.map((c) => (typeof c === 'string' ? f(c) : c))) }));
  const retitled = edit((c) => c.replace('Book-Ins by Arresting Agency', 'Intakes by Agency'));
  assert.throws(() => parseDetentionWorkbook(rel, retitled, known), (e: unknown) => {
    assert.ok(e instanceof LoadError);
    assert.equal(e.file, rel);
    assert.match(e.detail, /no table titled "ICE Initial Book-Ins by Arresting Agency and Month" on any sheet \("Header", /);
    return true;
  });
  // A header that no longer reads Agency, Oct … Sep, Total names the sheet and the row.
  const reheaded = sheets.map((s) => ({ name: s.name, rows: s.rows.map((row) => (row.includes('Agency') && row.includes('Oct') ? row.map((c) => (c === 'Oct' ? 'October' : c)) : row)) }));
  assert.throws(() => parseDetentionWorkbook(rel, reheaded, known), /sheet "Detention FY19", row 19: the header of "ICE Initial Book-Ins by Arresting Agency and Month" should read Agency, Oct, /);
  // An AOR code the codes do not know stops the load at its row.
  assert.throws(() => parseDetentionWorkbook(rel, sheets, new Set(['ATL'])), /sheet "Facilities FY19", row \d+: column AOR: unknown Area of Responsibility code/);
  // A file that is not a workbook.
  const broken = tempPath('broken.xlsx');
  writeFileSync(broken, readFileSync(join(DATA_DIR, ...rel.split('/'))).subarray(0, 5000));
  await assert.rejects(readDetentionWorkbook(broken, rel, known), (e: unknown) => e instanceof LoadError && e.file === rel && /not a readable \.xlsx workbook/.test(e.detail));
});

test('an AOR name in the DDP table that maps to no code stops the load at its line', needsData, async () => {
  const rel = 'ddp-arrests-aggregates/aor_arrests.csv';
  const dir = dataDirWith(rel, (target) => {
    const lines = readFileSync(join(DATA_DIR, rel), 'utf8').split('\n');
    lines[9] = (lines[9] ?? '').replace(/^(\w+),[^,]+,/, '$1,Atlantis,'); // line 10 of the file
    assert.match(lines[9] ?? '', /,Atlantis,/);
    writeFileSync(target, lines.join('\n'));
  });
  await assert.rejects(loadData({ from: dir, db: tempPath('ddp.duckdb'), allowModified: true }), (e: unknown) => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, rel);
    assert.equal(e.line, 10);
    assert.match(e.detail, /column aor: unknown Area of Responsibility .*"Atlantis"/);
    return true;
  });
});

test('at-large-recent: the record-level years agree with custodial-share, the 2024–26 windows with the DDP files', needsData, async () => {
  await withLoadedDb(async (db) => {
    const r = await atLargeRecent(db, { by: 'nation' });
    assert.deepEqual(r.rows.map((x) => x.period), ['fy2016', 'fy2017', 'fy2018', 'fy2019', 'y2024', 'y2025', 'w2526']);
    const byFy = await custodialShare(db, { by: 'fy' });
    for (const row of r.rows.filter((x) => x.period.startsWith('fy'))) {
      const same = byFy.rows.find((x) => `fy${x.key}` === row.period);
      assert.equal(row.arrests, same?.total);
      assert.equal(row.atLarge, same?.atLarge);
      assert.equal((row.custodial ?? 0) + (row.program287g ?? 0), same?.custodial);
      assert.equal(row.otherMethods, same?.other);
    }
    const file = csv('aor_arrests.csv');
    for (const row of r.rows.filter((x) => !x.period.startsWith('fy'))) {
      const rows = file.filter((x) => x.window === row.period);
      assert.equal(row.arrests, sum(rows, 'arrests'));
      assert.equal(row.atLargeShare, Math.round((sum(rows, 'arrests_at_large') / sum(rows, 'arrests')) * 10000) / 10000);
      assert.equal(row.custodial, null, 'DDP does not split the remainder');
    }
    assert.ok(r.caveats.some((c) => /287\(g\) Program and other methods sit together/.test(c)));
    assert.equal(r.period.from, '2015-10-01');
    assert.equal(r.period.to, '2026-07-31');

    // By state, a state written three ways gives the same rows; Texas's 2025 row is the file's.
    const tx = await atLargeRecent(db, { area: 'TX', period: 'y2025,fy2018' });
    assert.deepEqual((await atLargeRecent(db, { area: '48', period: ['y2025', 'fy2018'] })).rows, tx.rows);
    assert.deepEqual((await atLargeRecent(db, { area: 'texas', period: 'y2025,fy2018' })).rows, tx.rows);
    const txFile = csv('state_arrests.csv').find((x) => x.window === 'y2025' && x.state === 'TEXAS');
    assert.equal(tx.rows.find((x) => x.period === 'y2025')?.atLarge, Number(txFile?.arrests_at_large));
    assert.ok(tx.caveats.some((c) => /name no single county/.test(c)), 'the record-level state rows say what they leave out');

    // Harlingen exists only in the 2024–26 rows, and the result says so rather than leaving the years out silently.
    const hlg = await atLargeRecent(db, { area: 'hlg' });
    assert.deepEqual(hlg.rows.map((x) => x.period), ['y2024', 'y2025', 'w2526']);
    assert.ok(hlg.caveats.some((c) => /No arrests for HLG in FY2016.*Harlingen is not an AOR/.test(c)));
  });
});

test('at-large-aor-map: every county in one AOR; the 2025/26 map moves South Texas to Harlingen, the 2019 map does not', needsData, async () => {
  await withLoadedDb(async (db) => {
    const [{ n } = { n: 0 }] = await query<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM county_aor');
    const aorOf = (m: Awaited<ReturnType<typeof atLargeAorMap>>, fips: string) => m.rows.find((r) => r.counties.includes(fips));
    const recent = await atLargeAorMap(db, { period: 'y2025' });
    const records = await atLargeAorMap(db, { period: 'fy2018' });
    for (const m of [recent, records]) {
      const all = m.rows.flatMap((r) => r.counties);
      assert.equal(all.length, n);
      assert.equal(new Set(all).size, n);
    }
    // Cameron County, TX (Brownsville) and Webb County, TX (Laredo): Harlingen's in 2025, San Antonio's or Houston's in 2019.
    for (const fips of ['48061', '48479']) {
      assert.equal(aorOf(recent, fips)?.key, 'HLG', fips);
      assert.ok(['HOU', 'SNA'].includes(aorOf(records, fips)?.key ?? ''), fips);
    }
    // Texas is split in both maps; Connecticut (its planning regions in the county table) is wholly Boston's.
    for (const m of [recent, records]) {
      assert.ok(m.rows.every((r) => !r.states.includes('48')));
      assert.ok(m.rows.find((r) => r.key === 'BOS')?.states.includes('09'));
    }
    const hlg = csv('aor_arrests.csv').find((x) => x.window === 'y2025' && x.aor === 'Harlingen')!;
    assert.deepEqual([aorOf(recent, '48061')?.arrests, aorOf(recent, '48061')?.atLarge], [Number(hlg.arrests), Number(hlg.arrests_at_large)]);
    assert.ok(recent.caveats.some((c) => /moves 25 of 3,223 counties from their 2019 AOR \(to HLG, HOU\)/.test(c)), recent.caveats[1]);
    // Los Angeles County is Los Angeles's in both maps, with the AOR's share of each period.
    const la = (await atLargeRecent(db, { area: 'LOS', period: 'fy2018,y2025' })).rows;
    assert.equal(aorOf(records, '06037')?.atLargeShare, la.find((r) => r.period === 'fy2018')?.atLargeShare);
    assert.equal(aorOf(recent, '06037')?.atLargeShare, la.find((r) => r.period === 'y2025')?.atLargeShare);
  });
});

test('at-large-recent: a county, an unknown period or area, and a by that contradicts the area are input errors', needsData, async () => {
  await withLoadedDb(async (db) => {
    const fails = async (options: Record<string, unknown>, field: string, message: RegExp) =>
      assert.rejects(atLargeRecent(db, options), (e: unknown) => e instanceof MetricInputError && e.field === field && message.test(e.message));
    await fails({ area: '06037' }, 'area', /record-level files end in August 2019; for 2024–26 only AOR and state totals exist/);
    await fails({ by: 'county' }, 'by', /for 2024–26 only AOR and state totals exist/);
    await fails({ period: 'y2023' }, 'period', /y2023 is not a period/);
    await fails({ area: 'Atlantis' }, 'area', /an AOR code .* or a state/);
    await fails({ area: 'LOS', by: 'state' }, 'by', /LOS is an AOR/);
    await fails({ county: '06037' }, 'county', /unknown option/);
  });
});

test('arrests-monthly: 32 months, only August 2026 partial; 2024 adds up to the file; months outside the series are errors', needsData, async () => {
  await withLoadedDb(async (db) => {
    const r = await arrestsMonthly(db);
    assert.equal(r.rows.length, 32);
    assert.deepEqual(r.rows.filter((x) => x.partial).map((x) => x.month), ['2026-08']);
    assert.equal(r.period.to, '2026-08-06');
    const file = csv('arrests_monthly_texas.csv');
    const y2024 = await arrestsMonthly(db, { from: '2024-01', to: '2024-12' });
    assert.equal(y2024.rows.reduce((s, x) => s + x.arrests, 0), sum(file.filter((x) => x.month?.startsWith('2024')), 'arrests'));
    assert.ok(!y2024.caveats.some((c) => /partial/.test(c)));
    await assert.rejects(arrestsMonthly(db, { from: '2019-01' }), (e: unknown) => e instanceof MetricInputError && e.field === 'from' && /end in August 2019/.test(e.message));
    await assert.rejects(arrestsMonthly(db, { to: '2026-09' }), (e: unknown) => e instanceof MetricInputError && e.field === 'to');
    await assert.rejects(arrestsMonthly(db, { from: '2025-05', to: '2025-01' }), (e: unknown) => e instanceof MetricInputError && e.field === 'to');
  });
});

test('book-ins: months add up to the fiscal-year rows; the year to date stops at its data date', needsData, async () => {
  await withLoadedDb(async (db) => {
    const years = await bookIns(db, { by: 'fy' });
    assert.deepEqual(Object.fromEntries(years.rows.map((r) => [r.fy, r.ice])), ICE_BOOK_INS);
    const months = await bookIns(db);
    for (const y of years.rows) {
      const m = months.rows.filter((r) => r.fy === y.fy);
      assert.equal(m.reduce((s, r) => s + (r.total ?? 0), 0), y.total, `FY${y.fy}`);
      for (const r of m) assert.equal((r.ice ?? 0) + (r.cbp ?? 0), r.total, `${r.month}`);
    }
    const fy26 = await bookIns(db, { fy: '2026' });
    assert.equal(fy26.rows.at(-1)?.month, '2026-04');
    assert.deepEqual(fy26.rows.filter((r) => r.partial).map((r) => r.month), ['2026-04']);
    assert.ok(fy26.caveats.some((c) => /FY2026 book-ins run only to 2026-04-04/.test(c)));
    await assert.rejects(bookIns(db, { fy: 2018 }), (e: unknown) => e instanceof MetricInputError && e.field === 'fy' && /FY2019–FY2026/.test(e.message));
  });
});

test('detention population: AOR and type rows add up to the same facility total; ICE\'s national table by month', needsData, async () => {
  await withLoadedDb(async (db) => {
    const byAor = await detentionPopulation(db, { fy: 2025 });
    const byType = await detentionPopulation(db, { by: 'type', fy: 2025 });
    const total = (rows: { adp: number }[]): number => rows.reduce((s, r) => s + r.adp, 0);
    assert.ok(Math.abs(total(byAor.rows) - total(byType.rows)) < 1);
    assert.ok(Math.abs(byAor.rows.reduce((s, r) => s + (r.share ?? 0), 0) - 1) < 0.001);
    assert.equal(byAor.rows.reduce((s, r) => s + (r.facilities ?? 0), 0), FACILITY_ROWS[2025]);
    assert.ok(byAor.rows.some((r) => r.key === 'HLG'));
    const [facilities] = await query<{ adp: number }>(db, 'SELECT sum(adp) AS adp FROM detention_facilities WHERE fy = 2025');
    assert.ok(Math.abs(total(byAor.rows) - (facilities?.adp ?? 0)) < 1);
    const months = await detentionPopulation(db, { by: 'month', fy: 2026 });
    const totals = months.rows.filter((r) => r.key === 'Total' && r.month !== 'FY');
    assert.deepEqual(totals.map((r) => r.month), ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    for (const t of totals) {
      const parts = months.rows.filter((r) => r.month === t.month && r.key !== 'Total');
      assert.ok(Math.abs(total(parts) - t.adp) < 0.5, `${t.month}: facility types add up to the total`);
    }
    await assert.rejects(detentionPopulation(db, { by: 'month', aor: 'LOS' }), (e: unknown) => e instanceof MetricInputError && e.field === 'aor');
    await assert.rejects(detentionPopulation(db, { aor: 'XYZ' }), (e: unknown) => e instanceof MetricInputError && e.field === 'aor');
  });
});

test('HTTP: the new routes answer JSON and CSV, and name the parameter in a 400', needsData, async () => {
  const app = observeRoutes({ db: await loadedDbPath() });
  const res = await app.request('/at-large-recent?by=nation&period=y2024,w2526');
  assert.equal(res.status, 200);
  const body = (await res.json()) as { rows: { period: string }[]; period: { from: string } };
  assert.deepEqual(body.rows.map((r) => r.period), ['y2024', 'w2526']);
  assert.equal(body.period.from, '2024-01-01');
  const county = await app.request('/at-large-recent?area=06037');
  assert.equal(county.status, 400);
  const problem = (await county.json()) as { field: string; detail: string };
  assert.equal(problem.field, 'area');
  assert.match(problem.detail, /only AOR and state totals exist/);
  const csvRes = await app.request('/book-ins?by=fy&format=csv');
  const [head, ...lines] = (await csvRes.text()).trim().split('\n');
  const cols = head!.split(',');
  assert.deepEqual(Object.fromEntries(lines.map((l) => [Number(l.split(',')[cols.indexOf('fy')]), Number(l.split(',')[cols.indexOf('ice')])])), ICE_BOOK_INS);
  assert.equal((await app.request('/arrests-monthly?from=2023-12')).status, 400);
  assert.equal(((await (await app.request('/detention-population?fy=2030')).json()) as { field: string }).field, 'fy');
  assert.equal((await app.request('/detention-population?by=month&fy=2024')).status, 200);
});
