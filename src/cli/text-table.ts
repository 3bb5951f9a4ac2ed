/** Rows as a plain-text table that fits a terminal: headers in words, counts with separators, shares as percentages. */
import { headerWords } from '../observe/metrics/format.js';

/** The width a table may take; wider tables are split into blocks that repeat the row's label columns. */
export const TABLE_WIDTH = 120;
/** Longer text in a cell is cut (with …) in the text table; JSON and CSV keep it whole. */
const MAX_CELL = 48;

function cell(v: unknown, col: string): string {
  if (v === null || v === undefined) return '—';
  // Columns named …Share/share hold ratios (0–1): shown as percentages, including exactly 0 and 1.
  if (typeof v === 'number' && /share$/i.test(col)) return `${(v * 100).toFixed(1)}%`;
  if (typeof v === 'number' && Number.isInteger(v) && !/^(fy|year)$/i.test(col)) return v.toLocaleString('en-US');
  const s = String(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}

export function textTable(rows: Record<string, unknown>[], width = TABLE_WIDTH): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0] ?? {});
  const heads = cols.map(headerWords);
  const cells = rows.map((r) => cols.map((c) => cell(r[c], c)));
  const widths = cols.map((_, i) => Math.max(heads[i]?.length ?? 0, ...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = cols.map((c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  // The label columns: the leading text columns (at most two), repeated in every block.
  let labels = 0;
  while (labels < Math.min(2, cols.length - 1) && !numeric[labels]) labels += 1;
  const blocks: number[][] = [];
  const labelWidth = widths.slice(0, labels).reduce((s, w) => s + w + 2, 0);
  let current: number[] = [];
  let used = labelWidth;
  for (let i = labels; i < cols.length; i++) {
    const w = (widths[i] ?? 0) + 2;
    if (current.length > 0 && used + w > width) {
      blocks.push(current);
      current = [];
      used = labelWidth;
    }
    current.push(i);
    used += w;
  }
  if (current.length > 0 || blocks.length === 0) blocks.push(current);
  const render = (block: number[]): string => {
    const idx = [...Array(labels).keys(), ...block];
    const line = (vals: string[]): string =>
      idx.map((i, k) => (numeric[i] ? (vals[k] ?? '').padStart(widths[i] ?? 0) : (vals[k] ?? '').padEnd(widths[i] ?? 0))).join('  ').trimEnd();
    return [line(idx.map((i) => heads[i] ?? '')), line(idx.map((i) => '-'.repeat(widths[i] ?? 0))), ...cells.map((r) => line(idx.map((i) => r[i] ?? '')))].join('\n');
  };
  return blocks.map(render).join('\n\n');
}
