// trac-arrests-county-monthly/trac_ice_arrests_county_month.csv from a public table of TRAC's ICE Arrests tool
// counts (FY2015 to May 2018): one row per month ("Date", M/1/YY), one column per county area ("Accomack County,
// VA", …, "Unknown"). The derivation turns it long: month (YYYY-MM), county_area, state (the letters after the last
// ", "; blank for "Unknown"), arrests, county by county in the column order, months in row order.
import { parse } from 'csv-parse/sync';
import { csvText, DeriveError } from './csv.js';

export function tracCountyMonth([bytes]: readonly Uint8Array[], [source = 'data.csv']: readonly string[]): Uint8Array {
  let rows: string[][];
  try {
    rows = parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes ?? new Uint8Array()), { bom: true }) as string[][];
  } catch (e) {
    throw new DeriveError(source, `not a readable UTF-8 CSV table (${(e as Error).message})`);
  }
  const header = rows[0] ?? [];
  const date = header.indexOf('Date');
  if (date < 0) throw new DeriveError(source, 'line 1: no "Date" column');
  const months = rows.slice(1).map((r, i) => {
    const m = /^(\d{1,2})\/1\/(\d{2})$/.exec(r[date] ?? '');
    if (!m) throw new DeriveError(source, `row ${i + 2}: Date is not a month's first day as M/1/YY: ${r[date]}`);
    return `20${m[2]}-${m[1]?.padStart(2, '0')}`;
  });
  const out: string[][] = [];
  header.forEach((area, j) => {
    if (j === date) return;
    const comma = area.lastIndexOf(', ');
    const state = comma < 0 ? '' : area.slice(comma + 2);
    rows.slice(1).forEach((r, i) => {
      const n = r[j] ?? '';
      if (!/^\d+$/.test(n)) throw new DeriveError(source, `row ${i + 2}, column "${area}": not a count: ${n}`);
      out.push([months[i] ?? '', area, state, n]);
    });
  });
  return csvText(['month', 'county_area', 'state', 'arrests'], out);
}
