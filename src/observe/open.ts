// Open the loaded database read-only, or say how to create it.
import { existsSync } from 'node:fs';
import { type Database, DatabaseMissingError, openDatabase } from './db.js';
import { resolveDbPath } from './paths.js';

export async function openObservatory(db?: string): Promise<Database> {
  const path = resolveDbPath(db);
  if (!existsSync(path)) throw new DatabaseMissingError(path);
  return openDatabase(path, { readOnly: true });
}
