// fast-check generators of valid decision requests across every registered jurisdiction and beyond.
import fc from 'fast-check';
import { AGENCY_KINDS, DOCUMENTS, REQUEST_TYPES, type DecisionRequest } from '../../src/law/index.js';
import { STATES } from '../../src/law/states.js';
import { Gazetteer } from '../../src/law/gazetteer.js';

const COUNTRY = 'ocd-division/country:us';

/** Registered jurisdictions, states, and any county or place of the gazetteer — by OCD id, FIPS code or name. */
export function jurisdictionArb(registered: readonly string[]): fc.Arbitrary<string> {
  const gaz = Gazetteer.load();
  const st = fc.constantFrom(...STATES.map((s) => `${COUNTRY}/${s.ocdType}:${s.code}`));
  const county = fc.constantFrom(...gaz.counties);
  const places = gaz.places.filter((_, i) => i % 50 === 0);
  const local = fc.oneof(
    county.map((c) => c.ocd), county.map((c) => c.fips), county.map((c) => gaz.label(c)),
    fc.constantFrom(...places).map((p) => p.ocd),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...registered) }, { weight: 1, arbitrary: st }, { weight: 2, arbitrary: local });
}

const CATEGORIES = ['serious_felony', 'violent_felony', 'state_prison_felony', 'wobbler', 'violent', 'robbery', 'theft', 'assault',
  'burglary', 'drug_trafficking', 'drug_possession', 'dui', 'sex_offense', 'homicide', 'domestic_violence', 'weapons', 'fraud'];

const DAY = 86_400_000;
const FROM = Date.UTC(2013, 0, 1);
const TO = Date.UTC(2027, 11, 31);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** An ISO date-time with a fixed offset, as a jail would send it. */
function isoWithOffset(ms: number, offsetMin: number): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const offenseArb = (beforeMs: number) => fc.record({
  date: fc.integer({ min: beforeMs - 25 * 365 * DAY, max: beforeMs }).map(isoDate),
  level: fc.constantFrom('felony', 'misdemeanor', 'infraction'),
  grade: fc.option(fc.constantFrom('F1', 'F2', 'F3', 'M1', 'M2'), { nil: undefined }),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
}, { requiredKeys: ['date', 'level'] });

export function requestArb(registered: readonly string[]): fc.Arbitrary<DecisionRequest> {
  return fc.record({
    jurisdiction: jurisdictionArb(registered),
    kind: fc.constantFrom(...AGENCY_KINDS),
    model: fc.constantFrom(null, undefined, 'JEM', 'WSO', 'TFM'),
    atMs: fc.integer({ min: FROM, max: TO }),
    offset: fc.constantFrom(-300, -240, -360, -420, -480, 0),
    requests: fc.uniqueArray(fc.constantFrom(...REQUEST_TYPES), { minLength: 1, maxLength: REQUEST_TYPES.length }),
    documents: fc.option(fc.uniqueArray(fc.constantFrom(...DOCUMENTS), { maxLength: 4 }), { nil: undefined }),
    releaseShiftH: fc.option(fc.integer({ min: -72, max: 72 }), { nil: undefined }),
    receivedShiftH: fc.option(fc.integer({ min: -96, max: 0 }), { nil: undefined }),
    consent: fc.option(fc.boolean(), { nil: undefined }),
    proof: fc.option(fc.boolean(), { nil: undefined }),
    registrant: fc.option(fc.uniqueArray(fc.constantFrom('sex_offender', 'arson'), { maxLength: 2 }), { nil: undefined }),
  }).chain((r) => fc.record({
    convictions: fc.array(offenseArb(r.atMs), { maxLength: 3 }),
    charges: fc.array(offenseArb(r.atMs).chain((o) => fc.record({ stage: fc.constantFrom('arrested', 'charged', 'held_to_answer', 'indicted') }).map((s) => ({ ...o, ...s }))), { maxLength: 2 }),
  }).map((p): DecisionRequest => ({
    jurisdiction: r.jurisdiction,
    agency: { kind: r.kind, ...(r.model !== undefined ? { agreement287g: r.model as 'JEM' | 'WSO' | 'TFM' | null } : {}) },
    at: isoWithOffset(r.atMs, r.offset),
    requests: r.requests,
    ...(r.documents ? { documents: r.documents } : {}),
    ...(r.releaseShiftH !== undefined ? { wouldBeReleasedAt: isoWithOffset(r.atMs + r.releaseShiftH * 3_600_000, r.offset) } : {}),
    ...(r.receivedShiftH !== undefined ? { detainerReceivedAt: isoWithOffset(r.atMs + r.receivedShiftH * 3_600_000, r.offset) } : {}),
    person: {
      convictions: p.convictions as DecisionRequest['person'] extends infer P ? P extends { convictions?: infer C } ? C : never : never,
      charges: p.charges as never,
      ...(r.registrant ? { registrant: r.registrant as ('sex_offender' | 'arson')[] } : {}),
      ...(r.consent !== undefined ? { interviewConsentSigned: r.consent } : {}),
      ...(r.proof !== undefined ? { proofOfLawfulStatus: r.proof } : {}),
    },
  })));
}
