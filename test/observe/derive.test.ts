// The derivations rebuild the data files from their public originals byte for byte (when the originals are at hand),
// and fail naming the original and what they expected when a layout differs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { censusSubset } from '../../src/observe/derive/census.js';
import { csvField, DeriveError, pyFloat } from '../../src/observe/derive/csv.js';
import { readDbf } from '../../src/observe/derive/dbf.js';
import { prisonBoundariesAttributes } from '../../src/observe/derive/hifld.js';
import { ice287gParticipating } from '../../src/observe/derive/ice-287g.js';
import { tracCountyMonth } from '../../src/observe/derive/trac-arrests.js';
import { DERIVATIONS } from '../../src/observe/derive/index.js';
import { DATA_FILES, type DataFile, type Original } from '../../src/observe/index.js';
import { DATA_DIR } from './helpers.js';
import { needsOriginals, originalPath } from './originals.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const derived = DATA_FILES.filter((f): f is DataFile & { origin: { kind: 'derived' } } => f.origin.kind === 'derived');
const nameOf = (o: Original): string => decodeURIComponent(new URL(o.url).pathname.split('/').at(-1) ?? '');

test('the derived files are the census subset, the two HIFLD tables, the three 287(g) lists and the TRAC county-month table', () => {
  assert.deepEqual(derived.map((f) => f.path.split('/')[0]), ['census-population', 'hifld-jails', 'hifld-jails', 'ice-287g', 'ice-287g', 'ice-287g', 'trac-arrests-county-monthly']);
});

for (const file of derived) {
  test(`${file.path} is rebuilt byte for byte from ${file.origin.from.map(nameOf).join(', ')}`, needsOriginals(file), async () => {
    const inputs = file.origin.from.map((o) => readFileSync(originalPath(o) ?? ''));
    file.origin.from.forEach((o, i) => assert.equal(sha256(inputs[i] ?? new Uint8Array()), o.sha256, `${nameOf(o)} is the original the manifest names`));
    const out = await DERIVATIONS[file.origin.with](inputs, file.origin.from.map(nameOf));
    assert.equal(out.length, file.bytes);
    assert.equal(sha256(out), file.sha256);
    const shared = join(DATA_DIR, ...file.path.split('/'));
    if (existsSync(shared)) assert.equal(sha256(out), sha256(readFileSync(shared)), 'the data directory copy');
  });
}

// The same table re-saved as UTF-8 with LF line ends (github.com/speedracer05/Covid_CalFresh, see docs/observatory.md).
const CENSUS_UTF8: Original = { url: 'https://raw.githubusercontent.com/speedracer05/Covid_CalFresh/eb2d8892d3778c284d229d515c54c793f116a455/Resources/co-est2019-alldata.csv', sha256: '8ecb982607e0bb0bbadcddad4aa5d6e18b902ad572b63a19be80cc9a01ce3367', bytes: 3641537 };
const census = DATA_FILES.find((f) => f.path === 'census-population/co-est2019-alldata_subset.csv');
test('the census subset is the same from a copy of the Bureau file re-saved as UTF-8 with LF', census && originalPath(CENSUS_UTF8) ? {} : { skip: `needs ${CENSUS_UTF8.sha256}-co-est2019-alldata.csv in COMITY_ORIGINALS` }, () => {
  const bytes = readFileSync(originalPath(CENSUS_UTF8) ?? '');
  assert.equal(sha256(bytes), CENSUS_UTF8.sha256);
  assert.equal(sha256(censusSubset([bytes], ['co-est2019-alldata.csv'])), census?.sha256);
});

test('the census derivation names the original, the line and the column when the layout differs', () => {
  const header = 'SUMLEV,STATE,COUNTY,STNAME,CTYNAME\n050,01,001,Alabama,Autauga County\n';
  assert.throws(() => censusSubset([Buffer.from(header)], ['x.csv']), (e: unknown) => e instanceof DeriveError && /^x\.csv: line 1: missing column\(s\) CENSUS2010POP, POPESTIMATE2010/.test(e.message));
  const cols = ['SUMLEV', 'STATE', 'COUNTY', 'STNAME', 'CTYNAME', 'CENSUS2010POP', ...Array.from({ length: 10 }, (_, i) => `POPESTIMATE${2010 + i}`), ...Array.from({ length: 9 }, (_, i) => `INTERNATIONALMIG${2011 + i}`)];
  const ok = `${cols.join(',')}\r\n${cols.map((_, i) => (i === 4 ? 'Do\u00f1a Ana County' : String(i))).join(',')}\r\n`;
  const latin1 = censusSubset([Buffer.from(ok, 'latin1')], ['x.csv']);
  assert.equal(Buffer.from(latin1).toString('utf8').split('\n')[1]?.split(',')[0], '12', 'FIPS is STATE then COUNTY');
  assert.ok(Buffer.from(latin1).toString('utf8').includes('Do\u00f1a Ana County'), 'Latin-1 read as such, written as UTF-8');
  assert.deepEqual(latin1, censusSubset([Buffer.from(ok.replace(/\r\n/g, '\n'), 'utf8')], ['x.csv']), 'UTF-8 with LF gives the same bytes');
  assert.throws(() => censusSubset([Buffer.from(`${ok}"a,b",1\r\n`, 'latin1')], ['x.csv']), /x\.csv: line 3: quoted fields/);
});

/** A dBase III table: fields [name, type, length]; records [deleted?, values], character values padded right, numbers left. */
function dbf(fields: [string, string, number][], records: [boolean, string[]][]): Buffer {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f[2], 0);
  const head = Buffer.alloc(headerLength);
  head.writeUInt8(3, 0);
  head.writeUInt32LE(records.length, 4);
  head.writeUInt16LE(headerLength, 8);
  head.writeUInt16LE(recordLength, 10);
  fields.forEach(([name, type, length], i) => {
    head.write(name, 32 + 32 * i, 'latin1');
    head.write(type, 32 + 32 * i + 11, 'latin1');
    head.writeUInt8(length, 32 + 32 * i + 16);
  });
  head.writeUInt8(0x0d, headerLength - 1);
  const record = ([deleted, values]: [boolean, string[]]): Buffer =>
    Buffer.concat([
      Buffer.from(deleted ? '*' : ' '),
      ...values.map((v, i) => {
        const [, type, length] = fields[i] ?? ['', 'C', 0];
        const bytes = Buffer.from(v, 'utf8');
        const pad = Buffer.alloc(length - bytes.length, ' ');
        return type === 'C' ? Buffer.concat([bytes, pad]) : Buffer.concat([pad, bytes]);
      }),
    ]);
  return Buffer.concat([head, ...records.map(record), Buffer.from([0x1a])]);
}

test('the dBase reader trims padding, skips deleted records and refuses a header that does not add up', () => {
  const table = readDbf(dbf([['NAME', 'C', 6], ['N', 'N', 4]], [[false, [' Ada', '-999']], [true, ['Bob', '12']], [false, ['Céa', '42']]]), 't.dbf');
  assert.deepEqual(table.fields.map((f) => f.name), ['NAME', 'N']);
  assert.deepEqual(table.records, [{ NAME: ' Ada', N: '-999' }, { NAME: 'Céa', N: '42' }], 'text keeps leading spaces, loses trailing padding');
  const bad = dbf([['NAME', 'C', 6]], [[false, ['Ada']]]);
  bad.writeUInt16LE(99, 10);
  assert.throws(() => readDbf(bad, 't.dbf'), (e: unknown) => e instanceof DeriveError && /^t\.dbf: not a dBase III table: fields add up to 7 bytes, header says 99/.test(e.message));
});

test('the HIFLD derivation refuses bytes that are not the zipped shapefile, naming the original', () => {
  assert.throws(() => prisonBoundariesAttributes([Buffer.from('not a zip')], ['prison.zip']), (e: unknown) => e instanceof DeriveError && e.source === 'prison.zip');
});

const wayback = derived.find((f) => f.origin.with === 'ice-287g-wayback');
test('a 287(g) derivation names the column it cannot find', wayback ? needsOriginals(wayback) : { skip: 'no wayback list in the manifest' }, async () => {
  const o = wayback?.origin.kind === 'derived' ? wayback.origin.from[0] : undefined;
  // The 2025-01-04 list has no TYPE column: reading it as the 2026 list must fail saying so.
  await assert.rejects(ice287gParticipating([readFileSync(originalPath(o as Original) ?? '')], ['old.xlsx']), (e: unknown) => e instanceof DeriveError && /^old\.xlsx: row 1: no column titled "TYPE"/.test(e.message));
});

test('the TRAC table turns long, county by county, and refuses a month it cannot read', () => {
  const wide = 'Date,"Doña Ana County, NM",Unknown\r\n10/1/14,9,0\r\n11/1/14,7,2\r\n';
  assert.equal(
    Buffer.from(tracCountyMonth([Buffer.from(wide)], ['data.csv'])).toString('utf8'),
    'month,county_area,state,arrests\n2014-10,"Doña Ana County, NM",NM,9\n2014-11,"Doña Ana County, NM",NM,7\n2014-10,Unknown,,0\n2014-11,Unknown,,2\n',
  );
  assert.throws(() => tracCountyMonth([Buffer.from('Date,X\r\nOct 2014,1\r\n')], ['data.csv']), /^DeriveError: data\.csv: row 2: Date is not a month's first day as M\/1\/YY: Oct 2014$/);
  assert.throws(() => tracCountyMonth([Buffer.from('Month,X\r\n')], ['data.csv']), /data\.csv: line 1: no "Date" column/);
});

test('CSV fields are quoted only when they must be, and whole floats print as Python prints them', () => {
  assert.equal(csvField('Cut "N" Shoot'), '"Cut ""N"" Shoot"');
  assert.equal(csvField('Cook County, IL'), '"Cook County, IL"');
  assert.equal(csvField('a\nb'), '"a\nb"');
  assert.equal(csvField(' plain '), ' plain ');
  assert.equal(pyFloat(200), '200.0');
  assert.equal(pyFloat(0), '0.0');
  assert.equal(pyFloat(2.5), '2.5');
});
