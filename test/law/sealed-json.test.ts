// jsonBytes: the bytes of JSON.stringify, with the sealed (shared, frozen) parts of a value encoded once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngine, jsonBytes, listJurisdictions } from '../../src/law/index.js';
import { isSealed, seal } from '../../src/law/sealed-json.js';
import { requestArb } from './arbitraries.js';

/** A JSON value in which some objects and arrays are sealed (a coin per container, decided by fast-check). */
const partlySealed = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string({ unit: 'grapheme' })),
    fc.tuple(fc.array(tie('value')), fc.boolean()).map(([a, s]) => (s ? seal(a) : a)),
    fc.tuple(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '"quoted"', 'ü§—')), tie('value')), fc.boolean()).map(([o, s]) => (s ? seal(o) : o)),
  ),
})).value;

test('jsonBytes is byte for byte Buffer.from(JSON.stringify(v)), whatever is sealed, and again when asked twice', () => {
  fc.assert(fc.property(partlySealed, (v) => {
    const want = Buffer.from(JSON.stringify(v) ?? 'null');
    assert.deepEqual(Buffer.from(jsonBytes(v)), want);
    assert.deepEqual(Buffer.from(jsonBytes(v)), want, 'the encoded parts kept from the first call');
  }), { numRuns: 2_000 });
});

test('a sealed value is frozen through and through: its kept JSON cannot go stale', () => {
  const o = seal({ a: [1, { b: 'x' }], c: { d: [] as number[] } });
  assert.ok(isSealed(o) && isSealed(o.a) && isSealed(o.a[1]) && isSealed(o.c.d));
  const before = Buffer.from(jsonBytes(o)).toString();
  assert.throws(() => { (o.a[1] as { b: string }).b = 'y'; }, TypeError);
  assert.throws(() => { o.c.d.push(1); }, TypeError);
  assert.equal(Buffer.from(jsonBytes(o)).toString(), before);
  assert.equal(isSealed({}), false);
  assert.equal(isSealed('text'), false);
});

const engine = defaultEngine();
const registered = listJurisdictions(engine.registry).map((j) => j.id);

test('decisions: the API\'s bytes equal JSON.stringify of the response, with and without the trace', () => {
  fc.assert(fc.property(requestArb(registered), fc.boolean(), (req, trace) => {
    const r = engine.decide(req, { trace });
    assert.ok(r.ok);
    assert.equal(Buffer.from(jsonBytes(r.response)).toString(), JSON.stringify(r.response));
  }), { numRuns: 2_000 });
});

test('decisions shared between answers are sealed, and one answer cannot change another', () => {
  const req = {
    jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara', agency: { kind: 'sheriff_jail' as const },
    at: '2025-03-10T09:00:00-07:00', requests: ['NOTIFY_RELEASE' as const, 'TRANSFER' as const], documents: ['I-247A' as const, 'I-200' as const],
  };
  const a = engine.decide(req);
  const b = engine.decide({ ...req, at: '2025-03-10T09:00:01-07:00' });
  assert.ok(a.ok && b.ok);
  const d = a.response.decisions.TRANSFER!;
  assert.ok(isSealed(d), 'a decision that is only its shared parts is shared');
  assert.equal(b.response.decisions.TRANSFER, d);
  assert.throws(() => { d.warnings.push('changed'); }, TypeError);
  assert.throws(() => { (d as { modality: string }).modality = 'MAY'; }, TypeError);
});
