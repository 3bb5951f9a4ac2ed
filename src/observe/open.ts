// Open the loaded database read-only, or say how to create it.
import { existsSync, statSync } from 'node:fs';
import { type Database, DatabaseMissingError, DatabaseUnreadableError, openDatabase, query } from './db.js';
import { resolveDbPath } from './paths.js';

export async function openObservatory(dbPath?: string): Promise<Database> {
  const path = resolveDbPath(dbPath);
  if (!existsSync(path)) throw new DatabaseMissingError(path);
  let db: Database;
  try {
    db = await openDatabase(path, { readOnly: true });
  } catch (error) {
    throw new DatabaseUnreadableError(path, (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
  }
  // Every load writes the sources table last: without it the file is not (or not wholly) a Comity database.
  const [sources] = await query<{ n: number }>(db, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'sources'");
  if (!sources?.n) {
    db.close();
    throw new DatabaseUnreadableError(path, 'it has no sources table');
  }
  return db;
}

interface Opened {
  db: Database;
  /** The file's identity when opened: a new load renames a new file into place, which changes the inode. */
  ino: number;
  mtimeMs: number;
  inFlight: number;
  retired: boolean;
  closed: boolean;
}

/** Close an entry once it is retired and no request uses it any more (once only). */
function closeIfIdle(e: Opened): void {
  if (e.retired && e.inFlight === 0 && !e.closed) {
    e.closed = true;
    e.db.close();
  }
}

/**
 * The observatory for a long-running server: opens the database on first use and, when `comity data load` has
 * since replaced the file, opens the new one for the next request and closes the old one once its requests end.
 */
export class LiveObservatory {
  private current: Promise<Opened> | undefined;

  constructor(private readonly dbPath?: string) {}

  async use<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const entry = await this.acquire();
    try {
      return await fn(entry.db);
    } finally {
      entry.inFlight -= 1;
      closeIfIdle(entry);
    }
  }

  close(): void {
    const current = this.current;
    this.current = undefined;
    void current?.then((e) => {
      e.retired = true;
      closeIfIdle(e);
    }, () => undefined);
  }

  /** The current entry, counted as in use: the check and the count happen in one synchronous step, so a
   * concurrent request that retires the entry cannot close it under this one. */
  private async acquire(): Promise<Opened> {
    for (;;) {
      const path = resolveDbPath(this.dbPath);
      const stats = existsSync(path) ? statSync(path) : undefined;
      const open = (this.current ??= this.open(stats));
      const e = await open;
      if (e.retired) continue; // retired while we waited: take the newer one
      if (stats && (e.ino !== stats.ino || e.mtimeMs !== stats.mtimeMs)) {
        e.retired = true;
        closeIfIdle(e);
        if (this.current === open) this.current = undefined;
        continue;
      }
      e.inFlight += 1;
      return e;
    }
  }

  private open(stats: { ino: number; mtimeMs: number } | undefined): Promise<Opened> {
    const opening = openObservatory(this.dbPath).then((db) => ({ db, ino: stats?.ino ?? 0, mtimeMs: stats?.mtimeMs ?? 0, inFlight: 0, retired: false, closed: false }));
    opening.catch(() => {
      if (this.current === opening) this.current = undefined;
    });
    return opening;
  }
}
