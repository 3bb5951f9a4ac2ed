// Invariants of the decision engine, over random valid requests in every registered jurisdiction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngine, listJurisdictions } from '../../src/law/index.js';
import { requestArb } from './arbitraries.js';

const engine = defaultEngine();
const registered = listJurisdictions(engine.registry).map((j) => j.id);
const requests = requestArb(registered);
const H48 = 48 * 3_600_000;

test('10,000 random valid requests are accepted and never throw', () => {
  fc.assert(fc.property(requests, (req) => {
    const r = engine.decide(req);
    assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
    assert.deepEqual(Object.keys(r.response.decisions).sort(), [...req.requests].sort());
  }), { numRuns: 10_000 });
});

// 8 C.F.R. § 287.7(d) caps every detainer hold at 48 hours excluding Saturdays, Sundays and holidays;
// a 48-business-hour window never spans more than four excluded days (a weekend with a holiday beside it,
// entered on a Saturday). The forms may ask for less (the I-247A: 48 calendar hours), never more.
test('a HOLD that is not MUST_NOT ends within the regulation\'s cap after would-be release', () => {
  fc.assert(fc.property(requests, (req) => {
    const r = engine.decide({ ...req, requests: ['HOLD'] });
    assert.ok(r.ok);
    const d = r.response.decisions.HOLD!;
    if (d.modality === 'MUST_NOT') return;
    assert.ok(d.holdUntil, 'a permitted hold has a deadline');
    const anchor = Date.parse(req.wouldBeReleasedAt ?? req.at);
    assert.ok(Date.parse(d.holdUntil!) <= anchor + H48 + 4 * 24 * 3_600_000, `${d.holdUntil} is past ${req.wouldBeReleasedAt ?? req.at} + 48 h + 4 days`);
    assert.ok(req.wouldBeReleasedAt === undefined || Date.parse(d.holdUntil!) > Date.parse(req.wouldBeReleasedAt), 'a permitted hold ends after would-be release');
    assert.ok(Date.parse(req.at) <= Date.parse(d.holdUntil!), 'a permitted hold has not already expired');
  }), { numRuns: 3_000 });
});

test('SHARE_STATUS_INFO is never MUST_NOT (8 U.S.C. §§ 1373, 1644)', () => {
  fc.assert(fc.property(requests, (req) => {
    const r = engine.decide({ ...req, requests: ['SHARE_STATUS_INFO'] });
    assert.ok(r.ok);
    assert.notEqual(r.response.decisions.SHARE_STATUS_INFO!.modality, 'MUST_NOT');
  }), { numRuns: 2_000 });
});

test('every decision carries at least one citation, and the trace names real provisions', () => {
  const ids = new Set(engine.registry.provisions.map((p) => p.id));
  fc.assert(fc.property(requests, (req) => {
    const r = engine.decide(req, { trace: true });
    assert.ok(r.ok);
    for (const d of Object.values(r.response.decisions)) assert.ok(d!.citations.length >= 1);
    for (const t of r.response.trace!) assert.ok(ids.has(t.provision), t.provision);
  }), { numRuns: 2_000 });
});

test('decide is deterministic and leaves its input unchanged', () => {
  fc.assert(fc.property(requests, (req) => {
    const before = JSON.stringify(req);
    const a = engine.decide(req);
    const b = engine.decide(JSON.parse(before));
    assert.equal(JSON.stringify(req), before);
    assert.deepEqual(a, b);
  }), { numRuns: 1_000 });
});

test('the fast path gives the same modalities as the full decision', () => {
  fc.assert(fc.property(requests, (req) => {
    const full = engine.decide(req);
    assert.ok(full.ok);
    const fast = engine.modalities(req);
    for (const t of req.requests) assert.equal(fast[t], full.response.decisions[t]!.modality, t);
  }), { numRuns: 3_000 });
});

test('every invalid request is rejected with a field path', () => {
  const breakers: [string, (r: Record<string, unknown>) => void][] = [
    ['jurisdiction', (r) => { r.jurisdiction = 'us/ca'; }],
    ['jurisdiction', (r) => { r.jurisdiction = 'ocd-division/country:us/state:zz'; }],
    ['agency', (r) => { delete r.agency; }],
    ['agency.kind', (r) => { r.agency = { kind: 'ice' }; }],
    ['at', (r) => { r.at = '2025-13-01T00:00:00Z'; }],
    ['at', (r) => { r.at = '2025-03-01 10:00'; }],
    ['requests', (r) => { r.requests = []; }],
    ['requests.0', (r) => { r.requests = ['DEPORT']; }],
    ['requests', (r) => { r.requests = ['HOLD', 'HOLD']; }],
    ['documents.0', (r) => { r.documents = ['I-9']; }],
    ['wouldBeReleasedAt', (r) => { r.wouldBeReleasedAt = 'tomorrow'; }],
    ['person.convictions.0.date', (r) => { r.person = { convictions: [{ date: '2019-02-30x', level: 'felony' }] }; }],
    ['person.convictions.0.level', (r) => { r.person = { convictions: [{ date: '2019-02-03', level: 'bad' }] }; }],
    ['(request)', (r) => { r.extra = true; }],
  ];
  fc.assert(fc.property(requests, fc.constantFrom(...breakers), (req, [path, breakIt]) => {
    const bad = JSON.parse(JSON.stringify(req)) as Record<string, unknown>;
    breakIt(bad);
    const r = engine.decideUnknown(bad);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.ok(r.problems.some((p) => p.path === path), `expected a problem at ${path}, got ${JSON.stringify(r.problems)}`);
  }), { numRuns: 1_000 });
  for (const junk of [null, 42, 'text', [], {}]) assert.equal(engine.decideUnknown(junk).ok, false);
});
