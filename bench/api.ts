// `npm run bench:api`: POST /api/v1/decide beside GET /api/v1/health on the same server in the same run (requests
// per second, p99 latency, their ratio), the law map's latency, and the server's memory before and after. The server
// runs in its own process; autocannon drives it. Prints measured numbers; asserts nothing.
// BENCH_SECONDS (default 20) and BENCH_CONNECTIONS (default 10) change the runs.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
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

const url = (await next<string>('url')).replace(/\/$/, '');

async function drive(title: string, path: string, opts: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  const r = await autocannon({ connections, duration: seconds, ...opts, url: `${url}${path}`, title });
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${title.padEnd(28)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  ${r.requests.total} requests, ${errors} errors/non-2xx, ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s`);
  return r;
}

const decideBody = JSON.stringify(request);
const sizes = await Promise.all(['', '?trace=true'].map(async (q) => (await (await fetch(`${url}/api/v1/decide${q}`, { method: 'POST', body: decideBody, headers: { 'content-type': 'application/json' } })).arrayBuffer()).byteLength));
console.log(`decide answer: ${sizes[0]} bytes (${sizes[1]} with ?trace=true); ${connections} connections, ${seconds} s per run; server pid ${child.pid}`);

// Warm both routes (the engine compiles the chain on first use), then measure.
await autocannon({ url: `${url}/api/v1/health`, connections, duration: 2 });
await autocannon({ url: `${url}/api/v1/decide`, method: 'POST', body: decideBody, headers: { 'content-type': 'application/json' }, connections, duration: 2 });
const before = await memory();
const health = await drive('GET /api/v1/health', '/api/v1/health');
const decide = await drive('POST /api/v1/decide', '/api/v1/decide', { method: 'POST', body: decideBody, headers: { 'content-type': 'application/json' } });
const afterRun = await memory();
console.log(`decide / health throughput: ${(100 * decide.requests.average / health.requests.average).toFixed(1)}% (target ≥ 50%); decide p99 ${decide.latency.p99} ms (target ≤ 20 ms)`);
console.log(`server memory after GC: before ${mb(before.heapUsed)} heap, ${mb(before.rss)} RSS; after ${mb(afterRun.heapUsed)} heap, ${mb(afterRun.rss)} RSS`);

// The map: the first request for a date computes every county (then it is cached), later ones read the cache.
for (const [date, state] of [['2026-01-01', ''], ['2019-06-01', ''], ['2024-12-01', 'nc']] as const) {
  const q = `/api/v1/law/map?date=${date}${state ? `&state=${state}` : ''}`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${q}`);
    await res.arrayBuffer();
    times.push(Math.round(performance.now() - t0));
  }
  console.log(`GET ${q.padEnd(48)} first ${times[0]} ms, then ${times.slice(1).join(', ')} ms (target ≤ 200 ms)`);
}
await drive('GET /api/v1/law/map (cached)', '/api/v1/law/map?date=2026-01-01', { duration: Math.min(seconds, 5) });
console.log('(a shared, busy machine: other work ran at the same time; see `uptime` for its load)');
child.send('stop');
