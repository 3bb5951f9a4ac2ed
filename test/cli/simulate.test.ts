// `comity simulate` as a user runs it: usage errors exit 2 with a message and no stack; the CSV tables and the thread count.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../src/law/project-root.js';
import { loadedDbPath, needsData } from '../observe/helpers.js';

const bin = join(projectRoot(), 'bin', 'comity.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'simulate', ...args], { encoding: 'utf8', cwd: projectRoot(), maxBuffer: 64 * 2 ** 20 });
const baseline = join('scenarios', 'baseline-fy2018.yaml');

test('simulate usage errors exit 2 and say what is wrong', () => {
  for (const [args, msg] of [
    [['validate', '--format', 'csv'], /validate: --format csv is not offered/],
    [['validate', 'x.yaml'], /validate takes no file arguments/],
    [[baseline, '--table', 'county'], /--table goes with --format csv/],
    [[baseline, '--format', 'csv', '--table', 'counties'], /--table: expected one of aor-month, county-month, county, class, backlog/],
    [[baseline, '--threads', '0'], /--threads must be a whole number from 1 to 64/],
  ] as const) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('simulate --format csv --table class and county-month give those tables; --threads does not change the numbers', needsData, async () => {
  const db = await loadedDbPath();
  const opts = ['--replications', '2', '--db', db, '--format', 'csv'];
  const one = run(baseline, ...opts, '--table', 'class', '--threads', '1');
  const two = run(baseline, ...opts, '--table', 'class', '--threads', '2');
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.stdout, one.stdout);
  const rows = parse(one.stdout, { columns: true }) as Record<string, string>[];
  assert.deepEqual(rows.filter((r) => r.aor === 'all').map((r) => r.class), ['violent', 'felony', 'other']);
  assert.equal(rows.length, 3 * 25);
  const cm = run(baseline, ...opts, '--table', 'county-month');
  assert.equal(cm.status, 0, cm.stderr);
  const cmRows = parse(cm.stdout, { columns: true }) as Record<string, string>[];
  assert.equal(cmRows.length % 12, 0);
  assert.ok(cmRows.length / 12 > 3000, `${cmRows.length / 12} counties`);
  assert.deepEqual(Object.keys(cmRows[0]!), ['fips', 'state', 'aor', 'month', 'custodial', 'custodial_p05', 'custodial_p95', 'at_large', 'at_large_p05', 'at_large_p95']);
});
