// The comity CLI, run as a user runs it: a real process, real files, real stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/law/project-root.js';

const bin = join(projectRoot(), 'bin', 'comity.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: projectRoot() });
const tmp = mkdtempSync(join(tmpdir(), 'comity-cli-'));
const request = {
  jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', // no Ohio law on holds, no local law: the federal baseline
  agency: { kind: 'sheriff_jail' },
  at: '2025-07-03T10:00:00-04:00',
  requests: ['HOLD', 'SHARE_STATUS_INFO'],
  documents: ['I-247A', 'I-200'],
  wouldBeReleasedAt: '2025-07-03T17:00:00-04:00',
};

test('decide FILE prints the response JSON', () => {
  const f = join(tmp, 'req.json');
  writeFileSync(f, JSON.stringify(request));
  const r = run(['decide', f]);
  assert.equal(r.status, 0, r.stderr);
  const body = JSON.parse(r.stdout);
  assert.equal(body.decisions.HOLD.modality, 'MAY');
  assert.equal(body.decisions.HOLD.holdUntil, '2025-07-05T17:00:00-04:00');
  assert.ok(body.trace.length > 0);
});

test('decide - reads standard input; --explain prints a readable account with the disclaimer', () => {
  const r = run(['decide', '-', '--explain'], JSON.stringify(request));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /HOLD: MAY — hold no later than 2025-07-05T17:00:00-04:00/);
  assert.match(r.stdout, /8 C\.F\.R\. § 287\.7\(d\)/);
  assert.match(r.stdout, /not legal advice/);
});

test('an invalid request exits 2 with one line naming the field, never a stack trace', () => {
  const r = run(['decide', '-'], JSON.stringify({ ...request, agency: { kind: 'ice' } }));
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^comity: invalid request: agency\.kind: /);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});

test('unreadable and non-JSON input exit 2', () => {
  const a = run(['decide', join(tmp, 'missing.json')]);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /missing\.json: cannot read \(ENOENT\)/);
  const b = run(['decide', '-'], '{"jurisdiction": ');
  assert.equal(b.status, 2);
  assert.match(b.stderr, /stdin: not valid JSON/);
});

test('an unknown state exits 2 naming the jurisdiction field', () => {
  const r = run(['decide', '-'], JSON.stringify({ ...request, jurisdiction: 'ocd-division/country:us/state:xx' }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /jurisdiction: unknown state/);
});

test('unknown commands and options exit 2', () => {
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['decide', '--nope', 'x']).status, 2);
  assert.equal(run(['jurisdictions', '--state', 'California']).status, 2);
});

test('jurisdictions lists what the registry knows; policy validate checks it', () => {
  const j = run(['jurisdictions', '--json']);
  assert.equal(j.status, 0, j.stderr);
  const rows = JSON.parse(j.stdout) as { id: string; provisions: number }[];
  assert.ok(rows.some((x) => x.id === 'ocd-division/country:us' && x.provisions > 0));
  const v = run(['policy', 'validate']);
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /^ok: \d+ files, \d+ instruments, \d+ provisions/);
});

test('policy validate on a broken registry exits 2 and names file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comity-badreg-'));
  writeFileSync(join(dir, 'x.yaml'), 'description: [unclosed');
  const v = run(['policy', 'validate', dir]);
  assert.equal(v.status, 2);
  assert.match(v.stderr, /x\.yaml:\d+/);
});

test('decide accepts a county FIPS code and a name, and answers for the same jurisdiction', () => {
  const base = { ...request, jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara', requests: ['NOTIFY_RELEASE'] };
  const ids = ['06085', 'Santa Clara County, CA', 'ocd-division/country:us/state:ca/county:santa_clara'].map((jurisdiction) => {
    const r = run(['decide', '-'], JSON.stringify({ ...base, jurisdiction }));
    assert.equal(r.status, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.equal(body.decisions.NOTIFY_RELEASE.modality, 'MUST_NOT');
    return body.jurisdiction.id;
  });
  assert.deepEqual(new Set(ids).size, 1);
});

test('an unknown or misspelled county exits 2 with the closest names suggested', () => {
  const r = run(['decide', '-'], JSON.stringify({ ...request, jurisdiction: 'ocd-division/country:us/state:ca/county:santaclara' }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown jurisdiction .*santaclara.*did you mean Santa Clara County, CA/);
});

test('what the CLI echoes from a request is escaped: no control characters or terminal escapes reach the terminal', () => {
  const r = run(['decide', '-'], JSON.stringify({ ...request, jurisdiction: 'Evil\u001b]0;pwned\u0007\u001b[2J County, CA' }));
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(r.stderr, /\\u001b\]0;pwned\\u0007/);
});

test('decide --format memo prints a Markdown memo with the answer, linked citations and the disclaimer', () => {
  const r = run(['decide', '-', '--format', 'memo'], JSON.stringify(request));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# ICE request: what the law allows — Delaware County, Ohio/m);
  assert.match(r.stdout, /### HOLD: MAY — hold no later than 2025-07-05T17:00:00-04:00/);
  assert.match(r.stdout, /\[8 C\.F\.R\. § 287\.7\(d\)\]\(https:\/\//);
  assert.match(r.stdout, /not legal advice/);
  assert.equal(run(['decide', '-', '--format', 'pdf'], JSON.stringify(request)).status, 2);
});

test('jurisdictions lists the 50 states and DC with their status; --state and --counties go down to counties', () => {
  const j = run(['jurisdictions']);
  assert.equal(j.status, 0, j.stderr);
  assert.match(j.stdout, /^51 states and DC; \d+ with state law registered, \d+ where the research found none, 0 not researched\./);
  for (const name of ['Idaho', 'District of Columbia', 'Wyoming', 'Kentucky']) assert.match(j.stdout, new RegExp(`\n${name} +(law registered|no state law found) `));
  const json = JSON.parse(run(['jurisdictions', '--json']).stdout) as { level: string; status?: string }[];
  assert.equal(json.filter((r) => r.level === 'state').length, 51);
  const id = run(['jurisdictions', '--state', 'id']);
  assert.equal(id.status, 0, id.stderr);
  assert.match(id.stdout, /Idaho +law registered/);
  const c = run(['jurisdictions', '--state', 'id', '--counties', '--json']);
  assert.equal(c.status, 0, c.stderr);
  const rows = JSON.parse(c.stdout) as { fips: string; id: string }[];
  assert.equal(rows.length, 44);
  assert.ok(rows.some((x) => x.fips === '16001' && x.id === 'ocd-division/country:us/state:id/county:ada'));
});

test('law map answers for every county on a date, as text, CSV or JSON; bad options exit 2 naming the option', () => {
  const csv = run(['law', 'map', '--date', '2026-01-01', '--format', 'csv']);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\n');
  assert.match(lines[0]!, /^fips,id,name,state,modality,level,jurisdiction,provision,citation,instrument,confidence,agreement287g,agreementSource$/);
  assert.equal(lines.length - 1, 3143);
  const text = run(['law', 'map', '--date', '2026-01-01', '--state', 'ca']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^HOLD at the county jail on 2026-01-01 \(I-247A \+ I-200\), 58 counties: MUST_NOT 58/);
  for (const [args, msg] of [
    [['--date', '2026-02-30'], /--date: must be a day as YYYY-MM-DD/],
    [['--date', '2010-01-01'], /--date: Comity's law runs from 2013-01-01/],
    [['--date', '2026-01-01', '--request', 'ARREST'], /--request: /],
    [['--date', '2026-01-01', '--state', 'zz'], /--state: unknown state/],
    [['--date', '2026-01-01', '--format', 'xml'], /--format: /],
  ] as const) {
    const r = run(['law', 'map', ...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
  }
});

test('law changes lists the counties whose answer changed, with the instrument that changed it', () => {
  // California's SB 54 took effect on 2018-01-01: every county's hold answer comes from it after.
  const r = run(['law', 'changes', '--from', '2017-12-31', '--to', '2018-01-01', '--state', 'ca', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(r.stdout) as { changes: { fips: string; to: string; now: { provision: string } }[] };
  assert.ok(c.changes.length > 0);
  assert.ok(c.changes.every((x) => x.now.provision === 'ca.sb54.hold' && x.to === 'MUST_NOT'), JSON.stringify(c.changes.slice(0, 3)));
  assert.equal(run(['law', 'changes', '--from', '2018-01-01', '--to', '2017-01-01']).status, 2);
});
