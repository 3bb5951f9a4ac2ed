/**
 * The facts of a request in the form the compiled rules read: day numbers in the jail's time
 * zone, a bit mask of documents, offenses with parsed dates. Built once per decision.
 */
import { dayOf, localDay } from './days.js';
import type { DecisionRequest } from './request-schema.js';
import { DOCUMENTS, type AgencyKind, type ChargeStage, type DocumentType, type Model287g, type OffenseLevel } from './vocab.js';

export const DOC_BIT: Readonly<Record<DocumentType, number>> = Object.fromEntries(DOCUMENTS.map((d, i) => [d, 1 << i])) as Record<DocumentType, number>;

export interface OffenseFact { day: number; level: OffenseLevel; grade: string | undefined; categories: readonly string[]; stage?: ChargeStage | undefined }

export interface Facts {
  atMs: number;
  decisionDay: number;
  timeZone: string;
  agencyKind: AgencyKind;
  model287g: Model287g | null;
  docs: number;
  convictions: readonly OffenseFact[];
  charges: readonly OffenseFact[];
  registrant: readonly string[];
  proofOfLawfulStatus: boolean;
  interviewConsentSigned: boolean;
  /** Memo of "n years before the decision day", filled on demand. */
  yearsBack: Map<number, number>;
}

const NONE: readonly never[] = [];

export function factsOf(req: DecisionRequest, timeZone: string): Facts {
  const atMs = Date.parse(req.at);
  let docs = 0;
  if (req.documents) for (const d of req.documents) docs |= DOC_BIT[d];
  const p = req.person;
  return {
    atMs,
    decisionDay: localDay(atMs, timeZone),
    timeZone,
    agencyKind: req.agency.kind,
    model287g: req.agency.agreement287g ?? null,
    docs,
    convictions: p?.convictions ? p.convictions.map(offenseFact) : NONE,
    charges: p?.charges ? p.charges.map((c) => ({ ...offenseFact(c), stage: c.stage })) : NONE,
    registrant: p?.registrant ?? NONE,
    proofOfLawfulStatus: p?.proofOfLawfulStatus === true,
    interviewConsentSigned: p?.interviewConsentSigned === true,
    yearsBack: new Map(),
  };
}

function offenseFact(o: { date: string; level: OffenseLevel; grade?: string | undefined; categories?: string[] | undefined }): OffenseFact {
  return { day: dayOf(o.date), level: o.level, grade: o.grade, categories: o.categories ?? NONE };
}
