// `comity data fetch`: download the public records into the cache, verifying each file's sha256.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sha256File } from './checksum.js';
import { DATA_FILES, type DataFile } from './manifest.js';
import { cacheDir } from './paths.js';

export interface FetchOptions {
  /** Destination directory; default the user's download cache. */
  dest?: string;
  /** Base URL of a mirror of the data directory (same layout). Default env COMITY_DATA_MIRROR; else each file's upstream URL. */
  mirror?: string;
  files?: readonly DataFile[];
  onFile?: (result: FetchResult) => void;
}

export type FetchStatus = 'present' | 'downloaded' | 'unavailable';
export interface FetchResult {
  path: string;
  status: FetchStatus;
  url: string | null;
  bytes: number;
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

function urlFor(file: DataFile, mirror: string | undefined): string | null {
  if (mirror) return new URL(file.path, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
  return file.upstream;
}

async function download(file: DataFile, url: string, target: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // fetch() rejects with "fetch failed" and the reason (DNS, refused, reset) in its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new FetchError(file.path, url, `cannot download: ${cause}`);
  }
  if (!response.ok || !response.body) throw new FetchError(file.path, url, `HTTP ${response.status}`);
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
    if (got !== file.sha256) throw new FetchError(file.path, url, `sha256 mismatch: expected ${file.sha256}, got ${got}`);
    await rename(tmp, target);
    return bytes;
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Download every missing or stale file. Files already present with the right checksum are left alone. */
export async function fetchData(options: FetchOptions = {}): Promise<FetchResult[]> {
  const dest = options.dest ?? cacheDir();
  const mirror = options.mirror ?? (process.env.COMITY_DATA_MIRROR || undefined);
  const results: FetchResult[] = [];
  for (const file of options.files ?? DATA_FILES) {
    const target = join(dest, ...file.path.split('/'));
    const url = urlFor(file, mirror);
    let result: FetchResult;
    if ((await exists(target)) && (await sha256File(target)) === file.sha256) {
      result = { path: file.path, status: 'present', url, bytes: file.bytes };
    } else if (url === null) {
      result = { path: file.path, status: 'unavailable', url, bytes: 0 };
    } else {
      result = { path: file.path, status: 'downloaded', url, bytes: await download(file, url, target) };
    }
    results.push(result);
    options.onFile?.(result);
  }
  return results;
}
