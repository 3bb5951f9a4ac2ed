// The HTTP API against a real listening server (port 0): good and bad requests for every route, oversized bodies,
// wrong methods and media types, and what a problem answer may and may not contain. No records database: the
// observatory's routes answer 503 here (test/server/api-data.test.ts runs them on the loaded records).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { z } from 'zod';
import { createApp, type ComityApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { ROUTE_SPECS, openApiDocument } from '../../src/server/openapi.js';
import { MAX_BODY_BYTES } from '../../src/server/json-body.js';
import { DecisionRequest } from '../../src/law/index.js';
import { METRICS } from '../../src/observe/index.js';
import { Scenario, readScenario } from '../../src/simulate/index.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PA_REQUEST } from './sample-requests.js';

const NO_DB = join(tmpdir(), 'comity-api-test-no-such-dir', 'comity.duckdb');
const decision = PA_REQUEST;

let app: ComityApp;
let server: { url: string; close: () => Promise<void> };
let base: string;
const logged: string[] = [];
const agent = new Agent({ connections: 4 });

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: () => Record<string, unknown> }

async function call(method: string, path: string, opts: { body?: string | Buffer | Readable; type?: string | null; headers?: Record<string, string>; dispatcher?: Agent } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined && opts.type !== null) headers['content-type'] = opts.type ?? 'application/json';
  const res = await request(`${base}${path}`, { method: method as 'GET', headers, ...(opts.body !== undefined ? { body: opts.body } : {}), dispatcher: opts.dispatcher ?? agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}
const post = (path: string, body: unknown, type?: string) => call('POST', path, { body: typeof body === 'string' ? body : JSON.stringify(body), ...(type ? { type } : {}) });

/** A problem answer: its media type, its status in the body, and nothing of the server's insides. */
function assertProblem(a: Answer, status: number, field?: string): Record<string, unknown> {
  assert.equal(a.status, status, a.text);
  assert.equal(a.headers['content-type'], 'application/problem+json');
  const p = a.json();
  assert.equal(p.status, status);
  assert.equal(typeof p.title, 'string');
  assert.equal(typeof p.detail, 'string');
  if (field !== undefined) assert.equal(p.field, field, a.text);
  assert.doesNotMatch(a.text, /at [\w.<>]+ \(|node:internal|\/dist\/|\/src\/|comity-api-test-no-such-dir|\.duckdb/, 'no stack trace or server path');
  return p;
}

before(async () => {
  app = createApp({
    db: NO_DB,
    simulations: { burst: 2, refillMs: 60_000 },
    log: (line) => logged.push(line),
    mount: (a) => a.get('/api/v1/test-throws', () => {
      throw new Error('secret internal detail /srv/comity/private.ts');
    }),
  });
  server = await listen(app, 0, '127.0.0.1', () => {});
  base = server.url.replace(/\/$/, '');
});

after(async () => {
  await app.shutdown?.();
  await agent.close();
  await server.close();
});

describe('security headers', () => {
  test('every answer (JSON, problem, HTML) carries a CSP without inline scripts, nosniff and frame-ancestors none', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nothing', '/api/docs', '/']) {
      const a = await call('GET', path);
      const csp = String(a.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(a.headers['x-content-type-options'], 'nosniff', path);
    }
  });
});

describe('service routes', () => {
  test('health, the OpenAPI document and the reference page (HTML with no inline script, its script and style)', async () => {
    const h = await call('GET', '/api/v1/health');
    assert.equal(h.status, 200);
    assert.equal(h.json().ok, true);
    const doc = (await call('GET', '/api/v1/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    const page = await call('GET', '/api/docs');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    // Every <script> loads a file of this server; none carries code of its own.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs!, /src="\/api\/docs\//);
      assert.equal(body!.trim(), '');
    }
    assert.doesNotMatch(page.text, /https?:\/\/(?!comity\.invalid)/, 'no external resource');
    const js = await call('GET', '/api/docs/docs.js');
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.match(js.text, /openapi\.json/);
    assert.doesNotMatch(js.text, /innerHTML/);
    assert.match(String((await call('GET', '/api/docs/docs.css')).headers['content-type']), /^text\/css/);
  });

  test('the OpenAPI document is made from the schemas that check the routes', async () => {
    const doc = (await call('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>; components: { schemas: Record<string, unknown> } };
    for (const spec of ROUTE_SPECS) {
      const op = doc.paths[spec.docPath]?.[spec.method];
      assert.ok(op, `${spec.method} ${spec.docPath} is documented`);
      const documented = op.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort();
      const schemaKeys = Object.keys((z.toJSONSchema(spec.query, { io: 'input' }) as { properties?: object }).properties ?? {}).sort();
      assert.deepEqual(documented, schemaKeys, spec.docPath);
    }
    assert.deepEqual(doc.components.schemas.DecisionRequest, JSON.parse(JSON.stringify(z.toJSONSchema(DecisionRequest, { io: 'input', unrepresentable: 'any' }))));
    assert.deepEqual(doc.components.schemas.Scenario, JSON.parse(JSON.stringify(z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }))));
    assert.deepEqual(openApiDocument().paths, doc.paths);
  });
});

describe('POST /api/v1/decide', () => {
  test('answers the contract without the trace, with it when asked; text, md and memo formats', async () => {
    const plain = await post('/api/v1/decide', decision);
    assert.equal(plain.status, 200);
    const body = plain.json() as { decisions: Record<string, { modality: string; holdUntil?: string }>; trace?: unknown[] };
    assert.equal(body.decisions.HOLD!.modality, 'MAY');
    assert.equal(body.decisions.HOLD!.holdUntil, '2024-02-04T12:00:00-05:00');
    assert.equal(body.trace, undefined);
    const traced = (await post('/api/v1/decide?trace=true', decision)).json() as { trace?: unknown[] };
    assert.ok(Array.isArray(traced.trace) && traced.trace.length > 0);
    assert.ok(plain.text.length < JSON.stringify(traced).length, 'the answer without the trace is smaller');
    const text = await post('/api/v1/decide?format=text', decision);
    assert.match(String(text.headers['content-type']), /^text\/plain/);
    assert.match(text.text, /^HOLD: MAY — hold no later than 2024-02-04T12:00:00-05:00$/m);
    for (const f of ['md', 'memo']) {
      const md = await post(`/api/v1/decide?format=${f}`, decision);
      assert.match(String(md.headers['content-type']), /^text\/markdown/, f);
      assert.match(md.text, /^# ICE request: what the law allows — Pennsylvania/, f);
    }
  });

  test('accepts application/json with parameters and +json types', async () => {
    assert.equal((await post('/api/v1/decide', decision, 'application/json; charset=utf-8')).status, 200);
    assert.equal((await post('/api/v1/decide', decision, 'application/vnd.comity+json')).status, 200);
  });

  test('refuses other media types with 415 and closes the connection', async () => {
    for (const type of ['text/plain; x=json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=json', 'application/jsonp', 'json']) {
      const a = await post('/api/v1/decide', decision, type);
      assertProblem(a, 415);
      assert.equal(a.headers.connection, 'close', type);
    }
    const none = await call('POST', '/api/v1/decide', { body: JSON.stringify(decision), type: null });
    assertProblem(none, 415);
  });

  test('bad bodies are 400 problems naming the field, never echoing the body', async () => {
    assertProblem(await post('/api/v1/decide', { ...decision, requests: ['HOLD', 'DEPORT'] }), 400, 'requests.1');
    assertProblem(await post('/api/v1/decide', { ...decision, at: 17 }), 400, 'at');
    assertProblem(await post('/api/v1/decide', [decision]), 400);
    assertProblem(await post('/api/v1/decide', 'null'), 400);
    assertProblem(await post('/api/v1/decide', ''), 400, '(body)');
    const bad = assertProblem(await post('/api/v1/decide', '{"jurisdiction": "secret-marker-42'), 400, '(body)');
    assert.doesNotMatch(JSON.stringify(bad), /secret-marker-42/);
    const deep = assertProblem(await post('/api/v1/decide', '['.repeat(100_000) + ']'.repeat(100_000)), 400, '(body)');
    assert.match(String(deep.detail), /nests/);
    const polluted = await post('/api/v1/decide', `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(decision).slice(1)}`);
    assertProblem(polluted, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const unknown = assertProblem(await post('/api/v1/decide', { ...decision, jurisdiction: 'ocd-division/country:us/state:ca/county:santaclara' }), 400, 'jurisdiction');
    assert.match((unknown.problems as { suggestions: string[] }[])[0]!.suggestions[0]!, /^Santa Clara County, CA/);
  });

  test('bad query parameters are 400 problems naming them', async () => {
    assertProblem(await post('/api/v1/decide?format=pdf', decision), 400, 'format');
    assertProblem(await post('/api/v1/decide?trace=yes', decision), 400, 'trace');
    assertProblem(await post('/api/v1/decide?format=text&format=json', decision), 400, 'format');
    assertProblem(await post('/api/v1/decide?callback=x', decision), 400, 'callback');
  });

  test('oversized bodies: 413 on Content-Length before reading, and on a chunked body at the limit; the connection closes', async () => {
    const big = JSON.stringify({ ...decision, pad: 'x'.repeat(MAX_BODY_BYTES) });
    const a = await post('/api/v1/decide', big);
    assertProblem(a, 413);
    assert.equal(a.headers.connection, 'close');
    const chunked = await call('POST', '/api/v1/decide', { body: Readable.from((function* () { for (let i = 0; i < 64; i++) yield Buffer.alloc(8192, 0x20); })()) });
    assertProblem(chunked, 413);
    assert.equal(chunked.headers.connection, 'close');
    // Just under the limit is read (and then judged on its content).
    const under = JSON.stringify({ ...decision, pad: 'x'.repeat(MAX_BODY_BYTES - 1000) });
    const under413 = assertProblem(await post('/api/v1/decide', under), 400, '(request)');
    assert.match(String(under413.detail), /Unrecognized key: "pad"/);
  });

  test('after a 413 or 415 the next request from the same client is answered (no lost request on a closed socket)', async () => {
    const one = new Agent({ connections: 1, pipelining: 1 });
    try {
      const body = JSON.stringify({ ...decision, pad: 'x'.repeat(300 * 1024) });
      for (let i = 0; i < 20; i++) {
        const oversized = await call('POST', '/api/v1/decide', { body, dispatcher: one }).catch((e: Error) => e);
        if (!(oversized instanceof Error)) assert.equal(oversized.status, 413);
        assert.equal((await call('POST', '/api/v1/decide', { body: JSON.stringify(decision), type: 'text/plain', dispatcher: one })).status, 415);
        assert.equal((await call('POST', '/api/v1/decide', { body: JSON.stringify(decision), dispatcher: one })).status, 200);
      }
    } finally {
      await one.close();
    }
  });
});

describe('wrong methods and unknown routes', () => {
  test('a path answered for other methods is 405 with Allow; an unknown path is 404', async () => {
    for (const [method, path, allow] of [
      ['GET', '/api/v1/decide', 'POST'], ['PUT', '/api/v1/decide', 'POST'], ['DELETE', '/api/v1/health', 'GET, HEAD'],
      ['POST', '/api/v1/law/map', 'GET, HEAD'], ['PATCH', '/api/v1/jurisdictions/06085', 'GET, HEAD'], ['DELETE', '/api/v1/simulations', 'POST'],
      ['POST', '/api/v1/observe/custodial-share', 'GET, HEAD'], ['POST', '/api/v1/claims/x', 'GET, HEAD'],
    ] as const) {
      const a = await call(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: '{}' });
      assertProblem(a, 405);
      assert.equal(a.headers.allow, allow, `${method} ${path}`);
    }
    assertProblem(await call('GET', '/api/v1/nothing'), 404);
    assertProblem(await call('POST', '/api/v2/decide', { body: '{}' }), 404);
  });

  test('an unknown query parameter is refused on every route', async () => {
    for (const spec of ROUTE_SPECS) {
      const path = spec.docPath.replace('{id}', spec.docPath.includes('simulations') ? '00000000-0000-0000-0000-000000000000' : spec.docPath.includes('claims') ? 'x' : '06085');
      const a = spec.method === 'post' ? await post(`${path}?bogus=1`, {}) : await call('GET', `${path}?bogus=1`);
      assertProblem(a, 400, 'bogus');
    }
    for (const m of METRICS) assertProblem(await call('GET', `/api/v1/observe/${m.name}?bogus=1`), 400, 'bogus');
    assertProblem(await call('GET', '/api/v1/observe/claims?bogus=1'), 400, 'bogus');
  });

  test('an internal error is a 500 problem whose message stays in the log', async () => {
    const a = await call('GET', '/api/v1/test-throws');
    assertProblem(a, 500);
    assert.doesNotMatch(a.text, /secret internal detail|private\.ts/);
    assert.ok(logged.some((l) => l.includes('secret internal detail')));
  });
});

describe('jurisdictions', () => {
  test('search by name, FIPS code and OCD id', async () => {
    const byName = (await call('GET', '/api/v1/jurisdictions?q=Mecklenburg%20County%2C%20NC')).json() as unknown as { id: string; lawRegistered: boolean }[];
    assert.equal(byName[0]!.id, 'ocd-division/country:us/state:nc/county:mecklenburg');
    assert.equal(byName[0]!.lawRegistered, true);
    const fips = (await call('GET', '/api/v1/jurisdictions?q=06085')).json() as unknown as { id: string; fips: string }[];
    assert.deepEqual(fips.map((h) => h.id), ['ocd-division/country:us/state:ca/county:santa_clara']);
    const ocd = (await call('GET', `/api/v1/jurisdictions?q=${encodeURIComponent('ocd-division/country:us/state:tx/county:harris')}`)).json() as unknown as { fips: string }[];
    assert.equal(ocd[0]!.fips, '48201');
    const limited = (await call('GET', '/api/v1/jurisdictions?q=springfield&limit=3')).json() as unknown as { name: string }[];
    assert.equal(limited.length, 3);
    assert.ok(limited.every((h) => /Springfield/.test(h.name)), JSON.stringify(limited));
    const inState = (await call('GET', '/api/v1/jurisdictions?q=springfield&state=il')).json() as unknown as { id: string }[];
    assert.ok(inState.length > 0 && inState.every((h) => h.id.includes('/state:il/')));
    const list = (await call('GET', '/api/v1/jurisdictions?state=pa')).json() as unknown as { id: string }[];
    assert.ok(list.some((j) => j.id === 'ocd-division/country:us/state:pa'));
  });

  test('bad searches are 400 problems naming the parameter', async () => {
    assertProblem(await call('GET', '/api/v1/jurisdictions?state=pennsylvania'), 400, 'state');
    assertProblem(await call('GET', '/api/v1/jurisdictions?q='), 400, 'q');
    assertProblem(await call('GET', `/api/v1/jurisdictions?q=${'x'.repeat(300)}`), 400, 'q');
    assertProblem(await call('GET', '/api/v1/jurisdictions?q=x&limit=500'), 400, 'limit');
    assertProblem(await call('GET', '/api/v1/jurisdictions?q=x&limit=-1'), 400, 'limit');
  });

  test('one jurisdiction: its layered law with citations, timeline and agreements, by id with plain or encoded slashes', async () => {
    const id = 'ocd-division/country:us/state:ca/county:santa_clara';
    const plain = await call('GET', `/api/v1/jurisdictions/${id}`);
    assert.equal(plain.status, 200, plain.text);
    const encoded = await call('GET', `/api/v1/jurisdictions/${encodeURIComponent(id)}`);
    assert.equal(encoded.text, plain.text);
    const d = plain.json() as {
      jurisdiction: { id: string; fips: string }; layers: { level: string; provisions: { id: string; citation: string; source: string; effective: string }[] }[];
      timeline: { date: string; provision: string }[]; agreements287g: { agreements: unknown[] }; records: { status: string }; disclaimer: string;
    };
    assert.equal(d.jurisdiction.fips, '06085');
    assert.deepEqual(d.layers.slice(0, 2).map((l) => l.level), ['federal', 'state']);
    const cited = d.layers.flatMap((l) => l.provisions);
    assert.ok(cited.length > 0 && cited.every((p) => p.citation.length > 0 && /^https?:\/\//.test(p.source)));
    assert.ok(cited.some((p) => p.id.startsWith('ca.')), 'California\'s law is layered in');
    // The timeline holds each provision's effective date, in order.
    const dates = d.timeline.map((e) => e.date);
    assert.deepEqual(dates, [...dates].sort());
    for (const p of cited) assert.ok(d.timeline.some((e) => e.provision === p.id && e.date === p.effective), p.id);
    assert.equal(d.records.status, 'not loaded');
    assert.match(d.disclaimer, /not legal advice/);
    const byFips = (await call('GET', '/api/v1/jurisdictions/06085')).json() as { jurisdiction: { id: string } };
    assert.equal(byFips.jurisdiction.id, id);
  });

  test('an unknown jurisdiction is a 404 problem with the closest names', async () => {
    const p = assertProblem(await call('GET', '/api/v1/jurisdictions/ocd-division/country:us/state:ca/county:santaclara'), 404, 'id');
    assert.match((p.problems as { suggestions: string[] }[])[0]!.suggestions[0]!, /Santa Clara County, CA/);
    assertProblem(await call('GET', '/api/v1/jurisdictions/99999'), 404, 'id');
    assertProblem(await call('GET', `/api/v1/jurisdictions/${'a'.repeat(400)}`), 400, 'id');
  });
});

describe('law map and changes', () => {
  test('the map as JSON and CSV; bad queries name the parameter', async () => {
    const m = (await call('GET', '/api/v1/law/map?date=2026-01-01&state=tx')).json() as { rows: { fips: string; modality: string }[] };
    assert.equal(m.rows.length, 254);
    assert.equal(m.rows.find((r) => r.fips === '48201')?.modality, 'MUST');
    const gz = await request(`${base}/api/v1/law/map?date=2026-01-01&state=tx`, { headers: { 'accept-encoding': 'gzip' }, dispatcher: agent });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await gz.body.arrayBuffer())).toString('utf8')), m);
    const csv = await call('GET', '/api/v1/law/map?date=2026-01-01&state=ri&format=csv');
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.equal(csv.text.trim().split('\n').length, 1 + 5);
    for (const [q, field] of [['date=2026-13-01', 'date'], ['date=2026-01-01&request=DEPORT', 'request'], ['date=2026-01-01&format=text', 'format'], ['', 'date'], ['date=2026-01-01&colour=red', 'colour']] as const) {
      assertProblem(await call('GET', `/api/v1/law/map?${q}`), 400, field);
    }
    const ch = (await call('GET', '/api/v1/law/changes?from=2018-06-30&to=2018-07-01&state=ia')).json() as { changes: unknown[] };
    assert.equal(ch.changes.length, 99);
    assertProblem(await call('GET', '/api/v1/law/changes?from=2018-07-01&to=2018-06-30'), 400, 'to');
  });
});

describe('observatory and claims without the records', () => {
  test('metrics and claims are 503 problems saying how to load the records; an unknown claim is 404', async () => {
    const m = assertProblem(await call('GET', '/api/v1/observe/custodial-share?fy=2018'), 503);
    assert.match(String(m.detail), /comity data load/);
    assertProblem(await call('GET', '/api/v1/claims'), 503);
    assertProblem(await call('GET', '/api/v1/claims/mecklenburg-287g-end-at-large'), 503);
    assertProblem(await call('GET', '/api/v1/claims/no-such-claim'), 404, 'id');
    assertProblem(await call('GET', '/api/v1/observe/custodial-share?fy=1999'), 400, 'fy');
    assertProblem(await call('GET', '/api/v1/observe/custodial-share?fy=2018&format=xml'), 400, 'format');
  });
});

describe('simulations', () => {
  test('GET /api/v1/scenarios lists every shipped scenario file, each valid for POST /api/v1/simulations as given', async () => {
    const a = await call('GET', '/api/v1/scenarios');
    assert.equal(a.status, 200, a.text);
    const list = JSON.parse(a.text) as { file: string; scenario: Record<string, unknown> }[];
    const files = readdirSync(new URL('../../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml')).sort();
    assert.ok(files.length > 0);
    assert.deepEqual(list.map((x) => x.file), files);
    for (const x of list) {
      const parsed = Scenario.safeParse(x.scenario);
      assert.ok(parsed.success, `${x.file}: ${parsed.success ? '' : parsed.error.message}`);
      assert.equal(x.scenario.calibration, undefined, `${x.file}: the API refuses a calibration`);
      assert.equal(x.scenario.name, readScenario(fileURLToPath(new URL(`../../../scenarios/${x.file}`, import.meta.url))).name);
    }
  });

  test('a scenario is checked by the simulator\'s schema; a valid one becomes a job; past the client\'s limit, 429 with Retry-After', async () => {
    assertProblem(await post('/api/v1/simulations', { name: 'x', from: '2018-01-01' }), 400, 'to');
    assertProblem(await post('/api/v1/simulations', { name: 'x', from: '2018-01-01', to: '2018-01-31', replications: 0 }), 400, 'replications');
    assertProblem(await post('/api/v1/simulations', { name: 'x', from: '2018-01-01', to: '2018-01-31', policies: [{ kind: 'nope' }] }), 400, 'policies.0.kind');
    assertProblem(await post('/api/v1/simulations', { name: 'x', from: '2018-01-01', to: '2018-01-31', calibration: '../../etc/passwd' }), 400, 'calibration');
    assertProblem(await post('/api/v1/simulations', 'name: x', 'application/yaml'), 415);
    const scenario = { name: 'one month', from: '2018-01-01', to: '2018-01-31', replications: 1 };
    const first = await post('/api/v1/simulations', scenario);
    assert.equal(first.status, 202, first.text);
    const job = first.json() as { id: string; status: string };
    assert.equal(first.headers.location, `/api/v1/simulations/${job.id}`);
    assert.ok(['queued', 'running'].includes(job.status));
    assert.equal((await post('/api/v1/simulations', scenario)).status, 202);
    const third = await post('/api/v1/simulations', scenario);
    assertProblem(third, 429);
    assert.ok(Number(third.headers['retry-after']) >= 1);
    // Without the records the run fails, saying so, without the server's path.
    let state: { status: string; error?: string; progress: { fraction: number } } = { status: 'queued', progress: { fraction: 0 } };
    for (let i = 0; i < 100 && (state.status === 'queued' || state.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await call('GET', `/api/v1/simulations/${job.id}`)).json() as typeof state;
    }
    assert.equal(state.status, 'failed');
    assert.match(state.error!, /records are not loaded/);
    assert.doesNotMatch(JSON.stringify(state), /comity-api-test-no-such-dir/);
    assertProblem(await call('GET', '/api/v1/simulations/00000000-0000-0000-0000-000000000000'), 404, 'id');
    assertProblem(await call('GET', '/api/v1/simulations/..%2F..%2Fetc'), 404, 'id');
  });
});
