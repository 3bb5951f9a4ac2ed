/**
 * The detention workbooks as parsed, kept by what they were parsed from: the sha256 of the workbook's bytes, its
 * file name (which gives the fiscal year), the known AOR codes the facilities are checked against, and the parser's
 * own compiled code (PARSER_MODULES). Any change to any of these is another key, so an entry can never stand for other input. A
 * reload of unchanged workbooks then skips the spreadsheet parsing (about 1.5 s for the eight workbooks), which is
 * most of what the load does beyond DuckDB's own import. A missing, unreadable or malformed entry is parsed anew;
 * entries are written whole (temporary file, then rename), and a cache that cannot be written is skipped.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetentionRelease } from './detention-stats.js';
import { userDataDir } from './paths.js';

/** The parser's compiled modules: the tables' reader and the reading of a workbook's sheets. */
export const PARSER_MODULES = ['./detention-stats.js', './workbook-sheets.js'] as const;
let parserHash: string | undefined;
/** The parser's compiled code (this build's PARSER_MODULES): a new build with a changed parser is a new key. */
function parserVersion(): string {
  if (parserHash === undefined) {
    const hash = createHash('sha256');
    for (const file of PARSER_MODULES) hash.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
    parserHash = hash.digest('hex');
  }
  return parserHash;
}

export function workbookCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'parsed-workbooks');
}

export function workbookKey(sha256: string, rel: string, knownAors: ReadonlySet<string>): string {
  return createHash('sha256').update(JSON.stringify([sha256, rel, [...knownAors].sort(), parserVersion()])).digest('hex');
}

function looksParsed(v: unknown, rel: string): v is DetentionRelease {
  const r = v as Partial<DetentionRelease> | null;
  return !!r && r.file === rel && typeof r.fy === 'number' && Array.isArray(r.facilities) && Array.isArray(r.bookIns) && Array.isArray(r.adpByType);
}

export async function cachedWorkbook(dir: string, key: string, rel: string): Promise<DetentionRelease | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8'));
    return looksParsed(v, rel) ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function storeWorkbook(dir: string, key: string, release: DetentionRelease): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `${key}.json.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(release));
    await rename(tmp, join(dir, `${key}.json`));
  } catch {
    /* a cache that cannot be written costs the next load a parse, nothing more */
  }
}
