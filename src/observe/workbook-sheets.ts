// The sheets of an .xlsx workbook, reading only those that can hold what the caller looks for. A workbook is a zip
// of XML parts; before anything is parsed, each sheet's XML is scanned for a text cell (a shared string it refers
// to, an inline string or a formula's string result) whose text matches the caller's pattern. Sheets with none are
// returned by name with no rows; the others are parsed by read-excel-file, from a copy of the workbook that lists
// only them. The scan is a superset test: a sheet is left unparsed only when none of its text cells could match, so
// a caller that finds its tables by title on any sheet finds the same cells, and the same duplicates, as from the
// whole workbook. (ICE's FY2025 workbook has an 11 MB sheet with no table of ours: most of the parsing time.)
// Anything the scan does not recognise falls back to reading every sheet.
import { unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';

export type Cell = string | number | boolean | Date | null;
/** A sheet as read from the workbook: its name and its rows of cells (row 1 first). */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** UTF-8 bytes as text (Node's decoder: several times faster than fflate's strFromU8 on the 11 MB sheet). */
const strFromU8 = (u8: Uint8Array): string => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength).toString('utf8');

/** XML character references and Excel's _xHHHH_ escapes, decoded (enough for matching text, not for display). */
function xmlText(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '')
    .replace(/&#(x[0-9a-f]+|\d+);/gi, (_, n: string) => String.fromCodePoint(n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n)))
    .replace(/_x([0-9a-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of an XML fragment: its tags dropped (rich-text runs joined), references decoded, whitespace collapsed. */
function fragmentText(xml: string): string {
  return xmlText(xml.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** An element's attribute, namespace prefix allowed (`r:id`). */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? '') : undefined;
}

interface SheetPart {
  name: string;
  /** The whole `<sheet …/>` element in xl/workbook.xml. */
  element: string;
  /** The sheet's XML part in the zip (e.g. xl/worksheets/sheet3.xml). */
  part: string;
}

/**
 * The workbook's sheets in order, each with its part, and its shared strings' part (as read-excel-file finds it:
 * the workbook's relationship of that type, else xl/sharedStrings.xml); undefined when the layout is not the usual
 * one (then every sheet is read).
 */
function layout(parts: Record<string, Uint8Array>): { sheets: SheetPart[]; sharedStrings: string | undefined } | undefined {
  const workbook = parts['xl/workbook.xml'];
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) return undefined;
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  for (const [tag] of strFromU8(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (!id || !target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, part);
    if (/\/sharedStrings$/.test(attribute(tag, 'Type') ?? '')) {
      if (!parts[part]) return undefined;
      sharedStrings = part;
    }
  }
  const sheets: SheetPart[] = [];
  for (const [element] of strFromU8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(element, 'name');
    const id = attribute(element, 'r:id');
    const part = id === undefined ? undefined : targets.get(id);
    if (name === undefined || part === undefined || !parts[part]) return undefined;
    sheets.push({ name, element, part });
  }
  if (sheets.length === 0) return undefined;
  return { sheets, sharedStrings: sharedStrings ?? (parts['xl/sharedStrings.xml'] ? 'xl/sharedStrings.xml' : undefined) };
}

/** The shared strings' texts, in index order. */
function sharedStringTexts(xml: Uint8Array): string[] {
  return [...strFromU8(xml).matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => fragmentText(m[1] ?? ''));
}

/** Whether a sheet's XML has a text cell that can match: a shared string in `shared`, or an inline or formula string. */
function mayHold(xml: string, shared: ReadonlySet<number>, pattern: RegExp): boolean {
  if (shared.size > 0) {
    // Each shared-string cell (t="s") and the index in the next <v> (a cell with no <v> borrows the next cell's,
    // and an attribute t="s" elsewhere is taken for a cell: false alarms at worst, never a cell missed).
    for (const m of xml.matchAll(/\st\s*=\s*["']s["'][^>]*>[\s\S]*?<(?:\w+:)?v>\s*(\d+)/g)) if (shared.has(Number(m[1]))) return true;
  }
  if (!/\st\s*=\s*["'](?:str|inlineStr)["']/.test(xml)) return false;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*\bt\s*=\s*["'](?:str|inlineStr)["'][^>]*>([\s\S]*?)<\/(?:\w+:)?c>/g)) {
    if (pattern.test(fragmentText((m[1] ?? '').replace(/<(?:\w+:)?f\b[\s\S]*?(?:\/>|<\/(?:\w+:)?f>)/g, '')))) return true;
  }
  return false;
}

// read-excel-file's universal build, given the bytes: it unzips them with fflate, where its Node build streams them
// through a slower unzipper (the eight workbooks' title sheets: about 370 ms against 430, warm, measured with
// scripts/observe/profile-workbooks.mjs).
const all = async (bytes: Uint8Array): Promise<Sheet[]> => {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await readXlsxFile(copy)).map((s) => ({ name: s.sheet, rows: s.data as unknown as Cell[][] }));
};

/**
 * Every sheet of the workbook in order; those with no text cell matching `pattern` (unanchored, tested on each
 * cell's text with whitespace collapsed) have no rows. Throws read-excel-file's error for a file it cannot read.
 */
export async function readSheetsMatching(bytes: Uint8Array, pattern: RegExp): Promise<Sheet[]> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch {
    return all(bytes); // not a zip fflate reads: read-excel-file reads it or says why not
  }
  const found = layout(parts);
  if (!found) return all(bytes);
  const { sheets } = found;
  const test = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')); // no lastIndex carried between tests
  const shared = new Set<number>();
  if (found.sharedStrings) {
    sharedStringTexts(parts[found.sharedStrings]!).forEach((s, i) => {
      if (test.test(s)) shared.add(i);
    });
  }
  const keep = sheets.filter((s) => mayHold(strFromU8(parts[s.part]!), shared, test));
  if (keep.length === 0) return sheets.map((s) => ({ name: s.name, rows: [] }));
  // A copy of the workbook without the other sheets: their parts left out and their <sheet> elements dropped.
  const kept = new Set(keep.map((s) => s.part));
  const dropped = sheets.filter((s) => !kept.has(s.part));
  let workbook = strFromU8(parts['xl/workbook.xml']!);
  for (const s of dropped) workbook = workbook.replace(s.element, '');
  const reduced: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(parts)) if (!dropped.some((s) => s.part === path)) reduced[path] = data;
  reduced['xl/workbook.xml'] = new TextEncoder().encode(workbook);
  const read = await all(zipSync(reduced, { level: 0 }));
  if (read.length !== keep.length) return all(bytes);
  // read-excel-file returns the kept sheets in workbook order, under its own reading of their names.
  const parsed = new Map(keep.map((s, i) => [s.part, read[i]!]));
  return sheets.map((s) => parsed.get(s.part) ?? { name: s.name, rows: [] });
}
