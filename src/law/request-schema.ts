/**
 * The decision request, as zod. The published contract (contracts/decision-request.schema.json) is
 * generated from this schema (`npm run contracts`; a test fails when the two differ), so the
 * library, the CLI, the API and the JSON Schema accept exactly the same requests.
 *
 * Dates are bounded: instants (the decision, the detainer's receipt, booking, would-be release) lie
 * in 1990–2100, offense dates in 1900–2100. Outside that range the law registered here says nothing,
 * and bounding them keeps every computed instant (a hold's end) a valid ISO 8601 year. Seconds run
 * 00–59: a leap second (23:59:60) is refused, as JavaScript's Date cannot represent it.
 */
import { z } from 'zod';
import { INSTANT_PATTERN, JURISDICTION_MAX, OFFENSE_DATE_PATTERN } from './request-patterns.js';

export { INSTANT_PATTERN, JURISDICTION_MAX, OFFENSE_DATE_PATTERN };
import { AgencyKind, ChargeStage, DocumentType, Model287g, Registrant, RequestType, OffenseLevel } from './vocab-schema.js';

const instant = z.string().regex(INSTANT_PATTERN, 'must be an ISO 8601 date-time with a UTC offset (e.g. 2025-03-10T09:00:00-07:00) between 1990 and 2100');
const offenseDate = z.string().regex(OFFENSE_DATE_PATTERN, 'must be an ISO date (YYYY-MM-DD) between 1900 and 2100');


export const Offense = z.object({
  date: offenseDate.describe('Conviction date for a conviction; charge date for a charge.'),
  level: OffenseLevel,
  grade: z.string().max(40).optional(),
  code: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  categories: z.array(z.string().max(100)).max(100).optional(),
});
export type Offense = z.infer<typeof Offense>;

export const Charge = Offense.extend({ stage: ChargeStage.optional() });
export type Charge = z.infer<typeof Charge>;

export const DecisionRequest = z.strictObject({
  jurisdiction: z.string().min(1).max(JURISDICTION_MAX)
    .describe('An Open Civic Data division id (ocd-division/country:us/state:ca/county:santa_clara), a 5-digit county FIPS code (06085), or a name ("Santa Clara County, CA", "San Jose, CA").'),
  agency: z.strictObject({
    kind: AgencyKind,
    agreement287g: Model287g.nullable().optional(),
  }),
  at: instant.describe('The instant of the decision; the decision date is its day in the jail\'s time zone.'),
  requests: z.array(RequestType).min(1).max(20).refine(unique, 'must not repeat a request type'),
  documents: z.array(DocumentType).max(20).refine(unique, 'must not repeat a document').optional(),
  detainerReceivedAt: instant.optional(),
  bookedAt: instant.describe('When the person was booked into the jail (starts booking clocks and confinement-dated law).').optional(),
  wouldBeReleasedAt: instant.optional(),
  person: z.strictObject({
    convictions: z.array(Offense).max(200).optional(),
    charges: z.array(Charge).max(200).optional(),
    registrant: z.array(Registrant).max(10).optional(),
    proofOfLawfulStatus: z.boolean().optional(),
    interviewConsentSigned: z.boolean().optional(),
  }).optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

function unique(xs: readonly unknown[]): boolean {
  return new Set(xs).size === xs.length;
}
