// The ice-287g CSVs from the spreadsheets they were converted from (ICE's "participating agencies" lists and
// RelevantResearch's tracking sheet, as kept in github.com/RelevantResearch/287g-DetentionData). Columns are found
// by their header text; link columns are dropped.
import { readSheet } from 'read-excel-file/node';
import { csvText, DeriveError } from './csv.js';

type Cell = string | number | boolean | Date | null;

/** Cell text as the CSVs carry it: dates as YYYY-MM-DD, everything else as written. */
function text(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** A date typed as M/D/YY text (the tracking sheet) as YYYY-MM-DD; other values as `text` gives them. */
function isoDate(v: Cell | undefined): string {
  const s = text(v);
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2})\s*$/.exec(s);
  return m ? `20${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}` : s;
}

/** Values pandas reads as missing; ICE's list writes "#NA" or an #N/A error for a state agency's county. */
const MISSING = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);
const present = (s: string): string => (MISSING.has(s) ? '' : s);

interface Sheet {
  rows: Cell[][];
  column: (title: string) => number;
}

async function sheet(bytes: Uint8Array | undefined, source: string): Promise<Sheet> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(bytes ?? new Uint8Array()), { trim: false })) as Cell[][];
  } catch (e) {
    throw new DeriveError(source, `not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const header = (rows[0] ?? []).map((c) => text(c).trim().toUpperCase());
  const column = (title: string): number => {
    const i = header.indexOf(title.toUpperCase());
    if (i < 0) throw new DeriveError(source, `row 1: no column titled "${title}" (found: ${header.filter(Boolean).join(', ')})`);
    return i;
  };
  const body = rows.slice(1).filter((r) => r.some((c) => text(c).trim() !== ''));
  return { rows: body, column };
}

/** ice-287g/ice_287g_participating_2026-05-18.csv: ICE's list of 2026-05-18, values trimmed, MOA links dropped. */
export async function ice287gParticipating([bytes]: readonly Uint8Array[], [source = 'participatingAgencies.xlsx']: readonly string[]): Promise<Uint8Array> {
  const s = await sheet(bytes, source);
  const cols = ['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE'].map(s.column);
  const signed = s.column('SIGNED');
  const rows = s.rows.map((r) => [...cols.map((i) => present(text(r[i])).trim()), isoDate(r[signed])]);
  return csvText(['state', 'law_enforcement_agency', 'type', 'county', 'support_type', 'signed'], rows);
}

/** ice-287g/ice_287g_participating_2025-01-04_wayback.csv: the list archived on 2025-01-04, with its archived MOA links. */
export async function ice287gWayback([bytes]: readonly Uint8Array[], [source = 'ParticipatingEntities.xlsx']: readonly string[]): Promise<Uint8Array> {
  const s = await sheet(bytes, source);
  const cols = ['STATE', 'LAW ENFORCEMENT AGENCY', 'SUPPORT TYPE', 'SIGNED', 'MOA'].map(s.column);
  return csvText(['state', 'law_enforcement_agency', 'support_type', 'signed', 'moa_url_wayback'], s.rows.map((r) => cols.map((i) => text(r[i]))));
}

/** ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv: RelevantResearch's tracking sheet, values as written. */
export async function ice287gTracked([bytes]: readonly Uint8Array[], [source = 'Total-participatingAgencies.xlsx']: readonly string[]): Promise<Uint8Array> {
  const s = await sheet(bytes, source);
  const cols = ['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE'].map(s.column);
  const [signed, validation, status, lastSeen] = ['SIGNED', 'Agency Validation', 'Status', 'Last Seen'].map(s.column) as [number, number, number, number];
  const rows = s.rows.map((r) => [...cols.map((i) => text(r[i])), isoDate(r[signed]), text(r[validation]), text(r[status]), isoDate(r[lastSeen])]);
  return csvText(['state', 'law_enforcement_agency', 'type', 'county', 'support_type', 'signed', 'agency_validation', 'status', 'last_seen'], rows);
}
