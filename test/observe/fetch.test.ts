import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATA_FILES, FetchError, fetchData } from '../../src/observe/index.js';
import { DATA_DIR, tempPath, needsData } from './helpers.js';

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

test('derived files without an upstream URL are reported unavailable when no mirror is given', needsData, async () => {
  const derived = DATA_FILES.filter((f) => f.upstream === null).slice(0, 1);
  const r = await fetchData({ dest: tempPath('cache'), mirror: '', files: derived });
  assert.equal(r[0]?.status, 'unavailable');
});

test('every download URL is the commit-pinned public copy that its dataset SOURCE.md names', needsData, () => {
  for (const f of DATA_FILES) {
    if (!f.upstream) continue; // transcribed or derived copies: only a mirror of the data directory has them
    const m = /^https:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/([0-9a-f]{40})\/(.+)$/.exec(f.upstream);
    assert.ok(m?.[1] && m[2] && m[3], `${f.path}: ${f.upstream}`);
    const source = readFileSync(join(DATA_DIR, f.path.split('/')[0] ?? '', 'SOURCE.md'), 'utf8');
    assert.ok(source.includes(m[1]), `${f.path}: SOURCE.md names ${m[1]}`);
    assert.ok(source.includes(m[2]), `${f.path}: SOURCE.md names commit ${m[2]}`);
  }
  // The record-level ICE files all have a public copy.
  assert.ok(DATA_FILES.filter((f) => f.path.startsWith('ice-foia-')).every((f) => f.upstream));
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
