/**
 * The facts of a request in the form the compiled rules read: day numbers in the jail's time
 * zone, a bit mask of documents, offenses with parsed dates, and a mask of the facts the request
 * left out (for `missingFacts`). Built once per decision.
 */
import { dayOf, localDay, parseInstant, yearsBefore } from './days.js';
import type { DecisionRequest } from './request-schema.js';
import { DOCUMENTS, type AgencyKind, type ChargeStage, type DocumentType, type OffenseLevel } from './vocab.js';
import { MODEL_BIT, type Area } from './agreements-287g.js';

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
  /** The first day of an n-year lookback ending on the decision day (yearsBefore), memoised. */
  cutoff(n: number): number;
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
  // Two lookbacks memoised (rules use one or two windows: 5, 10, 15 years), without allocating.
  private yN1 = -1; private yV1 = 0; private yN2 = -1; private yV2 = 0;
  private release: number | undefined | null = null;
  private received: number | undefined | null = null;
  private booked: number | undefined | null = null;

  constructor(private readonly req: DecisionRequest, readonly timeZone: string, private readonly lists: ModelLists | undefined, private readonly area: Area | undefined) {
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

  cutoff(n: number): number {
    if (n === this.yN1) return this.yV1;
    if (n === this.yN2) return this.yV2;
    const v = yearsBefore(this.decisionDay, n);
    this.yN2 = this.yN1; this.yV2 = this.yV1;
    this.yN1 = n; this.yV1 = v;
    return v;
  }

  get models287g(): number {
    if (this.models === undefined) {
      const m = this.lists && this.area ? this.lists.mask(this.area, this.agencyKind, this.decisionDay) : undefined;
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

/** ICE's 287(g) lists (AgreementIndex): an agency's models on a local day as a bit mask, undefined when the lists cannot say. */
export interface ModelLists { mask(where: Area, kind: AgencyKind, day: number): number | undefined }

/** The lists are asked (for the agency of the request's kind in `area`) only when a rule reads the agreement and the request does not state it. */
export function factsOf(req: DecisionRequest, timeZone: string, lists?: ModelLists, area?: Area): Facts {
  return new RequestFacts(req, timeZone, lists, area);
}

function offenseFact(o: { date: string; level: OffenseLevel; grade?: string | undefined; categories?: string[] | undefined }): OffenseFact {
  return { day: dayOf(o.date), level: o.level, grade: o.grade, categories: o.categories ?? NONE, stage: undefined };
}

function chargeFact(o: { date: string; level: OffenseLevel; grade?: string | undefined; categories?: string[] | undefined; stage?: ChargeStage | undefined }): OffenseFact {
  return { day: dayOf(o.date), level: o.level, grade: o.grade, categories: o.categories ?? NONE, stage: o.stage };
}
