// Scenario files: the shipped ones parse; a bad one fails with the file, line and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, readScenario, ScenarioError } from '../../src/simulate/scenario-file.js';
import { projectRoot } from '../../src/observe/paths.js';

const dir = join(projectRoot()!, 'scenarios');

test('every shipped scenario is valid', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.includes('baseline-fy2018.yaml') && files.includes('sanctuary-op-2020.yaml') && files.includes('no-sanctuary-op-2020.yaml'));
  for (const f of files) readScenario(join(dir, f));
});

test('a bad field is reported with file, line and path', () => {
  const text = 'name: x\nfrom: 2018-01-01\nto: 2018-12-31\nsurges:\n  - name: s\n    aors: [LOS]\n    from: 2018-02-01\n    to: 2018-03-01\n    officerHoursPerDay: -5\n';
  const r = parseScenario('bad.yaml', text);
  assert.ok(!r.ok);
  assert.deepEqual(r.problems.map((p) => [p.file, p.line, p.path]), [['bad.yaml', 9, 'surges.0.officerHoursPerDay']]);
});

test('unknown keys, a wrong policy kind and dates out of order are each named', () => {
  const r = parseScenario('bad.yaml', 'name: x\nfrom: 2018-01-01\nto: 2017-12-31\nreplicatons: 3\npolicies:\n  - kind: sanctuary\n');
  assert.ok(!r.ok);
  const paths = r.problems.map((p) => p.path);
  assert.ok(paths.includes('policies.0.kind'), JSON.stringify(r.problems));
  assert.ok(r.problems.some((p) => p.path === '' && /replicatons/.test(p.message)), JSON.stringify(r.problems));
  const order = parseScenario('o.yaml', 'name: x\nfrom: 2018-01-01\nto: 2017-12-31\n');
  assert.ok(!order.ok && order.problems[0]!.path === 'to' && order.problems[0]!.line === 3, JSON.stringify(order));
});

test('a missing file is a ScenarioError naming it', () => {
  assert.throws(() => readScenario('nope/missing.yaml'), (e: unknown) => e instanceof ScenarioError && /nope\/missing\.yaml: cannot read/.test(e.message));
});

test('docs/model.md lists every parameter with its value', async () => {
  const { readFileSync } = await import('node:fs');
  const { PARAMETERS } = await import('../../src/simulate/parameters.js');
  const md = readFileSync(join(projectRoot()!, 'docs', 'model.md'), 'utf8');
  for (const [k, p] of Object.entries(PARAMETERS)) {
    const v = Number.isInteger(p.value) ? String(p.value) : p.value.toPrecision(4);
    assert.ok(md.includes(`| \`${k}\` | ${v} |`), `${k} = ${v} missing from docs/model.md`);
  }
});

test('a scenario object (a server body) is checked by the same schema, each problem naming its field', async () => {
  const { scenarioFromObject } = await import('../../src/simulate/scenario-file.js');
  const ok = scenarioFromObject({ name: 'x', from: '2018-01-01', to: '2018-03-31', surges: [{ name: 's', aors: ['LOS'], from: '2018-02-01', to: '2018-02-10', officerHoursPerDay: 10 }] });
  assert.equal(ok.replications, 20, 'defaults filled in');
  assert.throws(() => scenarioFromObject({ name: 'x', from: '2018-01-01', to: '2018-03-31', monthlyFieldHoursScale: { '2018-13': 2 }, surges: [{ name: 's', aors: ['la'], from: '2018-02-01', to: '2018-02-10', officerHoursPerDay: 10 }] }, 'body'),
    (e: unknown) => e instanceof ScenarioError && /body: surges\.0\.aors\.0: must be a three-letter ICE area code/.test(e.message) && /monthlyFieldHoursScale/.test(e.message));
});
