// `comity data load`: every dataset into one DuckDB file, atomically (build a temp file, then rename).
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type DuckDBConnection, type DuckDBValue, listValue } from '@duckdb/node-api';
import { YAMLError, parse as parseYaml } from 'yaml';
import { buildClassified } from './classified.js';
import { LandmarkCounties } from './attribution/build.js';
import { attributionCacheDir, attributionCounts, attributionKey, readCachedAttribution, storeAttribution } from './attribution-cache.js';
import { sha256File } from './checksum.js';
import { type Database, openDatabase, query, run, sqlString } from './db.js';
import { LoadError, diskCause, firstLine, lineFromDuckDbMessage, scanForDamage } from './load-error.js';
import { DATA_FILES, type DataFile } from './manifest.js';
import { ATTRIBUTION_INPUTS, EXPECTED_ROWS, MIN_CAP_LOCAL_ATTRIBUTION, ROW_TOLERANCE } from './expected.js';
import { METHOD_CLASSES } from './method-class.js';
import { resolveDataDir, resolveDbPath } from './paths.js';
import type { ProgressFn } from './progress.js';
import { AOR_CODE_MACRO, AOR_NAME_TYPE, ARRESTS, ENCOUNTERS, REMOVALS } from './specs-ice.js';
import { REFERENCE_SPECS, TRAC_COUNTY_SQL } from './specs-reference.js';
import { createRecentLookups, knownAorCodes, readDetentionWorkbooks, writeDetentionTables, writeProvenance } from './load-recent.js';
import { DDP_LICENSE_FILE, DETENTION_DIR, DETENTION_TABLES, RECENT_SPECS } from './specs-recent.js';
import { ROW_NUMBER, type ReaderDates, type TableSpec, checkedFields, fromSql, readerDates, readerSql, selectSql } from './table-spec.js';
import { workbookCacheDir } from './workbook-cache.js';

export const TABLE_SPECS: readonly TableSpec[] = [...REFERENCE_SPECS, ...RECENT_SPECS, ARRESTS, ENCOUNTERS, REMOVALS];
const AOR_CODES_FILE = 'geo/uwchr_aor_codes.yaml';

export interface LoadOptions {
  from?: string;
  db?: string;
  onProgress?: ProgressFn;
  /**
   * Load files whose checksums differ from the manifest's (another edition, a local correction). Their rows and
   * the attribution rate are then checked against expected ranges before the new database replaces the old.
   */
  allowModified?: boolean;
  /** The files and checksums to expect (default: the published records, manifest.ts). */
  manifest?: readonly DataFile[];
  /** Rows per file to expect of modified files (default: expected.ts). */
  expectedRows?: Readonly<Record<string, number>>;
  /**
   * Where parsed detention workbooks are kept by checksum (workbook-cache.ts; default: the user data folder's
   * parsed-workbooks), or false to parse every workbook.
   */
  workbookCache?: string | false;
  /**
   * Where the landmark attribution is kept by what it was computed from (attribution-cache.ts; default: the user
   * data folder's attributed-landmarks), or false to match every landmark.
   */
  attributionCache?: string | false;
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
async function diagnose(db: DuckDBConnection, spec: TableSpec, dataDir: string, error: unknown, dbPath: string): Promise<LoadError> {
  const disk = diskCause(error, dbPath);
  if (disk) return disk;
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
    const values = checks.map((c) => `WHEN ${c.bad} THEN ${c.value}`).join(' ');
    const bad = await query<{ n: number; field: string; value: string }>(
      db,
      `SELECT n, field, value FROM (
         SELECT r."${ROW_NUMBER}" AS n, CASE ${which} END AS field, CASE ${values} END AS value
         ${fromSql(spec, '$1', { rowNumber: true })}) WHERE field IS NOT NULL ORDER BY n LIMIT 1`,
      [path],
    );
    const first = bad[0];
    if (first) {
      const field = spec.fields.find((f) => f.name === first.field);
      const what = field?.describe ?? 'cannot parse';
      return new LoadError(rel, first.n + spec.skip + 1, `column ${first.field}: ${what} ${JSON.stringify(first.value)}`);
    }
  }
  return new LoadError(spec.files.join(', '), null, firstLine(message));
}

async function loadAorCodes(db: Database, dataDir: string): Promise<number> {
  const text = await readFile(abs(dataDir, AOR_CODES_FILE), 'utf8');
  let doc: { aor?: Record<string, string> };
  try {
    doc = parseYaml(text) as { aor?: Record<string, string> };
  } catch (error) {
    const line = error instanceof YAMLError ? (error.linePos?.[0]?.line ?? null) : null;
    throw new LoadError(AOR_CODES_FILE, line, `not valid YAML (${firstLine(error instanceof Error ? error.message : String(error)).replace(/ at line \d+, column \d+:?$/, '')})`);
  }
  if (!doc?.aor || typeof doc.aor !== 'object') throw new LoadError(AOR_CODES_FILE, null, 'expected a mapping under "aor"');
  await run(db, 'CREATE TABLE aor_codes (name VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)');
  const entries = [...Object.entries(doc.aor), ['HQ', 'HQ'] as [string, string]];
  await insertRows(db, 'aor_codes', entries.map(([name, code]) => [name, String(code)]));
  // The records spell an AOR "Denver Area of Responsibility"; the ICE tables take either spelling.
  await run(db, `CREATE TABLE aor_names AS SELECT name AS raw, code FROM aor_codes UNION ALL SELECT name || ' Area of Responsibility', code FROM aor_codes`);
  // For the ICE tables' load (specs-ice.ts): each spelling a value of an ENUM, and aor_code(name) the code at its
  // position. A cast finds a row's code cheaper than a join per row (about 5% of a table's load), and fails on a
  // name with no code. Both are dropped once the tables are in (loadData).
  const codeOf = new Map<string, string>();
  for (const [name, code] of entries) {
    codeOf.set(name, String(code));
    codeOf.set(`${name} Area of Responsibility`, String(code));
  }
  const names = [...codeOf.keys()];
  await run(db, `CREATE TYPE ${AOR_NAME_TYPE} AS ENUM (${names.map(sqlString).join(', ')})`);
  await run(db, `CREATE MACRO ${AOR_CODE_MACRO}(name) AS ([${names.map((n) => sqlString(codeOf.get(n) ?? '')).join(', ')}])[enum_code(CAST(name AS ${AOR_NAME_TYPE})) + 1]`);
  return entries.length;
}

async function loadMethodClasses(db: Database): Promise<number> {
  await run(db, 'CREATE TABLE method_classes (method VARCHAR PRIMARY KEY, class VARCHAR NOT NULL, detail VARCHAR NOT NULL)');
  const rows = Object.entries(METHOD_CLASSES).map(([method, c]) => [method, c.class, c.detail]);
  await insertRows(db, 'method_classes', rows);
  return rows.length;
}

/** One INSERT for a small table (rather than a statement per row); `casts` wraps a column's placeholder. */
async function insertRows(db: Database, table: string, rows: DuckDBValue[][], casts: Record<number, string> = {}): Promise<void> {
  if (rows.length === 0) return;
  const params: DuckDBValue[] = [];
  const tuples = rows.map((row) => {
    const slots = row.map((value, i) => {
      params.push(value);
      const slot = `$${params.length}`;
      return casts[i] ? `CAST(${slot} AS ${casts[i]})` : slot;
    });
    return `(${slots.join(', ')})`;
  });
  await run(db, `INSERT INTO "${table}" VALUES ${tuples.join(', ')}`, params);
}

/** Per connection, the tables whose exact duplicate rows a load dropped (TableSpec.distinct). */
const dropped = new WeakMap<DuckDBConnection, { table: string; read: number; kept: number; reason: string }[]>();

/** CREATE TABLE … AS from the spec's files; returns the rows per file (from the statement's own count when one file). */
async function loadSpec(connection: DuckDBConnection, spec: TableSpec, dataDir: string, dbPath: string): Promise<Map<string, number>> {
  const files = listValue(spec.files.map((rel) => abs(dataDir, rel)));
  let created: number;
  try {
    const create = (typed?: ReaderDates) => {
      const select = selectSql(spec, '$files', typed);
      return connection.run(`CREATE TABLE "${spec.table}" AS ${spec.distinct ? `SELECT DISTINCT * FROM (${select})` : select}`, { files });
    };
    // Dates parsed by the CSV reader first; a date it cannot read sends the load to the text form (strptime over
    // the trimmed text), whose failure the diagnosis explains (file, line, column).
    const typed = readerDates(spec);
    const result = typed ? await create(typed).catch(() => create()) : await create();
    const [row] = await result.getRows();
    created = Number(row?.[0] ?? 0);
    if (spec.distinct) {
      const [read] = await query<{ n: number }>(connection, `SELECT count(*) AS n FROM ${readerSql(spec, '$files')}`, { files });
      dropped.set(connection, [...(dropped.get(connection) ?? []), { table: spec.table, read: Number(read?.n ?? 0), kept: created, reason: spec.distinct }]);
    }
  } catch (error) {
    throw await diagnose(connection, spec, dataDir, error, dbPath);
  }
  const out = new Map<string, number>();
  if (spec.files.length === 1) {
    out.set(spec.files[0] ?? '', created);
    return out;
  }
  const by = spec.perFile;
  if (!by) throw new Error(`table spec ${spec.table}: several files need perFile`);
  const rows = await query<{ k: string; n: number }>(connection, `SELECT CAST("${by.column}" AS VARCHAR) AS k, count(*) AS n FROM "${spec.table}" GROUP BY 1`);
  for (const rel of spec.files) out.set(rel, rows.find((r) => r.k === String(by.key(rel)))?.n ?? 0);
  return out;
}

async function writeSources(db: Database, sources: LoadedSource[], loadedAt: string): Promise<void> {
  // One row per file and table it feeds (a detention workbook feeds three).
  await run(db, `CREATE TABLE sources (file VARCHAR, "table" VARCHAR, sha256 VARCHAR, bytes BIGINT, rows BIGINT, known BOOLEAN, loaded_at TIMESTAMPTZ, PRIMARY KEY (file, "table"))`);
  await insertRows(
    db,
    'sources',
    sources.map((s) => [s.file, s.table, s.sha256, s.bytes, s.rows, s.known, loadedAt]),
    { 6: 'TIMESTAMPTZ' },
  );
}

/** The reference tables the landmark gazetteer is built from: loaded first, so the attribution can start early. */
const GAZETTEER_INPUTS = new Set(['county_aor', 'census_population', 'hifld_facilities']);
/** Every file the landmark attribution reads: the records' landmarks and the gazetteer's inputs. */
const ATTRIBUTION_FILES = [...ARRESTS.files, ...ENCOUNTERS.files, ...ATTRIBUTION_INPUTS];
const ICE_TABLES = new Set(['arrests', 'encounters', 'removals']);

/** Load every dataset into a new database file and swap it in; the previous file survives any failure. */
/**
 * The half-written files of loads that died (killed, power lost): `<db>.loading-<pid>` and its WAL. A load
 * whose process is still alive is left alone, so two loads at once do not delete each other's work.
 */
async function removeStaleLoads(dbPath: string): Promise<void> {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.loading-`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (pid !== process.pid && Number.isInteger(pid) && pidAlive(pid)) continue;
    await rm(join(dir, name), { force: true });
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function loadData(options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const dataDir = resolveDataDir(options.from).path;
  const dbPath = resolveDbPath(options.db);
  // Checked before the work: the new file is renamed over this path at the end.
  if (existsSync(dbPath) && (await stat(dbPath)).isDirectory()) throw new LoadError(dbPath, null, 'the database path is a directory; pass a file path with --db');
  const specs = TABLE_SPECS;
  const manifest = options.manifest ?? DATA_FILES;
  // The detention workbooks are one per fiscal year: whichever the manifest lists (a test fixture lists fewer).
  const detentionFiles = manifest.map((f) => f.path).filter((p) => p.startsWith(`${DETENTION_DIR}/`) && p.endsWith('.xlsx'));
  const allFiles = [AOR_CODES_FILE, ...specs.flatMap((s) => s.files), DDP_LICENSE_FILE, ...detentionFiles];
  const missing = allFiles.filter((rel) => !existsSync(abs(dataDir, rel)));
  if (missing.length > 0) {
    throw new LoadError(missing[0] ?? '', null, `missing from ${dataDir} (${missing.length} file(s) missing; run \`comity data fetch\` or pass --from)`);
  }
  // A file that differs from the published one is refused unless the user says so. The files are hashed while the
  // load runs (the refusal comes before the new database replaces the old, and before any error the load met).
  const hashing = Promise.all(allFiles.map(async (rel) => [rel, await sha256File(abs(dataDir, rel)), (await stat(abs(dataDir, rel))).size] as const));
  const checked = hashing.then((hashes) => {
    const modified = hashes.filter(([rel, sha]) => manifest.find((f) => f.path === rel)?.sha256 !== sha).map(([rel]) => rel);
    if (modified.length === 0 || options.allowModified) return { hashes, modified };
    const [rel = '', sha = ''] = hashes.find(([r]) => r === modified[0]) ?? [];
    const want = manifest.find((f) => f.path === rel)?.sha256;
    throw new LoadError(
      rel,
      null,
      `${want ? `differs from the published file (sha256 ${sha.slice(0, 12)}…, expected ${want.slice(0, 12)}…)` : 'is not in the manifest of published files'}; ${modified.length > 1 ? `${modified.length - 1} other file(s) differ too; ` : ''}it may be damaged or edited. Run \`comity data fetch\` for a fresh copy, or pass --allow-modified to load it after range checks`,
    );
  });
  checked.catch(() => undefined);

  const tmp = `${dbPath}.loading-${process.pid}`;
  let db: Database;
  try {
    await mkdir(dirname(dbPath), { recursive: true });
    await removeStaleLoads(dbPath);
    await rm(`${tmp}.wal`, { force: true });
    db = await openDatabase(tmp);
  } catch (error) {
    const refused = await checked.then(() => undefined, (e: unknown) => e);
    if (refused) throw refused;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new LoadError(dbPath, null, 'a parent of the database path is a file, not a folder: pass another --db');
    throw diskCause(error, dbPath) ?? new LoadError(dbPath, null, `cannot create the database there (${firstLine(error instanceof Error ? error.message : String(error))})`);
  }
  const steps = specs.length + 4;
  let done = 0;
  const tick = (step: string): void => options.onProgress?.(step, ++done, steps);
  const extra: DuckDBConnection[] = [];
  try {
    // Row order is not part of any table's meaning (every metric orders its output), so let DuckDB insert in
    // whatever order its threads finish. (DuckDB's default checkpoint threshold is kept: deferring every write to
    // the end, with a threshold of 16 GB, made the full load slower: about 6.1 s against 5.8 s over three loads each.)
    await run(db, 'SET preserve_insertion_order = false');
    // Each table is written once, by one statement, and never changed: the row groups its threads leave part-filled
    // are not merged at the checkpoint. (Merging them rewrote them on one core: the final CHECKPOINT took 0.56 s with
    // it and 0.27 s without, and the file came out 35.7 MB against 32.5 MB; queries over the tables took the same.)
    await run(db, 'SET max_vacuum_tasks = 0');
    const counts: Record<string, number> = {};
    counts.aor_codes = await loadAorCodes(db, dataDir);
    counts.method_classes = await loadMethodClasses(db);
    await createRecentLookups(db.connection);
    tick('codes');
    const perFile = new Map<string, { table: string; rows: number }[]>();
    const addFile = (rel: string, table: string, rows: number): void => {
      perFile.set(rel, [...(perFile.get(rel) ?? []), { table, rows }]);
    };
    addFile(AOR_CODES_FILE, 'aor_codes', counts.aor_codes);
    // The detention workbooks are parsed (or read from the cache of parsed workbooks) while DuckDB loads the CSV
    // files, and appended after.
    const cacheDir = options.workbookCache ?? workbookCacheDir();
    const workbooks = readDetentionWorkbooks(dataDir, await knownAorCodes(db.connection), detentionFiles,
      cacheDir === false ? undefined : { dir: cacheDir, sha256: hashing.then((hashes) => new Map(hashes.map(([rel, sha]) => [rel, sha]))) });
    workbooks.catch(() => undefined);

    // Two connections take the tables from one queue, each the next when it is done, all CPU-bound in DuckDB: the
    // gazetteer's inputs first (the attribution starts from them), then the three big ICE tables, then the small
    // reference tables, which fill whichever connection frees first (a fixed split into lanes left one waiting while
    // the other still had a big table and a row of small ones to go). The landmark attribution (mostly JavaScript)
    // runs on a third connection beside them: it matches the arrests' landmarks while the others load, then the
    // encounters' new ones. Each table is built by one statement from its own files, so the order cannot change
    // what is loaded.
    const failures: { index: number; error: unknown }[] = [];
    const loaded = new Map<string, Promise<boolean>>();
    const settle = new Map<string, (ok: boolean) => void>();
    const queue = [
      ...specs.filter((s) => GAZETTEER_INPUTS.has(s.table)),
      ...['arrests', 'removals', 'encounters'].flatMap((t) => specs.filter((s) => s.table === t)),
      ...specs.filter((s) => !GAZETTEER_INPUTS.has(s.table) && !ICE_TABLES.has(s.table)),
    ];
    for (const spec of queue) loaded.set(spec.table, new Promise((resolve) => settle.set(spec.table, resolve)));
    const worker = async (connection: DuckDBConnection): Promise<void> => {
      for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) {
        const done = settle.get(spec.table)!;
        if (failures.length > 0) { // after a failure anywhere, start no new table
          done(false);
          continue;
        }
        try {
          const rows = await loadSpec(connection, spec, dataDir, dbPath);
          let total = 0;
          for (const [rel, n] of rows) {
            addFile(rel, spec.table, n);
            total += n;
          }
          counts[spec.table] = total;
          tick(spec.table);
          done(true);
        } catch (error) {
          failures.push({ index: specs.indexOf(spec), error });
          done(false);
        }
      }
    };
    const second = await db.connect();
    const third = await db.connect();
    extra.push(second, third);
    const workers = [worker(db.connection), worker(second)];
    const ready = (names: Iterable<string>): Promise<boolean> =>
      Promise.all([...names].map((name) => loaded.get(name) ?? Promise.resolve(false))).then((oks) => oks.every(Boolean) && failures.length === 0);
    let attribution = { landmarks: 0, attributed: 0 };
    const attributionDir = options.attributionCache ?? attributionCacheDir();
    const attributing = (async () => {
      try {
        // Unchanged records, reference files and code: the attribution an earlier load computed, read back.
        const key = attributionDir === false ? undefined
          : await hashing.then((hashes) => attributionKey(ATTRIBUTION_FILES, new Map(hashes.map(([rel, sha]) => [rel, sha]))), () => undefined);
        if (key !== undefined && attributionDir !== false && (await readCachedAttribution(third, attributionDir, key))) {
          attribution = await attributionCounts(third);
          counts.landmark_county = attribution.landmarks;
          tick('landmark_county');
          return;
        }
        if (!(await ready(GAZETTEER_INPUTS))) return;
        const landmarks = await LandmarkCounties.start(third);
        for (const table of ['arrests', 'encounters'] as const) {
          if (!(await ready([table]))) return;
          await landmarks.add(table);
        }
        attribution = landmarks.finish();
        counts.landmark_county = attribution.landmarks;
        tick('landmark_county');
        if (key !== undefined && attributionDir !== false && failures.length === 0) await storeAttribution(third, attributionDir, key);
      } catch (error) {
        failures.push({ index: specs.length, error });
      }
    })();
    await Promise.all([...workers, attributing]);
    failures.sort((x, y) => x.index - y.index);
    if (failures[0]) throw failures[0].error;
    await run(db, `DROP MACRO ${AOR_CODE_MACRO}`);
    await run(db, `DROP TYPE ${AOR_NAME_TYPE}`);
    for (const { file, table, rows } of await writeDetentionTables(db.connection, await workbooks)) {
      addFile(file, table, rows);
      counts[table] = (counts[table] ?? 0) + rows;
    }
    counts.detention_releases = detentionFiles.length;
    await writeProvenance(db.connection, dataDir, detentionFiles);
    addFile(DDP_LICENSE_FILE, 'provenance', 1);
    counts.provenance = RECENT_SPECS.length + DETENTION_TABLES.length;
    tick('detention statistics');
    if (specs.some((s) => s.table === 'trac_detainers_facility')) {
      await run(db, TRAC_COUNTY_SQL);
      counts.trac_detainers_county = Number((await query<{ n: number }>(db.connection, 'SELECT count(*) AS n FROM trac_detainers_county'))[0]?.n ?? 0);
    }
    Object.assign(counts, await buildClassified(db));
    const drops = [db.connection, ...extra].flatMap((c) => dropped.get(c) ?? []);
    await run(db, 'CREATE TABLE dropped_duplicates ("table" VARCHAR PRIMARY KEY, rows_read BIGINT, rows_kept BIGINT, reason VARCHAR)');
    await insertRows(db, 'dropped_duplicates', drops.map((d) => [d.table, d.read, d.kept, d.reason]));
    for (const c of extra.splice(0)) c.closeSync();
    const tables: Record<string, number> = {};
    for (const name of [...specs.map((s) => s.table), ...DETENTION_TABLES, 'aor_codes', 'method_classes', 'landmark_county', 'trac_detainers_county', 'arrests_classified', 'arrests_cube', 'provenance']) tables[name] = counts[name] ?? 0;
    const { hashes, modified } = await checked;
    const sources: LoadedSource[] = hashes.flatMap(([rel, sha256, bytes]) =>
      (perFile.get(rel) ?? [{ table: '', rows: 0 }]).map(({ table, rows }) => ({ file: rel, table, sha256, bytes, rows, known: !modified.includes(rel) })),
    );
    if (modified.length > 0) await checkModified(db, sources.filter((x) => !x.known), options.expectedRows ?? EXPECTED_ROWS);
    await writeSources(db, sources, new Date().toISOString());
    tick('sources');
    await run(db, 'CHECKPOINT');
    db.close();
    await rm(`${dbPath}.wal`, { force: true });
    await rename(tmp, dbPath);
    return { db: dbPath, dataDir, sources, tables, attribution, ms: Math.round(performance.now() - started) };
  } catch (error) {
    for (const c of extra) {
      try {
        c.closeSync();
      } catch {
        /* already closed */
      }
    }
    try {
      db.close();
    } catch {
      /* already closed */
    }
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    // A file that is not the published one is the first thing to say: what else failed may follow from it.
    const refused = await checked.then(() => undefined, (e: unknown) => e);
    if (refused) throw refused;
    throw error instanceof LoadError ? error : (diskCause(error, dbPath) ?? error);
  }
}

/** Files that differ from the published ones load only if their rows and the attribution rate stay in range. */
async function checkModified(db: Database, modified: LoadedSource[], expected: Readonly<Record<string, number>>): Promise<void> {
  for (const source of modified) {
    const want = expected[source.file];
    if (want === undefined || want === 0) continue;
    if (Math.abs(source.rows - want) > ROW_TOLERANCE * want) {
      throw new LoadError(
        source.file,
        null,
        `modified file loads ${source.rows.toLocaleString('en-US')} rows where the published file has ${want.toLocaleString('en-US')} (more than ${ROW_TOLERANCE * 100}% apart): a cut or damaged file? The previous database is kept`,
      );
    }
  }
  const placing = modified.find((s) => ATTRIBUTION_INPUTS.has(s.file) || s.table === 'arrests');
  if (!placing) return;
  const [row] = await query<{ placed: number; n: number }>(
    db,
    `SELECT count(*) FILTER (WHERE fips IS NOT NULL) AS placed, count(*) AS n FROM arrests_classified WHERE detail = 'local_jail'`,
  );
  const share = row && row.n > 0 ? row.placed / row.n : 0;
  if (share < MIN_CAP_LOCAL_ATTRIBUTION) {
    throw new LoadError(
      placing.file,
      null,
      `with this modified file the landmark attribution places ${(share * 100).toFixed(1)}% of CAP Local Incarceration arrests in a county (68.5% with the published files; at least ${MIN_CAP_LOCAL_ATTRIBUTION * 100}% expected). The previous database is kept`,
    );
  }
}
