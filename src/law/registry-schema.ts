/**
 * The registry's file formats: one YAML file per legal instrument, an index.yaml per jurisdiction
 * folder, and offense catalogs. These zod schemas validate every file on load and are exported as
 * JSON Schema (schema/*.json) so editors can autocomplete the YAML.
 */
import { z } from 'zod';
import { Expr } from './expr-schema.js';
import { AgencyKind, Modality, RequestType } from './vocab-schema.js';

const isoDate = z.iso.date();
const ocdId = z.string().regex(/^ocd-division\/country:us(\/[a-z_]+:[a-z0-9_~.-]+)*$/, 'must be an Open Civic Data division id');

export const INSTRUMENTS = [
  'constitution', 'statute', 'regulation', 'ordinance', 'executive_order', 'ag_directive', 'board_policy',
  'agency_policy', 'court_decision', 'federal_form_policy', 'moa',
] as const;
export const Instrument = z.enum(INSTRUMENTS);

export const STATUSES = ['in_force', 'repealed', 'superseded', 'expired', 'enjoined', 'vetoed', 'pending'] as const;
export const Confidence = z.enum(['verified', 'secondary', 'uncertain']);
export type Confidence = z.infer<typeof Confidence>;

export const Reference = z.strictObject({ title: z.string().min(1), href: z.url() });

export const Duty = z.strictObject({
  kind: z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'must be an UPPER_SNAKE_CASE duty kind'),
  text: z.string().min(1),
  deadline: z.string().optional(),
});
export type Duty = z.infer<typeof Duty>;

export const HoldCap = z.strictObject({
  /** How long the hold may last; omit with `until` for a limit that is only a local time of day. */
  hours: z.number().positive().optional(),
  /** calendar: wall-clock hours; business: excluding Saturdays, Sundays and federal holidays (policies/calendar/). */
  clock: z.enum(['calendar', 'business']).default('calendar'),
  /** When the clock starts: would-be release, receipt of the detainer, or booking into the jail. */
  from: z.enum(['wouldBeReleased', 'detainerReceived', 'booked']),
  /** endOfLocalDay: the hold ends at 11:59 p.m. local time on the anchor's day (e.g. N.J. Directive 2018-6). */
  until: z.literal('endOfLocalDay').optional(),
}).refine((h) => h.hours !== undefined || h.until !== undefined, { message: 'a hold clock needs hours or until' });
export type HoldCap = z.infer<typeof HoldCap>;

export const Rule = z.strictObject({
  requests: z.array(RequestType).min(1),
  /** The modality the rule imposes; absent for a rule that only attaches duties, warnings or a hold clock. */
  modality: Modality.optional(),
  when: Expr.optional(),
  unless: Expr.optional(),
  /** For duty-only rules: attach only when the final decision is one of these. */
  onlyIfDecided: z.array(Modality).min(1).optional(),
  hold: HoldCap.optional(),
  duties: z.array(Duty).optional(),
  warnings: z.array(z.string().min(1)).optional(),
  /** Pinpoint citation of this rule, when narrower than the provision's. */
  citation: z.string().min(1).optional(),
  /**
   * Whether this rule is a floor: a duty or protected permission that lower levels may not limit
   * (a lower MUST_NOT is void). Defaults to true for MUST and MAY rules of a `layering: floor`
   * provision and false otherwise: an exemption (NOT_REQUIRED) never voids a local limit.
   */
  floor: z.boolean().optional(),
  /** Link to the deepest anchor of the rule's pinpoint citation (defaults to the provision's source). */
  source: z.url().optional(),
  note: z.string().optional(),
}).refine((r) => r.modality || r.duties || r.warnings || r.hold, {
  message: 'a rule needs a modality, duties, warnings or a hold clock',
});
export type Rule = z.infer<typeof Rule>;

export const Injunction = z.strictObject({
  court: z.string().min(1), from: isoDate, to: isoDate.optional(), scope: z.string().min(1),
});

export const Provision = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'must look like "ca.sb54.hold": lower-case words joined by dots'),
  title: z.string().min(1),
  citation: z.string().min(1),
  /** The primary text, at the deepest anchor the source offers (e.g. an eCFR paragraph anchor). */
  source: z.url(),
  /** An archived copy (e.g. the Wayback Machine) for news or agency web pages that may move. */
  archived: z.url().optional(),
  /**
   * The last day someone read this provision's text at its source. For provisions encoded before
   * the 2026-11-28 audit and not re-read in it, the day they were encoded.
   */
  verified: isoDate,
  /** Dates known only approximately (e.g. a sheriff's policy reported in the news); say why in confidenceNote. */
  approximate: z.array(z.enum(['enacted', 'effective', 'ends'])).min(1).optional(),
  enacted: isoDate.optional(),
  effective: isoDate,
  /** The last day the provision was in force (inclusive). */
  ends: isoDate.optional(),
  status: z.enum(STATUSES),
  statusNote: z.string().optional(),
  injunctions: z.array(Injunction).optional(),
  /** The date that decides whether the provision applies: the decision, the charge, or the confinement. */
  appliesBy: z.enum(['decision', 'charge', 'conviction', 'confinement', 'request']).default('decision'),
  appliesByNote: z.string().optional(),
  agencies: z.strictObject({ only: z.array(AgencyKind).min(1).optional(), exclude: z.array(AgencyKind).min(1).optional() }).optional(),
  /** floor: cooperation mandated, local limits void. ceiling: cooperation limited, localities may be stricter. */
  layering: z.enum(['floor', 'ceiling', 'none']),
  /** Set for sheriff or agency policies: layered after the county and place law of their jurisdiction. */
  level: z.literal('agency').optional(),
  confidence: Confidence,
  confidenceNote: z.string().optional(),
  rules: z.array(Rule).min(1),
}).refine((p) => p.confidence === 'verified' || !!p.confidenceNote, {
  message: 'a provision that is not verified needs a confidenceNote saying what stays uncertain', path: ['confidenceNote'],
}).refine((p) => !p.ends || p.ends >= p.effective, { message: 'ends must not be before effective', path: ['ends'] });
export type Provision = z.infer<typeof Provision>;

export const InstrumentFile = z.strictObject({
  description: z.string().min(1),
  title: z.string().min(1),
  instrument: Instrument,
  jurisdiction: ocdId,
  citation: z.string().min(1),
  references: z.array(Reference).min(1),
  enacted: isoDate.optional(),
  provisions: z.array(Provision).min(1),
});
export type InstrumentFile = z.infer<typeof InstrumentFile>;

export const Considered = z.strictObject({
  title: z.string().min(1),
  citation: z.string().min(1),
  source: z.url(),
  /** When it was in force, as far as known (ISO dates). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Why it is not encoded: e.g. no effect on jail cooperation with ICE, superseded before 2013, never in force. */
  why: z.string().min(1),
});

/**
 * A finding that a jurisdiction has no law of its own on some request types (2013 to `searched`):
 * "no law exists, as far as this search found", never to be confused with "no law registered".
 */
export const NoLawFinding = z.strictObject({
  requests: z.array(RequestType).min(1),
  /** The day the search was done. */
  searched: isoDate,
  /** What was searched: code titles, session-law indexes, AG opinion lists, the state DOC's policies… */
  sources: z.array(Reference).min(1),
  confidence: Confidence,
  /** What the search found instead (e.g. bills that died, a law on another subject) and what stays open. */
  note: z.string().min(1),
});
export type NoLawFinding = z.infer<typeof NoLawFinding>;

export const JurisdictionFile = z.strictObject({
  jurisdiction: ocdId,
  name: z.string().min(1),
  fips: z.string().regex(/^\d{2}(\d{3})?$/, 'must be a 2-digit state or 5-digit county FIPS code').optional(),
  timeZone: z.string().optional(),
  /** Other registered jurisdictions whose law also binds here, e.g. a city within a county. */
  within: z.array(ocdId).optional(),
  summary: z.string().optional(),
  /** Instruments examined for this jurisdiction and deliberately not encoded, with the reason (the audit trail). */
  considered: z.array(Considered).optional(),
  /** For a state (or DC) index: request types on which the research found no state law. */
  noStateLaw: z.array(NoLawFinding).optional(),
  /** For a county or place index: request types on which the research found no local law or policy. */
  noLocalLaw: z.array(NoLawFinding).optional(),
});
export type JurisdictionFile = z.infer<typeof JurisdictionFile>;

export const CatalogFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  citation: z.string().min(1),
  source: z.url(),
  description: z.string().min(1),
  categories: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
  confidence: Confidence,
  confidenceNote: z.string().optional(),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
