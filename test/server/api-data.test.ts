// The API's routes that read the loaded records, against a real server: claims, a jurisdiction's lists and observed
// metrics, a metric as CSV, and a scenario run as a job to its result. Each answer is compared with the library's own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type ComityApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { VERDICTS, custodialShare, sanctuaryLists, shippedClaims } from '../../src/observe/index.js';
import { Scenario, simulate } from '../../src/simulate/index.js';
import { DATA_PRESENT, loadedDbPath, needsData, withLoadedDb } from '../observe/helpers.js';

let app: ComityApp | undefined;
let server: { url: string; close: () => Promise<void> } | undefined;
let base = '';

const get = async (path: string): Promise<{ status: number; type: string; text: string; json: <T>() => T }> => {
  const res = await fetch(`${base}${path}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: <T>() => JSON.parse(text) as T };
};

before(async () => {
  if (!DATA_PRESENT) return;
  app = createApp({ db: await loadedDbPath(), log: () => {} });
  server = await listen(app, 0, '127.0.0.1', () => {});
  base = server.url.replace(/\/$/, '');
});
after(async () => {
  await app?.shutdown?.();
  await server?.close();
});

describe('API over the loaded records', () => {
  test('GET /api/v1/claims checks every shipped claim; GET /api/v1/claims/{id} one of them', needsData, async () => {
    const ids = [...(await shippedClaims()).keys()];
    const all = await get('/api/v1/claims');
    assert.equal(all.status, 200, all.text);
    const claims = all.json<{ id: string; file: string; verdict: string; figures: unknown[] }[]>();
    assert.deepEqual(claims.map((c) => c.id).sort(), [...ids].sort());
    for (const c of claims) {
      assert.ok((VERDICTS as readonly string[]).includes(c.verdict), c.verdict);
      assert.match(c.file, /^claims\/[\w-]+\.ya?ml$/, 'named relative to the project, never a server path');
    }
    const one = await get(`/api/v1/claims/${ids[0]}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.json(), claims.find((c) => c.id === ids[0]));
  });

  test('a county\'s page carries its observed arrests and the lists that name it, as the metrics compute them', needsData, async () => {
    const d = (await get('/api/v1/jurisdictions/37119')).json<{
      records: { status: string }; observed: { scope: string; metric: { metric: string; rows: unknown[] } }[]; lists: { list: string; countyFips: string | null }[];
    }>();
    assert.equal(d.records.status, 'loaded');
    const share = d.observed.find((o) => o.metric.metric === 'custodial-share');
    const expected = await withLoadedDb((db) => custodialShare(db, { county: '37119', by: 'fy' }));
    assert.deepEqual(share?.metric.rows, JSON.parse(JSON.stringify(expected.rows)));
    assert.ok(d.observed.some((o) => o.metric.metric === 'policy-vs-practice'));
    const sc = (await get('/api/v1/jurisdictions/ocd-division/country:us/state:ca/county:santa_clara')).json<{ lists: { list: string; countyFips: string | null }[] }>();
    const listed = await withLoadedDb(async (db) => (await sanctuaryLists(db)).rows.filter((r) => r.jurisdictionId === 'ocd-division/country:us/state:ca/county:santa_clara' || (r.list === 'CIS 2017' && r.level === 'county' && r.countyFips === '06085')));
    assert.ok(listed.length > 0);
    assert.deepEqual(sc.lists, JSON.parse(JSON.stringify(listed)));
  });

  test('a metric as JSON and as CSV: the same rows', needsData, async () => {
    const json = (await get('/api/v1/observe/custodial-share?fy=2018&by=state')).json<{ rows: unknown[] }>();
    const csv = await get('/api/v1/observe/custodial-share?fy=2018&by=state&format=csv');
    assert.match(csv.type, /^text\/csv/);
    assert.equal(csv.text.trim().split('\n').length, 1 + json.rows.length);
  });

  test('POST /api/v1/simulations runs the scenario in a job with progress to the same result as the library', { ...needsData, timeout: 180_000 }, async () => {
    const scenario = { name: 'API test, one month', from: '2018-03-01', to: '2018-03-31', replications: 2, seed: 7 };
    const res = await fetch(`${base}/api/v1/simulations`, { method: 'POST', body: JSON.stringify(scenario), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 202);
    const location = res.headers.get('location')!;
    const fractions: number[] = [];
    let job: { status: string; progress: { fraction: number }; result?: { scenario: { name: string }; totals: { custodial: { mean: number } } } } = { status: 'queued', progress: { fraction: 0 } };
    for (let i = 0; i < 1500 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await get(location)).json();
      fractions.push(job.progress.fraction);
    }
    assert.equal(job.status, 'done', JSON.stringify(job).slice(0, 400));
    assert.equal(job.progress.fraction, 1);
    assert.deepEqual(fractions, [...fractions].sort((a, b) => a - b), 'progress only grows');
    assert.equal(job.result!.scenario.name, scenario.name);
    const direct = await withLoadedDb((db) => simulate(Scenario.parse(scenario), { db, scenarioFile: 'api' }));
    assert.deepEqual(job.result!.totals, JSON.parse(JSON.stringify(direct.totals)));
  });
});
