// The registry loader: the real registry is valid, and each kind of malformed file fails with its file, line and path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, formatProblem, createEngine } from '../../src/law/index.js';
import { withRegistry } from './registry-fixture.js';
import { defaultPoliciesDir } from '../../src/law/project-root.js';

const real = loadRegistry(defaultPoliciesDir());

test('the shipped registry is valid', () => {
  assert.ok(real.ok, real.ok ? '' : real.problems.map(formatProblem).join('\n'));
});

test('registry lint: every provision is cited, dated and sourced; ids follow the scheme', () => {
  assert.ok(real.ok);
  for (const p of real.registry.provisions) {
    assert.ok(p.citation.length > 3, p.id);
    assert.match(p.source, /^https?:\/\//, p.id);
    assert.match(p.effective, /^\d{4}-\d{2}-\d{2}$/, p.id);
    assert.ok(p.verified <= new Date().toISOString().slice(0, 10), `${p.id}: verified ${p.verified} is in the future`);
    assert.ok(!p.ends || p.status !== 'in_force' || p.ends >= p.effective, p.id);
    const st = p.jurisdiction.match(/(?:state|district):([a-z]{2})/)?.[1];
    assert.ok(p.id.startsWith(st ? `${st}.` : 'us.'), `${p.id} should start with ${st ?? 'us'}.`);
    if (p.confidence !== 'verified') assert.ok(p.confidenceNote, `${p.id} needs a confidenceNote`);
    assert.ok(p.instrument.references.length >= 1, p.id);
  }
});

const GOOD = `description: A test instrument.
title: Test Act
instrument: statute
jurisdiction: ocd-division/country:us/state:zz
citation: Test Code § 1
references:
  - { title: Test, href: "https://example.org/test" }
provisions:
  - id: zz.test.hold
    title: No holds
    citation: Test Code § 1(a)
    source: https://example.org/test
    effective: 2020-01-01
    status: in_force
    layering: ceiling
    confidence: verified
    verified: 2026-11-28
    rules:
      - requests: [HOLD]
        modality: MUST_NOT
`;

const cases: { name: string; text: string; line: number; path: string; message: RegExp }[] = [
  { name: 'unknown key', text: GOOD.replace('    layering: ceiling\n', '    layering: ceiling\n    colour: red\n'), line: 9, path: 'provisions.0', message: /Unrecognized key.*colour/ },
  { name: 'bad date', text: GOOD.replace('effective: 2020-01-01', 'effective: 2020-02-30'), line: 13, path: 'provisions.0.effective', message: /date/i },
  { name: 'bad modality', text: GOOD.replace('modality: MUST_NOT', 'modality: SHALL_NOT'), line: 20, path: 'provisions.0.rules.0.modality', message: /MUST_NOT/ },
  { name: 'duplicate key', text: GOOD.replace('    status: in_force\n', '    status: in_force\n    status: repealed\n'), line: 15, path: '', message: /unique/i },
  { name: 'missing confidence note', text: GOOD.replace('confidence: verified', 'confidence: uncertain'), line: 9, path: 'provisions.0.confidenceNote', message: /confidenceNote/ },
  { name: 'broken YAML', text: GOOD.replace('    rules:\n', '    rules: [\n'), line: 19, path: '', message: /./ },
  { name: 'unknown catalog', text: GOOD.replace('        modality: MUST_NOT\n', "        modality: MUST_NOT\n        when: { conviction: { anyOf: ['@zz-none'] } }\n"), line: 21, path: 'provisions.0.rules.0.when', message: /unknown offense catalog/ },
];

for (const c of cases) {
  test(`a file with ${c.name} fails with its file, line and path`, () => {
    withRegistry({ 'states/ca/test.yaml': c.text.replace(/state:zz/g, 'state:ca').replace(/zz\./g, 'ca.') }, (dir) => {
      const r = loadRegistry(dir);
      assert.equal(r.ok, false);
      if (r.ok) return;
      const p = r.problems.find((x) => x.file.endsWith('states/ca/test.yaml'));
      assert.ok(p, JSON.stringify(r.problems));
      if (c.line) assert.equal(p.line, c.line, formatProblem(p));
      assert.equal(p.path, c.path);
      assert.match(p.message, c.message);
    }, 'federal');
  });
}

test('a file whose jurisdiction does not match its folder is rejected', () => {
  withRegistry({ 'states/ca/test.yaml': GOOD.replace(/zz\./g, 'ca.') }, (dir) => {
    const r = loadRegistry(dir);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(formatProblem(r.problems[0]!), /states\/ca\/test.yaml:4:.*jurisdiction: is .*state:zz but the folder says .*state:ca/);
  }, 'federal');
});

test('a failed load leaves a previously built engine untouched', () => {
  withRegistry({ 'states/ca/test.yaml': GOOD.replace(/state:zz/g, 'state:ca').replace(/zz\./g, 'ca.') }, (dir) => {
    const engine = createEngine(dir);
    const req = { jurisdiction: 'ocd-division/country:us/state:ca', agency: { kind: 'sheriff_jail' }, at: '2021-01-05T10:00:00-08:00', requests: ['HOLD'] };
    const before = engine.decideUnknown(req);
    writeFileSync(join(dir, 'states/ca/test.yaml'), 'provisions: [');
    assert.throws(() => createEngine(dir), /problem/);
    assert.deepEqual(engine.decideUnknown(req), before);
    assert.ok(before.ok && before.response.decisions.HOLD!.modality === 'MUST_NOT');
  }, 'federal');
});
