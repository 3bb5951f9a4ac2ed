// The law everywhere: every state and DC has researched law or a "no law found" finding for each
// request type; every county answers the standard request; each state and locality has cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultEngine, lawMap, lawChanges, REQUEST_TYPES, MODALITIES } from '../../src/law/index.js';
import { STATES } from '../../src/law/states.js';
import { projectRoot } from '../../src/law/project-root.js';

const engine = defaultEngine();
const registry = engine.registry;
const stateIds = STATES.filter((s) => s.ocdType !== 'territory').map((s) => `ocd-division/country:us/${s.ocdType}:${s.code}`);

test('every state and DC has an index, and for each request type either state law or a noStateLaw finding', () => {
  assert.equal(stateIds.length, 51);
  const missing: string[] = [];
  for (const id of stateIds) {
    const index = registry.jurisdictions.get(id);
    if (!index) { missing.push(`${id}: no index.yaml`); continue; }
    const ruled = new Set(registry.provisions.filter((p) => p.jurisdiction === id && p.level === 'state').flatMap((p) => p.rules.filter((r) => r.modality).flatMap((r) => r.requests)));
    const found = new Set((index.noStateLaw ?? []).flatMap((f) => f.requests));
    for (const t of REQUEST_TYPES) if (!ruled.has(t) && !found.has(t)) missing.push(`${id}: ${t}`);
    for (const f of index.noStateLaw ?? []) {
      assert.ok(f.sources.length > 0 && f.searched <= new Date().toISOString().slice(0, 10), `${id}: a finding needs its sources and the date searched`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every county in the gazetteer answers the standard request on 2026-01-01', () => {
  const m = lawMap(engine, '2026-01-01', 'HOLD');
  assert.equal(m.rows.length, 3143);
  assert.equal(new Set(m.rows.map((r) => r.fips)).size, 3143);
  for (const r of m.rows) {
    assert.ok((MODALITIES as readonly string[]).includes(r.modality), r.id);
    assert.ok(r.provision && r.citation && r.confidence, r.id);
  }
  assert.equal(Object.values(m.counts).reduce((s, n) => s + n, 0), 3143);
  // A floor state's counties honor it (Texas), a ceiling state's forbid it (California), unified jails go to the state (Connecticut).
  const by = (fips: string) => m.rows.find((r) => r.fips === fips)!;
  assert.equal(by('48201').modality, 'MUST');
  assert.equal(by('06037').modality, 'MUST_NOT');
  assert.equal(by('09003').modality, 'MUST_NOT');
});

test('law changes names the instrument that changed each county\'s answer', () => {
  // Iowa's SF 481 took effect on 2018-07-01: every Iowa county moves from MAY to MUST.
  const c = lawChanges(engine, '2018-06-30', '2018-07-01', 'HOLD', { state: 'ia' });
  assert.equal(c.changes.length, 99);
  assert.ok(c.changes.every((x) => x.from === 'MAY' && x.to === 'MUST' && x.now.provision === 'ia.27a-2.detainer-compliance'));
  assert.equal(lawChanges(engine, '2018-07-01', '2018-07-01', 'HOLD', { state: 'ia' }).changes.length, 0);
});

/** Every case's jurisdiction, resolved: the registered jurisdictions it layers. */
function casesByJurisdiction(): Map<string, number> {
  const dir = join(projectRoot(), 'test', 'cases');
  const count = new Map<string, number>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
    const file = parse(readFileSync(join(dir, f), 'utf8')) as { cases: { request: { jurisdiction: string } }[] };
    for (const c of file.cases) {
      const r = engine.decide({ jurisdiction: c.request.jurisdiction, agency: { kind: 'sheriff_jail' }, at: '2025-01-01T12:00:00Z', requests: ['HOLD'] });
      if (!r.ok) continue;
      for (const id of r.response.jurisdiction.lawChain) count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  return count;
}

test('every state and DC, and every locality with law or a finding registered, has at least five cases', () => {
  const count = casesByJurisdiction();
  const short: string[] = [];
  for (const id of stateIds) if ((count.get(id) ?? 0) < 5) short.push(`${id}: ${count.get(id) ?? 0}`);
  for (const id of registry.jurisdictions.keys()) {
    if (!/\/(county|parish|borough|census_area|place):/.test(id)) continue;
    if ((count.get(id) ?? 0) < 5) short.push(`${id}: ${count.get(id) ?? 0}`);
  }
  assert.deepEqual(short, []);
});
