// `npm run bench:load`: Comity's load (a reload, its parsed workbooks and landmark attribution kept from an earlier load, and a first
// load that parses and matches them) beside DuckDB's native import of the same CSV files (the peer) and DuckDB
// reading them with nothing kept (the floor), at ¼, ½, 1× and 2× the ICE records (the scaling curve), in
// interleaved rounds with medians; then the warm metric latency through the server's cache and its throughput at
// 32 concurrent requests. Prints measured numbers; asserts nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { DATA_FILES, TABLE_SPECS, loadData, resolveDataDir } from '../src/observe/index.js';
import { observeRoutes } from '../src/server/observe-routes.js';
import { median } from './rounds.js';

const FOIA = 'ice-foia-2019-ICFO-53623/';
const SCALES = [0.25, 0.5, 1, 2] as const;
const CSV_SPECS = TABLE_SPECS.filter((s) => s.files.every((f) => !f.endsWith('.xlsx')));

/** A data directory whose ICE record files hold `scale` times their rows (cut, or repeated); the rest linked. */
function scaledDataDir(source: string, scale: number, into: string): string {
  const dir = join(into, `x${scale}`);
  for (const f of DATA_FILES) {
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    const from = join(source, ...f.path.split('/'));
    if (!f.path.startsWith(FOIA) || scale === 1) {
      symlinkSync(from, target);
      continue;
    }
    const lines = gunzipSync(readFileSync(from)).toString('utf8').split('\n');
    const head = lines.slice(0, 6);
    const rows = lines.slice(6).filter((l) => l !== '');
    const scaled = scale < 1 ? rows.slice(0, Math.round(rows.length * scale)) : Array.from({ length: scale }, () => rows).flat();
    writeFileSync(target, gzipSync(`${[...head, ...scaled].join('\n')}\n`, { level: 1 }));
  }
  return dir;
}

const files = (dataDir: string, spec: (typeof TABLE_SPECS)[number]) => listValue(spec.files.map((f) => join(dataDir, ...f.split('/'))));

/** The floor: DuckDB reads every CSV file to its end, keeping nothing. */
async function floor(dataDir: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const t0 = performance.now();
  for (const spec of CSV_SPECS) {
    await c.runAndReadAll(`SELECT count(*) FROM read_csv($files, delim='${spec.delim}', skip=${spec.skip}, header=true, all_varchar=true)`, { files: files(dataDir, spec) });
  }
  const t = performance.now() - t0;
  c.closeSync();
  instance.closeSync();
  return t;
}

/** The peer: DuckDB's own import of the same CSV files into a database file (types sniffed; no checks, attribution or views). */
async function nativeImport(dataDir: string, dbPath: string): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const c = await instance.connect();
  const t0 = performance.now();
  for (const spec of CSV_SPECS) {
    await c.run(`CREATE TABLE "${spec.table}" AS SELECT * FROM read_csv($files, delim='${spec.delim}', skip=${spec.skip}, header=true)`, { files: files(dataDir, spec) });
  }
  await c.run('CHECKPOINT');
  const t = performance.now() - t0;
  c.closeSync();
  instance.closeSync();
  return t;
}

/** Comity's load; `kept` false parses the eight workbooks and matches every landmark, a folder reads what an earlier load kept there. */
async function comity(dataDir: string, dbPath: string, kept: string | false): Promise<number> {
  const t0 = performance.now();
  await loadData({
    from: dataDir, db: dbPath, allowModified: true, expectedRows: {},
    workbookCache: kept === false ? false : join(kept, 'parsed-workbooks'), attributionCache: kept === false ? false : join(kept, 'attributed-landmarks'),
  });
  return performance.now() - t0;
}

/** Warm latency of one metric through the server's route (cache filled), and requests/s at 32 concurrent clients. */
async function warm(dbPath: string): Promise<{ latencyMs: number; perSecond: number; coldMs: number }> {
  const app = observeRoutes({ db: dbPath });
  const url = '/custodial-share?fy=2018&by=county';
  const t0 = performance.now();
  if ((await app.request(url)).status !== 200) throw new Error('metric failed');
  const coldMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await (await app.request(url)).arrayBuffer();
    times.push(performance.now() - t);
  }
  const urls = ['/custodial-share?fy=2018&by=county', '/custodial-share?by=aor', '/removals?by=aor-fy', '/detainers?by=state', '/policy-vs-practice'];
  for (const u of urls) await app.request(u);
  let done = 0;
  const until = performance.now() + 3000;
  const client = async (k: number): Promise<void> => {
    for (let i = k; performance.now() < until; i++) {
      const res = await app.request(urls[i % urls.length] ?? url);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await res.arrayBuffer();
      done += 1;
    }
  };
  const s0 = performance.now();
  await Promise.all(Array.from({ length: 32 }, (_, k) => client(k)));
  return { latencyMs: median(times), perSecond: done / ((performance.now() - s0) / 1000), coldMs };
}

async function main(): Promise<void> {
  const source = resolveDataDir().path;
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const dir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
  console.log(`data: ${source}; scales ${SCALES.join(', ')}× the ICE records; ${rounds} rounds, each running floor, peer and Comity at every scale in turn`);
  try {
    const dirs = new Map(SCALES.map((s) => [s, scaledDataDir(source, s, dir)]));
    const times = new Map(SCALES.map((s) => [s, { floor: [] as number[], native: [] as number[], load: [] as number[], parse: [] as number[] }]));
    // What a reload reads (the parsed workbooks, each scale's landmark attribution): kept by one untimed load per scale before the rounds.
    const kept = join(dir, 'kept');
    for (const s of SCALES) {
      await comity(dirs.get(s) ?? '', join(dir, 'fill.duckdb'), kept);
      rmSync(join(dir, 'fill.duckdb'), { force: true });
    }
    for (let round = 1; round <= rounds; round++) {
      for (const s of SCALES) {
        const data = dirs.get(s) ?? '';
        const t = times.get(s)!;
        t.floor.push(await floor(data));
        t.native.push(await nativeImport(data, join(dir, `native-${round}-${s}.duckdb`)));
        t.parse.push(await comity(data, join(dir, `parse-${round}-${s}.duckdb`), false));
        rmSync(join(dir, `parse-${round}-${s}.duckdb`), { force: true });
        t.load.push(await comity(data, join(dir, `comity-${round}-${s}.duckdb`), kept));
        rmSync(join(dir, `native-${round}-${s}.duckdb`), { force: true });
        if (round < rounds || s !== 1) rmSync(join(dir, `comity-${round}-${s}.duckdb`), { force: true });
      }
      console.log(`round ${round} done`);
    }
    console.log('');
    console.log('Comity reload: records and code unchanged since an earlier load: the parsed workbooks and the landmark attribution read back from what it kept (the usual reload).');
    console.log('Comity first load: every workbook parsed and every landmark matched (a first load, new records or a new build).');
    console.log('');
    console.log('scale   floor (read_csv)   peer (native import)   Comity reload   reload/peer   first load   first/peer   reload/floor   reload ms per ¼ of the records');
    for (const s of SCALES) {
      const t = times.get(s)!;
      const [f, n, l, p] = [median(t.floor), median(t.native), median(t.load), median(t.parse)];
      console.log(
        `${`${s}×`.padEnd(6)}  ${`${Math.round(f)} ms`.padStart(16)}   ${`${Math.round(n)} ms`.padStart(20)}   ${`${Math.round(l)} ms`.padStart(13)}   ${(l / n).toFixed(2).padStart(11)}   ${`${Math.round(p)} ms`.padStart(10)}   ${(p / n).toFixed(2).padStart(10)}   ${(l / f).toFixed(2).padStart(12)}   ${Math.round(l / (s * 4)).toString().padStart(8)}`,
      );
    }
    console.log('(Comity also reads the eight detention-statistics workbooks, builds the landmark attribution and the classified tables; the peer and floor read only the CSV files.)');
    const w = await warm(join(dir, `comity-${rounds}-1.duckdb`));
    console.log('');
    console.log(`custodial-share?fy=2018&by=county: first request ${Math.round(w.coldMs)} ms; warm (cached) median of 200: ${w.latencyMs.toFixed(2)} ms (target < 5 ms)`);
    console.log(`throughput at 32 concurrent requests over 5 metric queries (cached): ${Math.round(w.perSecond).toLocaleString('en-US')} requests/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
