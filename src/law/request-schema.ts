/**
 * The decision request, as zod: the same contract as shared/contracts/decision-request.schema.json
 * (a test checks the two agree on valid and invalid examples).
 */
import { z } from 'zod';
import { AgencyKind, ChargeStage, DocumentType, Model287g, Registrant, RequestType, OffenseLevel } from './vocab.js';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const Offense = z.object({
  date: isoDate,
  level: OffenseLevel,
  grade: z.string().optional(),
  code: z.string().optional(),
  description: z.string().optional(),
  categories: z.array(z.string()).optional(),
});
export type Offense = z.infer<typeof Offense>;

export const Charge = Offense.extend({ stage: ChargeStage.optional() });
export type Charge = z.infer<typeof Charge>;

export const DecisionRequest = z.strictObject({
  jurisdiction: z.string().regex(/^ocd-division\/country:us(\/[a-z_]+:[a-z0-9_~.-]+)*$/, 'must be an Open Civic Data division id such as ocd-division/country:us/state:ca/county:orange'),
  agency: z.strictObject({
    kind: AgencyKind,
    agreement287g: Model287g.nullable().optional(),
  }),
  at: isoDateTime,
  requests: z.array(RequestType).min(1).refine(unique, 'must not repeat a request type'),
  documents: z.array(DocumentType).refine(unique, 'must not repeat a document').optional(),
  detainerReceivedAt: isoDateTime.optional(),
  wouldBeReleasedAt: isoDateTime.optional(),
  person: z.strictObject({
    convictions: z.array(Offense).optional(),
    charges: z.array(Charge).optional(),
    registrant: z.array(Registrant).optional(),
    proofOfLawfulStatus: z.boolean().optional(),
    interviewConsentSigned: z.boolean().optional(),
  }).optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

function unique(xs: readonly unknown[]): boolean {
  return new Set(xs).size === xs.length;
}
