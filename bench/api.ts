// `npm run bench:api`: POST /api/v1/decide beside GET /api/v1/health on the same server in the same run (requests
// per second, p99 latency, their ratio), the law map's latency, and the server's memory before and after. The server
// runs in its own process; autocannon drives it. Prints measured numbers; asserts nothing.
// BENCH_SECONDS (default 20: each body set's time in all), BENCH_ROUNDS (default 4) and BENCH_CONNECTIONS (default 10)
// change the runs.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defaultEngine, listJurisdictions } from '../src/law/index.js';
import { makeRequests } from './requests.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** A county with law at every level: federal, state (SB 54), county ordinance and the sheriff's policy. */
const request = {
  jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara',
  agency: { kind: 'sheriff_jail' },
  at: '2025-03-10T09:00:00-07:00',
  requests: ['HOLD', 'NOTIFY_RELEASE', 'TRANSFER'],
  documents: ['I-247A', 'I-200'],
  wouldBeReleasedAt: '2025-03-10T17:00:00-07:00',
};

interface Memory { rss: number; heapUsed: number }
const child = fork(fileURLToPath(new URL('./api-server.js', import.meta.url)), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = <T>(key: string): Promise<T> => new Promise((resolve) => {
  const on = (m: Record<string, unknown>): void => {
    if (key in m) {
      child.off('message', on);
      resolve(m[key] as T);
    }
  };
  child.on('message', on);
});
const memory = (): Promise<Memory> => {
  const m = next<Memory>('memory');
  child.send('memory');
  return m;
};
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

const warmedAtStart = next<{ maps: number; ms: number }>('warmed');
const url = (await next<string>('url')).replace(/\/$/, '');
const warmed = await warmedAtStart;

async function drive(title: string, path: string, opts: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  const r = await autocannon({ connections, duration: seconds, ...opts, url: `${url}${path}`, title });
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${title.padEnd(28)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  ${r.requests.total} requests, ${errors} errors/non-2xx, ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s`);
  return r;
}

const decideBody = JSON.stringify(request);
const sizes = await Promise.all(['', '?trace=true'].map(async (q) => (await (await fetch(`${url}/api/v1/decide${q}`, { method: 'POST', body: decideBody, headers: { 'content-type': 'application/json' } })).arrayBuffer()).byteLength));
console.log(`decide answer: ${sizes[0]} bytes (${sizes[1]} with ?trace=true); ${connections} connections; each body set driven ${seconds} s in ${rounds} runs, each between two runs of GET /api/v1/health; server pid ${child.pid}`);

// Every body distinct, 3,600 in turn, none in the server's kept answers. "distinct": the standard request, its
// instant moved by a second (a county page asking "now"); "varied": seeded requests across every registered
// jurisdiction, 2018-2026, mixed request types, agencies, documents and convictions (bench/requests.ts).
const bodiesOf = (rs: readonly object[]): string[] => rs.map((r) => JSON.stringify(r));
const instants = bodiesOf(Array.from({ length: 3600 }, (_, s) => ({ ...request, at: `2025-03-10T09:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}-07:00` })));
const varied = bodiesOf(makeRequests(3600, listJurisdictions(defaultEngine().registry).map((j) => j.id), 7));
const inTurn = (bodies: readonly string[]): Partial<autocannon.Options> => {
  let n = 0;
  return { requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length]! }) }] };
};
const repeated: Partial<autocannon.Options> = { method: 'POST', body: decideBody, headers: { 'content-type': 'application/json' } };

// Warm every route and body set (the engine compiles each chain on first use; its bounded memos fill), so that the
// memory measured before and after the runs shows growth during them, not the first use. The varied set fills the
// memos for about 15 s (measured: the heap after a GC then stays within 1 MB over a minute of it).
for (const [path, opts, duration] of [['/api/v1/health', {}, 3], ['/api/v1/decide', repeated, 3], ['/api/v1/decide', inTurn(instants), 3], ['/api/v1/decide', inTurn(varied), 16]] as const) {
  await autocannon({ url: `${url}${path}`, connections, duration, ...opts });
}
const before = await memory();
// Interleaved runs: every decide run sits between two runs of the trivial route, and is compared with their mean. A
// shared machine's pace drifts over minutes (the trivial route has measured 16,000 req/s before the decide runs and
// 11,000 after them); the ratio reported is the median over the rounds, with its range. Each body set is driven
// `seconds` in all, in `rounds` runs.
const slice = Math.max(1, Math.round(seconds / rounds));
const sets = [['repeated', repeated], ['distinct', inTurn(instants)], ['varied', inTurn(varied)]] as const;
const runs = new Map<string, { ratio: number; rps: number; p99: number }[]>(sets.map(([name]) => [name, []]));
const healthRuns: number[] = [];
let errors = 0;
const quiet = async (path: string, opts: Partial<autocannon.Options>): Promise<autocannon.Result> => {
  const r = await autocannon({ connections, duration: slice, ...opts, url: `${url}${path}` });
  errors += r.errors + r.timeouts + r.non2xx;
  return r;
};
let healthBefore = (await quiet('/api/v1/health', {})).requests.average;
healthRuns.push(healthBefore);
for (let r = 0; r < rounds; r++) {
  for (const [name, opts] of sets) {
    const res = await quiet('/api/v1/decide', opts);
    const healthAfter = (await quiet('/api/v1/health', {})).requests.average;
    healthRuns.push(healthAfter);
    runs.get(name)!.push({ ratio: res.requests.average / ((healthBefore + healthAfter) / 2), rps: res.requests.average, p99: res.latency.p99 });
    healthBefore = healthAfter;
  }
}
const afterRun = await memory();
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(`GET /api/v1/health            ${healthRuns.length} runs of ${slice} s: ${Math.min(...healthRuns).toFixed(0)}–${Math.max(...healthRuns).toFixed(0)} req/s (median ${median(healthRuns).toFixed(0)})`);
for (const [name] of sets) {
  const rs = runs.get(name)!;
  const ratios = rs.map((x) => x.ratio);
  console.log(`POST /api/v1/decide (${name})`.padEnd(30) + ` ${rounds} runs of ${slice} s: ${rs.map((x) => x.rps.toFixed(0)).join(', ')} req/s; `
    + `decide / health ${pct(median(ratios))} (median; ${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))}), worst p99 ${Math.max(...rs.map((x) => x.p99))} ms`);
}
console.log(`errors, timeouts and non-2xx answers over every run: ${errors} (targets: decide / health ≥ 50%, p99 ≤ 20 ms, no errors)`);
console.log('(repeated: answered from the answers the server keeps; distinct: decided, and the answer, the same law on the same day, sent as the bytes kept for it; varied: decided and serialized, the answers mostly new)');
console.log(`server memory after GC: before ${mb(before.heapUsed)} heap, ${mb(before.rss)} RSS; after ${mb(afterRun.heapUsed)} heap, ${mb(afterRun.rss)} RSS`);

// The map: the server computed today's maps and the slider's stops (January 1 and July 1 of each year) after it
// started; the first request for any other date computes every county (then it is cached).
console.log(`law maps computed in the background at start: ${warmed.maps} in ${warmed.ms} ms`);
for (const [date, state, note] of [['2026-01-01', '', 'a slider stop, computed at start'], ['2019-06-01', '', 'not computed before'], ['2025-10-15', '', 'not computed before'], ['2024-12-01', 'nc', 'one state, not computed before']] as const) {
  const q = `/api/v1/law/map?date=${date}${state ? `&state=${state}` : ''}`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${q}`);
    await res.arrayBuffer();
    times.push(Math.round(performance.now() - t0));
  }
  console.log(`GET ${q.padEnd(48)} first ${times[0]} ms, then ${times.slice(1).join(', ')} ms (target ≤ 200 ms; ${note})`);
}
// As a browser asks it (gzip): about a tenth of the megabyte of JSON.
await drive('GET /api/v1/law/map (cached, gzip)', '/api/v1/law/map?date=2026-01-01', { duration: Math.min(seconds, 5), headers: { 'accept-encoding': 'gzip' } });
console.log('(a shared, busy machine: other work ran at the same time; see `uptime` for its load)');
child.send('stop');
