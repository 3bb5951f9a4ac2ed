// Shared by the observatory tests: one loaded database per data edition and code version, cached in os.tmpdir.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILES, type DataFile, type Database, loadData, openDatabase, query, resolveDataDir } from '../../src/observe/index.js';

export const DATA_DIR = resolveDataDir().path;
/** Whether the public records this suite reads are on this machine (a fresh clone has none until `comity data fetch`). */
/** Every file the load reads: the download manifest's and the post-2019 datasets' (specs-recent.ts). */
const ALL_FILES = DATA_FILES.map((f) => f.path);
export const DATA_PRESENT = ALL_FILES.every((f) => existsSync(join(DATA_DIR, ...f.split('/'))));
/** Test options for a test that reads the full records: it skips, saying why, when they are absent. */
export const needsData: { skip?: string } = DATA_PRESENT ? {} : { skip: `needs the public records, not found in ${DATA_DIR}: run \`npx comity data fetch\` (or set COMITY_DATA)` };
const here = dirname(fileURLToPath(import.meta.url));
/** The compiled observatory code: part of the cache key, so a code change reloads. */
const observeDir = join(here, '..', '..', 'src', 'observe');

function codeFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.js')) hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** A database loaded once per input and code version into os.tmpdir (named by both), reused across files and runs. */
function loadedOnce(prefix: string, checksums: readonly string[], load: (path: string) => Promise<unknown>): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () =>
    (cached ??= (async () => {
      const key = createHash('sha256').update(checksums.join(',')).update(codeFingerprint(observeDir)).digest('hex').slice(0, 16);
      const path = join(tmpdir(), `${prefix}-${key}.duckdb`);
      if (!existsSync(path)) await load(path);
      return path;
    })());
}

/** Path of a database loaded from the shared records (loaded once, reused across test files and runs). */
export const loadedDbPath = loadedOnce('comity-test', DATA_FILES.map((f) => f.sha256), (path) => loadData({ from: DATA_DIR, db: path }));

export async function withLoadedDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(await loadedDbPath(), { readOnly: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Order-independent checksum of every table's contents, except load times. */
export async function tableChecksums(path: string): Promise<Record<string, string>> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    const tables = await query<{ name: string }>(db, `SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const sql = name === 'sources'
        ? `SELECT count(*) AS n, CAST(bit_xor(hash(file, "table", sha256, bytes, rows, known)) AS VARCHAR) AS h FROM sources`
        : `SELECT count(*) AS n, CAST(bit_xor(hash(t)) AS VARCHAR) AS h FROM "${name}" t`;
      const [row] = await query<{ n: number; h: string }>(db, sql);
      out[name] = `${row?.n}:${row?.h}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** A throwaway copy (symlinks) of the records in `source`, with one file replaced by `write(path)`. */
function dirWith(source: string, files: readonly string[], rel: string, write: (target: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'comity-data-'));
  for (const f of files) {
    const target = join(dir, ...f.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    if (f === rel) write(target);
    else symlinkSync(join(source, ...f.split('/')), target);
  }
  return dir;
}

/** A throwaway data directory of symlinks to the shared records, with one file replaced by `write(path)`. */
export const dataDirWith = (rel: string, write: (target: string) => void): string => dirWith(DATA_DIR, ALL_FILES, rel, write);

export function tempPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'comity-test-')), name);
}

/** The committed fixture: a cut of the public records (scripts/observe/cut-fixture.mjs), loaded on any machine. */
export const FIXTURE_DIR = join(here, '..', '..', '..', 'test', 'observe', 'fixtures', 'records');
export const FIXTURE_MANIFEST: DataFile[] = (
  JSON.parse(readFileSync(join(FIXTURE_DIR, 'MANIFEST.json'), 'utf8')) as { files: Omit<DataFile, 'origin'>[] }
).files.map((f) => ({ ...f, origin: { kind: 'none', why: 'a cut of the published file for tests' } }));

/** Path of a database loaded from the fixture (once per code version, reused across test files and runs). */
export const fixtureDbPath = loadedOnce('comity-fixture', FIXTURE_MANIFEST.map((f) => f.sha256), (path) => loadData({ from: FIXTURE_DIR, db: path, manifest: FIXTURE_MANIFEST }));

/**
 * The records the load tests read and damage: the public records when they are here, else the committed fixture
 * (the same files, cut), so the tests of loading run on every machine.
 */
export const RECORDS = DATA_PRESENT
  ? { name: 'the public records', dir: DATA_DIR, manifest: undefined as DataFile[] | undefined, files: ALL_FILES, dbPath: loadedDbPath }
  : { name: 'the fixture', dir: FIXTURE_DIR, manifest: FIXTURE_MANIFEST as DataFile[] | undefined, files: FIXTURE_MANIFEST.map((f) => f.path), dbPath: fixtureDbPath };

/** Rows per file of RECORDS as loaded (what a modified file is compared with), for loadData's expectedRows. */
export async function recordsRows(): Promise<Record<string, number> | undefined> {
  if (DATA_PRESENT) return undefined; // the published counts (src/observe/expected.ts)
  const db = await openDatabase(await fixtureDbPath(), { readOnly: true });
  try {
    const rows = await query<{ file: string; rows: number }>(db, 'SELECT file, max(rows) AS rows FROM sources GROUP BY file');
    return Object.fromEntries(rows.map((r) => [r.file, r.rows]));
  } finally {
    db.close();
  }
}

/** A throwaway copy of RECORDS (symlinks), with one file replaced by `write(path)`. */
export const recordsDirWith = (rel: string, write: (target: string) => void): string => dirWith(RECORDS.dir, RECORDS.files, rel, write);
