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

const root = projectRoot();
const load = (name: string) => JSON.parse(readFileSync(join(root, 'contracts', name), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateRequest = ajv.compile(load('decision-request.schema.json'));
const validateResponse = ajv.compile(load('decision-response.schema.json'));
const engine = defaultEngine();
const requests = requestArb(listJurisdictions(engine.registry).map((j) => j.id));

test('the vendored contracts are the shared ones', { skip: !existsSync(join(root, '..', 'shared', 'contracts')) }, () => {
  for (const f of ['decision-request.schema.json', 'decision-response.schema.json']) {
    assert.deepEqual(load(f), JSON.parse(readFileSync(join(root, '..', 'shared', 'contracts', f), 'utf8')));
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
    { ...base, jurisdiction: 'ocd-division/country:us/State:CA' },
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
