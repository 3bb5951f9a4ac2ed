// Records after 2019: ICE arrests by AOR, state and month (2024–2026, aggregated from the Deportation Data Project's
// release) and ICE's detention statistics workbooks (FY2019–FY2026). Both datasets are required inputs of the load,
// found by path under the data directory.
import { STATES } from '../law/states.js';
import { DATA_FILES } from './manifest.js';
import type { Field, TableSpec } from './table-spec.js';

export const DDP_DIR = 'ddp-arrests-aggregates';
export const DETENTION_DIR = 'ice-detention-stats';
export const DDP_LICENSE_FILE = `${DDP_DIR}/LICENSE-MIT.txt`;

/** ICE's detention statistics workbooks, one per fiscal year, as the download manifest lists them. */
export const DETENTION_FILES: readonly string[] = DATA_FILES.map((f) => f.path).filter((p) => p.startsWith(`${DETENTION_DIR}/`) && p.endsWith('.xlsx'));

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
