// `npm run bench:load`: the full load plus every metric, beside DuckDB alone counting the same raw files (the floor).
// Prints measured numbers; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import {
  type Database, TABLE_SPECS, agreements287g, attributionCoverage, checkClaims, custodialShare, detainersLodged, loadData,
  openDatabase, paDetainerOutcomes, policyVsPractice, recordQuality, removalsByThreat, resolveDataDir, sanctuaryLists,
  tracDetainers,
} from '../src/observe/index.js';

const ms = (t0: number): number => Math.round(performance.now() - t0);

async function floor(dataDir: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const t0 = performance.now();
  for (const spec of TABLE_SPECS) {
    const files = listValue(spec.files.map((f) => join(dataDir, ...f.split('/'))));
    await c.runAndReadAll(`SELECT count(*) FROM read_csv($files, delim='${spec.delim}', skip=${spec.skip}, header=true, all_varchar=true)`, { files });
  }
  const t = ms(t0);
  c.closeSync();
  instance.closeSync();
  return t;
}

/**
 * A peer, for context: DuckDB's own import of the same files into a database file (CREATE TABLE AS SELECT * FROM
 * read_csv, types sniffed), with no typing rules, validation, attribution or metrics.
 */
async function nativeImport(dataDir: string, dbPath: string): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const c = await instance.connect();
  const t0 = performance.now();
  for (const spec of TABLE_SPECS) {
    const files = listValue(spec.files.map((f) => join(dataDir, ...f.split('/'))));
    await c.run(`CREATE TABLE "${spec.table}" AS SELECT * FROM read_csv($files, delim='${spec.delim}', skip=${spec.skip}, header=true)`, { files });
  }
  await c.run('CHECKPOINT');
  const t = ms(t0);
  c.closeSync();
  instance.closeSync();
  return t;
}

/**
 * Every metric once (the claims included), on a freshly opened database: no query result is cached from a previous
 * round. The law registry (for the law columns) is compiled once per process, in round 1.
 */
async function everyMetric(db: Database): Promise<void> {
  await custodialShare(db, { fy: 2018, by: 'aor' });
  await custodialShare(db, { fy: 2018, by: 'county' });
  await detainersLodged(db, { by: 'aor' });
  await tracDetainers(db, { by: 'facility' });
  await paDetainerOutcomes(db, { by: 'facility-year' });
  await removalsByThreat(db, { by: 'aor-fy' });
  await agreements287g(db, { by: 'state-model' });
  await sanctuaryLists(db);
  await policyVsPractice(db, { fy: 2018 });
  await attributionCoverage(db, { method: 'CAP Local Incarceration' });
  for (const table of ['arrests', 'encounters', 'removals']) await recordQuality(db, { table });
  await checkClaims(db);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function main(): Promise<void> {
  const dataDir = resolveDataDir().path;
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const dir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
  const runs: { floor: number; native: number; load: number; metrics: number }[] = [];
  let rows = 0;
  let tables = 0;
  let warmMs = 0;
  console.log(`data directory: ${dataDir}; ${rounds} rounds, each running the floor, the peer and Comity in turn`);
  try {
    for (let round = 1; round <= rounds; round++) {
      const floorMs = await floor(dataDir);
      const nativeMs = await nativeImport(dataDir, join(dir, `native-${round}.duckdb`));
      const dbPath = join(dir, `bench-${round}.duckdb`);
      const t0 = performance.now();
      const loaded = await loadData({ from: dataDir, db: dbPath });
      const loadMs = ms(t0);
      const db = await openDatabase(dbPath, { readOnly: true });
      const t1 = performance.now();
      await everyMetric(db);
      const metricsMs = ms(t1);
      if (round === rounds) {
        const warm: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now();
          await custodialShare(db, { fy: 2018, by: 'county' });
          warm.push(performance.now() - t);
        }
        warmMs = median(warm);
      }
      db.close();
      rows = Object.values(loaded.tables).reduce((s, n) => s + n, 0);
      tables = Object.keys(loaded.tables).length;
      runs.push({ floor: floorMs, native: nativeMs, load: loadMs, metrics: metricsMs });
      console.log(
        `round ${round}: floor ${floorMs} ms, peer ${nativeMs} ms, load ${loadMs} ms + metrics ${metricsMs} ms = ${((loadMs + metricsMs) / floorMs).toFixed(2)}x floor`,
      );
    }
    const m = { floor: median(runs.map((r) => r.floor)), native: median(runs.map((r) => r.native)), load: median(runs.map((r) => r.load)), metrics: median(runs.map((r) => r.metrics)) };
    const ratios = runs.map((r) => (r.load + r.metrics) / r.floor);
    console.log('');
    console.log(`rows loaded:                    ${rows.toLocaleString('en-US')} in ${tables} tables`);
    console.log(`floor (DuckDB read_csv+count):  ${m.floor} ms (median)`);
    console.log(`DuckDB native import (peer):    ${m.native} ms (${(m.native / m.floor).toFixed(2)}x floor)`);
    console.log(`full load:                      ${m.load} ms (${(m.load / m.native).toFixed(2)}x the native import)`);
    console.log(`every metric + claims, once:    ${m.metrics} ms`);
    console.log(`ratio to floor:                 ${median(ratios).toFixed(2)}x median of ${rounds} (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target <= 2x)`);
    console.log(`warm custodial-share --by county (median of 7): ${Math.round(warmMs)} ms (target < 200 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
