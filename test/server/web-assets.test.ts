// The server's hook for the web app's files: content types, caching, gzip, client routes, and what it must not answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { webAssets } from '../../src/server/web-assets.js';

const root = mkdtempSync(join(tmpdir(), 'comity-web-'));
mkdirSync(join(root, 'assets'));
const index = '<!doctype html><title>app</title>';
const script = `export const x = ${JSON.stringify('y'.repeat(4000))};`;
writeFileSync(join(root, 'index.html'), index);
writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
writeFileSync(join(root, 'assets', 'map-abc123.json'), '{"type":"Topology"}');
writeFileSync(join(tmpdir(), 'comity-web-secret.txt'), 'secret');

const app = new Hono();
app.get('/api/v1/health', (c) => c.json({ ok: true }));
app.get('*', webAssets(root));
app.notFound((c) => c.json({ status: 404 }, 404));

test('hashed assets: their content type, cached for a year, gzip when accepted', async () => {
  const js = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(js.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(Buffer.from(await js.arrayBuffer())).toString(), script);
  const plain = await app.request('/assets/index-abc123.js');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), script);
  const json = await app.request('/assets/map-abc123.json');
  assert.equal(json.headers.get('content-type'), 'application/json');
});

test('client routes get index.html, never cached; files that do not exist are 404', async () => {
  for (const path of ['/', '/decide', '/jurisdiction/ocd-division/country:us/state:nc/county:mecklenburg', '/observatory', '/scenarios']) {
    const r = await app.request(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(await r.text(), index);
  }
  assert.equal((await app.request('/assets/missing-000.js')).status, 404);
  assert.equal((await app.request('/missing.png')).status, 404);
});

test('the API is left to its routes, and no path leaves the build folder', async () => {
  assert.deepEqual(await (await app.request('/api/v1/health')).json(), { ok: true });
  assert.equal((await app.request('/api/v1/unknown')).status, 404);
  assert.equal((await app.request('/api/')).status, 404);
  for (const path of ['/../comity-web-secret.txt', '/%2e%2e/comity-web-secret.txt', '/assets/..%2f..%2fcomity-web-secret.txt', '/%00']) {
    const r = await app.request(path);
    assert.notEqual(await r.text(), 'secret', path);
  }
});

test('without a build, the home page says how to make one', async () => {
  const bare = new Hono();
  bare.get('*', webAssets(mkdtempSync(join(tmpdir(), 'comity-noweb-'))));
  const r = await bare.request('/');
  assert.equal(r.status, 200);
  assert.match(await r.text(), /npm run build/);
});
