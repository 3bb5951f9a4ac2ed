import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DATA_FILES, type DataFile, FetchError, fetchData } from '../../src/observe/index.js';
import { DERIVATIONS } from '../../src/observe/derive/index.js';
import { DATA_DIR, tempPath, needsData } from './helpers.js';
import { needsOriginals, originalPath } from './originals.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Serve the shared data directory on 127.0.0.1, optionally tampering with one file. */
async function serve(tamper?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').slice(1));
    const path = join(DATA_DIR, ...rel.split('/'));
    if (rel.includes('..') || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200);
    if (rel === tamper) res.end(Buffer.concat([readFileSync(path), Buffer.from('x')]));
    else createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const small = DATA_FILES.filter((f) => f.path.startsWith('geo/') || f.path === 'ice-foia-2019-ICFO-53623/EROArrests_FY2016.csv.gz');

test('fetch downloads from a mirror, verifies checksums, and skips files already present', needsData, async () => {
  const server = await serve();
  try {
    const dest = tempPath('cache');
    const first = await fetchData({ dest, mirror: server.url, files: small });
    assert.deepEqual(new Set(first.map((r) => r.status)), new Set(['downloaded']));
    for (const f of small) assert.ok(existsSync(join(dest, ...f.path.split('/'))), f.path);
    const second = await fetchData({ dest, mirror: server.url, files: small });
    assert.deepEqual(new Set(second.map((r) => r.status)), new Set(['present']));
  } finally {
    await server.close();
  }
});

test('a checksum mismatch fails naming the file and leaves nothing behind', needsData, async () => {
  const target = 'geo/uwchr_aor_codes.yaml';
  const server = await serve(target);
  try {
    const dest = tempPath('cache');
    await assert.rejects(fetchData({ dest, mirror: server.url, files: small.filter((f) => f.path === target) }), (e: unknown) => {
      assert.ok(e instanceof FetchError);
      assert.equal(e.file, target);
      assert.match(e.message, /sha256 mismatch/);
      return true;
    });
    assert.ok(!existsSync(join(dest, 'geo', 'uwchr_aor_codes.yaml')));
  } finally {
    await server.close();
  }
});

test('a file with no public origin is reported unavailable, with the reason, when no mirror is given', async () => {
  // Every file in the manifest has an origin now; a made-up one stands for a file that might not.
  assert.deepEqual(DATA_FILES.filter((f) => f.origin.kind === 'none').map((f) => f.path), []);
  const none: DataFile = { path: 'x/orphan.csv', sha256: '0'.repeat(64), bytes: 1, origin: { kind: 'none', why: 'served only by an interactive tool' } };
  const dest = tempPath('cache');
  const r = await fetchData({ dest, mirror: '', files: [none] });
  assert.deepEqual(r, [{ path: 'x/orphan.csv', status: 'unavailable', url: null, bytes: 0, reason: 'served only by an interactive tool' }]);
  assert.ok(!existsSync(join(dest, 'x')));
});

/** Every commit-pinned GitHub URL the manifest downloads, with the data file it serves. */
function pinnedUrls(): { file: string; url: string }[] {
  return DATA_FILES.flatMap((f) =>
    f.origin.kind === 'upstream' ? [{ file: f.path, url: f.origin.url }] : f.origin.kind === 'derived' ? f.origin.from.map((o) => ({ file: f.path, url: o.url })) : [],
  );
}

test('every download URL is a commit-pinned public copy named, with its commit, in its SOURCE.md or in docs/observatory.md', needsData, () => {
  const guide = readFileSync(join(here, '..', '..', '..', 'docs', 'observatory.md'), 'utf8');
  const urls = pinnedUrls();
  assert.ok(urls.length >= DATA_FILES.filter((f) => f.origin.kind === 'upstream').length);
  for (const { file, url } of urls) {
    const m = /^https:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/([0-9a-f]{40})\/(.+)$/.exec(url);
    assert.ok(m?.[1] && m[2] && m[3], `${file}: ${url}`);
    const source = readFileSync(join(DATA_DIR, file.split('/')[0] ?? '', 'SOURCE.md'), 'utf8');
    const inSource = source.includes(m[1]) && source.includes(m[2]);
    const inGuide = guide.includes(m[1]) && guide.includes(m[2]);
    assert.ok(inSource || inGuide, `${file}: ${m[1]} at ${m[2]} is named neither in SOURCE.md nor in docs/observatory.md`);
    // Where the dataset's SOURCE.md names a public repository, the file comes from that repository.
    const named = [...source.matchAll(/github\.com\/([\w.-]+\/[\w.-]+?)(?=[\s,;)(]|\.?\s|$)/g)].map((x) => x[1]);
    if (named.length > 0) assert.ok(named.includes(m[1]), `${file}: ${m[1]} is not among the repositories SOURCE.md names (${named.join(', ')})`);
  }
  // The record-level ICE files all have a byte-identical public copy.
  assert.ok(DATA_FILES.filter((f) => f.path.startsWith('ice-foia-')).every((f) => f.origin.kind === 'upstream'));
});

test('the manifest lists each file once, sorted by path, and names every derivation it uses', () => {
  const paths = DATA_FILES.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort(), 'sorted by path');
  assert.equal(new Set(paths).size, paths.length, 'no path twice');
  for (const f of DATA_FILES) {
    assert.match(f.sha256, /^[0-9a-f]{64}$/, f.path);
    if (f.origin.kind === 'derived') {
      assert.ok(f.origin.with in DERIVATIONS, `${f.path}: ${f.origin.with}`);
      for (const o of f.origin.from) assert.match(o.sha256, /^[0-9a-f]{64}$/, `${f.path}: ${o.url}`);
    }
  }
});

/** Serve bytes by path on 127.0.0.1: `routes` maps a path (without the leading slash) to the bytes or a file to send. */
async function serveRoutes(routes: Map<string, Uint8Array | string>): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').slice(1));
    hits.push(rel);
    const body = routes.get(rel);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200);
    if (typeof body === 'string') createReadStream(body).pipe(res);
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const derivedFiles = DATA_FILES.filter((f) => f.origin.kind === 'derived');
const derivedNeeds = derivedFiles.map(needsOriginals).find((o) => o.skip) ?? {};

test('derived files are rebuilt from their originals downloaded from a local server, and kept originals are reused', derivedNeeds, async () => {
  const routes = new Map<string, string>();
  for (const f of derivedFiles) if (f.origin.kind === 'derived') for (const o of f.origin.from) routes.set(o.sha256, originalPath(o) ?? '');
  const byUrl = new Map(derivedFiles.flatMap((f) => (f.origin.kind === 'derived' ? f.origin.from.map((o) => [o.url, o.sha256] as const) : [])));
  const server = await serveRoutes(routes);
  try {
    const dest = tempPath('cache');
    const originals = tempPath('originals');
    const rewrite = (url: string): string => `${server.url}${byUrl.get(url) ?? 'unknown'}`;
    const first = await fetchData({ dest, mirror: '', originals, rewrite, files: derivedFiles });
    assert.deepEqual(new Set(first.map((r) => r.status)), new Set(['derived']));
    for (const f of derivedFiles) assert.equal(sha(readFileSync(join(dest, ...f.path.split('/')))), f.sha256, f.path);
    // The HIFLD zip serves two files but is downloaded once.
    assert.equal(server.hits.length, routes.size);
    // Derived again into a new destination: the kept originals are used, nothing is downloaded.
    const again = await fetchData({ dest: tempPath('cache'), mirror: '', originals, rewrite, files: derivedFiles });
    assert.deepEqual(new Set(again.map((r) => r.status)), new Set(['derived']));
    assert.equal(server.hits.length, routes.size);
  } finally {
    await server.close();
  }
});

/** A made-up derived file: the census derivation over one original served locally. */
function fakeDerived(original: Uint8Array, claimed = sha(original)): DataFile {
  return { path: 'x/derived.csv', sha256: '0'.repeat(64), bytes: 0, origin: { kind: 'derived', with: 'census-subset', from: [{ url: 'https://example.invalid/co-est.csv', sha256: claimed, bytes: original.length }] } };
}

test('an original with the wrong checksum fails naming the file and the original, and nothing is derived', async () => {
  const bytes = Buffer.from('SUMLEV,STATE\n');
  const server = await serveRoutes(new Map([['co-est.csv', bytes]]));
  try {
    const dest = tempPath('cache');
    const file = fakeDerived(bytes, 'f'.repeat(64));
    await assert.rejects(fetchData({ dest, mirror: '', originals: tempPath('originals'), rewrite: () => `${server.url}co-est.csv`, files: [file] }), (e: unknown) => {
      assert.ok(e instanceof FetchError, String(e));
      assert.match(e.message, /^x\/derived\.csv \(original co-est\.csv\): sha256 mismatch: expected f{64}, got [0-9a-f]{64}/);
      return true;
    });
    assert.ok(!existsSync(join(dest, 'x', 'derived.csv')));
  } finally {
    await server.close();
  }
});

test('a derivation meeting an unexpected layout fails naming the original and what it expected', async () => {
  const bytes = Buffer.from('SUMLEV,STATE,COUNTY\n050,01,001\n');
  const server = await serveRoutes(new Map([['co-est.csv', bytes]]));
  try {
    await assert.rejects(fetchData({ dest: tempPath('cache'), mirror: '', rewrite: () => `${server.url}co-est.csv`, files: [fakeDerived(bytes)] }), (e: unknown) => {
      assert.ok(e instanceof FetchError, String(e));
      assert.equal(e.file, 'x/derived.csv');
      assert.match(e.message, /cannot derive \(census-subset\): co-est\.csv: line 1: missing column\(s\) STNAME, CTYNAME/);
      return true;
    });
  } finally {
    await server.close();
  }
});

const bundled = DATA_FILES.filter((f) => f.origin.kind === 'bundled');

test('the DOJ list is installed from the copy in this repository, with no download and no mirror needed', async () => {
  assert.deepEqual(bundled.map((f) => f.path), ['sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv']);
  const dest = tempPath('cache');
  // A mirror that refuses every request: installing must not ask it.
  const server = await serveRoutes(new Map());
  try {
    const r = await fetchData({ dest, mirror: server.url, files: bundled });
    assert.equal(r[0]?.status, 'installed');
    assert.equal(server.hits.length, 0);
  } finally {
    await server.close();
  }
  const f = bundled[0];
  assert.ok(f);
  const installed = readFileSync(join(dest, ...f.path.split('/')));
  assert.equal(sha(installed), f.sha256);
  if (existsSync(join(DATA_DIR, ...f.path.split('/')))) assert.deepEqual(installed, readFileSync(join(DATA_DIR, ...f.path.split('/'))), 'the data directory copy');
});

test('a bundled copy that does not match its checksum is refused, naming the file', async () => {
  const f = bundled[0];
  assert.ok(f && f.origin.kind === 'bundled');
  const root = tempPath('install');
  const copy = join(root, ...f.origin.path.split('/'));
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, 'level,jurisdiction\nstate,Nowhere\n');
  const dest = tempPath('cache');
  await assert.rejects(fetchData({ dest, bundleRoot: root, files: [f] }), (e: unknown) => e instanceof FetchError && e.file === f.path && /sha256 mismatch/.test(e.message));
  assert.ok(!existsSync(join(dest, ...f.path.split('/'))));
});

test('an unreachable mirror fails naming the file and the reason, not with a bare "fetch failed"', async () => {
  // A port that was just listening and is now closed: the connection is refused.
  const server = await serve();
  const url = server.url;
  await server.close();
  const target = 'geo/uwchr_aor_codes.yaml';
  await assert.rejects(fetchData({ dest: tempPath('cache'), mirror: url, files: small.filter((f) => f.path === target) }), (e: unknown) => {
    assert.ok(e instanceof FetchError, String(e));
    assert.equal(e.file, target);
    assert.match(e.message, /cannot download: .*ECONNREFUSED/);
    return true;
  });
});
