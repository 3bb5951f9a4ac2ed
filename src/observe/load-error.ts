// A load failure that names the file and, where it can be found, the line.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line === null ? '' : `: line ${line}`}: ${detail}`);
    this.name = 'LoadError';
  }
}

/** DuckDB's CSV errors say "CSV Error on Line: N" or "Line: N". */
export function lineFromDuckDbMessage(message: string): number | null {
  const m = /Line:\s*(\d+)/i.exec(message);
  return m?.[1] ? Number(m[1]) : null;
}

export function firstLine(message: string): string {
  return (message.split('\n').find((l) => l.trim() !== '') ?? message).trim();
}

/**
 * Read a (possibly gzip) file to its end and report how many complete lines could be read before it failed,
 * for errors DuckDB reports without a line (a damaged or truncated gzip stream).
 */
export async function scanForDamage(path: string): Promise<{ lines: number; error: string | null }> {
  let lines = 0;
  try {
    const source = createReadStream(path);
    const stream = path.endsWith('.gz') ? source.pipe(createGunzip()) : source;
    await new Promise<void>((resolve, reject) => {
      source.on('error', reject);
      stream.on('error', reject);
      stream.on('data', (chunk: Buffer) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      });
      stream.on('end', () => resolve());
    });
    return { lines, error: null };
  } catch (error) {
    return { lines, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A failure of the disk rather than of the data (full, read-only, no permission), named as such with the database
 * path: DuckDB reports them mid-statement, so they would otherwise be blamed on the file being read.
 */
export function diskCause(error: unknown, dbPath: string): LoadError | null {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || /No space left on device|ENOSPC|disk is full/i.test(message)) {
    return new LoadError(dbPath, null, 'the disk holding the database is full: free space or pass another --db (the previous database is untouched)');
  }
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || /Permission denied|Read-only file system|EACCES|EROFS/i.test(message)) {
    return new LoadError(dbPath, null, 'cannot write the database there (read-only or no permission): pass another --db (the previous database is untouched)');
  }
  return null;
}
