// `comity data fetch`: put every public record in the cache, verifying each file's sha256. How a file is had
// depends on its origin (manifest.ts): downloaded from its upstream URL, derived from downloaded originals,
// installed from the copy bundled in this repository, or, with no public origin, only from a mirror.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sha256File } from './checksum.js';
import { DATA_FILES, type DataFile, type Original } from './manifest.js';
import { cacheDir, projectRoot } from './paths.js';

export interface FetchOptions {
  /** Destination directory; default the user's download cache. */
  dest?: string;
  /** Base URL of a mirror of the data directory (same layout). Default env COMITY_DATA_MIRROR; else each file's origin. */
  mirror?: string;
  /**
   * Directory where downloaded originals of derived files are kept, named by their sha256, and reused when present.
   * Default env COMITY_ORIGINALS; else a temporary directory removed at the end.
   */
  originals?: string;
  /** Rewrites every URL before it is requested (e.g. to a local server in tests). */
  rewrite?: (url: string) => string;
  /** Where bundled files are read from; default the project root. */
  bundleRoot?: string;
  files?: readonly DataFile[];
  onFile?: (result: FetchResult) => void;
}

/** present: already there; downloaded: copied from a URL; derived: rebuilt from its originals; installed: copied from the repository; unavailable: no origin. */
export type FetchStatus = 'present' | 'downloaded' | 'derived' | 'installed' | 'unavailable';
export interface FetchResult {
  path: string;
  status: FetchStatus;
  /** The URL (or originals' URLs, space-separated) the file came from, the repository path for installed files; null when unavailable. */
  url: string | null;
  bytes: number;
  /** Why a file is unavailable. */
  reason?: string;
}

export class FetchError extends Error {
  constructor(
    readonly file: string,
    readonly url: string,
    message: string,
  ) {
    super(`${file}: ${message} (from ${url})`);
    this.name = 'FetchError';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function hasChecksum(path: string, sha256: string): Promise<boolean> {
  return (await exists(path)) && (await sha256File(path)) === sha256;
}

/** Download `url` to `target` (atomically), failing unless its sha256 is `sha256`. `file` names what is being fetched in errors. */
async function download(file: string, url: string, sha256: string, target: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // fetch() rejects with "fetch failed" and the reason (DNS, refused, reset) in its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new FetchError(file, url, `cannot download: ${cause}`);
  }
  if (!response.ok || !response.body) throw new FetchError(file, url, `HTTP ${response.status}`);
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.part-${process.pid}`;
  const hash = createHash('sha256');
  let bytes = 0;
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  try {
    await pipeline(body, createWriteStream(tmp));
    const got = hash.digest('hex');
    if (got !== sha256) throw new FetchError(file, url, `sha256 mismatch: expected ${sha256}, got ${got}`);
    await rename(tmp, target);
    return bytes;
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Write bytes to `target` atomically, failing unless their sha256 is the file's. */
async function writeVerified(file: DataFile, from: string, bytes: Uint8Array, target: string): Promise<void> {
  const got = createHash('sha256').update(bytes).digest('hex');
  if (got !== file.sha256) throw new FetchError(file.path, from, `sha256 mismatch: expected ${file.sha256}, got ${got}`);
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.part-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
}

/** The name an original is kept under: its checksum, then the last part of its URL for people reading the directory. */
export function originalName(original: Original): string {
  return `${original.sha256}-${decodeURIComponent(basename(new URL(original.url).pathname))}`;
}

/** Download every missing or stale file. Files already present with the right checksum are left alone. */
export async function fetchData(options: FetchOptions = {}): Promise<FetchResult[]> {
  const dest = options.dest ?? cacheDir();
  const mirror = options.mirror ?? (process.env.COMITY_DATA_MIRROR || undefined);
  const rewrite = options.rewrite ?? ((url: string) => url);
  const keep = options.originals ?? (process.env.COMITY_ORIGINALS || undefined);
  let scratch: string | undefined;
  const originalsDir = async (): Promise<string> => keep ?? (scratch ??= await mkdtemp(join(tmpdir(), 'comity-originals-')));

  /** The bytes of an original: kept from an earlier run if its checksum holds, else downloaded. */
  const original = async (file: DataFile, o: Original): Promise<Uint8Array> => {
    const path = join(await originalsDir(), originalName(o));
    if (!(await hasChecksum(path, o.sha256))) await download(`${file.path} (original ${basename(new URL(o.url).pathname)})`, rewrite(o.url), o.sha256, path);
    return readFile(path);
  };

  const results: FetchResult[] = [];
  try {
    for (const file of options.files ?? DATA_FILES) {
      const target = join(dest, ...file.path.split('/'));
      const origin = file.origin;
      let result: FetchResult;
      if (await hasChecksum(target, file.sha256)) {
        result = { path: file.path, status: 'present', url: null, bytes: file.bytes };
      } else if (origin.kind === 'bundled') {
        const root = options.bundleRoot ?? projectRoot();
        if (!root) throw new FetchError(file.path, origin.path, 'cannot find the Comity installation that bundles this file');
        const from = join(root, ...origin.path.split('/'));
        let bytes: Uint8Array;
        try {
          bytes = await readFile(from);
        } catch (e) {
          throw new FetchError(file.path, origin.path, `cannot read the bundled copy (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        await writeVerified(file, origin.path, bytes, target);
        result = { path: file.path, status: 'installed', url: origin.path, bytes: bytes.length };
      } else if (mirror) {
        const url = new URL(file.path, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
        result = { path: file.path, status: 'downloaded', url, bytes: await download(file.path, rewrite(url), file.sha256, target) };
      } else if (origin.kind === 'upstream') {
        result = { path: file.path, status: 'downloaded', url: origin.url, bytes: await download(file.path, rewrite(origin.url), file.sha256, target) };
      } else if (origin.kind === 'derived') {
        const inputs: Uint8Array[] = [];
        for (const o of origin.from) inputs.push(await original(file, o));
        const urls = origin.from.map((o) => o.url).join(' ');
        // Imported here so that commands that never derive do not load the spreadsheet and zip readers.
        const { DERIVATIONS, DeriveError } = await import('./derive/index.js');
        let bytes: Uint8Array;
        try {
          bytes = await DERIVATIONS[origin.with](inputs, origin.from.map((o) => decodeURIComponent(basename(new URL(o.url).pathname))));
        } catch (e) {
          if (e instanceof DeriveError) throw new FetchError(file.path, urls, `cannot derive (${origin.with}): ${e.message}`);
          throw e;
        }
        await writeVerified(file, urls, bytes, target);
        result = { path: file.path, status: 'derived', url: urls, bytes: bytes.length };
      } else {
        result = { path: file.path, status: 'unavailable', url: null, bytes: 0, reason: origin.why };
      }
      results.push(result);
      options.onFile?.(result);
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  return results;
}
