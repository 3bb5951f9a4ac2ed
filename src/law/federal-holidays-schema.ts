/** The federal holiday calendar file (policies/calendar/federal-holidays.yaml) as zod schemas; compiled by federal-holidays.ts. */
import { z } from 'zod';
import { dayOf } from './days.js';
import { WEEKDAYS, weekday } from './federal-holidays.js';
import { Confidence, Reference } from './registry-schema.js';

const isoDate = z.iso.date();
const Weekday = z.enum(WEEKDAYS);
const Month = z.number().int().min(1).max(12);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** When a rule held: from `effective` to `ends` (inclusive; open when absent), and the law that says so. */
const period = {
  effective: isoDate,
  ends: isoDate.optional(),
  citation: z.string().min(1),
  source: z.url(),
  note: z.string().min(1).optional(),
};

export const HolidayRule = z.discriminatedUnion('kind', [
  /** A fixed date, e.g. November 11. February 29 is refused: it would be a holiday one year in four. */
  z.strictObject({
    kind: z.literal('fixed'), month: Month, day: z.number().int().min(1).max(31), ...period,
  }).refine((r) => r.day <= DAYS_IN_MONTH[r.month - 1]!, { message: 'is not a day of that month in every year', path: ['day'] }),
  /** The nth weekday of a month, e.g. the third Monday in January. */
  z.strictObject({ kind: z.literal('nthWeekday'), n: z.number().int().min(1).max(4), weekday: Weekday, month: Month, ...period }),
  /** The last weekday of a month, e.g. the last Monday in May. */
  z.strictObject({ kind: z.literal('lastWeekday'), weekday: Weekday, month: Month, ...period }),
]);
export type HolidayRule = z.infer<typeof HolidayRule>;

export const Holiday = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  /** The name 5 U.S.C. § 6103(a) gives it (OPM uses the statutory names). */
  name: z.string().min(1),
  /** Oldest first; periods may not overlap and only the last may be open-ended. */
  rules: z.array(HolidayRule).min(1),
}).superRefine((h, ctx) => {
  h.rules.forEach((r, i) => {
    if (r.ends && r.ends < r.effective) ctx.addIssue({ code: 'custom', path: ['rules', i, 'ends'], message: 'is before effective' });
    const next = h.rules[i + 1];
    if (!next) return;
    if (!r.ends) ctx.addIssue({ code: 'custom', path: ['rules', i, 'ends'], message: 'a rule followed by another needs an end date' });
    else if (next.effective <= r.ends) ctx.addIssue({ code: 'custom', path: ['rules', i + 1, 'effective'], message: `overlaps the rule before it (which ends ${r.ends})` });
  });
});
export type Holiday = z.infer<typeof Holiday>;

const WeekendRule = <T extends string>(observedOn: T) => z.strictObject({
  observedOn: z.literal(observedOn),
  citation: z.string().min(1),
  source: z.url(),
  note: z.string().min(1).optional(),
});

/** An executive-order closure: recorded, never counted by the hold clock (see the file's note on why). */
export const ExecutiveOrderClosure = z.strictObject({
  date: isoDate,
  portion: z.enum(['full-day', 'half-day']),
  name: z.string().min(1),
  citation: z.string().min(1),
  source: z.url(),
  /** Comity counts only § 6103(a) holidays toward 8 C.F.R. § 287.7(d); changing that is a code change, not a data edit. */
  countsTowardHoldClock: z.literal(false),
  note: z.string().min(1).optional(),
});

export const HolidayCalendarFile = z.strictObject({
  description: z.string().min(1),
  title: z.string().min(1),
  citation: z.string().min(1),
  references: z.array(Reference).min(1),
  /** The last day someone checked this file against its sources. */
  verified: isoDate,
  confidence: Confidence,
  confidenceNote: z.string().min(1).optional(),
  /** The first year the rules below describe completely; earlier years are refused. */
  coversFrom: z.number().int().min(1971),
  holdClockNote: z.string().min(1),
  observance: z.strictObject({ saturday: WeekendRule('preceding-friday'), sunday: WeekendRule('following-monday') }),
  holidays: z.array(Holiday).min(1),
  /** Holidays of § 6103 deliberately not counted (Inauguration Day), with the reason. */
  excludedHolidays: z.array(z.strictObject({
    id: z.string().min(1), name: z.string().min(1), citation: z.string().min(1), source: z.url(), reason: z.string().min(1),
  })),
  executiveOrderClosures: z.strictObject({ note: z.string().min(1), days: z.array(ExecutiveOrderClosure) }),
}).superRefine((f, ctx) => {
  if (f.confidence !== 'verified' && !f.confidenceNote) ctx.addIssue({ code: 'custom', path: ['confidenceNote'], message: 'confidenceNote is required unless confidence is verified' });
  const ids = new Set<string>();
  f.holidays.forEach((h, i) => {
    if (ids.has(h.id)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'id'], message: `holiday "${h.id}" is listed twice` });
    ids.add(h.id);
  });
  const seen = new Set<string>();
  f.executiveOrderClosures.days.forEach((d, i) => {
    if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['executiveOrderClosures', 'days', i, 'date'], message: `${d.date} is listed twice` });
    seen.add(d.date);
    if (weekday(dayOf(d.date)) % 6 === 0) ctx.addIssue({ code: 'custom', path: ['executiveOrderClosures', 'days', i, 'date'], message: `${d.date} is a weekend day` });
  });
});
export type HolidayCalendarFile = z.infer<typeof HolidayCalendarFile>;
