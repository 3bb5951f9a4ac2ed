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
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

/**
 * A metric's rows as a Parquet file at `path` (for `--format parquet`), typed by DuckDB from the values, with the
 * metric's name, definition, filters and caveats in the file's key-value metadata.
 */
export async function writeMetricParquet(result: MetricResult<object>, rows: Record<string, unknown>[], path: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'comity-parquet-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const json = join(dir, 'rows.json');
    await writeFile(json, rows.map((r) => JSON.stringify(flatten(r))).join('\n'));
    const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;
    const meta = { metric: result.metric, definition: result.definition, filters: JSON.stringify(result.filters), caveats: JSON.stringify(result.caveats) };
    const kv = Object.entries(meta).map(([k, v]) => `${k}: ${literal(v)}`).join(', ');
    const source = rows.length ? `read_json(${literal(json)}, format = 'newline_delimited')` : '(SELECT NULL AS empty WHERE false)';
    // A column that is empty in every row reads as JSON: write it as text.
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
    const select = described.map((c) => (c.column_type === 'JSON' ? `CAST("${c.column_name}" AS VARCHAR) AS "${c.column_name}"` : `"${c.column_name}"`)).join(', ');
    await connection.run(`COPY (SELECT ${select || '*'} FROM ${source}) TO ${literal(path)} (FORMAT parquet, KV_METADATA {${kv}})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
