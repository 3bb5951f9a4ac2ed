// Where each loaded table comes from: its files with checksum and rows (table `sources`), and, for the tables whose
// source asks for it, the attribution and licence (table `provenance`).
import { z } from 'zod';
import { type Database, query } from '../db.js';
import { type MetricResult, MetricInputError } from './common.js';
import { provenanceOptions, type ProvenanceOptions } from './recent-options.js';
export { provenanceOptions, type ProvenanceOptions } from './recent-options.js';
import { type OptionsInput, parseOptions } from './options.js';


export interface ProvenanceRow {
  table: string;
  file: string;
  rows: number;
  /** First 16 hex digits of the file's sha256. */
  sha256: string;
  /** Whether the checksum is the published one. */
  known: boolean;
  attribution: string | null;
  license: string | null;
  /** What the load did with rows identical in every field: dropped (a source known to repeat rows) or kept. */
  duplicates: string | null;
}

export async function provenance(db: Database, input: ProvenanceOptions = {}): Promise<MetricResult<ProvenanceRow>> {
  const options = parseOptions(provenanceOptions, input);
  const hasProvenance = (await query<{ n: number }>(db, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'provenance'"))[0]?.n ?? 0;
  const join = hasProvenance ? 'LEFT JOIN provenance p ON p."table" = s."table"' : '';
  const rows = await query<ProvenanceRow>(
    db,
    `SELECT s."table" AS "table", s.file, s.rows, substr(s.sha256, 1, 16) AS sha256, s.known,
       ${hasProvenance ? 'p.attribution, p.license' : 'NULL AS attribution, NULL AS license'},
       CASE WHEN d."table" IS NOT NULL THEN 'dropped ' || (d.rows_read - d.rows_kept) || ' exact duplicates (the source repeats rows): ' || d.reason
            WHEN s."table" IN ('arrests', 'encounters', 'removals') THEN 'kept: rows identical in every released field may be distinct events (comity observe quality)'
       END AS duplicates
     FROM sources s ${join} LEFT JOIN dropped_duplicates d ON d."table" = s."table" ${options.table ? 'WHERE s."table" = $table' : ''} ORDER BY s."table", s.file`,
    options.table ? { table: options.table } : {},
  );
  if (options.table && rows.length === 0) {
    const known = (await query<{ t: string }>(db, 'SELECT DISTINCT "table" AS t FROM sources ORDER BY 1')).map((r) => r.t);
    throw new MetricInputError('table', `no table ${options.table} was loaded from a file; tables: ${known.join(', ')}`);
  }
  const notices = hasProvenance
    ? await query<{ table: string; file: string; text: string }>(db, 'SELECT "table" AS "table", license_file AS file, license_text AS text FROM provenance WHERE license_text IS NOT NULL ORDER BY 2')
    : [];
  // A notice is shown with the tables that carry it (and with the licence file's own row).
  const shown = notices.filter((n) => rows.some((r) => r.table === n.table || r.file === n.file));
  const caveats = [
    'known = the file\'s sha256 is the one Comity expects for that file (the checksum of the copy its dataset\'s SOURCE.md describes); false means another edition of the data.',
    ...[...new Map(shown.map((n) => [n.file, n])).values()]
      .map((n) => `Licence notice that travels with the tables built from ${n.file.split('/')[0]} (${n.file}): ${n.text.replace(/\s+/g, ' ').trim()}`),
  ];
  return {
    metric: 'provenance',
    definition: 'Each loaded file with the table it feeds (a workbook feeds several), its rows in that table, the first 16 hex digits of its sha256, whether that is the published checksum, and the attribution and licence its source asks for.',
    filters: { table: options.table ?? null },
    rows,
    caveats,
  };
}
