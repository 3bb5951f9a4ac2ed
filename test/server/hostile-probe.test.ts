// A replay of the hostile-body probe against a real server: thousands of requests over 16 and then 64 keep-alive
// connections mixing invalid JSON, wrong types, 10 MB and 300 KiB bodies (declared and chunked), 100k-deep nesting,
// prototype-pollution keys, wrong media types and wrong methods, with valid requests interleaved. No answer may be a
// 5xx, and no valid request may be lost (the server must close, not reuse, a connection whose body it did not read).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { createApp, type ComityApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { SANTA_CLARA_REQUEST } from './sample-requests.js';

const decision = SANTA_CLARA_REQUEST;
const VALID = JSON.stringify(decision);
const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 0x20);
const KIB300 = JSON.stringify({ ...decision, pad: 'x'.repeat(300 * 1024) });
const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);

interface Probe {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: () => string | Buffer | Readable;
  type?: string;
  /** The statuses this probe may get. */
  expect: number[];
  /** A body the server refuses unread: the client may see the socket close while it is still sending. */
  mayReset?: boolean;
  valid?: boolean;
}

const P = (p: Probe, weight: number) => ({ p, weight });
const MIX = [
  P({ kind: 'valid decide', method: 'POST', path: '/api/v1/decide', body: () => VALID, expect: [200], valid: true }, 36),
  P({ kind: 'valid decide (+json type)', method: 'POST', path: '/api/v1/decide?format=text', body: () => VALID, type: 'application/vnd.api+json', expect: [200], valid: true }, 4),
  P({ kind: 'health', method: 'GET', path: '/api/v1/health', expect: [200], valid: true }, 4),
  P({ kind: 'invalid JSON', method: 'POST', path: '/api/v1/decide', body: () => '{"jurisdiction": "ocd-division/country:us/state:ca", "agency": {', expect: [400] }, 8),
  P({ kind: 'wrong types', method: 'POST', path: '/api/v1/decide', body: () => JSON.stringify({ ...decision, requests: 'HOLD', at: 12, agency: [] }), expect: [400] }, 8),
  P({ kind: 'not an object', method: 'POST', path: '/api/v1/decide', body: () => '[1,2,3]', expect: [400] }, 2),
  P({ kind: '10 MB body', method: 'POST', path: '/api/v1/decide', body: () => TEN_MB, expect: [413], mayReset: true }, 1),
  P({ kind: '300 KiB body', method: 'POST', path: '/api/v1/decide', body: () => KIB300, expect: [413], mayReset: true }, 8),
  P({ kind: '300 KiB chunked body', method: 'POST', path: '/api/v1/decide', body: () => Readable.from([Buffer.from(KIB300.slice(0, 100_000)), Buffer.from(KIB300.slice(100_000))]), expect: [413], mayReset: true }, 3),
  P({ kind: '100k-deep nesting', method: 'POST', path: '/api/v1/decide', body: () => DEEP, expect: [400] }, 3),
  P({ kind: 'prototype pollution', method: 'POST', path: '/api/v1/decide', body: () => `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},${VALID.slice(1)}`, expect: [400] }, 5),
  P({ kind: 'text/plain; x=json', method: 'POST', path: '/api/v1/decide', body: () => VALID, type: 'text/plain; x=json', expect: [415] }, 4),
  P({ kind: 'form type', method: 'POST', path: '/api/v1/decide', body: () => 'a=1&b=2', type: 'application/x-www-form-urlencoded', expect: [415] }, 3),
  P({ kind: 'GET /decide', method: 'GET', path: '/api/v1/decide', expect: [405] }, 3),
  P({ kind: 'unknown parameter', method: 'POST', path: '/api/v1/decide?debug=1', body: () => VALID, expect: [400] }, 3),
  P({ kind: 'bad scenario', method: 'POST', path: '/api/v1/simulations', body: () => JSON.stringify({ name: 'x', from: '2018-01-01', to: '2017-01-01', __proto__: 1 }), expect: [400] }, 3),
  P({ kind: 'empty body', method: 'POST', path: '/api/v1/decide', body: () => '', expect: [400] }, 2),
];

/** A small seeded generator: the same mix on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function schedule(n: number, seed: number): Probe[] {
  const rnd = mulberry32(seed);
  const total = MIX.reduce((s, m) => s + m.weight, 0);
  return Array.from({ length: n }, () => {
    let r = rnd() * total;
    for (const m of MIX) if ((r -= m.weight) < 0) return m.p;
    return MIX[0]!.p;
  });
}

interface Outcome { probe: Probe; status?: number; error?: string }

async function run(origin: string, probes: Probe[], connections: number): Promise<Outcome[]> {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 10_000 });
  const out: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      try {
        const body = probe.body?.();
        const res = await pool.request({
          method: probe.method, path: probe.path,
          headers: body !== undefined ? { 'content-type': probe.type ?? 'application/json' } : {},
          ...(body !== undefined ? { body } : {}),
        });
        await res.body.text();
        out.push({ probe, status: res.statusCode });
      } catch (error) {
        out.push({ probe, error: (error as { code?: string }).code ?? (error as Error).message });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.close();
  }
  return out;
}

let app: ComityApp;
let server: { url: string; close: () => Promise<void> };

before(async () => {
  app = createApp({ db: join(tmpdir(), 'comity-probe-no-such-dir', 'comity.duckdb'), log: () => {} });
  server = await listen(app, 0, '127.0.0.1', () => {});
});
after(async () => {
  await app.shutdown?.();
  await server.close();
});

for (const [connections, n, seed] of [[16, 1500, 16], [64, 1500, 64]] as const) {
  test(`hostile probe: ${n} requests over ${connections} keep-alive connections, no 5xx and no lost valid request`, { timeout: 240_000 }, async () => {
    const outcomes = await run(server.url.replace(/\/$/, ''), schedule(n, seed), connections);
    assert.equal(outcomes.length, n);
    const serverErrors = outcomes.filter((o) => (o.status ?? 0) >= 500);
    assert.deepEqual(serverErrors.map((o) => o.probe.kind), [], 'no 5xx answer');
    const lostValid = outcomes.filter((o) => o.probe.valid && o.status === undefined);
    assert.deepEqual(lostValid.map((o) => `${o.probe.kind}: ${o.error}`), [], 'no valid request lost');
    const wrong = outcomes.filter((o) => o.status !== undefined && !o.probe.expect.includes(o.status));
    assert.deepEqual(wrong.map((o) => `${o.probe.kind}: ${o.status}`), [], 'every answer as expected');
    // Only a body the server refused unread may see its socket close while still sending.
    const resets = outcomes.filter((o) => o.status === undefined);
    assert.deepEqual(resets.filter((o) => !o.probe.mayReset).map((o) => `${o.probe.kind}: ${o.error}`), []);
    const valid = outcomes.filter((o) => o.probe.valid).length;
    assert.ok(valid > n / 3, `valid requests interleaved (${valid})`);
    const kinds = new Set(outcomes.map((o) => o.probe.kind));
    assert.equal(kinds.size, MIX.length, 'every kind of probe was sent');
    process.stdout.write(`# ${connections} connections: ${n} requests, ${valid} valid (all answered), ${resets.length} oversized requests saw the socket close while sending\n`);
  });
}
