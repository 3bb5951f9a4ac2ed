// ICE ERO's detention statistics workbooks (.xlsx, FY2019–FY2026): the tables Comity reads, each found by its
// title text rather than by sheet name or row (both change from year to year). A table whose title, header or
// cells are not what is expected stops the load with the file, the sheet, the row and what was expected.
import { readFile } from 'node:fs/promises';
import { LoadError } from './load-error.js';
import { type Cell, type Sheet, readSheetsMatching } from './workbook-sheets.js';

export type { Cell, Sheet };

/** ICE's month columns in fiscal-year order. */
const MONTHS = ['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'] as const;

export interface FacilityRow {
  fy: number;
  name: string;
  city: string | null;
  state: string | null;
  aor: string;
  typeDetailed: string | null;
  /** Average daily population: Male Crim + Male Non-Crim + Female Crim + Female Non-Crim (null when all four are blank). */
  adp: number | null;
  /** Average length of stay, days (the sheet's "FYxx ALOS"). */
  alos: number | null;
  /** The sheet's row, for the load's errors and for readers going back to the file. */
  row: number;
}

export interface MonthlyRow {
  fy: number;
  /** Agency (book-ins) or facility type (ADP), as ICE labels the row. */
  group: string;
  /** First day of the month, or null for ICE's fiscal-year column ("Total" for book-ins, "FY Overall" for ADP). */
  month: string | null;
  value: number;
  /** The month the data run ends in, when it ends before the month does. */
  partial: boolean;
}

export interface DetentionRelease {
  file: string;
  fy: number;
  /** The Facilities sheet's data date ("Source: ICE Integrated Decision Support (IIDS), MM/DD/YYYY"). */
  facilitiesDate: string;
  facilitiesSheet: string;
  /** The footnotes' "updated through" dates of the book-ins and ADP tables. */
  bookInsThrough: string;
  adpThrough: string;
  detentionSheet: string;
  /** Whether the ADP by facility type × month table was found (FY2024 titles it "by Month" only). */
  adpTypeTitle: string;
  facilities: FacilityRow[];
  bookIns: MonthlyRow[];
  adpByType: MonthlyRow[];
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).replace(/\s+/g, ' ').trim());
const isoDate = (m: string, d: string, y: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** The calendar month of a fiscal-year month column: Oct–Dec fall in the previous calendar year. */
export function fiscalMonth(fy: number, index: number): string {
  const month = ((index + 9) % 12) + 1;
  const year = index < 3 ? fy - 1 : fy;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The last day of the month that starts on `first` (YYYY-MM-01). */
function monthEnd(first: string): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

class Reader {
  constructor(
    readonly rel: string,
    readonly fy: number,
    readonly sheets: Sheet[],
  ) {}

  fail(sheet: string | null, row: number | null, detail: string): never {
    const where = [sheet === null ? null : `sheet "${sheet.trim()}"`, row === null ? null : `row ${row}`].filter(Boolean).join(', ');
    throw new LoadError(this.rel, null, `${where ? `${where}: ` : ''}${detail}`);
  }

  /** The one cell, on any sheet, whose text matches the title; its sheet, row and column (0-based). */
  findTitle(title: RegExp, what: string): { sheet: Sheet; r: number; c: number; text: string } {
    // Sheets without TITLE_WORDS are not parsed: a title outside them would be missed, so none may be.
    if (!TITLE_WORDS.test(title.source)) throw new Error(`the title ${title.source} must contain one of TITLE_WORDS (${TITLE_WORDS.source})`);
    const hits: { sheet: Sheet; r: number; c: number; text: string }[] = [];
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell === 'string' && title.test(text(cell))) hits.push({ sheet, r, c, text: text(cell) });
        }),
      );
    }
    if (hits.length === 0) this.fail(null, null, `no table titled ${what} on any sheet (${this.sheets.map((s) => `"${s.name.trim()}"`).join(', ')}): the workbook's layout has changed`);
    if (hits.length > 1) this.fail(hits[1]!.sheet.name, hits[1]!.r + 1, `${hits.length} tables titled ${what} (also on sheet "${hits[0]!.sheet.name.trim()}", row ${hits[0]!.r + 1}); expected one`);
    const hit = hits[0]!;
    const fy = /FY ?(\d{4}|\d{2})\b/i.exec(hit.text)?.[1];
    if (fy && (fy.length === 2 ? 2000 + Number(fy) : Number(fy)) !== this.fy) this.fail(hit.sheet.name, hit.r + 1, `the table titled "${hit.text}" is not of FY${this.fy}, the year in the file's name`);
    return hit;
  }

  /** A "MM/DD/YYYY" date in the footnote whose heading matches, e.g. "FY2026 ICE Initial Book-Ins … updated through 04/04/2026". */
  footnoteThrough(heading: RegExp, what: string): string {
    const hit = this.findTitle(heading, what);
    const note = text(hit.sheet.rows[hit.r]?.[hit.c + 1]);
    const m = /through (\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(note);
    if (!m) this.fail(hit.sheet.name, hit.r + 1, `the footnote to ${what} should say "… through MM/DD/YYYY" (got "${note.slice(0, 80)}")`);
    return isoDate(m[1]!, m[2]!, m[3]!);
  }

  number(sheet: Sheet, r: number, c: number, column: string, allowBlank: boolean): number | null {
    const v = sheet.rows[r]?.[c] ?? null;
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      if (allowBlank) return null;
      this.fail(sheet.name, r + 1, `column ${column}: expected a number, found a blank cell`);
    }
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
    return this.fail(sheet.name, r + 1, `column ${column}: expected a number, found ${JSON.stringify(v)}`);
  }

  /**
   * A month × group table under its title: header "<label>, Oct … Sep, <total>", then one row per group until a
   * blank label. Months after `through` are not yet in the data (ICE leaves them blank or 0) and are not kept.
   */
  monthly(title: RegExp, what: string, label: string, total: string, through: string, integer: boolean): { rows: MonthlyRow[]; sheet: string; title: string } {
    const hit = this.findTitle(title, what);
    const { sheet, c } = hit;
    const hr = hit.r + 1;
    const header = (sheet.rows[hr] ?? []).map(text);
    const expected = [label, ...MONTHS, total];
    const got = header.slice(c, c + expected.length);
    if (got.join('|') !== expected.join('|')) this.fail(sheet.name, hr + 1, `the header of ${what} should read ${expected.join(', ')} (got ${got.join(', ')})`);
    const rows: MonthlyRow[] = [];
    for (let r = hr + 1; r < sheet.rows.length && text(sheet.rows[r]?.[c]) !== ''; r++) {
      const group = text(sheet.rows[r]?.[c]);
      MONTHS.forEach((m, i) => {
        const month = fiscalMonth(this.fy, i);
        if (month > through) return;
        const value = this.number(sheet, r, c + 1 + i, m, false) ?? 0;
        if (integer && !Number.isInteger(value)) this.fail(sheet.name, r + 1, `column ${m}: expected a whole number of book-ins, found ${value}`);
        rows.push({ fy: this.fy, group, month, value, partial: through < monthEnd(month) });
      });
      const value = this.number(sheet, r, c + 13, total, false) ?? 0;
      rows.push({ fy: this.fy, group, month: null, value, partial: through < `${this.fy}-09-30` });
    }
    if (rows.length === 0) this.fail(sheet.name, hr + 2, `${what} has no rows under its header`);
    return { rows, sheet: sheet.name, title: hit.text };
  }

  facilities(knownAors: ReadonlySet<string>): { rows: FacilityRow[]; sheet: string; date: string } {
    const hit = this.findTitle(/^ICE FACILITIES DATA, FY ?\d{2,4}\b/i, '"ICE Facilities Data, FYxx"');
    const { sheet } = hit;
    let date: string | null = null;
    let hr = -1;
    for (let r = hit.r + 1; r < Math.min(sheet.rows.length, hit.r + 12) && hr < 0; r++) {
      const row = (sheet.rows[r] ?? []).map(text);
      const m = row.map((v) => /Integrated Decision Support \(IIDS\),\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(v)).find(Boolean);
      if (m) date = isoDate(m[1]!, m[2]!, m[3]!);
      if (row[hit.c] === 'Name') hr = r;
    }
    if (hr < 0) this.fail(sheet.name, hit.r + 1, 'no header row starting with "Name" within 12 rows of the title "ICE Facilities Data"');
    if (date === null) this.fail(sheet.name, hit.r + 1, 'no data date ("Source: ICE Integrated Decision Support (IIDS), MM/DD/YYYY") between the title and the header');
    const header = (sheet.rows[hr] ?? []).map(text);
    const col = (name: string | RegExp): number => {
      const i = header.findIndex((h) => (typeof name === 'string' ? h === name : name.test(h)));
      if (i < 0) this.fail(sheet.name, hr + 1, `the facilities header has no column ${String(name)} (columns: ${header.filter(Boolean).join(', ').slice(0, 200)})`);
      return i;
    };
    const c = {
      name: col('Name'), city: col('City'), state: col('State'), aor: col('AOR'), type: col('Type Detailed'),
      alos: col(/^FY ?\d{2,4} ALOS$/), mc: col('Male Crim'), mn: col('Male Non-Crim'), fc: col('Female Crim'), fn: col('Female Non-Crim'),
    };
    const rows: FacilityRow[] = [];
    for (let r = hr + 1; r < sheet.rows.length && text(sheet.rows[r]?.[c.name]) !== ''; r++) {
      const cells = sheet.rows[r] ?? [];
      const aor = text(cells[c.aor]);
      if (!knownAors.has(aor)) this.fail(sheet.name, r + 1, `column AOR: unknown Area of Responsibility code ${JSON.stringify(aor)} (known: ${[...knownAors].sort().join(', ')})`);
      const state = text(cells[c.state]);
      if (state !== '' && !/^[A-Z]{2}$/.test(state)) this.fail(sheet.name, r + 1, `column State: expected a 2-letter code, found ${JSON.stringify(state)}`);
      // A facility listed with its four ADP cells blank (FY2019: "MAIN - FOLKSTON IPC (D RAY JAMES)") has no ADP.
      const parts = (['Male Crim', 'Male Non-Crim', 'Female Crim', 'Female Non-Crim'] as const)
        .map((name, i) => this.number(sheet, r, [c.mc, c.mn, c.fc, c.fn][i]!, name, true))
        .filter((v): v is number => v !== null);
      rows.push({
        fy: this.fy,
        name: text(cells[c.name]),
        city: text(cells[c.city]) || null,
        state: state || null,
        aor,
        typeDetailed: text(cells[c.type]) || null,
        adp: parts.length === 0 ? null : parts.reduce((s, v) => s + v, 0),
        alos: this.number(sheet, r, c.alos, header[c.alos] ?? 'ALOS', true),
        row: r + 1,
      });
    }
    if (rows.length === 0) this.fail(sheet.name, hr + 2, 'no facility rows under the header');
    return { rows, sheet: sheet.name, date };
  }
}

/** The fiscal year in a workbook's file name: FY19-… → 2019. */
export function workbookFy(rel: string): number {
  const m = /FY(\d{2})[-_]/i.exec(rel.split('/').pop() ?? '');
  if (!m) throw new LoadError(rel, null, 'the file name should start with FYyy (e.g. FY19-detentionstats.xlsx)');
  return 2000 + Number(m[1]);
}

/**
 * Words every table title the Reader looks for contains (see parseDetentionWorkbook and Reader.facilities): a sheet
 * with no text cell containing one of them cannot hold a title, so it is not parsed (workbook-sheets.ts).
 */
export const TITLE_WORDS = /facilities data|book-ins|average daily population/i;

/**
 * Every sheet of a workbook, in order; a sheet with no cell containing TITLE_WORDS is not parsed and has no rows
 * (the Reader finds the same titles as in the whole workbook). An unreadable file is a LoadError naming it.
 */
export async function readWorkbookSheets(path: string, rel: string): Promise<Sheet[]> {
  try {
    return await readSheetsMatching(await readFile(path), TITLE_WORDS);
  } catch (error) {
    throw new LoadError(rel, null, `not a readable .xlsx workbook (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
  }
}

export async function readDetentionWorkbook(path: string, rel: string, knownAors: ReadonlySet<string>): Promise<DetentionRelease> {
  return parseDetentionWorkbook(rel, await readWorkbookSheets(path, rel), knownAors);
}

/** The tables of one workbook's sheets (`rel` names the file in errors and gives the fiscal year). */
export function parseDetentionWorkbook(rel: string, sheets: Sheet[], knownAors: ReadonlySet<string>): DetentionRelease {
  const fy = workbookFy(rel);
  const reader = new Reader(rel, fy, sheets);
  const facilities = reader.facilities(knownAors);
  const bookInsThrough = reader.footnoteThrough(/^FY ?\d{4}( YTD)? ICE Initial Book-Ins$/i, 'the footnote "FYyyyy ICE Initial Book-Ins"');
  const adpThrough = reader.footnoteThrough(/^FY ?\d{4}( YTD)? ICE Average Daily Population and ICE Average Length of Stay$/i, 'the footnote "FYyyyy ICE Average Daily Population and ICE Average Length of Stay"');
  const bookIns = reader.monthly(/^ICE Initial Book-Ins by Arresting Agency and Month\b/i, '"ICE Initial Book-Ins by Arresting Agency and Month"', 'Agency', 'Total', bookInsThrough, true);
  const agencies = [...new Set(bookIns.rows.map((r) => r.group))].sort();
  if (agencies.join('|') !== 'CBP|ICE|Total') reader.fail(bookIns.sheet, null, `"ICE Initial Book-Ins by Arresting Agency and Month" should have one row each for Total, ICE and CBP (got ${agencies.join(', ')})`);
  // FY2024 titles the same table "ICE Average Daily Population by Month" (its only facility type is Adult).
  const adp = reader.monthly(/^ICE Average Daily Population by (Facility Type and )?Month\b/i, '"ICE Average Daily Population by Facility Type and Month"', 'Facility Type', 'FY Overall', adpThrough, false);
  if (bookIns.sheet !== adp.sheet) reader.fail(adp.sheet, null, `the ADP by facility type table is not on the book-ins sheet "${bookIns.sheet.trim()}"`);
  return {
    file: rel, fy,
    facilitiesDate: facilities.date, facilitiesSheet: facilities.sheet.trim(),
    bookInsThrough, adpThrough, detentionSheet: bookIns.sheet.trim(), adpTypeTitle: adp.title,
    facilities: facilities.rows, bookIns: bookIns.rows, adpByType: adp.rows,
  };
}
