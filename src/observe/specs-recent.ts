// Records after 2019: ICE arrests by AOR, state and month (2024–2026, aggregated from the Deportation Data Project's
// release) and ICE's detention statistics workbooks (FY2019–FY2026). Both datasets are required inputs of the load,
// found by path under the data directory.
import { STATES } from '../law/states.js';
import type { Field, TableSpec } from './table-spec.js';

export const DDP_DIR = 'ddp-arrests-aggregates';
export const DETENTION_DIR = 'ice-detention-stats';
export const DDP_LICENSE_FILE = `${DDP_DIR}/LICENSE-MIT.txt`;

/**
 * The twelve files these tables read, with the checksums of the copies described in each dataset's SOURCE.md (the
 * first 16 hex digits of the workbooks' sha256 are printed there). These are the entries Comity's download manifest
 * (manifest.ts) is expected to list for the two datasets; until it does, the load checks files against this list.
 */
export const RECENT_FILES: readonly { path: string; sha256: string; bytes: number }[] = [
  { path: DDP_LICENSE_FILE, sha256: '41ddd178ddbf45e6755a2738031f5a6f672a3bf9b121df320cd7e2440b38bc1a', bytes: 1072 },
  { path: `${DDP_DIR}/aor_arrests.csv`, sha256: 'ba41de310734bbaed33c5503b7260fb20bf6791a6391e4991321cc7d214edb55', bytes: 3713 },
  { path: `${DDP_DIR}/arrests_monthly_texas.csv`, sha256: '4a704909cf241eb14cce721ddd82510d8178536dcf1cea8ec0512b07b9c889ac', bytes: 1773 },
  { path: `${DDP_DIR}/state_arrests.csv`, sha256: 'f1b217832d72a0edfb6f3f5e652c9fa2a3b2aa0aa825a51ec29679cb7b757d88', bytes: 7370 },
  { path: `${DETENTION_DIR}/FY19-detentionstats.xlsx`, sha256: '35b0eaf280d5df061b19e23520dfbb436325c3c4e70b72e37b1deb39df532beb', bytes: 131940 },
  { path: `${DETENTION_DIR}/FY20-detentionstats.xlsx`, sha256: '2c30cee5f1cd4b26ab1aa8c9ddf3e23b7e12929a201e0d1841f755c078d26067', bytes: 135598 },
  { path: `${DETENTION_DIR}/FY21-detentionstats.xlsx`, sha256: '66ce2cc482f72082c626eab08f45b8686c5ab3d7c6b8d758cc2bd6b3fcecc697', bytes: 133697 },
  { path: `${DETENTION_DIR}/FY22-detentionStats.xlsx`, sha256: 'b29a5d4a48221c839c18370baece46cf4b89a3c3dd84c173f7f145f627cf9e82', bytes: 195925 },
  { path: `${DETENTION_DIR}/FY23_detentionStats.xlsx`, sha256: '12185efdb1215b9e3242c9f4f4eda5b856ce3fd4978917d105e1a4edf4226129', bytes: 234070 },
  { path: `${DETENTION_DIR}/FY24_detentionStats.xlsx`, sha256: 'a177b8bdfe5eb391ed458ed84de810146a019cb25898387c27178357e20b7e30', bytes: 242258 },
  { path: `${DETENTION_DIR}/FY25_detentionStats09242025.xlsx`, sha256: '3b9e2d626b1e249b2c87539554758333b27bc0da64a37e5dac99944a210c0782', bytes: 1566719 },
  { path: `${DETENTION_DIR}/FY26_detentionStats_04092026.xlsx`, sha256: 'bbf3a29014d686f7eccce397804c9fdba7d2bf9b5fcea0180bc98443ffd4fbed', bytes: 248450 },
];

export const DETENTION_FILES: readonly string[] = RECENT_FILES.map((f) => f.path).filter((p) => p.endsWith('.xlsx'));

/** Attribution each table carries in `provenance` (as SOURCE.md asks). */
export const DDP_ATTRIBUTION = 'ICE via FOIA, Deportation Data Project; aggregated by M. Strasser';
export const DDP_LICENSE = 'MIT (copyright 2026 Markus Strasser; the notice is in provenance.license_text) for the tables; the underlying DDP records are public U.S. government records, released by DDP as CC0';
export const DETENTION_ATTRIBUTION = 'ICE ERO detention statistics';
export const DETENTION_LICENSE = 'U.S. government records (public domain, 17 U.S.C. 105)';

/**
 * Harlingen (HLG) is not in geo/uwchr_aor_codes.yaml (its AOR map is about 2019 and has no Harlingen AOR), but DDP's
 * AOR table and ICE's facility lists use it. The one code Comity adds, explicitly, for these tables.
 */
export const EXTRA_AOR_CODES: Readonly<Record<string, string>> = { Harlingen: 'HLG' };

/** The tables' AOR names to codes: every name in aor_codes, the same without full stops ("St Paul"), and HLG. */
export const DDP_AOR_NAMES_SQL = `CREATE TABLE ddp_aor_names AS
  SELECT name AS raw, code FROM aor_codes WHERE code <> 'HQ'
  UNION SELECT replace(name, '.', ''), code FROM aor_codes WHERE code <> 'HQ'
  UNION SELECT * FROM (VALUES ${Object.entries(EXTRA_AOR_CODES).map(([n, c]) => `('${n}', '${c}')`).join(', ')}) v(raw, code)`;

/** State names as DDP writes them (upper case) to postal code, FIPS and name, from the law registry's state list. */
export const STATE_NAMES_ROWS: readonly [string, string, string, string][] = STATES.map((s) => [s.name.toUpperCase(), s.code.toUpperCase(), s.fips, s.name]);

const int = (name: string, from = name): Field => ({ name, type: 'int', from });
const num = (name: string, from = name): Field => ({ name, type: 'num', from });
const WINDOW: Field = {
  name: 'period',
  type: 'raw',
  from: 'window',
  sql: `CASE WHEN trim(r."window") IN ('y2024', 'y2025', 'w2526') THEN trim(r."window") ELSE error('unknown window: ' || r."window") END`,
  bad: `trim(r."window") NOT IN ('y2024', 'y2025', 'w2526')`,
  describe: 'unknown window (expected y2024, y2025 or w2526)',
};
const COUNTS: Field[] = [int('arrests'), int('at_large', 'arrests_at_large'), int('population'), num('per_1000'), num('at_large_per_1000')];

export const DDP_AOR: TableSpec = {
  table: 'ddp_arrests_aor',
  description: 'ICE arrests and at-large arrests by AOR, windows y2024 (calendar 2024), y2025 (calendar 2025), w2526 (2025-08-01 to 2026-07-31)',
  files: [`${DDP_DIR}/aor_arrests.csv`],
  delim: ',', skip: 0,
  columns: ['window', 'aor', 'arrests', 'arrests_at_large', 'population', 'per_1000', 'at_large_per_1000'],
  derived: { $aor: `nullif(trim(r.aor), '')` },
  join: `LEFT JOIN ddp_aor_names a ON a.raw = r."$aor"`,
  fields: [
    WINDOW,
    {
      name: 'aor', type: 'raw', from: 'aor',
      sql: `coalesce(a.code, error('unknown Area of Responsibility: ' || coalesce(r."$aor", '(blank)')))`,
      bad: `a.code IS NULL`,
      describe: 'unknown Area of Responsibility (not in geo/uwchr_aor_codes.yaml, nor Harlingen)',
    },
    { name: 'aor_name', type: 'text', from: 'aor' },
    ...COUNTS,
  ],
};

export const DDP_STATE: TableSpec = {
  table: 'ddp_arrests_state',
  description: 'ICE arrests and at-large arrests by state (DDP apprehension_state_filled_in), windows y2024, y2025, w2526',
  files: [`${DDP_DIR}/state_arrests.csv`],
  delim: ',', skip: 0,
  columns: ['window', 'state', 'arrests', 'arrests_at_large', 'population', 'per_1000', 'at_large_per_1000'],
  derived: { $state: `upper(nullif(trim(r.state), ''))` },
  join: `LEFT JOIN state_names s ON s.name = r."$state"`,
  fields: [
    WINDOW,
    {
      name: 'state_fips', type: 'raw', from: 'state',
      sql: `coalesce(s.fips, error('unknown state: ' || coalesce(r."$state", '(blank)')))`,
      bad: `s.fips IS NULL`,
      describe: 'unknown state name',
    },
    { name: 'state', type: 'raw', sql: 's.code' },
    { name: 'state_name', type: 'text', from: 'state' },
    ...COUNTS,
  ],
};

/** The counts are written with four decimals ("8509.0000"): a count that is not whole stops the load. */
const wholeCount = (name: string): Field => ({
  name, type: 'raw', from: name,
  sql: `CASE WHEN CAST(trim(r."${name}") AS DOUBLE) <> round(CAST(trim(r."${name}") AS DOUBLE)) THEN error('not a whole count: ' || r."${name}") ELSE CAST(CAST(trim(r."${name}") AS DOUBLE) AS BIGINT) END`,
  bad: `try_cast(trim(r."${name}") AS DOUBLE) IS NULL OR try_cast(trim(r."${name}") AS DOUBLE) <> round(try_cast(trim(r."${name}") AS DOUBLE))`,
  describe: 'not a whole count',
});

export const DDP_MONTHLY: TableSpec = {
  table: 'ddp_arrests_monthly',
  description: 'ICE arrests nationally by month, 2024-01 to 2026-08 (August 2026 partial, to 6 August), with how many name a state and how many Texas',
  files: [`${DDP_DIR}/arrests_monthly_texas.csv`],
  delim: ',', skip: 0,
  columns: ['month', 'arrests', 'state_known', 'texas', 'texas_share_all', 'texas_share_known'],
  fields: [{ name: 'month', type: 'date', from: 'month', format: '%Y-%m' }, wholeCount('arrests'), wholeCount('state_known'), wholeCount('texas')],
};

export const RECENT_SPECS: readonly TableSpec[] = [DDP_AOR, DDP_STATE, DDP_MONTHLY];

/** The tables built from the workbooks (load-recent.ts), for the load's summary and `provenance`. */
export const DETENTION_TABLES = ['detention_facilities', 'detention_book_ins', 'detention_adp_type', 'detention_releases'] as const;
