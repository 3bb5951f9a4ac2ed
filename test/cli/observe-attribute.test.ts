// `comity observe attribute`: one landmark in text or JSON, many from standard input as JSON lines, bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../src/law/project-root.js';
import { loadedDbPath, needsData, tempPath } from '../observe/helpers.js';

const bin = join(projectRoot(), 'bin', 'comity.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, 'observe', 'attribute', ...args], { input, encoding: 'utf8', cwd: projectRoot() });

test('one landmark: where it goes and why, in words', needsData, async () => {
  const db = await loadedDbPath();
  const r = run(['--aor', 'BOS', 'CHELSEA POLICE DEPT', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /states: +CT, MA, ME, NH, RI, VT/);
  assert.match(r.stdout, /cities: +"CHELSEA" → Suffolk County, MA \(25025\)/);
  assert.match(r.stdout, /county: +25025 Suffolk County, MA — method city/);
});

test('one landmark --json: the attribution with the states and candidates considered', needsData, async () => {
  const db = await loadedDbPath();
  const r = run(['--aor', 'NOL', 'WASHINGTON COUNTY JAIL', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout) as { aor: string; attribution: { fips: string | null; reason?: string }; states: { searched: string[] }; candidates: { countyNames: { counties: { fips: string }[] }[] } };
  assert.equal(e.aor, 'NOL');
  assert.equal(e.attribution.fips, null);
  assert.equal(e.attribution.reason, 'ambiguous');
  assert.deepEqual(e.states.searched, ['AL', 'AR', 'LA', 'MS', 'TN']);
  assert.equal(e.candidates.countyNames[0]?.counties.length, 5);
});

test('"-" reads AOR<TAB>landmark lines: one JSON object a line, bad lines as errors naming their line', needsData, async () => {
  const db = await loadedDbPath();
  const input = ['NEW\tWEST NEW YORK PD', 'no tab on this line', 'ZZZ\tDALLAS COUNTY JAIL', '', 'NOL\tWASHINGTON COUNTY JAIL', '\tMARICOPA COUNTY JAIL'].join('\n');
  const r = run(['-', '--db', db], input);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; aor: string | null; landmark: string | null; fips: string | null; error?: string });
  assert.deepEqual(out.map((o) => o.line), [1, 2, 3, 5, 6]);
  assert.deepEqual(out[0], { line: 1, aor: 'NEW', landmark: 'WEST NEW YORK PD', fips: '34017', method: 'city', confidence: 'medium', detail: 'WEST NEW YORK' });
  assert.match(out[1]?.error ?? '', /^line 2: expected AOR<TAB>landmark/);
  assert.equal(out[1]?.fips, null);
  assert.match(out[2]?.error ?? '', /^line 3: AOR "ZZZ": unknown AOR code/);
  assert.equal(out[3]?.fips, null);
  assert.equal(out[3]?.aor, 'NOL');
  assert.equal(out[4]?.aor, null);
  assert.equal(out[4]?.fips, '04013');
});

test('an unknown --aor is a usage error (exit 2, one line, no stack)', needsData, async () => {
  const db = await loadedDbPath();
  const bad = run(['--aor', 'XYZ', 'DALLAS COUNTY JAIL', '--db', db]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--aor "XYZ": unknown AOR code/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
});

test('without a loaded database: a usage error saying to load one (exit 2)', () => {
  const missing = run(['--aor', 'DAL', 'DALLAS COUNTY JAIL', '--db', tempPath('none.duckdb')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no Comity database/);
});
