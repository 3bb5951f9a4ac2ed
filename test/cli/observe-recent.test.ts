// `comity observe` for the records after 2019, run as a user runs it: a real process on a loaded database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../src/law/project-root.js';
import { loadedDbPath, needsData } from '../observe/helpers.js';

const bin = join(projectRoot(), 'bin', 'comity.js');
const observe = async (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'observe', ...args, '--db', await loadedDbPath()], { encoding: 'utf8', cwd: projectRoot() });

test('observe at-large-recent prints the periods side by side with the period, definition, caveats and sources', needsData, async () => {
  const r = await observe('at-large-recent', '--area', 'SPM', '--period', 'fy2019,w2526');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0] ?? '', /^key\s+label\s+period\s+arrests\s+at large\s+at large share\s+custodial\s+program 287g\s+other methods$/);
  assert.match(r.stdout, /SPM\s+St\. Paul\s+FY2019 \(to about 2019-09-01\)/);
  assert.match(r.stdout, /SPM\s+St\. Paul\s+August 2025 – July 2026\s+[\d,]+\s+[\d,]+\s+\d+\.\d%\s+—/);
  assert.match(r.stdout, /^period: 2018-10-01 to 2026-07-31/m);
  assert.match(r.stdout, /^caveat: Same at-large definition in both sources/m);
  assert.match(r.stdout, /^source: ICE via FOIA, Deportation Data Project; aggregated by M\. Strasser$/m);
  const json = JSON.parse((await observe('at-large-recent', '--by', 'nation', '--format', 'json')).stdout) as { rows: { period: string; atLargeShare: number }[] };
  assert.equal(json.rows.length, 7);
  const csv = (await observe('at-large-recent', '--by', 'state', '--period', 'y2024', '--format', 'csv')).stdout.trim().split('\n');
  assert.equal(csv.length, 1 + 52, 'a header and 50 states, DC and Puerto Rico');
});

test('observe at-large-recent: a county exits 2 with one line saying why; so does an unknown period', needsData, async () => {
  const county = await observe('at-large-recent', '--area', '06037');
  assert.equal(county.status, 2);
  assert.equal(county.stdout, '');
  assert.match(county.stderr, /the record-level files end in August 2019; for 2024–26 only AOR and state totals exist/);
  assert.equal(county.stderr.trim().split('\n').length, 1);
  assert.doesNotMatch(county.stderr, /\bat .*\.js:\d+/, 'no stack trace');
  const period = await observe('at-large-recent', '--period', 'y2022');
  assert.equal(period.status, 2);
  assert.match(period.stderr, /period: y2022 is not a period/);
});

test('observe arrests-monthly, book-ins and detention-population: partial months flagged, bad options exit 2', needsData, async () => {
  const monthly = await observe('arrests-monthly', '--from', '2026-07');
  assert.equal(monthly.status, 0, monthly.stderr);
  assert.match(monthly.stdout, /2026-08\s+[\d,]+\s+[\d,]+\s+true/);
  assert.match(monthly.stdout, /caveat: August 2026 is partial/);
  const early = await observe('arrests-monthly', '--from', '2019-06');
  assert.equal(early.status, 2);
  assert.match(early.stderr, /end in August 2019/);
  const fy = JSON.parse((await observe('book-ins', '--by', 'fy', '--format', 'json')).stdout) as { rows: { fy: number; ice: number }[] };
  assert.equal(fy.rows.length, 8);
  assert.equal((await observe('book-ins', '--fy', '2015')).status, 2);
  const pop = await observe('detention-population', '--by', 'type', '--fy', '2024', '--format', 'csv');
  assert.equal(pop.status, 0, pop.stderr);
  assert.match(pop.stdout.split('\n')[0] ?? '', /^fy,key,label,month,facilities,adp,share,partial$/);
  const badBy = await observe('detention-population', '--by', 'county');
  assert.equal(badBy.status, 2);
  assert.match(badBy.stderr, /by must be one of aor, type, month/);
});
