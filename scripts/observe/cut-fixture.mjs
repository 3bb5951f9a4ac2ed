#!/usr/bin/env node
/**
 * Cuts the test fixture of the observatory from the public records: the same files, in the same layout and format,
 * holding two ICE areas (Buffalo and Baltimore) and their states (New York, Maryland), a share of their encounters
 * and removals, and one detention-statistics workbook. It is small enough to commit (under 1 MB) and lets the
 * metric tests run on a machine without the records. Usage:
 *   node scripts/observe/cut-fixture.mjs [DATA_DIR]   (default: $COMITY_DATA)
 * Writes test/observe/fixtures/records/ and its MANIFEST.json (path, sha256, bytes of each cut file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = process.argv[2] ?? process.env.COMITY_DATA;
if (!from) {
  console.error('usage: cut-fixture.mjs DATA_DIR (or set COMITY_DATA)');
  process.exit(2);
}
const out = join(root, 'test', 'observe', 'fixtures', 'records');

/** The areas and states the fixture keeps. */
const AORS = new Set(['Buffalo Area of Responsibility', 'Baltimore Area of Responsibility']);
const STATE_FIPS = new Set(['36', '24']);
const STATE_CODES = new Set(['NY', 'MD']);
const STATE_NAMES = new Set(['NEW YORK', 'MARYLAND']);
/** Of the kept areas' rows, every Nth (encounters and removals are large). */
const EVERY = { arrests: 1, encounters: 4, removals: 3 };
const WORKBOOK = 'ice-detention-stats/FY21-detentionstats.xlsx';

const written = [];
function write(rel, bytes) {
  const path = join(out, ...rel.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  written.push({ path: rel, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
}
const read = (rel) => readFileSync(join(from, ...rel.split('/')));

/** Keep the header and the records whose fields pass `keep`, each record's text as it was (some span lines). */
function cutLines(rel, keep, { delimiter = ',' } = {}) {
  const records = parse(read(rel), { delimiter, raw: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  const [head, ...rows] = records;
  const kept = [head.raw, ...rows.filter((r, n) => keep(r.record, n)).map((r) => r.raw)];
  // A record's raw text ends with its line break, except the file's last when the file has none.
  write(rel, Buffer.from(kept.map((raw) => raw.replace(/\r?\n$/, '')).join('\n') + '\n'));
}
const copy = (rel) => write(rel, read(rel));

// ICE records: five preamble lines and a header, then one row per event; the AOR is the first field.
const FOIA = 'ice-foia-2019-ICFO-53623';
for (const [kind, years] of [['EROArrests', [2016, 2017, 2018, 2019]], ['EROEncounters', [2016, 2017, 2019]], ['ICERemovals', [2016, 2017, 2018, 2019]]]) {
  const every = kind === 'EROArrests' ? EVERY.arrests : kind === 'EROEncounters' ? EVERY.encounters : EVERY.removals;
  for (const fy of years) {
    const rel = `${FOIA}/${kind}_FY${fy}.csv.gz`;
    const lines = gunzipSync(read(rel)).toString('utf8').split('\n');
    const kept = lines.slice(0, 6);
    let n = 0;
    for (const line of lines.slice(6)) {
      const aor = /^"([^"]*)"/.exec(line)?.[1];
      if (aor && AORS.has(aor) && n++ % every === 0) kept.push(line);
    }
    write(rel, gzipSync(`${kept.join('\n')}\n`, { level: 9 }));
  }
}

cutLines('census-population/co-est2019-alldata_subset.csv', (f) => f[1] === '040' || STATE_FIPS.has(f[2]));
cutLines('geo/uwchr_county_aor.csv', (f) => STATE_FIPS.has(f[1]));
cutLines('geo/uwchr_aor_demog_indicators.csv', (f) => f[0] === 'BUF' || f[0] === 'BAL', { delimiter: '|' });
for (const rel of ['geo/uwchr_aor_codes.yaml', 'geo/uwchr_aor_ero_field_office.csv', 'geo/ddp_ice_areas_of_responsibility.csv', 'sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv', 'travis-detainers/travis_county_ice_detainers_monthly.csv']) copy(rel);
cutLines('hifld-jails/county_local_jails_by_countyfips.csv', (f) => STATE_FIPS.has(f[0].slice(0, 2)));
cutLines('hifld-jails/hifld_prison_boundaries_attributes.csv', (f) => STATE_CODES.has(f[4]));
for (const rel of ['ice-287g/ice_287g_participating_2025-01-04_wayback.csv', 'ice-287g/ice_287g_participating_2026-05-18.csv', 'ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv']) {
  cutLines(rel, (f) => STATE_NAMES.has(f[0].trim().toUpperCase()));
}
cutLines('sanctuary-lists/cis_sanctuary_map_2017.csv', (f) => /New York|Maryland/.test(f[0]));
cutLines('trac-arrests-county-monthly/trac_ice_arrests_county_month.csv', (f) => STATE_CODES.has(f[2]) && f[0] >= '2016-10' && f[0] <= '2017-09');
cutLines('trac-detainers/trac_detainers_by_county_rollup_2017.csv', (f) => f[0] === 'New York' || f[0] === 'Maryland');
cutLines('trac-detainers/trac_detainers_by_facility_scraped_2017-06-28.csv', (f) => f[0] === 'New York' || f[0] === 'Maryland');
// Pennsylvania's detainers: a quarter of them.
cutLines('pa-detainers/pa_detainers.csv', (f) => f[0] >= '2014-01' && f[0] < '2014-04');
for (const rel of ['ddp-arrests-aggregates/aor_arrests.csv', 'ddp-arrests-aggregates/state_arrests.csv', 'ddp-arrests-aggregates/arrests_monthly_texas.csv', 'ddp-arrests-aggregates/LICENSE-MIT.txt', WORKBOOK]) copy(rel);

const manifest = written.sort((a, b) => a.path.localeCompare(b.path));
writeFileSync(join(out, 'MANIFEST.json'), `${JSON.stringify({ cutBy: 'scripts/observe/cut-fixture.mjs', files: manifest }, null, 1)}\n`);
const total = manifest.reduce((s, f) => s + f.bytes, 0);
console.log(`${manifest.length} files, ${(total / 1024).toFixed(0)} KiB in ${out.slice(root.length + 1)}`);
if (total > 1024 * 1024) {
  console.error('the fixture is over 1 MiB: cut more');
  process.exit(1);
}
