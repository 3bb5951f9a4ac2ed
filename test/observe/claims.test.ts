import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VERDICTS, checkClaims, parseClaim } from '../../src/observe/index.js';
import { withLoadedDb } from './helpers.js';

test('every shipped claim gets a verdict with measured figures', async () => {
  await withLoadedDb(async (db) => {
    const results = await checkClaims(db);
    assert.ok(results.length >= 6, `${results.length} claims`);
    for (const r of results) {
      assert.ok(VERDICTS.includes(r.verdict), r.id);
      assert.ok(r.figures.length > 0, `${r.id} has figures`);
      for (const f of r.figures) assert.ok(f.definition.length > 0 && f.denominator > 0, `${r.id}/${f.id}`);
      assert.ok(r.caveats.length > 0, `${r.id} has caveats`);
    }
    const seventy = results.find((r) => r.id === 'seventy-percent-after-jail-notification');
    // Custodial arrests FY2016–FY2019 over all 544,059 arrests (the total stated in the issue).
    assert.equal(seventy?.figures[0]?.denominator, 544059);
    assert.equal(results.find((r) => r.id === 'mecklenburg-arrest-report')?.verdict, 'not testable with these records');
  });
});

test('a malformed claim file reports the line and the key path', () => {
  const text = 'id: x\nstatement: s\nclaimant:\n  who: w\n  where: e\njudge:\n  rule: near\n  measure: m\n  target: "seventy"\n  tolerance: 0.1\n  explain: e\n';
  const r = parseClaim(text, 'bad.yaml');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.ok(r.problems.some((p) => p.line === 9 && p.path === 'judge.target'), JSON.stringify(r.problems));
  }
  const dup = parseClaim('id: a\nid: b\n', 'dup.yaml');
  assert.equal(dup.ok, false);
  if (!dup.ok) assert.equal(dup.problems[0]?.line, 2);
});
