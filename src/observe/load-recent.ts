// The load's steps for the records after 2019: lookup tables the DDP specs join to, the detention statistics
// workbooks (parsed in JavaScript, appended to DuckDB), and the provenance each of these tables carries.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBDateValue } from '@duckdb/node-api';
import { query, run } from './db.js';
import { type DetentionRelease, readDetentionWorkbook } from './detention-stats.js';
import { cachedWorkbook, storeWorkbook, workbookKey } from './workbook-cache.js';
import { LoadError } from './load-error.js';
import {
  DDP_ATTRIBUTION, DDP_AOR_NAMES_SQL, DDP_LICENSE, DDP_LICENSE_FILE, DETENTION_ATTRIBUTION, DETENTION_FILES, DETENTION_LICENSE,
  DETENTION_TABLES, EXTRA_AOR_CODES, RECENT_SPECS, STATE_NAMES_ROWS,
} from './specs-recent.js';

const abs = (dataDir: string, rel: string): string => join(dataDir, ...rel.split('/'));

/** After aor_codes: the AOR and state names the DDP tables are joined on. */
export async function createRecentLookups(connection: DuckDBConnection): Promise<void> {
  await run(connection, DDP_AOR_NAMES_SQL);
  await run(connection, 'CREATE TABLE state_names (name VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, fips VARCHAR NOT NULL, label VARCHAR NOT NULL)');
  const appender = await connection.createAppender('state_names');
  for (const row of STATE_NAMES_ROWS) {
    for (const v of row) appender.appendVarchar(v);
    appender.endRow();
  }
  appender.closeSync();
}

/** The AOR codes a facility list may use: those of geo/uwchr_aor_codes.yaml and the explicit extras (HLG). */
export async function knownAorCodes(connection: DuckDBConnection): Promise<Set<string>> {
  const codes = await query<{ code: string }>(connection, `SELECT code FROM aor_codes WHERE code <> 'HQ'`);
  return new Set([...codes.map((c) => c.code), ...Object.values(EXTRA_AOR_CODES)]);
}

/** Parse every workbook (in file order; the first failure is the one reported). */
/**
 * The workbooks' tables. With `cache` (the workbooks' sha256 by file, and the cache folder), a workbook parsed
 * before from the same bytes, name, AOR codes and parser is read from the cache (workbook-cache.ts).
 */
export async function readDetentionWorkbooks(
  dataDir: string, knownAors: ReadonlySet<string>, files: readonly string[] = DETENTION_FILES,
  cache?: { dir: string; sha256: Promise<ReadonlyMap<string, string>> },
): Promise<DetentionRelease[]> {
  const out: DetentionRelease[] = [];
  for (const rel of files) {
    const sha = cache ? (await cache.sha256.catch(() => undefined))?.get(rel) : undefined;
    const key = cache && sha ? workbookKey(sha, rel, knownAors) : undefined;
    const hit = cache && key ? await cachedWorkbook(cache.dir, key, rel) : undefined;
    if (hit) {
      out.push(hit);
      continue;
    }
    const release = await readDetentionWorkbook(abs(dataDir, rel), rel, knownAors);
    if (cache && key) await storeWorkbook(cache.dir, key, release);
    out.push(release);
  }
  return out;
}

const day = (iso: string): DuckDBDateValue => new DuckDBDateValue(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));

type Value = string | number | boolean | null;
type ColumnType = 'SMALLINT' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'DATE' | 'BOOLEAN';
interface TableDef {
  columns: readonly [name: string, type: ColumnType][];
  rows: Value[][];
}

/** CREATE TABLE and append every row, each value by its column's type (dates as YYYY-MM-DD strings). */
async function writeTable(connection: DuckDBConnection, table: string, def: TableDef): Promise<void> {
  await run(connection, `CREATE TABLE ${table} (${def.columns.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
  const appender: DuckDBAppender = await connection.createAppender(table);
  for (const row of def.rows) {
    def.columns.forEach(([, type], i) => {
      const v = row[i] ?? null;
      if (v === null) appender.appendNull();
      else if (type === 'SMALLINT') appender.appendSmallInt(Number(v));
      else if (type === 'BIGINT') appender.appendBigInt(BigInt(Number(v)));
      else if (type === 'DOUBLE') appender.appendDouble(Number(v));
      else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else if (type === 'DATE') appender.appendDate(day(String(v)));
      else appender.appendVarchar(String(v));
    });
    appender.endRow();
  }
  appender.closeSync();
}

/** Write the workbooks' tables; returns the rows per file and table (for `sources`). */
export async function writeDetentionTables(connection: DuckDBConnection, releases: DetentionRelease[]): Promise<{ file: string; table: string; rows: number }[]> {
  const tables: Record<string, TableDef> = {
    detention_facilities: {
      columns: [['fy', 'SMALLINT'], ['data_date', 'DATE'], ['name', 'VARCHAR'], ['city', 'VARCHAR'], ['state', 'VARCHAR'], ['aor', 'VARCHAR'], ['type_detailed', 'VARCHAR'], ['adp', 'DOUBLE'], ['alos', 'DOUBLE'], ['sheet_row', 'BIGINT']],
      rows: releases.flatMap((r) => r.facilities.map((f) => [f.fy, r.facilitiesDate, f.name, f.city, f.state, f.aor, f.typeDetailed, f.adp, f.alos, f.row])),
    },
    detention_book_ins: {
      columns: [['fy', 'SMALLINT'], ['agency', 'VARCHAR'], ['month', 'DATE'], ['book_ins', 'BIGINT'], ['partial', 'BOOLEAN']],
      rows: releases.flatMap((r) => r.bookIns.map((b) => [b.fy, b.group, b.month, b.value, b.partial])),
    },
    detention_adp_type: {
      columns: [['fy', 'SMALLINT'], ['facility_type', 'VARCHAR'], ['month', 'DATE'], ['adp', 'DOUBLE'], ['partial', 'BOOLEAN']],
      rows: releases.flatMap((r) => r.adpByType.map((b) => [b.fy, b.group, b.month, b.value, b.partial])),
    },
    detention_releases: {
      columns: [
        ['file', 'VARCHAR'], ['fy', 'SMALLINT'], ['facilities_sheet', 'VARCHAR'], ['facilities_date', 'DATE'], ['detention_sheet', 'VARCHAR'],
        ['book_ins_through', 'DATE'], ['adp_through', 'DATE'], ['adp_type_title', 'VARCHAR'], ['facility_rows', 'BIGINT'], ['book_in_rows', 'BIGINT'], ['adp_type_rows', 'BIGINT'],
      ],
      rows: releases.map((r) => [r.file, r.fy, r.facilitiesSheet, r.facilitiesDate, r.detentionSheet, r.bookInsThrough, r.adpThrough, r.adpTypeTitle, r.facilities.length, r.bookIns.length, r.adpByType.length]),
    },
  };
  for (const [table, def] of Object.entries(tables)) await writeTable(connection, table, def);
  return releases.flatMap((r) => [
    { file: r.file, table: 'detention_facilities', rows: r.facilities.length },
    { file: r.file, table: 'detention_book_ins', rows: r.bookIns.length },
    { file: r.file, table: 'detention_adp_type', rows: r.adpByType.length },
  ]);
}

/**
 * `provenance`: for each table built from these datasets, its files, the attribution its source asks for and its
 * licence, with the full MIT notice that must travel with the DDP tables.
 */
export async function writeProvenance(connection: DuckDBConnection, dataDir: string, detentionFiles: readonly string[] = DETENTION_FILES): Promise<void> {
  let notice: string;
  try {
    notice = await readFile(abs(dataDir, DDP_LICENSE_FILE), 'utf8');
  } catch (error) {
    throw new LoadError(DDP_LICENSE_FILE, null, `cannot read the licence notice (${(error as Error).message})`);
  }
  if (!/MIT License/.test(notice) || !/Copyright/i.test(notice)) throw new LoadError(DDP_LICENSE_FILE, 1, 'expected the MIT licence notice with its copyright line');
  const rows: Value[][] = [
    ...RECENT_SPECS.map((s): Value[] => [s.table, s.files.join(', '), DDP_ATTRIBUTION, DDP_LICENSE, DDP_LICENSE_FILE, notice]),
    ...DETENTION_TABLES.map((t): Value[] => [t, detentionFiles.join(', '), DETENTION_ATTRIBUTION, DETENTION_LICENSE, null, null]),
  ];
  const columns = (['table', 'files', 'attribution', 'license', 'license_file', 'license_text'] as const).map((n) => [n, 'VARCHAR'] as [string, ColumnType]);
  await writeTable(connection, 'provenance', { columns, rows });
}

