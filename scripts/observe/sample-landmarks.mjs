#!/usr/bin/env node
/**
 * Draws a random landmark sample for the attribution fixtures: N (AOR, landmark) pairs per Area of
 * Responsibility, across every apprehension method, in the order of a fixed hash (md5 of
 * aor|landmark|seed), so the draw is reproducible and independent of the matcher. Labels (the county
 * FIPS the landmark text names or implies, or null) are added by hand.
 *   reference/attribution/landmarks-random.yaml:  --seed comity-300 --per-aor 14 (the defaults)
 *   reference/attribution/landmarks-holdout.yaml: --seed comity-holdout-1 --per-aor 7 --exclude reference/attribution/landmarks-random.yaml
 * Usage: node scripts/observe/sample-landmarks.mjs <loaded comity.duckdb> [--out out.yaml] [--seed S] [--per-aor N] [--exclude fixture.yaml]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse, stringify } from 'yaml';

const usage = 'usage: sample-landmarks.mjs <loaded comity.duckdb> [--out out.yaml] [--seed S] [--per-aor N] [--exclude fixture.yaml]';
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, seed: { type: 'string', default: 'comity-300' }, 'per-aor': { type: 'string', default: '14' }, exclude: { type: 'string' } },
  });
} catch (e) { console.error(`${e.message}\n${usage}`); process.exit(2); }
const [dbPath, outArg] = args.positionals;
const out = args.values.out ?? outArg ?? 'reference/attribution/landmarks-random.yaml';
const perAor = Number(args.values['per-aor']);
const seed = args.values.seed;
if (!dbPath || !existsSync(dbPath)) { console.error(usage); process.exit(2); }
if (!Number.isInteger(perAor) || perAor < 1) { console.error(`--per-aor: a whole number ≥ 1, not ${args.values['per-aor']}\n${usage}`); process.exit(2); }
/** Pairs already in another fixture are skipped, so a holdout shares nothing with the sample it checks. */
const excluded = new Set(args.values.exclude ? parse(readFileSync(args.values.exclude, 'utf8')).landmarks.map((l) => `${l.aor}\u0000${l.landmark}`) : []);

const db = await (await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' })).connect();
const ranked = (await db.runAndReadAll(`
  WITH pairs AS (
    SELECT aor, landmark, count(*) AS arrests, mode(method) AS method, md5(aor || '|' || landmark || '|' || $seed) AS h
    FROM arrests WHERE landmark IS NOT NULL AND aor IS NOT NULL GROUP BY aor, landmark),
  aor_states AS (SELECT aor, string_agg(DISTINCT state_name, ', ' ORDER BY state_name) AS states FROM county_aor GROUP BY aor)
  SELECT p.aor, p.landmark, p.arrests, p.method, s.states
  FROM pairs p LEFT JOIN aor_states s USING (aor) ORDER BY p.aor, p.h`, { seed })).getRowObjectsJS();
const taken = new Map();
const rows = ranked.filter((r) => {
  if (excluded.has(`${r.aor}\u0000${r.landmark}`)) return false;
  const k = taken.get(r.aor) ?? 0;
  if (k >= perAor) return false;
  taken.set(r.aor, k + 1);
  return true;
});
const landmarks = rows.map((r) => ({ aor: r.aor, states: r.states ?? '', landmark: r.landmark, method: r.method, arrests: Number(r.arrests), fips: 'TODO', note: '' }));
writeFileSync(out, `# Random sample for the attribution fixture: drawn by scripts/observe/sample-landmarks.mjs (seed ${seed}, ${perAor} per AOR, all methods${excluded.size ? `, none of the ${excluded.size} pairs of ${args.values.exclude}` : ''}).\n# fips: the county the landmark text names or implies, read with the AOR's states; null when the text locates no single county.\n${stringify({ landmarks }, { lineWidth: 0 })}`);
console.log(`wrote ${out}: ${landmarks.length} landmarks from ${new Set(landmarks.map((l) => l.aor)).size} AORs`);
