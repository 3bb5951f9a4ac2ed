/** A metric's rows as CSV (one header line, nested objects flattened as `parent.child`), for `--format csv` and `?format=csv`. */
import { stringify } from 'csv-stringify/sync';
import type { MetricResult } from './common.js';

function flatten(row: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = Array.isArray(v) ? v.join(' ') : v;
  }
  return out;
}

export function metricCsv<R extends object>(result: MetricResult<R>): string {
  const rows = result.rows.map((r) => flatten(r as Record<string, unknown>));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify(rows, { header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

/** "custodialShare" → "custodial share", "noConvictionRecorded" → "no conviction recorded": headers in words. */
export function headerWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}
