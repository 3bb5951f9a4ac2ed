import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  attributionCoverage, countyOcdId, MetricInputError, openDatabase, query, recordQuality, agreements287g, custodialShare, detainersLodged, paDetainerOutcomes, policyVsPractice,
  removalsByThreat, sanctuaryLists, tracDetainers,
} from '../../src/observe/index.js';
import { observeRoutes } from '../../src/server/observe-routes.js';
import { copyFileSync, renameSync } from 'node:fs';
import { RECORDS, loadedDbPath, tempPath, withLoadedDb, needsData } from './helpers.js';

test('custodial share by AOR sums to the published FY2018 total and shares add up', needsData, async () => {
  await withLoadedDb(async (db) => {
    const r = await custodialShare(db, { fy: 2018, by: 'aor' });
    assert.equal(r.rows.reduce((s, x) => s + x.total, 0), 158581);
    for (const x of r.rows) {
      assert.equal(x.custodial + x.atLarge + x.other, x.total);
      assert.equal(x.localJail + x.statePrison + x.federalPrison + x.program287g <= x.custodial, true);
    }
    assert.ok(r.rows.some((x) => x.key === 'DAL'));
    // The partial year is said where it applies, and only there.
    assert.ok(!r.caveats.some((c) => /FY2019/.test(c)), r.caveats.join(' | '));
    assert.ok((await custodialShare(db, { fy: 2019, by: 'aor' })).caveats.some((c) => /FY2019 arrest records cover 2018-10-01 to 2019-09-01 only/.test(c)));
    const removals2019 = await removalsByThreat(db, { fy: 2019, by: 'fy' });
    assert.equal(removals2019.rows[0]?.removals, 241513);
    assert.ok(removals2019.caveats.some((c) => /11 months\): 241,513 rows, against 267,258/.test(c)));
    assert.ok(!(await removalsByThreat(db, { fy: 2018, by: 'fy' })).caveats.some((c) => /FY2019/.test(c)));
    assert.ok(!('level1' in (removals2019.rows[0] ?? {})), 'no always-zero level columns');
  });
});

test('custodial share by county and month keep every arrest', needsData, async () => {
  await withLoadedDb(async (db) => {
    for (const by of ['county', 'month', 'state'] as const) {
      const r = await custodialShare(db, { fy: 2016, by, unattributed: true });
      assert.equal(r.rows.reduce((s, x) => s + x.total, 0), 110104, by);
    }
    // By default the arrests naming no single county are left out of state and county rows, and the caveat counts them.
    const states = await custodialShare(db, { fy: 2016, by: 'state' });
    assert.ok(states.rows.every((r) => r.key !== null));
    const left = 110104 - states.rows.reduce((s, x) => s + x.total, 0);
    assert.ok(left > 0 && states.caveats.some((c) => c.startsWith(`${left.toLocaleString('en-US')} arrests (`)), states.caveats.join(' | '));
    // A county filter answers for the county, not the AOR.
    const phl = await custodialShare(db, { fy: 2018, county: '42101' });
    assert.equal(phl.filters.by, 'county');
    assert.equal(phl.rows[0]?.label, 'Philadelphia County, Pennsylvania');
    const phlAor = await custodialShare(db, { fy: 2018, county: '42101', by: 'aor' });
    assert.match(phlAor.rows[0]?.label ?? '', /AOR, only arrests placed in Philadelphia County, Pennsylvania$/);
    // Labels are the Census names; the records naming no single county are one labelled row when asked for.
    const counties = await custodialShare(db, { fy: 2018, by: 'county', unattributed: true });
    assert.equal(counties.rows.find((r) => r.key === '48113')?.label, 'Dallas County, Texas');
    assert.equal(counties.rows.filter((r) => r.key === null).length, 1);
    assert.match(counties.rows.find((r) => r.key === null)?.label ?? '', /no single county/);
    const months = await custodialShare(db, { fy: 2017, by: 'month' });
    assert.equal(months.rows[0]?.key, '2016-10');
    assert.equal(months.rows.length, 12);
  });
});

test('bad metric input is a MetricInputError naming the field', needsData, async () => {
  await withLoadedDb(async (db) => {
    await assert.rejects(custodialShare(db, { fy: 2015 }), (e: unknown) => e instanceof MetricInputError && e.field === 'fy');
    await assert.rejects(custodialShare(db, { by: 'planet' }), (e: unknown) => e instanceof MetricInputError && e.field === 'by');
    const field = (name: string) => (e: unknown) => e instanceof MetricInputError && e.field === name;
    // An unknown area is an error listing the known codes, not an empty table; lower case is accepted.
    await assert.rejects(custodialShare(db, { aor: 'zzz' }), (e: unknown) => field('aor')(e) && /ATL, BAL/.test((e as Error).message));
    assert.ok((await custodialShare(db, { fy: 2018, aor: 'los' })).rows.length > 0);
    await assert.rejects(removalsByThreat(db, { aor: 'XX' }), field('aor'));
    await assert.rejects(custodialShare(db, { county: 'abc' }), field('county'));
    await assert.rejects(agreements287g(db, { signedBefore: 'abc' }), field('signedBefore'));
    await assert.rejects(policyVsPractice(db, { date: '2019-02-31' }), field('date'));
    await assert.rejects(policyVsPractice(db, { counties: ['1'] }), field('county'));
    // A county code no county has is an error, not "(no rows)"; states are accepted as TX, Texas, TEXAS or 48.
    await assert.rejects(custodialShare(db, { county: '99999' }), (e: unknown) => field('county')(e) && /no county has FIPS code 99999/.test((e as Error).message));
    await assert.rejects(policyVsPractice(db, { counties: ['99999'] }), field('county'));
    const utah = (await tracDetainers(db, { by: 'county', state: 'Utah' })).rows;
    for (const s of ['UT', 'ut', 'UTAH', '49']) assert.deepEqual((await tracDetainers(db, { by: 'county', state: s })).rows, utah, s);
    await assert.rejects(tracDetainers(db, { state: 'Texass' }), field('state'));
    const tx = (await agreements287g(db, { by: 'county', state: 'TX' })).rows;
    assert.ok(tx.length > 0);
    assert.deepEqual((await agreements287g(db, { by: 'county', state: 'Texas' })).rows, tx);
  });
});

test('detainers, removals, 287(g), sanctuary lists and policy vs practice return rows with definitions', needsData, async () => {
  await withLoadedDb(async (db) => {
    const lodged = await detainersLodged(db, { fy: 2017, by: 'aor' });
    assert.equal(lodged.rows.reduce((s, x) => s + x.encounters, 0), 439903); // FY2017 encounter rows (SOURCE.md)
    const trac = await tracDetainers(db, { by: 'state' });
    assert.equal(trac.rows.reduce((s, x) => s + x.detainers, 0), 1852690); // distinct rows; 2,004,499 with the scrape's repeats
    assert.equal(trac.rows.find((r) => r.state === 'Utah')?.detainers, 8692);
    assert.equal(trac.rows.find((r) => r.state === 'Maryland')?.detainers, 6187);
    const byCounty = await tracDetainers(db, { by: 'county', state: 'Utah' });
    assert.equal(byCounty.rows.reduce((s, x) => s + x.detainers, 0), 8692);
    const pa = await paDetainerOutcomes(db, { by: 'year' });
    assert.equal(pa.rows.reduce((s, x) => s + x.detainers, 0), 32757);
    assert.equal(pa.rows.reduce((s, x) => s + x.booked, 0), 18143);
    assert.equal(pa.rows.reduce((s, x) => s + x.declined, 0), 225);
    assert.equal(pa.rows.reduce((s, x) => s + x.blank, 0), 11229);
    const removals = await removalsByThreat(db, { fy: 2016, by: 'aor' });
    assert.equal(removals.rows.reduce((s, x) => s + x.removals, 0), 240255);
    const g = await agreements287g(db, { by: 'model' });
    assert.equal(g.rows.reduce((s, x) => s + x.agreements, 0), 1843);
    const lists = await sanctuaryLists(db);
    assert.equal(lists.rows.filter((r) => r.list === 'DOJ 2025-08-05').length, 35);
    assert.ok(lists.rows.some((r) => r.list === 'CIS 2017' && r.countyFips === '06037'));
    // Every DOJ entry resolves to a jurisdiction the engine answers for, with how much of its law is registered.
    const doj = new Map(lists.rows.filter((r) => r.list === 'DOJ 2025-08-05').map((r) => [r.jurisdiction, r]));
    for (const r of doj.values()) {
      assert.ok(r.jurisdictionId && r.hold && r.notifyRelease && r.lawRegisteredAt, JSON.stringify(r));
    }
    assert.equal(doj.get('Cook County, IL')?.jurisdictionId, 'ocd-division/country:us/state:il/county:cook');
    assert.equal(doj.get('Cook County, IL')?.lawRegisteredAt, 'local');
    assert.equal(doj.get('Jersey City, NJ')?.jurisdictionId, 'ocd-division/country:us/state:nj/place:jersey_city');
    assert.equal(doj.get('New York City, NY')?.jurisdictionId, 'ocd-division/country:us/state:ny/place:new_york');
    assert.equal(doj.get('District of Columbia')?.jurisdictionId, 'ocd-division/country:us/district:dc');
    // California's SB 54 forbids holds for civil immigration detainers on the list's date.
    assert.equal(doj.get('California')?.hold, 'MUST_NOT');
    assert.equal(doj.get('Connecticut')?.lawRegisteredAt, 'state'); // C.G.S. § 54-192h (the Trust Act)
    const pvp = await policyVsPractice(db, { fy: 2018, counties: ['48201', '06037'] });
    assert.equal(pvp.rows.length, 2);
    assert.equal(countyOcdId('51760', 'Richmond city'), 'ocd-division/country:us/state:va/place:richmond');
    assert.equal(countyOcdId('22071', 'Orleans Parish'), 'ocd-division/country:us/state:la/county:orleans');
    // The standard request is ICE's usual detainer (I-247A with an I-200): Texas's SB 4 mandates it, California's SB 54 forbids it.
    assert.equal(pvp.rows.find((r) => r.fips === '48201')?.hold, 'MUST');
    assert.equal(pvp.rows.find((r) => r.fips === '06037')?.hold, 'MUST_NOT');
    // FY2018 has no encounter records: detainers lodged are unknown, not zero. FY2019 counts them, cross-checked in SQL.
    assert.ok(pvp.rows.every((r) => r.detainersLodged === null));
    const [dallas] = (await policyVsPractice(db, { fy: 2019, counties: ['48113'] })).rows;
    const [inDallas] = await query<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM encounters t JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark
       WHERE t.fy = 2019 AND t.disposition = 'Detainer' AND l.fips = '48113'`,
    );
    assert.equal(dallas?.detainersLodged, inDallas?.n);
    assert.ok((inDallas?.n ?? 0) > 0);
    for (const r of pvp.rows) {
      assert.match(r.jurisdiction, /^ocd-division\/country:us\/state:(tx|ca)\/county:/);
      assert.equal(r.lawRegisteredAt, 'local'); // Harris and Los Angeles counties have folders of their own
      assert.ok(r.hold === null || ['MUST', 'MAY', 'NOT_REQUIRED', 'MUST_NOT'].includes(r.hold));
    }
  });
});

test('HTTP routes return metrics as JSON and 400 problems on bad parameters', needsData, async () => {
  const app = observeRoutes({ db: await loadedDbPath() });
  const ok = await app.request('/custodial-share?fy=2018&by=aor');
  assert.equal(ok.status, 200);
  const body = (await ok.json()) as { rows: { total: number }[] };
  assert.equal(body.rows.reduce((s, x) => s + x.total, 0), 158581);
  const bad = await app.request('/custodial-share?fy=abc');
  assert.equal(bad.status, 400);
  const problem = (await bad.json()) as { status: number; field: string; title: string; type: string; detail: string };
  assert.equal(problem.status, 400);
  assert.equal(problem.field, 'fy');
  const badBy = await app.request('/removals?by=county');
  assert.equal(badBy.status, 400);
  assert.equal(((await badBy.json()) as { field: string }).field, 'by');
  const coverage = await app.request('/attribution?of=encounters&fy=2017');
  assert.equal(coverage.status, 200);
  const cov = (await coverage.json()) as { rows: { records: number }[] };
  assert.equal(cov.rows.reduce((s, r) => s + r.records, 0), 439903); // every FY2017 encounter, attributed or not
  const badOf = await app.request('/attribution?of=removals');
  assert.equal(badOf.status, 400);
  assert.equal(((await badOf.json()) as { field: string }).field, 'of');
  // ?format=csv: the rows, one header line, the same totals.
  const csv = await app.request('/custodial-share?fy=2018&by=aor&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const [head, ...lines] = (await csv.text()).trim().split('\n');
  const cols = head!.split(',');
  assert.ok(cols.includes('total') && cols.includes('custodialShare'), head);
  assert.equal(lines.reduce((s, l) => s + Number(l.split(',')[cols.indexOf('total')]), 0), 158581);
  const quality = await app.request('/quality?table=arrests&format=csv');
  assert.match((await quality.text()).split('\n')[0]!, /blank aor/);
  assert.equal((await app.request('/custodial-share?format=xml')).status, 400);
  assert.equal((await app.request('/claims?format=csv')).status, 400);
});

test('record quality: identical rows and blanks per year, cross-checked against an exact DISTINCT', needsData, async () => {
  await withLoadedDb(async (db) => {
    const q = await recordQuality(db, { table: 'arrests' });
    assert.deepEqual(q.rows.map((r) => r.fy), [2016, 2017, 2018, 2019]);
    const [exact] = await query<{ identical: number; noAor: number }>(
      db,
      `SELECT count(*) - count(DISTINCT (aor, apprehension_date, method, landmark, operation, disposition, citizenship, gender)) AS identical,
         count(*) FILTER (WHERE aor IS NULL) AS noAor
       FROM arrests WHERE fy = 2016`,
    );
    const fy2016 = q.rows[0];
    assert.equal(fy2016?.rows, 110104);
    assert.equal(fy2016?.identical, exact?.identical);
    assert.equal(fy2016?.blank.aor, exact?.noAor);
    assert.ok((fy2016?.identical ?? 0) > 0, 'the redacted release has rows alike in every field');
    await assert.rejects(recordQuality(db, { table: 'people' }), MetricInputError);
  });
});

test('attribution coverage accounts for every record, and matches the landmark table it summarises', needsData, async () => {
  await withLoadedDb(async (db) => {
    const r = await attributionCoverage(db, { method: 'CAP Local Incarceration' });
    const [expected] = await query<{ total: number; attributed: number }>(
      db,
      `SELECT count(*) AS total, count(l.fips) AS attributed FROM arrests t
       LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark
       WHERE t.method = 'CAP Local Incarceration'`,
    );
    assert.equal(r.rows.reduce((s, x) => s + x.records, 0), expected?.total);
    const attributed = r.rows.filter((x) => !x.outcome.startsWith('none')).reduce((s, x) => s + x.records, 0);
    assert.equal(attributed, expected?.attributed);
    assert.ok(attributed / (expected?.total ?? 1) >= 0.65, 'the issue\'s 65% target');
    // Every unattributed group says why; every attributed group has a confidence.
    for (const x of r.rows) assert.ok(x.outcome.startsWith('none: ') ? x.confidence === null : x.confidence !== null, JSON.stringify(x));
    await assert.rejects(attributionCoverage(db, { of: 'encounters', method: 'Located' }), MetricInputError);
  });
});

test('property: no query string makes an observatory endpoint fail with anything but a 400 problem', async () => {
  const app = observeRoutes({ db: await RECORDS.dbPath() });
  const paths = observeRoutes().routes.map((r) => r.path).filter((p) => p !== '/claims');
  const keys = ['fy', 'by', 'aor', 'county', 'state', 'facility', 'signedBefore', 'date', 'top', 'of', 'method', 'table', 'source', 'area', 'period', 'from', 'to'];
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2016', '2018', '2019', '2015', '2026', '-1', '1e9', 'LOS', 'HLG', 'tx', 'county', 'month', 'nation', 'type', '06037', '2018-02-30', '2024-05', 'y2024,fy2019', 'w2526', "'; DROP TABLE arrests; --"));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 }), async (path, query) => {
      const res = await app.request(`${path}?${new URLSearchParams(query).toString()}`);
      assert.ok(res.status === 200 || res.status === 400, `${path}?${new URLSearchParams(query)} → ${res.status}`);
      if (res.status === 400) assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }),
    { numRuns: 150 },
  );
});

test('the API answers from a database that a new load replaced, without a restart', async () => {
  const path = tempPath('live.duckdb');
  copyFileSync(await RECORDS.dbPath(), path);
  const app = observeRoutes({ db: path });
  const total = async (): Promise<number> => {
    const res = await app.request('/custodial-share?by=fy');
    assert.equal(res.status, 200);
    return ((await res.json()) as { rows: { total: number }[] }).rows.reduce((s, r) => s + r.total, 0);
  };
  const all = await total();
  const fy2016 = await (async () => {
    const db = await openDatabase(path, { readOnly: true });
    const [row] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM arrests WHERE fy = 2016');
    db.close();
    return row?.n ?? 0;
  })();
  assert.ok(fy2016 > 0 && all > fy2016);
  // A stand-in for `comity data load`: another complete database renamed over the file.
  const next = tempPath('next.duckdb');
  copyFileSync(await RECORDS.dbPath(), next);
  const writable = await openDatabase(next);
  await query(writable, 'DELETE FROM arrests_cube WHERE fy = 2016');
  writable.close();
  // Requests in flight across the swap all succeed, on one database or the other.
  const during = Array.from({ length: 8 }, () => total());
  renameSync(next, path);
  const after = Array.from({ length: 8 }, () => total());
  for (const n of await Promise.all(during)) assert.ok(n === all || n === all - fy2016, String(n));
  for (const n of await Promise.all(after)) assert.equal(n, all - fy2016);
});
