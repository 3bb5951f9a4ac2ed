import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Gazetteer, type GazCounty, type GazEntry, type GazPlace } from '../../src/law/gazetteer.js';

/** The repository's gazetteer/ folder (this file runs from dist/test/law/). */
const GAZ_DIR = fileURLToPath(new URL('../../../gazetteer/', import.meta.url));
/** A gazetteer loaded from a private copy of the data, so nothing is cached or parsed yet. */
function coldGazetteer(): { g: Gazetteer; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'comity-gaz-'));
  cpSync(GAZ_DIR, dir, { recursive: true });
  return { g: Gazetteer.load(dir), done: () => rmSync(dir, { recursive: true, force: true }) };
}

const t0 = performance.now();
const gaz = Gazetteer.load();
const loadMs = performance.now() - t0;
const t1 = performance.now();
void gaz.places.length;
const placesMs = performance.now() - t1;

/** Counties and county-equivalents per state, 2020 Census geography (Census totals). */
const COUNTS_2020: Record<string, number> = {
  AL: 67, AK: 30, AZ: 15, AR: 75, CA: 58, CO: 64, CT: 8, DE: 3, DC: 1, FL: 67, GA: 159, HI: 5, ID: 44, IL: 102,
  IN: 92, IA: 99, KS: 105, KY: 120, LA: 64, ME: 16, MD: 24, MA: 14, MI: 83, MN: 87, MS: 82, MO: 115, MT: 56,
  NE: 93, NV: 17, NH: 10, NJ: 21, NM: 33, NY: 62, NC: 100, ND: 53, OH: 88, OK: 77, OR: 36, PA: 67, RI: 5,
  SC: 46, SD: 66, TN: 95, TX: 254, UT: 29, VT: 14, VA: 133, WA: 39, WV: 55, WI: 72, WY: 23,
};

const county = (fips: string) => gaz.byFips(fips) as GazCounty;
const place = (geoid: string) => gaz.byFips(geoid) as GazPlace;

test('loads only once (its load time is reported, not asserted: benchmarks measure speed)', () => {
  assert.equal(Gazetteer.load(), gaz);
  console.log(`gazetteer cold load: counties ${loadMs.toFixed(1)} ms, places ${placesMs.toFixed(1)} ms; ${gaz.counties.length} counties, ${gaz.places.length} places`);
});

test('3,143 counties and equivalents in the 50 states + DC (2020 Census), per state', () => {
  assert.equal(gaz.counties.length, 3143);
  for (const [st, n] of Object.entries(COUNTS_2020)) assert.equal(gaz.countiesOf(st).length, n, st);
  assert.equal(gaz.countiesOf('ca').length, 58);
  assert.equal(Object.values(COUNTS_2020).reduce((a, b) => a + b, 0), 3143);
});

test('every place has a 7-digit GEOID, a state, an OCD id and at least one known county', () => {
  assert.ok(gaz.places.length > 31000, String(gaz.places.length));
  const ids = new Set<string>();
  for (const p of gaz.places) {
    assert.match(p.geoid, /^\d{7}$/);
    assert.ok(p.ocd.startsWith(`ocd-division/country:us/`), p.ocd);
    assert.ok(p.counties.length > 0);
    for (const c of p.counties) assert.equal(county(c.fips)?.state, p.state, `${p.geoid} ${c.fips}`);
    assert.ok(!ids.has(p.ocd) || p.consolidatedWith, `duplicate id ${p.ocd}`);
    ids.add(p.ocd);
  }
});

test('Santa Clara County: FIPS ↔ OCD id ↔ name', () => {
  const c = county('06085');
  assert.equal(c.kind, 'county');
  assert.equal(c.name, 'Santa Clara County');
  assert.equal(c.state, 'CA');
  assert.equal(c.ocd, 'ocd-division/country:us/state:ca/county:santa_clara');
  assert.equal(c.timeZone, 'America/Los_Angeles');
  assert.equal(gaz.byOcd(c.ocd), c);
  assert.deepEqual(gaz.byName('Santa Clara County, CA'), [c]);
  assert.deepEqual(gaz.byName('santa clara county ca'), [c]);
  assert.equal(gaz.label(c), 'Santa Clara County, CA');
  // 'County' left out: the city of Santa Clara has the same name, so both come back.
  const both = gaz.byName('Santa Clara, CA');
  assert.ok(both.includes(c) && both.some((e) => e.kind === 'place' && e.geoid === '0669084'));
  // …but is fine when no place shares the name.
  assert.deepEqual(gaz.byName('Alameda County, California'), [county('06001')]);
  assert.deepEqual(gaz.byName('Tulare, CA').map((e) => e.kind).sort(), ['county', 'place']);
  assert.deepEqual(gaz.byName('Kern, CA'), [county('06029')]);
});

test('San Jose and Palo Alto lie in Santa Clara County', () => {
  const sj = gaz.byName('San Jose, CA');
  assert.equal(sj.length, 1);
  const p = sj[0] as GazPlace;
  assert.equal(p.geoid, '0668000');
  assert.equal(p.name, 'San Jose');
  assert.equal(p.lsad, 'city');
  assert.equal(p.ocd, 'ocd-division/country:us/state:ca/place:san_jose');
  assert.deepEqual(p.counties.map((c) => c.fips), ['06085']);
  assert.deepEqual(gaz.byName('san jose ca'), sj);
  assert.deepEqual(gaz.byName('San José, CA'), sj);
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ca/place:san_jose'), p);
  assert.equal(gaz.label(p), 'San Jose, CA');
  const pa = gaz.byName('Palo Alto, CA')[0] as GazPlace;
  assert.equal(pa.counties[0]!.fips, '06085');
  // Same name in another state.
  assert.ok(gaz.byName('San Jose').length >= 2);
});

test('multi-county places list every county, the largest share first', () => {
  const kc = place('2938000');
  assert.equal(kc.name, 'Kansas City');
  assert.equal(kc.state, 'MO');
  assert.deepEqual(kc.counties.map((c) => c.fips).sort(), ['29037', '29047', '29095', '29165']);
  assert.equal(kc.counties[0]!.fips, '29095'); // Jackson County
  const sum = kc.counties.reduce((a, c) => a + (c.share ?? 0), 0);
  assert.ok(Math.abs(sum - 1) < 0.01, String(sum));
  const aurora = gaz.byName('Aurora, CO')[0] as GazPlace;
  assert.deepEqual(aurora.counties.map((c) => c.fips), ['08005', '08001', '08035']); // Arapahoe, Adams, Douglas
});

test('Philadelphia: the county id and the city id are one jurisdiction', () => {
  const c = gaz.byOcd('ocd-division/country:us/state:pa/county:philadelphia');
  const p = gaz.byOcd('ocd-division/country:us/state:pa/place:philadelphia');
  assert.ok(c && c === p);
  assert.equal(c.kind, 'county');
  assert.ok(c.aliases.includes('ocd-division/country:us/state:pa/place:philadelphia'));
  assert.equal(place('4260000').consolidatedWith, '42101');
  assert.deepEqual(gaz.byName('Philadelphia, PA'), [c]);
  // The same for OCD's own consolidations and for independent cities.
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ca/place:san_francisco'), county('06075'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ak/place:anchorage'), county('02020'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:va/place:richmond'), county('51760'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:va/county:richmond'), county('51159'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:md/county:baltimore_city'), county('24510'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:mo/place:st_louis'), county('29510'));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:mo/county:st_louis'), county('29189'));
  assert.equal(gaz.byOcd('ocd-division/country:us/district:dc'), county('11001'));
  assert.equal(place('1836003').consolidatedWith, '18097');
  assert.equal(place('1836003').relation, 'consolidated-partial');
});

test('New York City spans five counties, each a borough', () => {
  const nyc = gaz.byOcd('ocd-division/country:us/state:ny/place:new_york') as GazPlace;
  assert.equal(nyc.kind, 'place');
  assert.deepEqual(nyc.counties.map((c) => c.fips).sort(), ['36005', '36047', '36061', '36081', '36085']);
  assert.equal(nyc.counties[0]!.fips, '36047'); // Kings has the most people
  assert.equal(nyc.consolidatedWith, undefined);
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ny/borough:brooklyn'), county('36047'));
});

test('time zones: North Dakota as 49 CFR 71.7(a) draws the line', () => {
  const dunn = county('38025');
  assert.equal(dunn.name, 'Dunn County');
  assert.equal(dunn.timeZone, 'America/Denver');
  assert.equal(dunn.otherTimeZones, undefined); // wholly south of Lake Sakakawea and the Little Missouri
  for (const [fips, seatZone] of [['38053', 'America/Chicago'], ['38085', 'America/Chicago']] as const) {
    assert.equal(county(fips).timeZone, seatZone, fips);
    assert.deepEqual(county(fips).otherTimeZones, ['America/Denver'], fips);
  }
  assert.equal(county('38057').timeZone, 'America/North_Dakota/Beulah'); // Mercer, Central since 2010
  assert.equal(county('38059').timeZone, 'America/North_Dakota/New_Salem'); // Morton, Central since 2003
  assert.equal(county('38065').timeZone, 'America/North_Dakota/Center'); // Oliver, Central since 1992
  for (const f of ['38001', '38007', '38011', '38033', '38037', '38041', '38087', '38089']) assert.equal(county(f).timeZone, 'America/Denver', f);
  assert.ok(gaz.counties.every((c) => !/verify/i.test(c.note ?? '')), 'no county note is left to verify');
});

test('time zones: El Paso keeps Mountain time; split counties list the other zone', () => {
  assert.equal(county('48141').timeZone, 'America/Denver');
  assert.equal(county('48001').timeZone, 'America/Chicago');
  const gulf = gaz.byName('Gulf County, FL')[0] as GazCounty;
  assert.equal(gulf.timeZone, 'America/New_York');
  assert.deepEqual(gulf.otherTimeZones, ['America/Chicago']);
  assert.ok(gulf.note);
  assert.equal(county('41045').timeZone, 'America/Boise'); // Malheur
  assert.equal(county('12033').timeZone, 'America/Chicago'); // Escambia, FL
  assert.equal(county('47093').timeZone, 'America/New_York'); // Knox, TN
  assert.equal(county('47157').timeZone, 'America/Chicago'); // Shelby, TN
  assert.equal(county('15003').timeZone, 'Pacific/Honolulu');
  const zones = new Set(gaz.counties.flatMap((c) => [c.timeZone, ...(c.otherTimeZones ?? [])]));
  for (const z of zones) assert.doesNotThrow(() => new Intl.DateTimeFormat('en-US', { timeZone: z }), z);
});

test('Connecticut keeps its eight historical counties, with a note on the planning regions', () => {
  const ct = gaz.countiesOf('CT');
  assert.equal(ct.length, 8);
  assert.ok(ct.every((c) => /^09\d{3}$/.test(c.fips) && c.fips < '09100' && c.note?.includes('planning regions')));
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ct/county:hartford')?.kind, 'county');
});

test('county-equivalents: parishes, boroughs, census areas, independent cities', () => {
  assert.equal(gaz.byOcd('ocd-division/country:us/state:la/parish:orleans'), county('22071'));
  assert.equal(gaz.byName('Kusilvak Census Area, AK')[0], county('02158'));
  assert.equal(county('02158').ocd, 'ocd-division/country:us/state:ak/census_area:kusilvak');
  assert.equal(county('51760').name, 'Richmond city');
  assert.equal(gaz.byName('Orleans Parish, LA')[0], county('22071'));
});

test('suggest: close names for an unknown id or name', () => {
  const s = gaz.suggest('ocd-division/country:us/state:ca/county:santaclara');
  assert.equal(s[0]?.label, 'Santa Clara County, CA');
  assert.equal(s[0]?.ocd, 'ocd-division/country:us/state:ca/county:santa_clara');
  assert.equal(gaz.suggest('Sna Jose, CA')[0]?.label, 'San Jose, CA');
  assert.equal(gaz.suggest('ocd-division/country:us/state:pa/place:philadelfia')[0]?.label, 'Philadelphia County, PA');
  assert.equal(gaz.suggest('x, RI', 3).length, 3);
});

test('property: every county round-trips FIPS ↔ OCD id ↔ name', () => {
  fc.assert(fc.property(fc.constantFrom(...gaz.counties), (c) => {
    assert.equal(gaz.byFips(c.fips), c);
    assert.equal(gaz.byOcd(c.ocd), c);
    for (const a of c.aliases) assert.equal(gaz.byOcd(a), c);
    assert.ok(gaz.byName(gaz.label(c)).includes(c));
  }), { numRuns: 500 });
});

test('property: every place resolves by GEOID and by OCD id (to its county when consolidated)', () => {
  fc.assert(fc.property(fc.constantFrom(...gaz.places), (p) => {
    assert.equal(gaz.byFips(p.geoid), p);
    const e = gaz.byOcd(p.ocd);
    if (p.consolidatedWith) assert.equal(e, gaz.byFips(p.consolidatedWith));
    else assert.equal(e, p);
  }), { numRuns: 1000 });
});

test("byOcd: '_' and '-' are one character in the last segment, and nothing looser", () => {
  const md = county('12086');
  assert.equal(md.ocd, 'ocd-division/country:us/state:fl/county:miami-dade');
  assert.equal(gaz.byOcd('ocd-division/country:us/state:fl/county:miami_dade'), md);
  assert.equal(gaz.byOcd('OCD-Division/country:us/state:FL/county:Miami_Dade'), md);
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ca/county:santa-clara'), county('06085'));
  const aa = gaz.byOcd('ocd-division/country:us/state:ca/cdp:arden_arcade') as GazPlace;
  assert.equal(aa.name, 'Arden-Arcade');
  // Mixed separators in OCD's id: any mix the user types finds it.
  const ap = gaz.byOcd('ocd-division/country:us/state:ca/cdp:aptos_hills_larkin_valley') as GazPlace;
  assert.equal(ap.ocd, 'ocd-division/country:us/state:ca/cdp:aptos_hills-larkin_valley');
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ca/cdp:aptos-hills-larkin-valley'), ap);
  // Only the last segment: the type is not touched, and misspellings still fail.
  assert.equal(gaz.byOcd('ocd-division/country:us/state:ak/census-area:kusilvak'), undefined);
  for (const bad of ['ocd-division/country:us/state:ca/county:santaclara', 'ocd-division/country:us/state:fl/county:miamidade',
    'ocd-division/country:us/state:fl/county:miami__dade', 'ocd-division/country:us/state:fl/county:miami dade',
    'ocd-division/country:us/state:fl/county:miami-dade-', 'ocd-division/country:us/state:ga/county:miami_dade']) {
    assert.equal(gaz.byOcd(bad), undefined, bad);
  }
});

test('places load per state: one look-up reads one state and parses only the rows it finds', () => {
  const { g, done } = coldGazetteer();
  try {
    assert.deepEqual(g.loadedStates(), []);
    const t0 = performance.now();
    const sj = g.byOcd('ocd-division/country:us/state:ca/place:san_jose') as GazPlace;
    const ms = performance.now() - t0;
    assert.equal(sj.geoid, '0668000');
    console.log(`cold look-up of one place: ${ms.toFixed(1)} ms`);
    assert.deepEqual(g.loadedStates(), ['CA']);
    assert.deepEqual(g.parsedStates(), []);
    assert.equal(g.byFips('0668000'), sj);
    assert.equal((g.byFips('06085') as GazCounty).name, 'Santa Clara County');
    assert.equal(g.byOcd('ocd-division/country:us/state:ca/place:san_francisco'), g.byFips('06075'));
    assert.deepEqual(g.loadedStates(), ['CA']);
    // A name with its state builds that state's indexes only; the objects stay the same.
    assert.deepEqual(g.byName('San Jose, CA'), [sj]);
    assert.deepEqual(g.parsedStates(), ['CA']);
    assert.equal(g.byOcd('ocd-division/country:us/state:ca/place:san_jose'), sj);
    assert.equal((g.byFips('4835000') as GazPlace).name, 'Houston');
    assert.deepEqual(g.loadedStates(), ['CA', 'TX']);
    assert.equal(g.suggest('Sna Jose, CA')[0]?.label, 'San Jose, CA');
    assert.deepEqual(g.loadedStates(), ['CA', 'TX']);
    // The full list is built from the same objects.
    assert.equal(g.places.find((p) => p.geoid === '0668000'), sj);
    assert.equal(g.places.length, gaz.places.length);
    assert.equal(g.loadedStates().length, 51);
  } finally {
    done();
  }
});

test('gazetteer/places/<st>.tsv: every row in its state file; every place id names its own state', () => {
  const files = readdirSync(join(GAZ_DIR, 'places')).sort();
  assert.equal(files.length, 51);
  let rows = 0;
  for (const f of files) {
    const st = f.replace(/\.tsv$/, '').toUpperCase();
    for (const line of readFileSync(join(GAZ_DIR, 'places', f), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      assert.equal(line.split('\t')[1], st, `${f}: ${line.slice(0, 40)}`);
      rows++;
    }
  }
  assert.equal(rows, gaz.places.length);
  // byOcd looks for a place id only in the state its id names: true of every id and alias.
  const stateOf = (id: string) => /^ocd-division\/country:us\/(?:state:([a-z]{2})|district:(dc))/.exec(id)?.slice(1).find(Boolean)?.toUpperCase();
  for (const p of gaz.places) for (const id of [p.ocd, ...p.aliases]) assert.equal(stateOf(id), p.state, `${p.geoid} ${id}`);
});

test('cold look-ups (text search, no index) agree with the full indexes', () => {
  const { g, done } = coldGazetteer();
  try {
    const same = (a: GazEntry | undefined, b: GazEntry | undefined, what: string) =>
      assert.equal(a && (a.kind === 'county' ? a.fips : a.geoid), b && (b.kind === 'county' ? b.fips : b.geoid), what);
    for (const c of gaz.counties) {
      same(g.byFips(c.fips), c, c.fips);
      for (const id of [c.ocd, ...c.aliases]) same(g.byOcd(id), gaz.byOcd(id), id);
    }
    const sample = gaz.places.filter((p, i) => i % 20 === 0 || p.aliases.length || p.consolidatedWith || p.ocd.split('/').length > 4);
    for (const p of sample) {
      same(g.byFips(p.geoid), p, p.geoid);
      for (const id of [p.ocd, ...p.aliases]) same(g.byOcd(id), gaz.byOcd(id), id);
    }
    assert.deepEqual(g.parsedStates(), [], 'exact look-ups parse no state in full');
    for (const bad of ['ocd-division/country:us/state:ca/place:san_jos', 'ocd-division/country:us/state:zz/place:x', '0699999', '99999', '06']) {
      assert.equal(g.byOcd(bad) ?? g.byFips(bad), undefined, bad);
    }
  } finally {
    done();
  }
});
