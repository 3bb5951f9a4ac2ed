// The HTTP API: in-process through Hono's app.request, and once over a real socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { observeRoutes } from '../../src/server/observe-routes.js';
import { PA_REQUEST } from './sample-requests.js';

const app = createApp();
const request = PA_REQUEST;
const post = (body: string, type = 'application/json') => app.request('/api/v1/decide', { method: 'POST', body, headers: { 'content-type': type } });

test('POST /api/v1/decide answers the contract', async () => {
  const res = await post(JSON.stringify(request));
  assert.equal(res.status, 200);
  const body = await res.json() as { decisions: Record<string, { modality: string; holdUntil?: string }>; disclaimer: string };
  assert.equal(body.decisions.HOLD!.modality, 'MAY');
  assert.equal(body.decisions.HOLD!.holdUntil, '2024-02-04T12:00:00-05:00');
  assert.equal(body.decisions.NOTIFY_RELEASE!.modality, 'MAY');
  assert.match(body.disclaimer, /not legal advice/);
});

test('invalid bodies get 400 problem+json naming the field', async () => {
  const res = await post(JSON.stringify({ ...request, requests: ['HOLD', 'DEPORT'] }));
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const p = await res.json() as { status: number; field: string; detail: string };
  assert.equal(p.status, 400);
  assert.equal(p.field, 'requests.1');
  const bad = await post('{not json');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { title: string }).title, /Invalid JSON/);
  assert.equal((await post('x', 'text/plain')).status, 415);
  assert.equal((await post(JSON.stringify('x'.repeat(300_000)))).status, 413);
});

test('jurisdictions, health and OpenAPI; unknown routes are 404 problems', async () => {
  const j = await app.request('/api/v1/jurisdictions?state=pa');
  assert.equal(j.status, 200);
  assert.ok(Array.isArray(await j.json()));
  assert.equal((await app.request('/api/v1/jurisdictions?state=pennsylvania')).status, 400);
  assert.equal((await app.request('/api/v1/health')).status, 200);
  const doc = await (await app.request('/api/v1/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
  assert.equal(doc.openapi, '3.1.0');
  // Every observatory route is documented, and nothing documented is missing a route.
  const routes = observeRoutes().routes.map((r) => `/api/v1/observe${r.path}`);
  const documented = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/observe/'));
  assert.deepEqual([...new Set(routes)].sort(), documented.sort());
  const nf = await app.request('/api/v1/nothing');
  assert.equal(nf.status, 404);
  assert.equal(nf.headers.get('content-type'), 'application/problem+json');
});

test('a real listening server answers over HTTP', async () => {
  const server = await listen(app, 0, '127.0.0.1', () => {});
  try {
    const res = await fetch(`${server.url}api/v1/decide`, { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { decisions: Record<string, { modality: string; holdUntil?: string }> };
    assert.equal(body.decisions.HOLD!.modality, 'MAY');
    assert.equal(body.decisions.HOLD!.holdUntil, '2024-02-04T12:00:00-05:00');
  } finally {
    await server.close();
  }
});

test('?format=text gives the readable account and ?format=memo the Markdown memo; the trace only with ?trace=true', async () => {
  const text = await app.request('/api/v1/decide?format=text', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  assert.equal(text.status, 200);
  assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
  const t = await text.text();
  assert.match(t, /^HOLD: MAY — hold no later than 2024-02-04T12:00:00-05:00$/m);
  assert.match(t, /provisions considered, in order/);
  const memo = await app.request('/api/v1/decide?format=memo', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  assert.match(memo.headers.get('content-type') ?? '', /^text\/markdown/);
  assert.match(await memo.text(), /^# ICE request: what the law allows — Pennsylvania/);
  const lean = await app.request('/api/v1/decide?trace=false', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  assert.equal(((await lean.json()) as { trace?: unknown }).trace, undefined);
  // The trace is left out unless asked for (?trace=true).
  assert.equal(((await (await post(JSON.stringify(request))).json()) as { trace?: unknown }).trace, undefined);
  const traced = await app.request('/api/v1/decide?trace=true', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  assert.ok((((await traced.json()) as { trace?: unknown[] }).trace ?? []).length > 0);
  const bad = await app.request('/api/v1/decide?format=pdf', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { field: string }).field, 'format');
});

test('an unknown jurisdiction is a 400 naming the field, with the closest names suggested', async () => {
  const res = await post(JSON.stringify({ ...request, jurisdiction: 'ocd-division/country:us/state:ca/county:santaclara' }));
  assert.equal(res.status, 400);
  const p = await res.json() as { field: string; problems: { suggestions?: string[] }[] };
  assert.equal(p.field, 'jurisdiction');
  assert.match(p.problems[0]!.suggestions![0]!, /^Santa Clara County, CA/);
});

test('GET /api/v1/law/map gives every county\'s answer as JSON or CSV; bad queries are 400 problems naming the field', async () => {
  const res = await app.request('/api/v1/law/map?date=2026-01-01&request=HOLD&state=tx');
  assert.equal(res.status, 200);
  const m = await res.json() as { rows: { fips: string; modality: string; provision: string }[]; standard: { documents: string[] }; disclaimer: string };
  assert.equal(m.rows.length, 254);
  assert.ok(m.rows.every((r) => r.fips.startsWith('48')));
  assert.equal(m.rows.find((r) => r.fips === '48201')?.modality, 'MUST');
  assert.deepEqual(m.standard.documents, ['I-247A', 'I-200']);
  assert.match(m.disclaimer, /not legal advice/);
  const csv = await app.request('/api/v1/law/map?date=2026-01-01&state=ri&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.equal((await csv.text()).trim().split('\n').length, 1 + 5);
  for (const [q, field] of [['date=2026-13-01', 'date'], ['date=2026-01-01&request=DEPORT', 'request'], ['date=2026-01-01&state=zz', 'state'], ['date=2026-01-01&format=pdf', 'format'], ['', 'date'], ['date=2026-01-01&colour=red', 'colour']] as const) {
    const r = await app.request(`/api/v1/law/map?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await r.json()) as { field: string }).field, field, q);
  }
});

test('GET /api/v1/law/changes lists the counties whose answer changed, with the instrument', async () => {
  const res = await app.request('/api/v1/law/changes?from=2018-06-30&to=2018-07-01&state=ia');
  assert.equal(res.status, 200);
  const c = await res.json() as { changes: { to: string; now: { provision: string } }[] };
  assert.equal(c.changes.length, 99);
  assert.ok(c.changes.every((x) => x.to === 'MUST' && x.now.provision === 'ia.27a-2.detainer-compliance'));
  const bad = await app.request('/api/v1/law/changes?from=2018-07-01&to=2018-06-30');
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { field: string }).field, 'to');
});

test('observatory routes bound numbers and keep server paths out of their answers', async () => {
  const app2 = observeRoutes({ db: '/nonexistent-comity-dir/comity.duckdb' });
  const huge = await app2.request('/policy-vs-practice?top=99999999999999999999');
  assert.equal(huge.status, 400);
  assert.equal(((await huge.json()) as { field: string }).field, 'top');
  const missing = await app2.request('/custodial-share?fy=2018');
  assert.equal(missing.status, 503);
  const text = await missing.text();
  assert.ok(!text.includes('nonexistent-comity-dir'), text);
  assert.match(text, /comity data load/);
});

test('a repeated body is answered from the answers kept, byte for byte what the engine gives; each format and trace apart', async () => {
  const fresh = createApp();
  const ask = (body: string, q = '') => fresh.request(`/api/v1/decide${q}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const body = JSON.stringify(request);
  const decided = (await import('../../src/law/index.js')).defaultEngine().decideUnknown(request);
  assert.ok(decided.ok);
  const engineAnswer = JSON.stringify(decided.response);
  // Kept from the second time a body comes (answer-cache.ts), so the third is answered from the kept bytes.
  const [first, second, third] = [await ask(body), await ask(body), await ask(body)];
  assert.equal(first.headers.get('content-type'), third.headers.get('content-type'));
  const [a, b, c] = [await first.text(), await second.text(), await third.text()];
  assert.equal(a, engineAnswer);
  assert.equal(b, a);
  assert.equal(c, a);
  // The same request spaced otherwise is another key with the same answer; text, memo and trace are kept apart.
  assert.equal(await (await ask(JSON.stringify(request, null, 2))).text(), a);
  const text = await (await ask(body, '?format=text')).text();
  assert.match(text, /provisions considered/);
  assert.equal(await (await ask(body, '?format=text')).text(), text);
  assert.ok(JSON.parse(await (await ask(body, '?trace=true')).text()).trace.length > 0);
  assert.equal(JSON.parse(await (await ask(body)).text()).trace, undefined);
  // A refused body is refused again, not kept.
  const bad = JSON.stringify({ ...request, requests: ['DEPORT'] });
  assert.equal((await ask(bad)).status, 400);
  assert.equal((await ask(bad)).status, 400);
});
