// What the ICE records leave blank, and how many rows are indistinguishable from another: the caveats every
// figure over them inherits. Computed from the loaded tables (once per open database), not asserted.
import { QUALITY_TABLES } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, checkChoice, ratio } from './common.js';

export type QualityTable = (typeof QUALITY_TABLES)[number];

/**
 * The released fields of each table (all but the redacted birth date), and the gaps that figures inherit: a name
 * (a field left blank, or redacted) and the SQL that finds them.
 */
const FIELDS: Record<QualityTable, { all: string[]; gaps: [string, string][] }> = {
  arrests: {
    all: ['aor', 'apprehension_date', 'method', 'landmark', 'operation', 'disposition', 'citizenship', 'gender'],
    gaps: [['aor', 'aor IS NULL'], ['apprehension_date', 'apprehension_date IS NULL'], ['method', 'method IS NULL'], ['landmark', 'landmark IS NULL']],
  },
  encounters: {
    all: ['aor', 'event_date', 'landmark', 'operation', 'disposition', 'citizenship', 'gender'],
    gaps: [['aor', 'aor IS NULL'], ['event_date', 'event_date IS NULL'], ['landmark', 'landmark IS NULL'], ['disposition', 'disposition IS NULL']],
  },
  removals: {
    all: ['aor', 'apprehension_date', 'disposition_code', 'citizenship', 'gender', 'threat_level', 'threat_level_redacted', 'final_charge', 'departed_date', 'removal_date'],
    gaps: [
      ['aor', 'aor IS NULL'],
      ['removal_date', 'removal_date IS NULL'],
      ['threat_level', 'threat_level IS NULL AND NOT threat_level_redacted'],
      ['threat_level (redacted)', 'threat_level_redacted'],
    ],
  },
};

export interface RecordQualityRow {
  table: QualityTable;
  fy: number;
  rows: number;
  /** Rows equal to another row of the same year in every released field. */
  identical: number;
  identicalShare: number | null;
  /** Values left blank (or, where the name says so, redacted) per field that figures rely on. */
  blank: Record<string, number>;
}

const cache = new WeakMap<Database, Map<QualityTable, Promise<RecordQualityRow[]>>>();

function compute(db: Database, table: QualityTable): Promise<RecordQualityRow[]> {
  const { all, gaps } = FIELDS[table];
  // hash() of the row: 64 bits, so over ~10^6 rows a collision (which would count two different rows as
  // identical) has a probability below 10^-7; DISTINCT over the hash is several times faster than over the fields.
  const blankSql = gaps.map(([, sql], i) => `count(*) FILTER (WHERE ${sql}) AS "gap${i}"`).join(', ');
  return query<Record<string, number>>(
    db,
    `SELECT CAST(fy AS INTEGER) AS fy, count(*) AS rows, count(*) - count(DISTINCT hash(${all.join(', ')})) AS identical, ${blankSql}
     FROM ${table} GROUP BY 1 ORDER BY 1`,
  ).then((rows) =>
    rows.map((r) => ({
      table,
      fy: r.fy ?? 0,
      rows: r.rows ?? 0,
      identical: r.identical ?? 0,
      identicalShare: ratio(r.identical ?? 0, r.rows ?? 0),
      blank: Object.fromEntries(gaps.map(([name], i) => [name, r[`gap${i}`] ?? 0])),
    })),
  );
}

/** Per fiscal year: rows, rows identical to another in every released field, and blanks. Cached per database. */
export function qualityOf(db: Database, table: QualityTable): Promise<RecordQualityRow[]> {
  let byTable = cache.get(db);
  if (!byTable) cache.set(db, (byTable = new Map()));
  let rows = byTable.get(table);
  if (!rows) {
    rows = compute(db, table);
    rows.catch(() => byTable?.delete(table));
    byTable.set(table, rows);
  }
  return rows;
}

export const IDENTICAL_CAVEAT =
  'The release carries no person or event identifier and redacts the birth date, so a row identical to another in every released field may be the same event recorded twice or two people alike in every released field (same place, day, method, nationality and sex). Comity drops none of them.';

export async function recordQuality(db: Database, options: { table?: string } = {}): Promise<MetricResult<RecordQualityRow>> {
  const table = checkChoice('table', options.table, QUALITY_TABLES, 'arrests');
  return {
    metric: 'record-quality',
    definition: `Per fiscal year: rows in ${table}; rows identical to another row of the same year in every released field (${FIELDS[table].all.join(', ')}); and values left blank (or redacted, where named so) in ${FIELDS[table].gaps.map(([n]) => n).join(', ')}.`,
    filters: { table },
    rows: await qualityOf(db, table),
    caveats: [IDENTICAL_CAVEAT, 'Blank landmarks cannot be placed in a county; blank AORs cannot be placed in an area.', ...(await droppedNotes(db))],
  };
}

/** What the load dropped from sources known to repeat whole rows (TableSpec.distinct), and why. */
export async function droppedNotes(db: Database): Promise<string[]> {
  const rows = await query<{ table: string; rows_read: number; rows_kept: number; reason: string }>(
    db, `SELECT "table", rows_read, rows_kept, reason FROM dropped_duplicates ORDER BY 1`,
  ).catch(() => []);
  return rows.map((r) => `${r.table}: ${r.rows_read.toLocaleString('en-US')} rows read, ${(r.rows_read - r.rows_kept).toLocaleString('en-US')} exact duplicates dropped, ${r.rows_kept.toLocaleString('en-US')} kept. ${r.reason}`);
}

/** One sentence about the records behind a figure: rows, identical rows and blanks over its fiscal years. */
export async function qualityNote(db: Database, table: QualityTable, fyFrom: number, fyTo: number): Promise<string | null> {
  const rows = (await qualityOf(db, table)).filter((r) => r.fy >= fyFrom && r.fy <= fyTo);
  if (rows.length === 0) return null;
  const n = rows.reduce((s, r) => s + r.rows, 0);
  const identical = rows.reduce((s, r) => s + r.identical, 0);
  const blanks = FIELDS[table].gaps
    .map(([f]) => [f, rows.reduce((s, r) => s + (r.blank[f] ?? 0), 0)] as const)
    .filter(([, k]) => k > 0)
    .map(([f, k]) => (f.endsWith('(redacted)') ? `${k.toLocaleString('en-US')} with the ${f.replace(' (redacted)', '').replaceAll('_', ' ')} redacted` : `${k.toLocaleString('en-US')} with no ${f.replaceAll('_', ' ')}`));
  const years = fyFrom === fyTo ? `FY${fyFrom}` : `FY${fyFrom}–FY${fyTo}`;
  const pct = ((ratio(identical, n) ?? 0) * 100).toFixed(1);
  return `${table}, ${years}: ${n.toLocaleString('en-US')} rows; ${identical.toLocaleString('en-US')} (${pct}%) identical to another row in every released field, none dropped${blanks.length ? `; ${blanks.join(', ')}` : ''}.`;
}
