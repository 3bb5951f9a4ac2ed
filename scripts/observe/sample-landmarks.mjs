#!/usr/bin/env node
/**
 * Draws the random landmark sample for the attribution fixture (test/observe/fixtures/landmarks-random.yaml):
 * 14 (AOR, landmark) pairs per Area of Responsibility, across every apprehension method, in the order of
 * a fixed hash (md5 of aor|landmark|'comity-300'), so the draw is reproducible and independent of the
 * matcher. Labels (the county FIPS the landmark text names or implies, or null) are added by hand.
 * Usage: node scripts/observe/sample-landmarks.mjs <loaded comity.duckdb> [out.yaml]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify } from 'yaml';

const [dbPath, out = 'test/observe/fixtures/landmarks-random.yaml'] = process.argv.slice(2);
if (!dbPath || !existsSync(dbPath)) { console.error('usage: sample-landmarks.mjs <loaded comity.duckdb> [out.yaml]'); process.exit(2); }
const db = await (await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' })).connect();
const rows = (await db.runAndReadAll(`
  WITH pairs AS (
    SELECT aor, landmark, count(*) AS arrests, mode(method) AS method, md5(aor || '|' || landmark || '|comity-300') AS h
    FROM arrests WHERE landmark IS NOT NULL AND aor IS NOT NULL GROUP BY aor, landmark),
  ranked AS (SELECT *, row_number() OVER (PARTITION BY aor ORDER BY h) AS k FROM pairs)  , aor_states AS (SELECT aor, string_agg(DISTINCT state_name, ', ' ORDER BY state_name) AS states FROM county_aor GROUP BY aor)
  SELECT r.aor, r.landmark, r.arrests, r.method, s.states
  FROM ranked r LEFT JOIN aor_states s USING (aor) WHERE k <= 14 ORDER BY r.aor, r.k`)).getRowObjectsJS();
const landmarks = rows.map((r) => ({ aor: r.aor, states: r.states ?? '', landmark: r.landmark, method: r.method, arrests: Number(r.arrests), fips: 'TODO', note: '' }));
writeFileSync(out, `# Random sample for the attribution fixture: drawn by scripts/observe/sample-landmarks.mjs (14 per AOR, all methods).\n# fips: the county the landmark text names or implies, read with the AOR's states; null when the text locates no single county.\n${stringify({ landmarks }, { lineWidth: 0 })}`);
console.log(`wrote ${out}: ${landmarks.length} landmarks from ${new Set(landmarks.map((l) => l.aor)).size} AORs`);
