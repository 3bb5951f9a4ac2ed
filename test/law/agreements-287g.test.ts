// 287(g) agreements from ICE's published lists reach decide(): an agency's agreement is a fact on
// every date the lists can vouch for, a request may override it, and the response says where it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, defaultEngine, type DecisionRequest } from '../../src/law/index.js';
import { withRegistry } from './registry-fixture.js';

const engine = defaultEngine();
// Broome County, NY: the Sheriff's Warrant Service Officer agreement, signed 2025-03-10 (ICE's lists).
// New York's Wells v. DeMarco forbids holds on a detainer unless the officers act under a 287(g) agreement.
const broome = (at: string, extra: Partial<DecisionRequest> = {}): DecisionRequest => ({
  jurisdiction: 'ocd-division/country:us/state:ny/county:broome', agency: { kind: 'sheriff_jail' }, at, requests: ['HOLD'],
  documents: ['I-247A', 'I-200'], wouldBeReleasedAt: at, ...extra,
});

function decided(req: DecisionRequest) {
  const r = engine.decide(req);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
  return r.response;
}

test('an agency on ICE\'s 287(g) list answers with its agreement, and the response says the lists are the source', () => {
  const r = decided(broome('2025-06-02T12:00:00-04:00'));
  assert.equal(r.agreement287g.source, 'ice-lists');
  assert.deepEqual(r.agreement287g.models, ['WSO']);
  assert.ok(r.agreement287g.agreements.some((a) => a.agency === 'Broome County Sheriff\'s Office' && a.signed === '2025-03-10' && a.inForce));
  assert.match(r.agreement287g.note, /Broome County Sheriff's Office: 287\(g\) Warrant Service Officer on ICE's published lists/);
  assert.equal(r.decisions.HOLD!.modality, 'MAY');
  assert.ok(!r.decisions.HOLD!.missingFacts.some((m) => m.fact === 'agency.agreement287g'));
});

test('the day before the agreement was signed, the lists show none: Wells v. DeMarco forbids the hold', () => {
  const r = decided(broome('2025-03-09T12:00:00-04:00'));
  assert.equal(r.agreement287g.source, 'none-on-lists');
  assert.deepEqual(r.agreement287g.models, []);
  assert.equal(r.decisions.HOLD!.modality, 'MUST_NOT');
});

test('agency.agreement287g in the request overrides the lists, both ways', () => {
  const none = decided(broome('2025-06-02T12:00:00-04:00', { agency: { kind: 'sheriff_jail', agreement287g: null } }));
  assert.equal(none.agreement287g.source, 'request');
  assert.equal(none.decisions.HOLD!.modality, 'MUST_NOT');
  const jem = decided(broome('2025-03-09T12:00:00-04:00', { agency: { kind: 'sheriff_jail', agreement287g: 'JEM' } }));
  assert.equal(jem.agreement287g.source, 'request');
  assert.deepEqual(jem.agreement287g.models, ['JEM']);
  assert.equal(jem.decisions.HOLD!.modality, 'MAY');
});

test('before the lists begin (2025-01-04) an agreement is unknown: the answer says so and names the missing fact', () => {
  const r = decided(broome('2024-06-03T12:00:00-04:00'));
  assert.equal(r.agreement287g.source, 'unknown');
  assert.match(r.agreement287g.note, /start on 2025-01-04: an agreement that ended before then is not on them/);
  assert.ok(r.decisions.HOLD!.missingFacts.some((m) => m.fact === 'agency.agreement287g'), JSON.stringify(r.decisions.HOLD!.missingFacts));
});

test('the fast path takes the lists into account too', () => {
  assert.equal(engine.modalities(broome('2025-06-02T12:00:00-04:00')).HOLD, 'MAY');
  assert.equal(engine.modalities(broome('2025-03-09T12:00:00-04:00')).HOLD, 'MUST_NOT');
});

test('a state prison is matched to its state\'s department, a city\'s police to the city', () => {
  // Massachusetts Department of Correction: Jail Enforcement Model since 2020-06-08, still listed.
  const ma = decided({ jurisdiction: 'ocd-division/country:us/state:ma/county:plymouth', agency: { kind: 'state_prison' }, at: '2025-06-02T12:00:00-04:00', requests: ['HOLD'] });
  assert.deepEqual(ma.agreement287g.models, ['JEM']);
  assert.ok(ma.agreement287g.agreements.every((a) => /Massachusetts Department of Correction/.test(a.agency)));
  const police = decided({ jurisdiction: 'ocd-division/country:us/state:ny/place:camden', agency: { kind: 'municipal_police' }, at: '2025-08-01T12:00:00-04:00', requests: ['HOLD'] });
  assert.deepEqual(police.agreement287g.models, ['TFM']);
});

test('a damaged 287(g) table is refused with its line, and the registry is not half-loaded', () => {
  const header = 'state\tagency\ttype\tkind\tcountyFips\tplace\tmodel\tsigned\tlastSeen\tongoing\tsources';
  withRegistry({ '287g/agreements.tsv': `${header}\nNY\tBroome County Sheriff's Office\tCounty\tsheriff_jail\t36007\t\tXYZ\t2025-03-10\t2026-05-18\t1\tLT\n` }, (dir) => {
    assert.throws(() => createEngine(dir), /287g\/agreements\.tsv:2: model: /);
  });
  withRegistry({ '287g/agreements.tsv': 'state\tagency\n' }, (dir) => {
    assert.throws(() => createEngine(dir), /agreements\.tsv:1: the header must be/);
  });
});
