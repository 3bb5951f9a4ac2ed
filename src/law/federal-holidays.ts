/**
 * Federal holidays as registry data (policies/calendar/federal-holidays.yaml): the legal public holidays of
 * 5 U.S.C. § 6103(a), each with its dated rule, and the weekend rule — a Saturday holiday is observed the Friday
 * before (§ 6103(b)(1)), a Sunday holiday the Monday after (E.O. 11582 § 3(a)). `compileHolidays` turns the file
 * into a calendar the hold clock asks, day by day, "is this a holiday?".
 */
import { z } from 'zod';
import { civilFromDays, dayOf, daysFromCivil, isoOfDay } from './days.js';
import { Confidence, Reference } from './registry-schema.js';

const isoDate = z.iso.date();
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
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

export interface HolidayEntry { date: string; name: string; observed: boolean }

export interface HolidayCalendar {
  /**
   * The holiday a day (days since 1970-01-01) is, or undefined. An in-lieu-of day is named "<name> (observed)",
   * e.g. 2023-11-10 → "Veterans Day (observed)". Throws a RangeError for a year before the calendar's coverage.
   */
  nameOf(day: number): string | undefined;
  /**
   * The holidays of a year as OPM lists them: by the year of the legal holiday, so 2022's New Year's Day is
   * { date: '2021-12-31', observed: true }. Sorted by date. Throws a RangeError before the calendar's coverage.
   */
  listYear(year: number): HolidayEntry[];
  /** The first year covered. */
  readonly coversFrom: number;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The legal date of a rule in a year (a day number). */
function legalDay(r: HolidayRule, year: number): number {
  if (r.kind === 'fixed') return daysFromCivil(year, r.month, r.day);
  const want = WEEKDAYS.indexOf(r.weekday);
  if (r.kind === 'nthWeekday') {
    const first = daysFromCivil(year, r.month, 1);
    return first + ((want - weekday(first) + 7) % 7) + 7 * (r.n - 1);
  }
  const nextFirst = r.month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, r.month + 1, 1);
  const last = nextFirst - 1;
  return last - ((weekday(last) - want + 7) % 7);
}

export function compileHolidays(file: HolidayCalendarFile): HolidayCalendar {
  const { coversFrom } = file;
  const rules = file.holidays.map((h) => ({
    name: h.name,
    periods: h.rules.map((r) => ({ r, from: dayOf(r.effective), to: r.ends ? dayOf(r.ends) : Infinity })),
  }));
  const years = new Map<number, readonly HolidayEntry[]>();
  /** Per calendar year: day → name, including observed days that belong to the next year's list (Dec 31). */
  const daysByYear = new Map<number, ReadonlyMap<number, string>>();

  const check = (year: number) => {
    if (!Number.isInteger(year) || year < coversFrom) {
      throw new RangeError(`federal holidays are encoded from ${coversFrom} (policies/calendar/federal-holidays.yaml); ${year} is not covered`);
    }
  };

  function entries(year: number): readonly HolidayEntry[] {
    let list = years.get(year);
    if (list) return list;
    check(year);
    const out: (HolidayEntry & { day: number })[] = [];
    for (const h of rules) {
      for (const p of h.periods) {
        const legal = legalDay(p.r, year);
        if (legal < p.from || legal > p.to) continue;
        const dow = weekday(legal);
        const day = dow === 6 ? legal - 1 : dow === 0 ? legal + 1 : legal;
        out.push({ day, date: isoOfDay(day), name: h.name, observed: day !== legal });
      }
    }
    out.sort((a, b) => a.day - b.day);
    list = Object.freeze(out.map(({ date, name, observed }) => Object.freeze({ date, name, observed })));
    years.set(year, list);
    return list;
  }

  function daysOf(year: number): ReadonlyMap<number, string> {
    let m = daysByYear.get(year);
    if (m) return m;
    const map = new Map<number, string>();
    // A holiday-year's observed day can fall in the year before (Saturday Jan 1 → Friday Dec 31), never after.
    for (const e of [...entries(year), ...entries(year + 1)]) {
      if (+e.date.slice(0, 4) !== year) continue;
      const day = dayOf(e.date);
      const name = e.observed ? `${e.name} (observed)` : e.name;
      const prior = map.get(day);
      map.set(day, prior ? `${prior}; ${name}` : name);
    }
    m = map;
    daysByYear.set(year, m);
    return m;
  }

  // The hot path: most consecutive calls fall in the same year, so keep its bounds and map at hand.
  let lo = 0, hi = -1;
  let current: ReadonlyMap<number, string> = new Map();
  return {
    coversFrom,
    nameOf(day: number): string | undefined {
      if (day < lo || day > hi) {
        const year = civilFromDays(day)[0];
        current = daysOf(year);
        lo = daysFromCivil(year, 1, 1);
        hi = daysFromCivil(year + 1, 1, 1) - 1;
      }
      return current.get(day);
    },
    listYear(year: number): HolidayEntry[] {
      return entries(year).map((e) => ({ ...e }));
    },
  };
}
