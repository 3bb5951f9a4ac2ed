// census-population/co-est2019-alldata_subset.csv from the Census Bureau's co-est2019-alldata.csv (county
// population estimates, Vintage 2019): FIPS (STATE + COUNTY) and the population and international-migration
// columns Comity reads, every row kept. The Bureau's file is Latin-1 with CRLF line ends; some public copies
// were re-saved as UTF-8 with LF. Either reads the same; the subset is written as UTF-8 with LF.
import { csvText, DeriveError } from './csv.js';

const YEARS = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const KEPT = ['SUMLEV', 'STATE', 'COUNTY', 'STNAME', 'CTYNAME', 'CENSUS2010POP', ...YEARS(2010, 2019).map((y) => `POPESTIMATE${y}`), ...YEARS(2011, 2019).map((y) => `INTERNATIONALMIG${y}`)];

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export function censusSubset([bytes]: readonly Uint8Array[], [source = 'co-est2019-alldata.csv']: readonly string[]): Uint8Array {
  const text = decode(bytes ?? new Uint8Array()).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').split(',');
  const index = new Map(header.map((h, i) => [h, i]));
  const absent = KEPT.filter((c) => !index.has(c));
  if (absent.length > 0) throw new DeriveError(source, `line 1: missing column(s) ${absent.join(', ')}`);
  const rows = lines.slice(1).map((line, i) => {
    if (line.includes('"')) throw new DeriveError(source, `line ${i + 2}: quoted fields are not expected in this file`);
    const cells = line.split(',');
    if (cells.length !== header.length) throw new DeriveError(source, `line ${i + 2}: ${cells.length} fields, the header has ${header.length}`);
    const at = (c: string): string => cells[index.get(c) ?? -1] ?? '';
    return [`${at('STATE')}${at('COUNTY')}`, ...KEPT.map(at)];
  });
  return csvText(['FIPS', ...KEPT], rows);
}
