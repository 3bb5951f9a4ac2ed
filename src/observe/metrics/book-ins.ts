// ICE initial book-ins into detention by arresting agency (ICE, CBP) and month, FY2019–FY2026, from ICE's
// detention statistics workbooks.
import { z } from 'zod';
import { type Database, query } from '../db.js';
import { DETENTION_FYS, BOOK_INS_BY, FY_RANGE, detentionFy, bookInsOptions, type BookInsOptions } from './recent-options.js';
export { DETENTION_FYS, BOOK_INS_BY, detentionFy, bookInsOptions, type BookInsOptions } from './recent-options.js';
import { type OptionsInput, type PeriodResult, parseOptions } from './options.js';




export interface BookInsRow {
  fy: number;
  /** YYYY-MM, or null in a fiscal-year row. */
  month: string | null;
  ice: number | null;
  cbp: number | null;
  total: number | null;
  /** The month (or fiscal year) the workbook's data end inside. */
  partial: boolean;
  /** Last day of data in the workbook the row comes from. */
  through: string;
}

export const BOOK_INS_DEFINITION =
  "ICE initial book-ins into detention by arresting agency and month (ICE's table \"ICE Initial Book-Ins by Arresting Agency and Month\"; by fy, its Total column). ICE = arrests by any ERO or HSI program (CAP, 287(g), fugitive operations, probation and parole…); CBP = book-ins of people CBP arrested. One workbook per fiscal year: the year-end release where one was kept, else the last one (the data run to `through`).";

export async function detentionThrough(db: Database): Promise<Map<number, { through: string; file: string; adpThrough: string; facilitiesDate: string }>> {
  const rows = await query<{ fy: number; through: string; file: string; adpThrough: string; facilitiesDate: string }>(
    db,
    'SELECT fy, book_ins_through AS through, file, adp_through AS adpThrough, facilities_date AS facilitiesDate FROM detention_releases ORDER BY fy',
  );
  return new Map(rows.map((r) => [r.fy, r]));
}

/** One sentence per workbook that ends before its fiscal year does. */
export function partialYears(releases: Map<number, { through: string }>, fys: number[], what: string): string[] {
  return fys.flatMap((fy) => {
    const r = releases.get(fy);
    return r && r.through < `${fy}-09-30` ? [`FY${fy} ${what} run only to ${r.through} (the workbook loaded is not a year-end release).`] : [];
  });
}

export async function bookIns(db: Database, input: BookInsOptions = {}): Promise<PeriodResult<BookInsRow>> {
  const options = parseOptions(bookInsOptions, input);
  const by = options.by ?? 'month';
  const releases = await detentionThrough(db);
  const rows = await query<{ fy: number; month: string | null; ice: number | null; cbp: number | null; total: number | null; partial: boolean }>(
    db,
    `SELECT fy, strftime(month, '%Y-%m') AS month,
       max(book_ins) FILTER (WHERE agency = 'ICE') AS ice, max(book_ins) FILTER (WHERE agency = 'CBP') AS cbp,
       max(book_ins) FILTER (WHERE agency = 'Total') AS total, bool_or(partial) AS partial
     FROM detention_book_ins WHERE month IS ${by === 'fy' ? '' : 'NOT '}NULL ${options.fy ? 'AND fy = $fy' : ''}
     GROUP BY fy, month ORDER BY fy, month`,
    options.fy ? { fy: options.fy } : {},
  );
  const fys = [...new Set(rows.map((r) => r.fy))];
  const out = rows.map((r) => ({ ...r, through: releases.get(r.fy)?.through ?? '' }));
  const last = fys.at(-1);
  return {
    metric: 'book-ins',
    definition: BOOK_INS_DEFINITION,
    filters: { by, fy: options.fy ?? null },
    period: {
      from: `${(fys[0] ?? 2019) - 1}-10-01`,
      to: last !== undefined ? (releases.get(last)?.through ?? '') : '',
      note: 'fiscal years (October–September) of ICE detention statistics',
    },
    rows: out,
    caveats: [
      'Book-ins into ICE detention are not arrests: an arrest that did not lead to detention is not counted. They have no place (no AOR, state or county) and no custodial/at-large split, so they stand beside the arrest figures only as a national trend.',
      ...partialYears(releases, fys, 'book-ins'),
      'ICE revises figures between releases and overwrites the file at each one; each year here is one archived release (detention_releases names it).',
    ],
  };
}
