/**
 * Hold clocks. 8 C.F.R. § 287.7(d) caps a detainer hold at 48 hours "excluding Saturdays, Sundays,
 * and holidays"; the I-247A (2017) asks for no more than 48 hours beyond would-be release, flat.
 * Holidays are the federal holidays of 5 U.S.C. § 6103(a) on their observed (in-lieu-of) days, from the
 * registry's calendar (policies/calendar/federal-holidays.yaml); executive-order closures are not counted.
 * Days are counted in the jail's own time zone.
 */
import type { HolidayCalendar } from './federal-holidays.js';
import { localDay, zoneOffsetMinutes, isoOfDay } from './days.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Why a day is excluded from a business-day clock, or null when it counts. */
export function excludedDayReason(day: number, holidays: HolidayCalendar): string | null {
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (dow === 0) return 'Sunday';
  if (dow === 6) return 'Saturday';
  const holiday = holidays.nameOf(day);
  return holiday ? `federal holiday (${holiday})` : null;
}

/** The epoch ms of local midnight starting `day` in `zone`. */
function startOfLocalDay(day: number, zone: string, near: number): number {
  let t = day * DAY_MS - zoneOffsetMinutes(near, zone) * 60_000;
  t = day * DAY_MS - zoneOffsetMinutes(t, zone) * 60_000;
  return t;
}

export interface ClockResult { endsAt: number; excludedDays: { date: string; reason: string }[] }

/** Add `hours` of clock time from `start`, skipping Saturdays, Sundays and federal holidays (local time). */
export function addBusinessHours(start: number, hours: number, zone: string, holidays: HolidayCalendar): ClockResult {
  let remaining = hours * HOUR_MS;
  let t = start;
  const excludedDays: ClockResult['excludedDays'] = [];
  for (let guard = 0; guard < 400; guard++) {
    const day = localDay(t, zone);
    const next = startOfLocalDay(day + 1, zone, t);
    const reason = excludedDayReason(day, holidays);
    if (reason) {
      excludedDays.push({ date: isoOfDay(day), reason });
      t = next;
      continue;
    }
    if (t + remaining <= next) return { endsAt: t + remaining, excludedDays };
    remaining -= next - t;
    t = next;
  }
  throw new Error('hold clock did not converge');
}
