#!/usr/bin/env node
/**
 * Where a first parse of the detention-statistics workbooks spends its time (issue 9, item 8). Per workbook, the
 * medians of N runs (ms) of: read-excel-file's whole read (every sheet) and its parts (unzip, bytes to text,
 * shared strings, styles, each sheet's XML parse), the Reader (parseDetentionWorkbook), and the load's read
 * (readWorkbookSheets: only the sheets that can hold a title, then the Reader). The parts come from
 * read-excel-file's own modules, imported by path: a diagnostic, tied to the installed version. Usage (after
 * `npm run build`):
 *   node scripts/observe/profile-workbooks.mjs [DATA_DIR] [N]   (default: the data folder the CLI uses; N = 5)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = (path) => import(join(root, 'node_modules', 'read-excel-file', 'modules', path));
const { default: unpack } = await lib('export/unpackXlsxFileNode.js');
const { default: toStrings } = await lib('utility/convertValuesFromUint8ArraysToStrings.js');
const { default: parseXml } = await lib('xml/parseXml.js');
const { default: parseSharedStrings } = await lib('xlsx/parseSharedStrings.js');
const { default: parseStyles } = await lib('xlsx/parseStyles.js');
const { default: parseSheet } = await lib('xlsx/parseSheet.js');
const { parseDetentionWorkbook, readWorkbookSheets } = await import(join(root, 'dist', 'src', 'observe', 'detention-stats.js'));
const { DETENTION_FILES } = await import(join(root, 'dist', 'src', 'observe', 'specs-recent.js'));
const { resolveDataDir } = await import(join(root, 'dist', 'src', 'observe', 'paths.js'));

const dataDir = process.argv[2] ?? resolveDataDir().path;
const N = Math.max(1, Number(process.argv[3] ?? 5));
const geo = readFileSync(join(dataDir, 'geo', 'uwchr_aor_codes.yaml'), 'utf8');
// The AOR codes the facilities are checked against: every 3-letter code in the codes file, and Harlingen's.
const known = new Set([...geo.matchAll(/\b[A-Z]{3}\b/g)].map((m) => m[0]).concat('HLG'));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
async function time(f) {
  const ts = [];
  let r;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    r = await f();
    ts.push(performance.now() - t);
  }
  return [median(ts), r];
}
const ms = (x) => x.toFixed(x < 10 ? 1 : 0);

for (const rel of DETENTION_FILES) await readWorkbookSheets(join(dataDir, rel), rel); // warm the JIT, untimed
const totals = {};
for (const rel of DETENTION_FILES) {
  const path = join(dataDir, ...rel.split('/'));
  const [whole, sheets] = await time(() => readXlsxFile(path));
  const [unzip, contents] = await time(() => unpack(path));
  const [text, xml] = await time(() => toStrings(contents));
  const [shared, strings] = await time(() => parseSharedStrings(xml['xl/sharedStrings.xml'], parseXml));
  const [styleMs, styles] = await time(() => parseStyles(xml['xl/styles.xml'], parseXml));
  const rels = xml['xl/_rels/workbook.xml.rels'];
  const perSheet = [];
  let sheetsMs = 0;
  for (const [, name, id] of xml['xl/workbook.xml'].matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1];
    const part = xml[`xl/${target}`];
    const [t] = await time(() => parseSheet(part, parseXml, { sharedStrings: strings, styles, epoch1904: false, dateFormatDetectionCache: [], options: {} }));
    sheetsMs += t;
    perSheet.push(`${name.trim()} (${Math.round(part.length / 1024)} KB) ${ms(t)}`);
  }
  const all = sheets.map((s) => ({ name: s.sheet, rows: s.data }));
  const [reader] = await time(() => parseDetentionWorkbook(rel, all, known));
  const [load, titled] = await time(async () => {
    const s = await readWorkbookSheets(path, rel);
    parseDetentionWorkbook(rel, s, known);
    return s;
  });
  const row = { whole, unzip, text, shared, styles: styleMs, sheets: sheetsMs, reader, oldTotal: whole + reader, newTotal: load };
  for (const [k, v] of Object.entries(row)) totals[k] = (totals[k] ?? 0) + v;
  console.log(`${rel}: every sheet ${ms(whole)} = unzip ${ms(unzip)} + to text ${ms(text)} + shared strings ${ms(shared)} + styles ${ms(styleMs)} + sheets ${ms(sheetsMs)}; Reader ${ms(reader)}`);
  console.log(`  sheets: ${perSheet.join('; ')}`);
  console.log(`  the load's read, title sheets only (${titled.filter((s) => s.rows.length > 0).map((s) => s.name.trim()).join(', ')}) + Reader: ${ms(load)} (was ${ms(whole + reader)})`);
}
console.log(`all ${DETENTION_FILES.length}: every sheet ${ms(totals.whole)} (unzip ${ms(totals.unzip)}, to text ${ms(totals.text)}, shared strings ${ms(totals.shared)}, styles ${ms(totals.styles)}, sheets ${ms(totals.sheets)}) + Reader ${ms(totals.reader)} = ${ms(totals.oldTotal)}; title sheets only + Reader: ${ms(totals.newTotal)}`);
