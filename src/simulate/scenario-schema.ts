/**
 * A scenario, as zod: the span, the policy overlays applied to the law registry, surges of officers,
 * the seed and replications. Scenario files are YAML (scenarios/*.yaml) checked by this schema; the
 * TypeScript type is derived from it.
 */
import { z } from 'zod';

const isoDay = z.iso.date('must be a day as YYYY-MM-DD').refine((d) => d >= '2013-01-01' && d <= '2100-12-31', 'must lie between 2013-01-01 and 2100-12-31');
const stateCode = z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter postal code').transform((s) => s.toLowerCase());
const fipsOrId = z.string().min(1).max(200).describe('a 5-digit county FIPS code or an Open Civic Data id of a county or place');
const aorCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ICE area code such as LOS');

export const DetainerLimit = z.strictObject({
  kind: z.literal('detainer-limit').describe('a county or place adopts a detainer-limiting policy'),
  jurisdiction: fipsOrId,
  from: isoDay,
  /** hold: no detention on a hold request; all: no hold, no release notification, no transfer. */
  scope: z.enum(['hold', 'all']).default('hold'),
  /** Keep cooperating for people with a violent or serious felony conviction. */
  exceptViolent: z.boolean().default(false),
});

const STATES_OR_ALL = z.union([z.literal('all'), z.array(stateCode).min(1)]);

export const StateAs = z.strictObject({
  kind: z.enum(['state-as-california-sb54', 'state-as-texas-sb4']).describe('the states\' own law replaced by California\'s SB 54 or Texas\'s SB 4'),
  states: STATES_OR_ALL,
  from: isoDay,
});

export const Withdraw287g = z.strictObject({
  kind: z.literal('withdraw-287g').describe('every 287(g) agreement signed on or after a date withdrawn'),
  signedSince: isoDay,
  /** The day the agreements end (default: the scenario\'s first day). */
  from: isoDay.optional(),
});

export const PolicyOverlay = z.discriminatedUnion('kind', [DetainerLimit, StateAs, Withdraw287g]);
export type PolicyOverlay = z.infer<typeof PolicyOverlay>;

export const SurgeSpec = z.strictObject({
  name: z.string().min(1).max(200),
  aors: z.array(aorCode).min(1).optional(),
  states: z.array(stateCode).min(1).optional(),
  counties: z.array(z.string().regex(/^\d{5}$/, 'must be a 5-digit county FIPS code')).min(1).optional(),
  from: isoDay,
  to: isoDay,
  officerHoursPerDay: z.number().positive().max(1_000_000),
}).refine((s) => [s.aors, s.states, s.counties].filter(Boolean).length === 1, { message: 'a surge names exactly one of aors, states or counties', path: ['aors'] })
  .refine((s) => s.to >= s.from, { message: 'must not be before from', path: ['to'] });
export type SurgeSpec = z.infer<typeof SurgeSpec>;

export const Scenario = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(4000).optional(),
  from: isoDay,
  to: isoDay,
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  replications: z.number().int().min(1).max(1000).default(20),
  /** The calibration file, relative to the project (default calibration/fit-fy2016-18.json). */
  calibration: z.string().min(1).optional(),
  /** Multipliers on every AOR's fitted field hours and removable share (e.g. a larger ICE). */
  fieldHoursScale: z.number().positive().max(100).default(1),
  matchShareScale: z.number().positive().max(100).default(1),
  /** Multipliers on field hours by calendar month (YYYY-MM → factor); months not named keep 1. */
  monthlyFieldHoursScale: z.record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'), z.number().positive().max(1000)).optional(),
  policies: z.array(PolicyOverlay).default([]),
  surges: z.array(SurgeSpec).default([]),
}).refine((s) => s.to >= s.from, { message: 'must not be before from', path: ['to'] })
  .refine((s) => Date.parse(s.to) - Date.parse(s.from) <= 11 * 366 * 86_400_000, { message: 'a run spans at most 11 years', path: ['to'] });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
