// The zod request schema and the published JSON Schema contract agree; responses satisfy the response contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { defaultEngine, listJurisdictions } from '../../src/law/index.js';
import { projectRoot } from '../../src/law/project-root.js';
import { requestArb } from './arbitraries.js';
import { requestContract } from '../../src/law/contract-schema.js';
import { DecisionRequest } from '../../src/law/request-schema.js';
import { validateRequest as fastCheck } from '../../src/law/request-validate.js';

const root = projectRoot();
const load = (name: string) => JSON.parse(readFileSync(join(root, 'contracts', name), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateRequest = ajv.compile(load('decision-request.schema.json'));
const validateResponse = ajv.compile(load('decision-response.schema.json'));
const engine = defaultEngine();
const requests = requestArb(listJurisdictions(engine.registry).map((j) => j.id));

test('the published request contract is the one generated from the library\'s schema (comity policy contract --write)', () => {
  assert.deepEqual(load('decision-request.schema.json'), requestContract());
});

/** Every property path of `a` (an older contract) is still described in `b`. */
function paths(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const props = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  return Object.entries(props).flatMap(([k, v]) => [`${prefix}${k}`, ...paths(v, `${prefix}${k}.`),
    ...paths((v as { additionalProperties?: unknown }).additionalProperties, `${prefix}${k}.*.`)]);
}
const shared = join(root, '..', 'shared', 'contracts');
test('the contracts extend the project\'s original ones compatibly: every field they named is still there', { skip: !existsSync(shared) && 'the original contracts are not beside this clone' }, () => {
  for (const f of ['decision-request.schema.json', 'decision-response.schema.json']) {
    const before = JSON.parse(readFileSync(join(shared, f), 'utf8'));
    const now = load(f);
    for (const p of paths(before)) assert.ok(paths(now).includes(p), `${f}: ${p} is gone`);
  }
});

test('every generated request is valid under the JSON Schema contract, and its response under the response contract', () => {
  fc.assert(fc.property(requests, (req) => {
    assert.ok(validateRequest(req), JSON.stringify(validateRequest.errors));
    const r = engine.decide(req);
    assert.ok(r.ok);
    assert.ok(validateResponse(r.response), JSON.stringify(validateResponse.errors));
  }), { numRuns: 1_000 });
});

test('requests the contract rejects, zod rejects too', () => {
  const base = { jurisdiction: 'ocd-division/country:us/state:ca', agency: { kind: 'sheriff_jail' }, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] };
  const bad: unknown[] = [
    { ...base, jurisdiction: '' },
    { ...base, jurisdiction: 'x'.repeat(201) },
    { ...base, at: '2016-12-31T23:59:60Z' }, // a leap second: JavaScript's Date cannot hold it
    { ...base, at: '0001-01-01T00:00:00Z' }, // before 1990: outside the registry's time
    { ...base, at: '9999-12-31T23:59:59-12:00' }, // a hold would end in year 10000
    { ...base, at: '2019-02-29T00:00:00Z' },
    { ...base, person: { convictions: [{ date: '1899-12-31', level: 'felony' }] } },
    { ...base, agency: { kind: 'sheriff_jail', extra: 1 } },
    { ...base, agency: { kind: 'sheriff_jail', agreement287g: 'XYZ' } },
    { ...base, requests: [] },
    { ...base, requests: ['HOLD', 'HOLD'] },
    { ...base, documents: ['I-247A', 'I-247A'] },
    { ...base, person: { convictions: [{ level: 'felony' }] } },
    { ...base, person: { registrant: ['gang'] } },
    { ...base, person: { unknown: true } },
    { ...base, at: 'yesterday' },
  ];
  for (const b of bad) {
    assert.equal(validateRequest(b), false, `contract accepts ${JSON.stringify(b)}`);
    assert.equal(engine.decideUnknown(b).ok, false, `zod accepts ${JSON.stringify(b)}`);
  }
});

test('unknown jurisdictions pass the schema but not the gazetteer: an input error naming the field', () => {
  const base = { jurisdiction: '', agency: { kind: 'sheriff_jail' }, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] };
  for (const jurisdiction of ['ocd-division/country:us/State:CA', 'ocd-division/country:us/state:ca/county:santaclara', '99999', 'Nowhere County, ZZ', 'ocd-division/country:us/state:ca/county:santa_clara/council_district:5']) {
    const r = engine.decideUnknown({ ...base, jurisdiction });
    assert.equal(r.ok, false, jurisdiction);
    if (!r.ok) assert.equal(r.problems[0]!.path, 'jurisdiction');
  }
});

// Near-valid requests: valid ones with one field replaced by something odd.
const oddValue = fc.oneof(
  fc.constantFrom('', ' ', '2016-12-31T23:59:60Z', '1989-12-31T23:59:59Z', '2100-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2020-02-29T12:00:00+05:30',
    '2021-02-29T12:00:00Z', '2020-01-01t00:00:00z', '2020-01-01T00:00:00+24:00', '2020-01-01T00:00:00.1234567891Z', '2020-01-01T00:00:00',
    '1900-01-01', '2100-02-29', '2000-02-29', null, 0, true, [], {}, ['HOLD', 'HOLD'], ['I-247A'], 'JEM', 'felony'),
  fc.string(), fc.integer(), fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const FIELDS = ['at', 'detainerReceivedAt', 'wouldBeReleasedAt', 'bookedAt', 'requests', 'documents', 'jurisdiction', 'agency', 'person', 'extra'];
test('zod, the published JSON Schema and the precompiled check agree on every near-valid request', () => {
  fc.assert(fc.property(requests, fc.constantFrom(...FIELDS), oddValue, (req, field, value) => {
    const input: Record<string, unknown> = { ...req, [field]: value };
    const byZod = DecisionRequest.safeParse(input).success;
    assert.equal(validateRequest(input), byZod, `contract and zod disagree on ${JSON.stringify(input)}`);
    if (fastCheck(input)) assert.ok(byZod, `the precompiled check accepts what zod rejects: ${JSON.stringify(input)}`);
  }), { numRuns: 20_000 });
});

test('the precompiled check reads dates exactly as the contract\'s patterns do, digit by digit', () => {
  const base = { jurisdiction: 'ocd-division/country:us/state:ca', agency: { kind: 'sheriff_jail' }, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] };
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  // Every field from its full digit range (and a few near-misses), so out-of-range months, days, hours and offsets come up often.
  const instant = fc.tuple(fc.constantFrom('19', '20', '21', '18'), digits(2), digits(2), digits(2), digits(2), digits(2), digits(2),
    fc.constantFrom('Z', '+', '-', 'z', ' '), digits(2), digits(2), fc.constantFrom(':', '-'))
    .map(([c, y, mo, d, h, mi, s, z, oh, om, sep]) => `${c}${y}-${mo}-${d}T${h}:${mi}:${s}${z === 'Z' || z === 'z' || z === ' ' ? z : `${z}${oh}${sep}${om}`}`);
  const date = fc.tuple(fc.constantFrom('18', '19', '20', '21'), digits(2), digits(2), digits(2)).map(([c, y, mo, d]) => `${c}${y}-${mo}-${d}`);
  fc.assert(fc.property(instant, date, (at, d) => {
    assert.equal(fastCheck({ ...base, at }), DecisionRequest.safeParse({ ...base, at }).success, at);
    const withDate = { ...base, person: { convictions: [{ date: d, level: 'felony' }] } };
    assert.equal(fastCheck(withDate), DecisionRequest.safeParse(withDate).success, d);
  }), { numRuns: 30_000 });
});
