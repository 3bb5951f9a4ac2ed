// Open the loaded database read-only, or say how to create it.
import { existsSync } from 'node:fs';
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
