/**
 * The facts of a request in the form the compiled rules read: day numbers in the jail's time
 * zone, a bit mask of documents, offenses with parsed dates, and a mask of the facts the request
 * left out (for `missingFacts`). Built once per decision.
 */
import { dayOf, localDay, parseInstant } from './days.js';
import type { DecisionRequest } from './request-schema.js';
import { DOCUMENTS, type AgencyKind, type ChargeStage, type DocumentType, type OffenseLevel } from './vocab.js';
import { MODEL_BIT } from './agreements-287g.js';

export const DOC_BIT: Readonly<Record<DocumentType, number>> = Object.fromEntries(DOCUMENTS.map((d, i) => [d, 1 << i])) as Record<DocumentType, number>;

/** Facts a request may leave out, as bits: a rule's conditions reference some of them (compile-expr.ts). */
export const FACT = {
  documents: 1, convictions: 2, charges: 4, registrant: 8, proofOfLawfulStatus: 16,
  interviewConsentSigned: 32, agreement287g: 64, wouldBeReleasedAt: 128, detainerReceivedAt: 256, bookedAt: 512,
} as const;
export type FactName = keyof typeof FACT;
/** Where each fact sits in the request, for messages. */
export const FACT_PATH: Readonly<Record<FactName, string>> = {
  documents: 'documents', convictions: 'person.convictions', charges: 'person.charges', registrant: 'person.registrant',
  proofOfLawfulStatus: 'person.proofOfLawfulStatus', interviewConsentSigned: 'person.interviewConsentSigned',
  agreement287g: 'agency.agreement287g', wouldBeReleasedAt: 'wouldBeReleasedAt', detainerReceivedAt: 'detainerReceivedAt', bookedAt: 'bookedAt',
};

export interface OffenseFact { day: number; level: OffenseLevel; grade: string | undefined; categories: readonly string[]; stage?: ChargeStage | undefined }

export interface Facts {
  atMs: number;
  decisionDay: number;
  timeZone: string;
  agencyKind: AgencyKind;
  /** 287(g) models in force (bits of MODEL_BIT), from the request or ICE's lists. */
  models287g: number;
  docs: number;
  convictions: readonly OffenseFact[];
  charges: readonly OffenseFact[];
  registrant: readonly string[];
  proofOfLawfulStatus: boolean;
  interviewConsentSigned: boolean;
  wouldBeReleasedMs: number | undefined;
  detainerReceivedMs: number | undefined;
  bookedMs: number | undefined;
  /** Local day of booking, NaN when not given. */
  bookedDay: number;
  /** Local day the detainer was received, else the decision day (for `appliesBy: request`). */
  requestDay: number;
  /** FACT bits of what the request did not give. */
  absent: number;
  /** Memo of "n years before the decision day", created and filled on demand. */
  yearsBack: Map<number, number> | undefined;
}

const NONE: readonly never[] = [];

/**
 * The facts of one request. The instants other than the decision (release, receipt, booking) are
 * read only when a rule or a clock asks for them: most requests never need them.
 */
class RequestFacts implements Facts {
  readonly atMs: number;
  readonly decisionDay: number;
  readonly agencyKind: AgencyKind;
  readonly docs: number;
  readonly convictions: readonly OffenseFact[];
  readonly charges: readonly OffenseFact[];
  readonly registrant: readonly string[];
  readonly proofOfLawfulStatus: boolean;
  readonly interviewConsentSigned: boolean;
  /** What the request left out, but for the 287(g) agreement (known only once the lists are asked). */
  private readonly absentBase: number;
  /** The 287(g) models: from the request, or asked of the lists on first read (most rules never read them). */
  private models: number | undefined;
  private listedUnknown = false;
  yearsBack: Map<number, number> | undefined = undefined;
  private release: number | undefined | null = null;
  private received: number | undefined | null = null;
  private booked: number | undefined | null = null;

  constructor(private readonly req: DecisionRequest, readonly timeZone: string, private readonly listed: ListedModels | undefined) {
    this.atMs = parseInstant(req.at);
    this.decisionDay = localDay(this.atMs, timeZone);
    let docs = 0;
    const ds = req.documents;
    if (ds) for (let i = 0; i < ds.length; i++) docs |= DOC_BIT[ds[i]!];
    this.docs = docs;
    const agency = req.agency;
    this.agencyKind = agency.kind;
    const stated = agency.agreement287g;
    this.models = stated ? MODEL_BIT[stated] : stated === null ? 0 : undefined;
    let absent = ds ? 0 : FACT.documents;
    if (!req.wouldBeReleasedAt) absent |= FACT.wouldBeReleasedAt;
    if (!req.detainerReceivedAt) absent |= FACT.detainerReceivedAt;
    if (!req.bookedAt) absent |= FACT.bookedAt;
    const p = req.person;
    if (p) {
      this.convictions = p.convictions ? p.convictions.map(offenseFact) : NONE;
      this.charges = p.charges ? p.charges.map(chargeFact) : NONE;
      this.registrant = p.registrant ?? NONE;
      this.proofOfLawfulStatus = p.proofOfLawfulStatus === true;
      this.interviewConsentSigned = p.interviewConsentSigned === true;
      if (!p.convictions) absent |= FACT.convictions;
      if (!p.charges) absent |= FACT.charges;
      if (!p.registrant) absent |= FACT.registrant;
      if (p.proofOfLawfulStatus === undefined) absent |= FACT.proofOfLawfulStatus;
      if (p.interviewConsentSigned === undefined) absent |= FACT.interviewConsentSigned;
    } else {
      this.convictions = NONE;
      this.charges = NONE;
      this.registrant = NONE;
      this.proofOfLawfulStatus = false;
      this.interviewConsentSigned = false;
      absent |= FACT.convictions | FACT.charges | FACT.registrant | FACT.proofOfLawfulStatus | FACT.interviewConsentSigned;
    }
    this.absentBase = absent;
  }

  get models287g(): number {
    if (this.models === undefined) {
      const m = this.listed ? this.listed(this.decisionDay) : undefined;
      this.listedUnknown = m === undefined;
      this.models = m ?? 0;
    }
    return this.models;
  }
  get absent(): number {
    if (this.req.agency.agreement287g !== undefined) return this.absentBase;
    if (this.models === undefined) void this.models287g;
    return this.listedUnknown ? this.absentBase | FACT.agreement287g : this.absentBase;
  }

  get wouldBeReleasedMs(): number | undefined {
    if (this.release === null) this.release = this.req.wouldBeReleasedAt ? parseInstant(this.req.wouldBeReleasedAt) : undefined;
    return this.release;
  }
  get detainerReceivedMs(): number | undefined {
    if (this.received === null) this.received = this.req.detainerReceivedAt ? parseInstant(this.req.detainerReceivedAt) : undefined;
    return this.received;
  }
  get bookedMs(): number | undefined {
    if (this.booked === null) this.booked = this.req.bookedAt ? parseInstant(this.req.bookedAt) : undefined;
    return this.booked;
  }
  get bookedDay(): number {
    const b = this.bookedMs;
    return b === undefined ? Number.NaN : localDay(b, this.timeZone);
  }
  get requestDay(): number {
    const r = this.detainerReceivedMs;
    return r === undefined ? this.decisionDay : localDay(r, this.timeZone);
  }
}

/** The agency's 287(g) models on a local day from ICE's lists (a bit mask), undefined when the lists cannot say. */
export type ListedModels = (day: number) => number | undefined;

/** `listed` is asked only when the request does not state agency.agreement287g. */
export function factsOf(req: DecisionRequest, timeZone: string, listed?: ListedModels): Facts {
  return new RequestFacts(req, timeZone, listed);
}

function offenseFact(o: { date: string; level: OffenseLevel; grade?: string | undefined; categories?: string[] | undefined }): OffenseFact {
  return { day: dayOf(o.date), level: o.level, grade: o.grade, categories: o.categories ?? NONE, stage: undefined };
}

function chargeFact(o: { date: string; level: OffenseLevel; grade?: string | undefined; categories?: string[] | undefined; stage?: ChargeStage | undefined }): OffenseFact {
  return { day: dayOf(o.date), level: o.level, grade: o.grade, categories: o.categories ?? NONE, stage: o.stage };
}
