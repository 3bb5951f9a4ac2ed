// The public originals of the derived data files, when a copy is at hand: COMITY_ORIGINALS names a directory
// where `comity data fetch --originals DIR` keeps them (each named by originalName: sha256, then the URL's file name).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { originalName, type DataFile, type Original } from '../../src/observe/index.js';

export const ORIGINALS_DIR = process.env.COMITY_ORIGINALS || undefined;

export function originalPath(o: Original): string | undefined {
  if (!ORIGINALS_DIR) return undefined;
  const path = join(ORIGINALS_DIR, originalName(o));
  return existsSync(path) ? path : undefined;
}

/** Test options for a test that needs a derived file's originals: it skips, saying why, when they are absent. */
export function needsOriginals(file: DataFile): { skip?: string } {
  if (file.origin.kind !== 'derived') return { skip: `${file.path} is not derived` };
  const absent = file.origin.from.filter((o) => !originalPath(o));
  if (absent.length === 0) return {};
  const how = 'run `npx comity data fetch --originals DIR` once where the network reaches GitHub, then set COMITY_ORIGINALS=DIR';
  return { skip: ORIGINALS_DIR ? `the original(s) ${absent.map(originalName).join(', ')} are not in ${ORIGINALS_DIR}; ${how}` : `needs the public originals of ${file.path}: ${how}` };
}
