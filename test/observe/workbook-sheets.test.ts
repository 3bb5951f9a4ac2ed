// Reading only the sheets of a detention workbook that can hold a table title (src/observe/workbook-sheets.ts): the
// same tables and the same errors as from every sheet. Variants of the committed FY2021 workbook are made here by
// editing its XML parts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { LoadError } from '../../src/observe/index.js';
import { type Sheet, parseDetentionWorkbook, readDetentionWorkbook, readWorkbookSheets } from '../../src/observe/detention-stats.js';
import { readDetentionWorkbooks } from '../../src/observe/load-recent.js';
import { DETENTION_FILES } from '../../src/observe/specs-recent.js';
import { DATA_DIR, FIXTURE_DIR, needsData, tempPath } from './helpers.js';

const REL = 'ice-detention-stats/FY21-detentionstats.xlsx';
const FIXTURE = join(FIXTURE_DIR, ...REL.split('/'));
const KNOWN = new Set(['ATL', 'BAL', 'BOS', 'BUF', 'CHI', 'DAL', 'DEN', 'DET', 'ELP', 'HOU', 'LOS', 'MIA', 'NEW', 'NOL', 'NYC', 'PHI', 'PHO', 'SEA', 'SFR', 'SLC', 'SNA', 'SND', 'SPM', 'WAS', 'HLG']);
const BOOK_INS_TITLE = 'ICE Initial Book-Ins by Arresting Agency and Month: FY2021 YTD';

/** Every sheet, as read-excel-file reads the whole workbook (what the load read before). */
async function everySheet(path: string): Promise<Sheet[]> {
  return (await readXlsxFile(path)).map((s) => ({ name: s.sheet, rows: s.data as unknown as Sheet['rows'] }));
}

/** The fixture workbook with some of its XML parts edited, written to a data folder under its own name. */
function edited(edit: (parts: Record<string, string>, sheetPart: (name: string) => string) => void): { dir: string; path: string } {
  const zip = unzipSync(readFileSync(FIXTURE));
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(zip)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  const sheetPart = (name: string): string => {
    const id = new RegExp(`<sheet name="${name}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(parts['xl/workbook.xml']!)?.[1];
    const target = new RegExp(`Id="${id}" Type="[^"]*" Target="([^"]+)"`).exec(parts['xl/_rels/workbook.xml.rels']!)?.[1];
    assert.ok(id && target, `sheet ${name} in the fixture`);
    return `xl/${target}`;
  };
  edit(parts, sheetPart);
  for (const name of Object.keys(zip)) if ((name.endsWith('.xml') || name.endsWith('.rels')) && !(name in parts)) delete zip[name];
  for (const [name, text] of Object.entries(parts)) zip[name] = strToU8(text);
  const dir = dirname(tempPath('x'));
  const path = join(dir, ...REL.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, zipSync(zip));
  return { dir, path };
}

/** A row with one cell, appended at the end of a sheet's data. */
const addRow = (xml: string, cell: string): string => xml.replace('</sheetData>', `<row r="999">${cell}</row></sheetData>`);

test('only the sheets that can hold a title are parsed, and the tables equal those read from every sheet', async () => {
  const sheets = await readWorkbookSheets(FIXTURE, REL);
  const all = await everySheet(FIXTURE);
  assert.deepEqual(sheets.map((s) => s.name), all.map((s) => s.name), 'every sheet is listed, in order');
  const parsed = sheets.filter((s) => s.rows.length > 0).map((s) => s.name);
  assert.ok(parsed.includes('Detention FY21 YTD') && parsed.includes('Facilities FY21 YTD') && parsed.includes('Footnotes'), parsed.join(', '));
  assert.ok(!parsed.includes('ATD FY21 YTD'), 'the ATD sheet holds no title and is not parsed');
  for (const s of sheets.filter((x) => x.rows.length > 0)) assert.deepEqual(s.rows, all.find((x) => x.name === s.name)?.rows, s.name);
  assert.deepEqual(parseDetentionWorkbook(REL, sheets, KNOWN), parseDetentionWorkbook(REL, all, KNOWN));
});

test('every published workbook: the tables from the title sheets equal those from every sheet', needsData, async () => {
  for (const rel of DETENTION_FILES) {
    const path = join(DATA_DIR, ...rel.split('/'));
    const sheets = await readWorkbookSheets(path, rel);
    assert.deepEqual(parseDetentionWorkbook(rel, sheets, KNOWN), parseDetentionWorkbook(rel, await everySheet(path), KNOWN), rel);
    if (rel.includes('FY25')) assert.deepEqual(sheets.find((s) => s.name === 'Monthly Segregation')?.rows, [], 'the 11 MB sheet is not parsed');
  }
});

test('a table whose sheet comes last in the workbook still loads, with the same tables', async () => {
  const { path } = edited((parts) => {
    const workbook = parts['xl/workbook.xml']!;
    const detention = /<sheet name="Detention FY21 YTD"[^>]*\/>/.exec(workbook)![0];
    parts['xl/workbook.xml'] = workbook.replace(detention, '').replace('</sheets>', `${detention}</sheets>`);
  });
  const moved = await readDetentionWorkbook(path, REL, KNOWN);
  assert.equal((await readWorkbookSheets(path, REL)).at(-1)?.name, 'Detention FY21 YTD');
  assert.deepEqual(moved, await readDetentionWorkbook(FIXTURE, REL, KNOWN));
});

test('shared strings kept under another name, as the workbook\'s relationships say, are read the same', async () => {
  const { path } = edited((parts) => {
    parts['xl/strings.xml'] = parts['xl/sharedStrings.xml']!;
    delete parts['xl/sharedStrings.xml'];
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace('Target="sharedStrings.xml"', 'Target="strings.xml"');
    parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace('/xl/sharedStrings.xml', '/xl/strings.xml');
    assert.ok(parts['xl/_rels/workbook.xml.rels'].includes('strings.xml') && !parts['xl/_rels/workbook.xml.rels'].includes('sharedStrings.xml'));
  });
  assert.ok(!Object.keys(unzipSync(readFileSync(path))).includes('xl/sharedStrings.xml'));
  assert.deepEqual(await readDetentionWorkbook(path, REL, KNOWN), await readDetentionWorkbook(FIXTURE, REL, KNOWN));
});

test('a second copy of a title on a sheet without tables is found, as an inline or a shared string', async () => {
  const inline = edited((parts, sheetPart) => {
    const atd = sheetPart('ATD FY21 YTD');
    parts[atd] = addRow(parts[atd]!, `<c r="A999" t="inlineStr"><is><t>${BOOK_INS_TITLE}</t></is></c>`);
  });
  const shared = edited((parts, sheetPart) => {
    const index = [...parts['xl/sharedStrings.xml']!.matchAll(/<si>([\s\S]*?)<\/si>/g)].findIndex((m) => m[1]!.replace(/<[^>]*>/g, '') === BOOK_INS_TITLE);
    assert.ok(index >= 0);
    const atd = sheetPart('ATD FY21 YTD');
    parts[atd] = addRow(parts[atd]!, `<c r="A999" t="s"><v>${index}</v></c>`);
  });
  for (const { path } of [inline, shared]) {
    await assert.rejects(readDetentionWorkbook(path, REL, KNOWN), (e: unknown) => {
      assert.ok(e instanceof LoadError, String(e));
      assert.equal(e.file, REL);
      assert.match(e.detail, /^sheet "Detention FY21 YTD", row 18: 2 tables titled "ICE Initial Book-Ins by Arresting Agency and Month" \(also on sheet "ATD FY21 YTD", row 999\); expected one$/);
      return true;
    });
  }
});

test('a missing title fails naming the file and every sheet searched, parsed or not, alone or in the load\'s reading', async () => {
  const { dir, path } = edited((parts) => {
    parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml']!.replace('Book-Ins by Arresting Agency and Month', 'Intakes by Agency and Month');
  });
  const expected = (e: unknown): boolean => {
    assert.ok(e instanceof LoadError, String(e));
    assert.equal(e.file, REL);
    assert.equal(e.detail, 'no table titled "ICE Initial Book-Ins by Arresting Agency and Month" on any sheet ("Header", "ATD FY21 YTD", "Detention FY21 YTD", "Facilities FY21 YTD", "Trans. Detainee Pop. FY21 YTD", "Footnotes"): the workbook\'s layout has changed');
    return true;
  };
  await assert.rejects(readDetentionWorkbook(path, REL, KNOWN), expected);
  await assert.rejects(readDetentionWorkbooks(dir, KNOWN, [REL]), expected);
});
