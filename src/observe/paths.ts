// Where Comity keeps its database, its download cache, and where it reads the public records from.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest ancestor of this module holding Comity's package.json. */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'comity') return dir;
      } catch {
        /* not ours; keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The user's data directory for Comity: $XDG_DATA_HOME/comity, else ~/.local/share/comity. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'comity');
}

/** The download cache that `comity data fetch` fills. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'data');
}

/** The database file: --db, else COMITY_DB, else <user data dir>/comity.duckdb. */
export function resolveDbPath(db?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (db) return resolve(db);
  if (env.COMITY_DB) return resolve(env.COMITY_DB);
  return join(userDataDir(env), 'comity.duckdb');
}

export type DataDirOrigin = 'flag' | 'env' | 'shared' | 'cache';
export interface DataDir {
  path: string;
  origin: DataDirOrigin;
}

/** The data directory: --from, else COMITY_DATA, else ../shared/data beside the project, else the download cache. */
export function resolveDataDir(from?: string, env: NodeJS.ProcessEnv = process.env): DataDir {
  if (from) return { path: resolve(from), origin: 'flag' };
  if (env.COMITY_DATA) return { path: resolve(env.COMITY_DATA), origin: 'env' };
  const root = projectRoot();
  if (root) {
    const shared = join(root, '..', 'shared', 'data');
    if (existsSync(shared)) return { path: resolve(shared), origin: 'shared' };
  }
  return { path: cacheDir(env), origin: 'cache' };
}
