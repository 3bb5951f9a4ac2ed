// jsonBytes: the bytes of JSON.stringify, with the sealed (shared, frozen) parts of a value encoded once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngine, jsonBytes, listJurisdictions } from '../../src/law/index.js';
import { isSealed, seal } from '../../src/law/sealed-json.js';
import { answerBytes, sharedAnswerKey } from '../../src/law/answer-bytes.js';
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

const santaClara = {
  jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara', agency: { kind: 'sheriff_jail' as const },
  at: '2025-03-10T09:00:00-07:00', requests: ['HOLD' as const, 'NOTIFY_RELEASE' as const, 'TRANSFER' as const],
  documents: ['I-247A' as const, 'I-200' as const], wouldBeReleasedAt: '2025-03-10T17:00:00-07:00',
};

test('an answer made only of shared parts has the same key at every instant of the day; its bytes are kept from the second time and are exact', () => {
  const [first, a, b, c] = ['08:00', '09:00', '11:30', '16:59'].map((hm) => engine.decide({ ...santaClara, at: `2025-03-10T${hm}:00-07:00` }));
  assert.ok(first?.ok && a?.ok && b?.ok && c?.ok);
  assert.equal(a.response.decisions.HOLD!.holdUntil, null, 'SB 54 forbids the hold: no clock runs');
  assert.ok(isSealed(a.response.decisions.HOLD), 'a hold with no clock is its shared parts');
  const key = sharedAnswerKey(a.response);
  assert.ok(key !== undefined);
  for (const r of [first, b, c]) assert.equal(sharedAnswerKey(r.response), key);
  const sent = [first, a, b, c].map((r) => answerBytes(r.response));
  for (const [i, bytes] of sent.entries()) assert.equal(Buffer.from(bytes).toString(), JSON.stringify(a.response), `answer ${i + 1}`);
  assert.equal(sent[3], sent[2], 'kept from the second time: the third and fourth send the same bytes');

  const nextDay = engine.decide({ ...santaClara, at: '2025-03-11T09:00:00-07:00' });
  assert.ok(nextDay.ok && sharedAnswerKey(nextDay.response) !== key);
  const stated = engine.decide({ ...santaClara, agency: { kind: 'sheriff_jail', agreement287g: null } });
  assert.ok(stated.ok && stated.response.agreement287g.source === 'request' && sharedAnswerKey(stated.response) !== key);
  const fewer = engine.decide({ ...santaClara, requests: ['HOLD', 'NOTIFY_RELEASE'] });
  assert.ok(fewer.ok && sharedAnswerKey(fewer.response) !== key);
  const traced = engine.decide(santaClara, { trace: true });
  assert.ok(traced.ok && sharedAnswerKey(traced.response) === undefined);
  assert.equal(Buffer.from(answerBytes(traced.response)).toString(), JSON.stringify(traced.response));
});

test('two answers with the same shared key are the same JSON, whatever the requests', () => {
  // The second request takes the first's jurisdiction and instant, or its instant moved within the hour.
  fc.assert(fc.property(requestArb(registered), requestArb(registered), fc.integer({ min: 0, max: 3_600 }), (a, b, seconds) => {
    const later = new Date(Date.parse(a.at) + seconds * 1000).toISOString();
    const answers = [a, { ...b, jurisdiction: a.jurisdiction, at: a.at }, { ...a, at: later }].map((r) => engine.decide(r)).flatMap((r) => (r.ok ? [r.response] : []));
    for (const x of answers) {
      assert.equal(Buffer.from(answerBytes(x)).toString(), JSON.stringify(x));
      for (const y of answers) {
        const kx = sharedAnswerKey(x);
        if (kx !== undefined && kx === sharedAnswerKey(y)) assert.equal(JSON.stringify(x), JSON.stringify(y));
      }
    }
  }), { numRuns: 1_500 });
});

test('a hold whose clock runs is the request\'s own: each instant has its deadline', () => {
  const ohio = { jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', agency: { kind: 'sheriff_jail' as const }, requests: ['HOLD' as const], documents: ['I-247A' as const, 'I-200' as const] };
  const a = engine.decide({ ...ohio, at: '2023-11-09T12:00:00-05:00', wouldBeReleasedAt: '2023-11-09T17:00:00-05:00' });
  const b = engine.decide({ ...ohio, at: '2023-11-09T12:00:00-05:00', wouldBeReleasedAt: '2023-11-09T18:00:00-05:00' });
  assert.ok(a.ok && b.ok);
  assert.equal(a.response.decisions.HOLD!.holdUntil, '2023-11-11T17:00:00-05:00');
  assert.equal(b.response.decisions.HOLD!.holdUntil, '2023-11-11T18:00:00-05:00');
  assert.ok(!isSealed(a.response.decisions.HOLD) && !isSealed(a.response));
});

test('a shared answer is the answer: whatever was decided before, decide() equals an unshared computation (the trace\'s)', () => {
  const unshared = (req: Parameters<typeof engine.decide>[0]) => {
    const r = engine.decide(req, { trace: true });
    if (!r.ok) return r;
    const { trace: _trace, ...response } = r.response;
    return { ok: true as const, response };
  };
  // The second request takes the first's jurisdiction and instant: a key that left out what differs would answer it
  // with the first's answer.
  fc.assert(fc.property(requestArb(registered), requestArb(registered), fc.integer({ min: 0, max: 3_600 }), (a, b, seconds) => {
    const later = new Date(Date.parse(a.at) + seconds * 1000).toISOString();
    for (const req of [a, { ...b, jurisdiction: a.jurisdiction, at: a.at }, { ...a, at: later }, a]) {
      assert.deepEqual(engine.decide(req), unshared(req));
    }
  }), { numRuns: 1_500 });
});
