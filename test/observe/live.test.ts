// The long-running observatory: cached answers, a bounded pool, time limits and cancellation, on a database loaded
// from the committed fixture (real records, cut).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveObservatory, ObservatoryBusyError, QueryCancelledError, QueryTimeoutError, query } from '../../src/observe/index.js';
import { observeRoutes } from '../../src/server/observe-routes.js';
import { fixtureDbPath } from './helpers.js';

/** A query that runs for minutes unless interrupted. */
const SLOW = 'SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3';

test('an answer is computed once per database and then served from the cache', async () => {
  const live = new LiveObservatory(await fixtureDbPath());
  let runs = 0;
  const compute = async (db: Parameters<Parameters<LiveObservatory['cached']>[1]>[0]) => {
    runs += 1;
    return (await query<{ n: number }>(db, 'SELECT count(*) AS n FROM arrests_classified'))[0]?.n;
  };
  // Ten requests at once share one computation; later ones read the cache.
  const n = await live.use(async (db) => (await query<{ n: number }>(db, 'SELECT count(*) AS n FROM arrests'))[0]?.n);
  assert.ok(n !== undefined && n > 0);
  const answers = await Promise.all(Array.from({ length: 10 }, () => live.cached('count', compute)));
  assert.deepEqual(new Set(answers), new Set([n]));
  assert.equal(await live.cached('count', compute), n);
  assert.equal(runs, 1);
  live.close();
});

test('a query past its time limit is interrupted and answered as busy, and the pool still answers', async () => {
  const live = new LiveObservatory(await fixtureDbPath(), { timeoutMs: 200, connections: 1 });
  await assert.rejects(live.use((db) => query(db, SLOW)), (e: unknown) => e instanceof QueryTimeoutError && e.retryAfterSeconds > 0);
  const [row] = await live.use((db) => query<{ n: number }>(db, 'SELECT 42 AS n'));
  assert.equal(row?.n, 42);
  live.close();
});

test('when every requester leaves, the query stops; a full queue answers busy at once', async () => {
  const live = new LiveObservatory(await fixtureDbPath(), { connections: 1, queue: 1, timeoutMs: 600_000 });
  const first = new AbortController();
  const second = new AbortController();
  const running = live.cached('slow', (db) => query(db, SLOW), first.signal);
  // A second requester of the same answer shares it: the query keeps running when only the first leaves.
  const sharing = live.cached('slow', (db) => query(db, SLOW), second.signal);
  const queued = live.use((db) => query<{ n: number }>(db, 'SELECT 1 AS n')); // waits for the one connection
  await assert.rejects(live.use((db) => query(db, 'SELECT 2')), (e: unknown) => e instanceof ObservatoryBusyError && !(e instanceof QueryTimeoutError));
  first.abort();
  await assert.rejects(running, QueryCancelledError);
  second.abort();
  await assert.rejects(sharing, QueryCancelledError);
  // The connection came back: the queued query runs (it would wait for minutes behind SLOW otherwise).
  assert.equal((await queued)[0]?.n, 1);
  live.close();
});

test('the API: unknown and out-of-range parameters are 400s naming them; busy is a 503 with Retry-After', async () => {
  const app = observeRoutes({ db: await fixtureDbPath() });
  for (const [url, field] of [
    ['/custodial-share?fy=2018&colour=red', 'colour'],
    ['/policy-vs-practice?top=99999999999999999999', 'top'],
    ['/policy-vs-practice?top=0', 'top'],
    ['/custodial-share?unattributed=yes', 'unattributed'],
    ['/claims?fy=2018', 'fy'],
  ] as const) {
    const res = await app.request(url);
    assert.equal(res.status, 400, url);
    const body = (await res.json()) as { field?: string; detail: string };
    assert.equal(body.field, field, url);
    assert.doesNotMatch(body.detail, /\/|bigint|duckdb/i, url);
  }
  const busy = observeRoutes({ db: await fixtureDbPath(), limits: { connections: 1, queue: 0, timeoutMs: 60_000 } });
  const answers = await Promise.all(['2016', '2017', '2018', '2019'].map((fy) => busy.request(`/custodial-share?fy=${fy}&by=county`)));
  const statuses = answers.map((r) => r.status);
  assert.ok(statuses.includes(200), statuses.join());
  const refused = answers.find((r) => r.status === 503);
  assert.ok(refused, statuses.join());
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  assert.equal(((await refused.json()) as { title: string }).title, 'Observatory busy');
});
