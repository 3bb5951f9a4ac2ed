/**
 * The landmark attribution as computed (the landmark_county table), kept by what it was computed from: the sha256
 * of every file it reads (the arrests' and encounters' landmarks, the census counties, the AOR map and codes, the
 * HIFLD facilities), the gazetteer's data, and the compiled code of the observatory and the law (every module:
 * the matching, the gazetteer, the SQL that reads the records). Any change to any of these is another key, so an
 * entry can never stand for other input. A reload of unchanged records then reads the table back (tens of
 * milliseconds) instead of matching every landmark again (about 2 s of one core, competing with DuckDB's import).
 * A missing, unreadable or malformed entry is computed anew; entries are written whole (temporary file, then
 * rename), and a cache that cannot be written is skipped (workbook-cache.ts does the same for the workbooks).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { gazetteerDir } from '../law/gazetteer.js';
import { LANDMARK_COUNTY_DDL } from './attribution/build.js';
import { query, run, sqlString } from './db.js';
import { userDataDir } from './paths.js';

const COLUMNS = ['aor', 'landmark', 'fips', 'method', 'confidence', 'reason', 'detail'] as const;
/** Entries kept: the newest few (a checkout's data and code, and a few others'); older keys cannot come back. */
const KEEP = 4;

export function attributionCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'attributed-landmarks');
}

/** Every file under dir whose name ends with one of the extensions, sorted (a stable order for the hash). */
function filesUnder(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(path, exts));
    else if (exts.includes(extname(e.name))) out.push(path);
  }
  return out.sort();
}

let codeHash: string | undefined;
/** This build's observatory and law code and the gazetteer's data: a new build or new data is a new key. */
function codeVersion(): string {
  if (codeHash === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const ext = extname(fileURLToPath(import.meta.url)); // .js when built, .ts when run from source
    const hash = createHash('sha256');
    for (const file of [...filesUnder(here, [ext]), ...filesUnder(join(here, '..', 'law'), [ext]), ...filesUnder(gazetteerDir(), ['.tsv'])]) {
      hash.update(file.slice(file.lastIndexOf('/src/') + 1)).update(readFileSync(file));
    }
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

/** The key of an attribution computed from these files (their sha256 by path), or undefined if one is not known. */
export function attributionKey(inputs: readonly string[], sha256: ReadonlyMap<string, string>): string | undefined {
  const files = [...new Set(inputs)].sort().map((rel) => [rel, sha256.get(rel)] as const);
  if (files.some(([, sha]) => sha === undefined)) return undefined;
  return createHash('sha256').update(JSON.stringify([files, codeVersion()])).digest('hex');
}

const entry = (dir: string, key: string): string => join(dir, `${key}.parquet`);

/** Creates landmark_county from the entry for this key; false (and no table) when there is none or it is unreadable. */
export async function readCachedAttribution(db: DuckDBConnection, dir: string, key: string): Promise<boolean> {
  try {
    await run(db, LANDMARK_COUNTY_DDL);
    const cols = COLUMNS.map((c) => `"${c}"`).join(', ');
    await run(db, `INSERT INTO landmark_county (${cols}) SELECT ${cols} FROM read_parquet(${sqlString(entry(dir, key))})`);
    return true;
  } catch {
    /* no entry, or not one this code wrote (a missing column, a null landmark): computed anew */
  }
  await run(db, 'DROP TABLE IF EXISTS landmark_county').catch(() => undefined);
  return false;
}

/** Writes landmark_county as the entry for this key, and lets the oldest entries (and abandoned temporary files) go. */
export async function storeAttribution(db: DuckDBConnection, dir: string, key: string): Promise<void> {
  const tmp = `${entry(dir, key)}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await run(db, `COPY landmark_county TO ${sqlString(tmp)} (FORMAT parquet)`);
    await rename(tmp, entry(dir, key));
    const files = await Promise.all((await readdir(dir)).map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
    const entries = files.filter((f) => f.n.endsWith('.parquet')).sort((a, b) => b.t - a.t);
    // The oldest entries, and the temporary files of loads killed while writing one (an hour old: not a live load's).
    const stale = files.filter((f) => f.n.endsWith('.tmp') && f.t < Date.now() - 3_600_000);
    for (const { n } of [...entries.slice(KEEP), ...stale]) await rm(join(dir, n), { force: true });
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    /* a cache that cannot be written costs the next load a matching, nothing more */
  }
}

/** How many landmarks the table holds, and how many are placed in a county. */
export async function attributionCounts(db: DuckDBConnection): Promise<{ landmarks: number; attributed: number }> {
  const [row] = await query<{ n: number; placed: number }>(db, 'SELECT count(*) AS n, count(fips) AS placed FROM landmark_county');
  return { landmarks: Number(row?.n ?? 0), attributed: Number(row?.placed ?? 0) };
}
