// `npm run bench:load`: the full load plus every metric, beside DuckDB alone counting the same raw files (the floor).
// Prints measured numbers; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import {
  TABLE_SPECS, agreements287g, checkClaims, custodialShare, detainersLodged, loadData, openDatabase, paDetainerOutcomes,
  policyVsPractice, removalsByThreat, resolveDataDir, sanctuaryLists, tracDetainers,
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

async function main(): Promise<void> {
  const dataDir = resolveDataDir().path;
  const dir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
  const dbPath = join(dir, 'bench.duckdb');
  try {
    const floorMs = await floor(dataDir);
    const nativeMs = await nativeImport(dataDir, join(dir, 'native.duckdb'));
    const t0 = performance.now();
    const loaded = await loadData({ from: dataDir, db: dbPath });
    const loadMs = ms(t0);
    const db = await openDatabase(dbPath, { readOnly: true });
    const t1 = performance.now();
    await custodialShare(db, { fy: 2018, by: 'aor' });
    await custodialShare(db, { fy: 2018, by: 'county' });
    await detainersLodged(db, { by: 'aor' });
    await tracDetainers(db, { by: 'facility' });
    await paDetainerOutcomes(db, { by: 'facility-year' });
    await removalsByThreat(db, { by: 'aor-fy' });
    await agreements287g(db, { by: 'state-model' });
    await sanctuaryLists(db);
    await policyVsPractice(db, { fy: 2018 });
    await checkClaims(db);
    const metricsMs = ms(t1);
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await custodialShare(db, { fy: 2018, by: 'county' });
      warm.push(performance.now() - t);
    }
    db.close();
    warm.sort((a, b) => a - b);
    const total = loadMs + metricsMs;
    const rows = Object.values(loaded.tables).reduce((s, n) => s + n, 0);
    console.log(`data directory:                 ${dataDir}`);
    console.log(`rows loaded:                    ${rows.toLocaleString('en-US')} in ${Object.keys(loaded.tables).length} tables`);
    console.log(`floor (DuckDB read_csv+count):  ${floorMs} ms`);
    console.log(`DuckDB native import (peer):    ${nativeMs} ms (${(nativeMs / floorMs).toFixed(2)}x floor)`);
    console.log(`full load:                      ${loadMs} ms (${(loadMs / nativeMs).toFixed(2)}x the native import)`);
    console.log(`every metric + claims, once:    ${metricsMs} ms`);
    console.log(`load + metrics:                 ${total} ms`);
    console.log(`ratio to floor:                 ${(total / floorMs).toFixed(2)}x (target <= 2x)`);
    console.log(`warm custodial-share --by county (median of 7): ${Math.round(warm[3] ?? 0)} ms (target < 200 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
