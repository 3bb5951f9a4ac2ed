// The metrics on the committed fixture (a cut of the real records: Buffalo and Baltimore, New York and Maryland),
// checked against a recomputation straight from the fixture's files. These run on every machine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import {
  CODEBOOK, METRICS, type MetricSpec, agreements287g, describeColumn, writeMetricParquet, arrestsMonthly, atLargeAorMap, atLargeRecent, bookIns, custodialShare, detainersLodged, openDatabase, paDetainerOutcomes,
  parseOptions, query, removalsByThreat,
} from '../../src/observe/index.js';
import { observeRoutes } from '../../src/server/observe-routes.js';
import { FIXTURE_DIR, fixtureDbPath } from './helpers.js';

const file = (rel: string): Buffer => readFileSync(join(FIXTURE_DIR, ...rel.split('/')));
const csv = (rel: string, delimiter = ','): Record<string, string>[] => parse(file(rel), { columns: true, delimiter, relax_quotes: true, skip_empty_lines: true });
const AOR_CODE = new Map(Object.entries((parseYaml(file('geo/uwchr_aor_codes.yaml').toString('utf8')) as { aor: Record<string, string> }).aor).map(([name, code]) => [`${name} Area of Responsibility`, code]));

/** The ICE records of one file: five preamble lines, a header, then pipe-delimited rows. */
function iceRows(rel: string): Record<string, string>[] {
  const text = gunzipSync(file(rel)).toString('utf8').split('\n').slice(5).join('\n');
  return parse(text, { columns: true, delimiter: '|', relax_quotes: true, skip_empty_lines: true });
}

// The published definition (docs/observatory.md), written out here rather than read from the code under test.
const CUSTODIAL = new Set(['CAP Local Incarceration', 'CAP State Incarceration', 'CAP Federal Incarceration', 'Criminal Alien Program', '287(g) Program']);
const AT_LARGE = new Set(['Located', 'Non-Custodial Arrest', 'Probation and Parole', 'Worksite Enforcement']);

async function withFixture<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(await fixtureDbPath(), { readOnly: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

test('custodial share by AOR and year equals a count of the fixture files', async () => {
  await withFixture(async (db) => {
    for (const fy of [2016, 2017, 2018, 2019]) {
      const expected = new Map<string, { total: number; custodial: number; atLarge: number }>();
      for (const r of iceRows(`ice-foia-2019-ICFO-53623/EROArrests_FY${fy}.csv.gz`)) {
        const code = AOR_CODE.get(r['Area of Responsibility'] ?? '') ?? '?';
        const e = expected.get(code) ?? { total: 0, custodial: 0, atLarge: 0 };
        e.total += 1;
        if (CUSTODIAL.has(r['Apprehension Method'] ?? '')) e.custodial += 1;
        if (AT_LARGE.has(r['Apprehension Method'] ?? '')) e.atLarge += 1;
        expected.set(code, e);
      }
      const got = await custodialShare(db, { fy, by: 'aor' });
      assert.deepEqual(
        Object.fromEntries(got.rows.map((r) => [r.key, { total: r.total, custodial: r.custodial, atLarge: r.atLarge }])),
        Object.fromEntries(expected),
        `FY${fy}`,
      );
    }
  });
});

test('removals and detainers lodged equal counts of the fixture files', async () => {
  await withFixture(async (db) => {
    for (const fy of [2016, 2017, 2018, 2019]) {
      const n = iceRows(`ice-foia-2019-ICFO-53623/ICERemovals_FY${fy}.csv.gz`).length;
      const got = await removalsByThreat(db, { fy, by: 'fy' });
      assert.equal(got.rows.reduce((s, r) => s + r.removals, 0), n, `removals FY${fy}`);
    }
    for (const fy of [2016, 2017, 2019]) {
      const rows = iceRows(`ice-foia-2019-ICFO-53623/EROEncounters_FY${fy}.csv.gz`);
      const detainers = rows.filter((r) => Object.values(r).includes('Detainer')).length;
      const got = await detainersLodged(db, { fy, by: 'fy' });
      assert.equal(got.rows.reduce((s, r) => s + r.detainers, 0), detainers, `detainers FY${fy}`);
    }
  });
});

test('the AOR map layer: each county in one AOR, by the 2019 table for the records and by ICE\'s 2025/26 map after, with its AOR\'s figures', async () => {
  const counties = csv('geo/uwchr_county_aor.csv');
  // The 2025/26 map, read from its file: an office names a county of a state, or (county blank) the whole state.
  const offices = csv('geo/ddp_ice_areas_of_responsibility.csv', ', ');
  const stateOf = (name: string): string => name.split(', ').at(-1)!;
  const countyOf = (name: string): string => name.split(', ')[0]!.replace(/ county$/, '');
  const office2025 = (c: Record<string, string>): string | undefined =>
    (offices.find((o) => o.state_name!.toLowerCase() === stateOf(c.name!) && o.county_name!.toLowerCase() === countyOf(c.name!))
      ?? offices.find((o) => o.state_name!.toLowerCase() === stateOf(c.name!) && o.county_name === ''))?.office_name;
  const aggregates = csv('ddp-arrests-aggregates/aor_arrests.csv');
  await withFixture(async (db) => {
    for (const period of ['fy2018', 'y2024'] as const) {
      const m = await atLargeAorMap(db, { period });
      const placed = m.rows.flatMap((r) => r.counties.map((fips) => ({ fips, row: r })));
      assert.equal(new Set(placed.map((p) => p.fips)).size, placed.length, `${period}: no county twice`);
      const figures = await atLargeRecent(db, { by: 'aor', period });
      // The fixture's records are cut to a few AORs: a county whose AOR has no figure is in no row, and a caveat counts it.
      const unplaced = counties.filter((c) => !placed.some((p) => p.fips === c.geoid));
      if (unplaced.length) assert.ok(m.caveats.some((x) => x.startsWith(`${unplaced.length} counties are in an AOR with no figure`)), `${period}: ${m.caveats.join(' | ')}`);
      assert.ok(placed.length > 0);
      for (const c of counties) {
        const row = placed.find((p) => p.fips === c.geoid)?.row;
        if (!row) {
          assert.ok(period === 'fy2018' ? !figures.rows.some((f) => f.key === c.aor) : !aggregates.some((a) => a.window === period && a.aor === office2025(c)), `${c.name} has a figure but no row`);
          continue;
        }
        if (period === 'fy2018') assert.equal(row.key, c.aor, `${c.name} in FY2018`);
        else {
          assert.equal(row.label, office2025(c), `${c.name} in 2024`);
          const published = aggregates.find((a) => a.window === period && a.aor === row.label)!;
          assert.equal(row.arrests, Number(published.arrests));
          assert.equal(row.atLarge, Number(published.arrests_at_large));
        }
        const f = figures.rows.find((r) => r.key === row.key)!;
        assert.deepEqual([row.arrests, row.atLarge, row.atLargeShare], [f.arrests, f.atLarge, f.atLargeShare]);
      }
    }
    // Upstate New York is Buffalo's, the city's five boroughs New York City's, in both maps.
    const y = await atLargeAorMap(db, {});
    assert.equal(y.filters.period, 'y2025');
    assert.ok(y.rows.find((r) => r.key === 'BUF')?.counties.includes('36029'));
    assert.ok(y.rows.find((r) => r.key === 'NYC')?.counties.includes('36061'));
    // Maryland is wholly Baltimore's; New York is split, so no AOR has it whole.
    assert.deepEqual(y.rows.find((r) => r.key === 'BAL')?.states, ['24']);
    assert.ok(y.rows.every((r) => !r.states.includes('36')));
    await assert.rejects(atLargeAorMap(db, { period: 'y2023' as 'y2024' }), /y2023 is not a period/);
  });
});

test('2024–26 aggregates, detention book-ins, 287(g) and Pennsylvania outcomes equal the fixture files', async () => {
  await withFixture(async (db) => {
    const monthly = csv('ddp-arrests-aggregates/arrests_monthly_texas.csv');
    const months = await arrestsMonthly(db, {});
    assert.equal(months.rows.length, monthly.length);
    assert.equal(months.rows.reduce((s, r) => s + r.arrests, 0), Math.round(monthly.reduce((s, r) => s + Number(r.arrests), 0)));
    const aor = csv('ddp-arrests-aggregates/aor_arrests.csv').find((r) => r.window === 'y2024' && r.aor === 'Buffalo');
    const buf = (await atLargeRecent(db, { by: 'aor', area: 'BUF', period: 'y2024' })).rows[0];
    assert.equal(buf?.arrests, Number(aor?.arrests));
    assert.equal(buf?.atLarge, Number(aor?.arrests_at_large));
    // The workbook is ICE's own, whole: its FY2021 ICE book-ins are the published 45,680.
    const fy21 = await bookIns(db, { by: 'fy', fy: 2021 });
    assert.equal(fy21.rows[0]?.ice, 45680);
    const agreements = csv('ice-287g/ice_287g_participating_2026-05-18.csv');
    const byState = await agreements287g(db, { by: 'state' });
    assert.equal(byState.rows.reduce((s, r) => s + r.agreements, 0), agreements.length);
    const pa = csv('pa-detainers/pa_detainers.csv');
    const outcomes = await paDetainerOutcomes(db, { by: 'year' });
    assert.equal(outcomes.rows.reduce((s, r) => s + r.detainers, 0), pa.length);
  });
});

test('every metric answers its default query on the fixture, and the API serves it as JSON and CSV', async () => {
  const app = observeRoutes({ db: await fixtureDbPath() });
  await withFixture(async (db) => {
    for (const m of METRICS as readonly MetricSpec[]) {
      const direct = await m.run(db, parseOptions(m.options, {}) as Record<string, unknown>);
      assert.equal(typeof direct.definition, 'string', m.name);
      const res = await app.request(`/${m.name}`);
      assert.equal(res.status, 200, m.name);
      assert.deepEqual(((await res.json()) as { rows: unknown[] }).rows, JSON.parse(JSON.stringify(direct.rows)), m.name);
      const text = await (await app.request(`/${m.name}?format=csv`)).text();
      // One CSV record per row of the flat table (the rows, or what flatRows makes of them), under one header (none at all for an empty table).
      const flat = m.flatRows?.(direct) ?? direct.rows;
      const records = parse(text, { relax_quotes: true, skip_empty_lines: true }) as string[][];
      assert.equal(records.length, flat.length === 0 ? 0 : flat.length + 1, `${m.name}: CSV records`);
    }
  });
  // A classified arrest is in exactly one class, and the cube sums to the records.
  await withFixture(async (db) => {
    const [row] = await query<{ a: number; c: number }>(db, 'SELECT (SELECT count(*) FROM arrests) AS a, (SELECT sum(n) FROM arrests_cube) AS c');
    assert.equal(row?.a, row?.c);
  });
});

test('the codebook describes every column of every metric, for every grouping, and nothing else', async () => {
  await withFixture(async (db) => {
    for (const m of METRICS as readonly MetricSpec[]) {
      const entry = CODEBOOK[m.name];
      assert.ok(entry, `no codebook entry for ${m.name}`);
      const shape = m.options.shape as Record<string, { def?: unknown }>;
      const groupings = 'by' in shape ? ((z.toJSONSchema(m.options, { io: 'input', unrepresentable: 'any' }) as { properties: { by?: { enum?: string[] } } }).properties.by?.enum ?? []) : [];
      const seen = new Set<string>();
      for (const by of [undefined, ...groupings]) {
        const options = parseOptions(m.options, by ? { by } : {}) as Record<string, unknown>;
        const result = await m.run(db, options);
        for (const row of m.flatRows?.(result) ?? (result.rows as Record<string, unknown>[])) {
          for (const column of Object.keys(row)) {
            assert.ok(describeColumn(m.name, column), `${m.name}${by ? ` by ${by}` : ''}: column ${column} is not in the codebook`);
            seen.add(column);
          }
        }
      }
      // Every documented column appears in some grouping (patterned ones such as "blank *" excepted).
      for (const c of entry.columns) if (!c.column.endsWith(' *')) assert.ok(seen.has(c.column), `${m.name}: codebook column ${c.column} never appears`);
    }
  });
});

test('--format parquet: the rows, typed, with the definition in the file metadata', async () => {
  await withFixture(async (db) => {
    const result = await custodialShare(db, { fy: 2018, by: 'aor' });
    const path = join(tmpdir(), `comity-fixture-${process.pid}.parquet`);
    await writeMetricParquet(result, result.rows as unknown as Record<string, unknown>[], path);
    const rows = await query<{ key: string; total: number }>(db, `SELECT key, total FROM read_parquet('${path}') ORDER BY key`);
    assert.deepEqual(rows, result.rows.map((r) => ({ key: r.key, total: r.total })).sort((a, b) => String(a.key).localeCompare(String(b.key))));
    const meta = await query<{ k: string; v: string }>(db, `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`);
    assert.equal(meta.find((x) => x.k === 'definition')?.v, result.definition);
  });
});
