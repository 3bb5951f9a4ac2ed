/**
 * Federal holidays as registry data (policies/calendar/federal-holidays.yaml): the legal public holidays of
 * 5 U.S.C. § 6103(a), each with its dated rule, and the weekend rule — a Saturday holiday is observed the Friday
 * before (§ 6103(b)(1)), a Sunday holiday the Monday after (E.O. 11582 § 3(a)). `compileHolidays` turns the file
 * into a calendar the hold clock asks, day by day, "is this a holiday?".
 */
import { civilFromDays, dayOf, daysFromCivil, isoOfDay } from './days.js';
import type { HolidayCalendarFile, HolidayRule } from './federal-holidays-schema.js';

export type { HolidayCalendarFile } from './federal-holidays-schema.js';
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

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
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
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
