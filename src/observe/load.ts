// `comity data load`: every dataset into one DuckDB file, atomically (build a temp file, then rename).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { parse as parseYaml } from 'yaml';
import { buildLandmarkCounties } from './attribution/build.js';
import { sha256File } from './checksum.js';
import { type Database, openDatabase, query, run } from './db.js';
import { LoadError, firstLine, lineFromDuckDbMessage, scanForDamage } from './load-error.js';
import { dataFile } from './manifest.js';
import { METHOD_CLASSES } from './method-class.js';
import { resolveDataDir, resolveDbPath } from './paths.js';
import type { ProgressFn } from './progress.js';
import { ARRESTS, ENCOUNTERS, REMOVALS } from './specs-ice.js';
import { REFERENCE_SPECS } from './specs-reference.js';
import { type TableSpec, checkedFields, readerSql, selectSql } from './table-spec.js';

export const TABLE_SPECS: readonly TableSpec[] = [...REFERENCE_SPECS, ARRESTS, ENCOUNTERS, REMOVALS];
const AOR_CODES_FILE = 'geo/uwchr_aor_codes.yaml';

export interface LoadOptions {
  from?: string;
  db?: string;
  onProgress?: ProgressFn;
}

export interface LoadedSource {
  file: string;
  table: string;
  sha256: string;
  bytes: number;
  rows: number;
  /** Whether the checksum equals the one in the manifest (false for other editions of the data). */
  known: boolean;
}

export interface LoadResult {
  db: string;
  dataDir: string;
  sources: LoadedSource[];
  tables: Record<string, number>;
  attribution: { landmarks: number; attributed: number };
  ms: number;
}

const abs = (dataDir: string, rel: string): string => join(dataDir, ...rel.split('/'));

/** Find the file and line behind a failed CREATE TABLE, reading each file of the spec on its own. */
async function diagnose(db: Database, spec: TableSpec, dataDir: string, error: unknown): Promise<LoadError> {
  const message = error instanceof Error ? error.message : String(error);
  for (const rel of spec.files) {
    const path = abs(dataDir, rel);
    try {
      await query(db, `SELECT count(*) AS n FROM ${readerSql(spec, '$1')}`, [path]);
    } catch (readError) {
      const text = readError instanceof Error ? readError.message : String(readError);
      const line = lineFromDuckDbMessage(text);
      if (line !== null) return new LoadError(rel, line, `malformed or truncated row (${firstLine(text)})`);
      const scan = await scanForDamage(path);
      if (scan.error) return new LoadError(rel, scan.lines + 1, `file is damaged or truncated after ${scan.lines} complete lines (${scan.error})`);
      return new LoadError(rel, null, firstLine(text));
    }
    const checks = checkedFields(spec);
    if (checks.length === 0) continue;
    const which = checks.map((c) => `WHEN ${c.bad} THEN '${c.field.name}'`).join(' ');
    const values = checks.map((c) => `WHEN ${c.bad} THEN r."${c.field.from ?? ''}"`).join(' ');
    const bad = await query<{ n: number; field: string; value: string }>(
      db,
      `SELECT n, field, value FROM (
         SELECT row_number() OVER () AS n, CASE ${which} END AS field, CASE ${values} END AS value
         FROM ${readerSql(spec, '$1')} r) WHERE field IS NOT NULL ORDER BY n LIMIT 1`,
      [path],
    );
    const first = bad[0];
    if (first) return new LoadError(rel, first.n + spec.skip + 1, `column ${first.field}: cannot parse ${JSON.stringify(first.value)}`);
  }
  return new LoadError(spec.files.join(', '), null, firstLine(message));
}

async function loadAorCodes(db: Database, dataDir: string): Promise<void> {
  const text = await readFile(abs(dataDir, AOR_CODES_FILE), 'utf8');
  const doc = parseYaml(text) as { aor?: Record<string, string> };
  if (!doc?.aor || typeof doc.aor !== 'object') throw new LoadError(AOR_CODES_FILE, null, 'expected a mapping under "aor"');
  await run(db, 'CREATE TABLE aor_codes (name VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)');
  const entries = [...Object.entries(doc.aor), ['HQ', 'HQ'] as [string, string]];
  for (const [name, code] of entries) await run(db, 'INSERT INTO aor_codes VALUES ($1, $2)', [name, String(code)]);
}

async function loadMethodClasses(db: Database): Promise<void> {
  await run(db, 'CREATE TABLE method_classes (method VARCHAR PRIMARY KEY, class VARCHAR NOT NULL, detail VARCHAR NOT NULL)');
  for (const [method, c] of Object.entries(METHOD_CLASSES)) {
    await run(db, 'INSERT INTO method_classes VALUES ($1, $2, $3)', [method, c.class, c.detail]);
  }
}

async function loadSpec(db: Database, spec: TableSpec, dataDir: string): Promise<void> {
  const files = listValue(spec.files.map((rel) => abs(dataDir, rel)));
  try {
    await run(db, `CREATE TABLE "${spec.table}" AS ${selectSql(spec, '$files')}`, { files });
  } catch (error) {
    throw await diagnose(db, spec, dataDir, error);
  }
}

async function rowsPerFile(db: Database, spec: TableSpec): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (spec.files.length === 1) {
    const [row] = await query<{ n: number }>(db, `SELECT count(*) AS n FROM "${spec.table}"`);
    out.set(spec.files[0] ?? '', row?.n ?? 0);
    return out;
  }
  const rows = await query<{ f: string; n: number }>(db, `SELECT source_file AS f, count(*) AS n FROM "${spec.table}" GROUP BY 1`);
  for (const rel of spec.files) out.set(rel, rows.find((r) => rel.endsWith(`/${r.f}`))?.n ?? 0);
  return out;
}

async function writeSources(db: Database, sources: LoadedSource[], loadedAt: string): Promise<void> {
  await run(db, `CREATE TABLE sources (file VARCHAR PRIMARY KEY, "table" VARCHAR, sha256 VARCHAR, bytes BIGINT, rows BIGINT, known BOOLEAN, loaded_at TIMESTAMPTZ)`);
  for (const s of sources) {
    await run(db, 'INSERT INTO sources VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMPTZ))', [s.file, s.table, s.sha256, s.bytes, s.rows, s.known, loadedAt]);
  }
}

/** Load every dataset into a new database file and swap it in; the previous file survives any failure. */
export async function loadData(options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const dataDir = resolveDataDir(options.from).path;
  const dbPath = resolveDbPath(options.db);
  const specs = TABLE_SPECS;
  const allFiles = [AOR_CODES_FILE, ...specs.flatMap((s) => s.files)];
  const missing = allFiles.filter((rel) => !existsSync(abs(dataDir, rel)));
  if (missing.length > 0) {
    throw new LoadError(missing[0] ?? '', null, `missing from ${dataDir} (${missing.length} file(s) missing; run \`comity data fetch\` or pass --from)`);
  }
  const hashes = Promise.all(allFiles.map(async (rel) => [rel, await sha256File(abs(dataDir, rel)), (await stat(abs(dataDir, rel))).size] as const));
  hashes.catch(() => undefined);

  await mkdir(dirname(dbPath), { recursive: true });
  const tmp = `${dbPath}.loading-${process.pid}`;
  await rm(tmp, { force: true });
  await rm(`${tmp}.wal`, { force: true });
  const db = await openDatabase(tmp);
  const steps = specs.length + 3;
  let done = 0;
  const tick = (step: string): void => options.onProgress?.(step, ++done, steps);
  try {
    await loadAorCodes(db, dataDir);
    await loadMethodClasses(db);
    tick('codes');
    const tables: Record<string, number> = {};
    const perFile = new Map<string, { table: string; rows: number }>();
    perFile.set(AOR_CODES_FILE, { table: 'aor_codes', rows: 0 });
    const P = (l: string, t: number) => { if (process.env.PROF) console.error(l, Math.round(performance.now() - t)); };
    let t = performance.now();
    for (const spec of specs) {
      const t1 = performance.now();
      await loadSpec(db, spec, dataDir);
      P('create ' + spec.table, t1);
      const t2 = performance.now();
      for (const [rel, rows] of await rowsPerFile(db, spec)) perFile.set(rel, { table: spec.table, rows });
      P('count ' + spec.table, t2);
      tick(spec.table);
    }
    P('tables', t); t = performance.now();
    const attribution = await buildLandmarkCounties(db);
    P('landmarks', t); t = performance.now();
    tick('landmark_county');
    for (const name of [...specs.map((s) => s.table), 'aor_codes', 'method_classes', 'landmark_county']) {
      const [row] = await query<{ n: number }>(db, `SELECT count(*) AS n FROM "${name}"`);
      tables[name] = row?.n ?? 0;
    }
    perFile.set(AOR_CODES_FILE, { table: 'aor_codes', rows: tables.aor_codes ?? 0 });
    const sources: LoadedSource[] = (await hashes).map(([rel, sha256, bytes]) => ({
      file: rel,
      table: perFile.get(rel)?.table ?? '',
      sha256,
      bytes,
      rows: perFile.get(rel)?.rows ?? 0,
      known: dataFile(rel)?.sha256 === sha256,
    }));
    P('counts+hash', t); t = performance.now();
    await writeSources(db, sources, new Date().toISOString());
    P('sources', t); t = performance.now();
    tick('sources');
    await run(db, 'CHECKPOINT');
    db.close();
    await rm(`${dbPath}.wal`, { force: true });
    await rename(tmp, dbPath);
    P('checkpoint', t);
    return { db: dbPath, dataDir, sources, tables, attribution, ms: Math.round(performance.now() - started) };
  } catch (error) {
    try {
      db.close();
    } catch {
      /* already closed */
    }
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    throw error;
  }
}
