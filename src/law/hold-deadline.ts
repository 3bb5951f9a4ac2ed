/**
 * The latest lawful end of a hold: the earliest of every hold clock that applies (RESEARCH.md §5.2).
 * A clock starts at would-be release, at receipt of the detainer or at booking; it runs calendar
 * hours or business hours (weekends and federal holidays excluded, in the jail's zone), or ends at
 * 11:59 p.m. local time on the anchor's day (`until: endOfLocalDay`), whichever comes first.
 */
import type { CompiledRule } from './engine.js';
import type { Facts } from './facts.js';
import type { HolidayCalendar } from './federal-holidays.js';
import { addBusinessHours } from './hold-clock.js';
import { isoInZone, localDay, zoneOffsetMinutes } from './days.js';
import type { HoldCap } from './registry-schema.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface ClockReading {
  cap: HoldCap; citation: string; endsAt: number; startsAt: number; anchorAssumed: boolean;
  excludedDays: { date: string; reason: string }[];
}

export interface HoldDeadline { endsAt: number; readings: ClockReading[]; binding: ClockReading }

function anchorOf(cap: HoldCap, f: Facts): number | undefined {
  return cap.from === 'wouldBeReleased' ? f.wouldBeReleasedMs : cap.from === 'detainerReceived' ? f.detainerReceivedMs : f.bookedMs;
}

/** 23:59 local time on the local day of `t`. */
export function endOfLocalDay(t: number, zone: string): number {
  const day = localDay(t, zone);
  const local = day * DAY_MS + 23 * HOUR_MS + 59 * 60_000;
  let u = local - zoneOffsetMinutes(t, zone) * 60_000;
  u = local - zoneOffsetMinutes(u, zone) * 60_000;
  return u;
}

/** Every clock among the applied rules, read; null when no rule carries a clock. */
export function holdDeadline(applied: readonly CompiledRule[], f: Facts, holidays: HolidayCalendar, exact: boolean): HoldDeadline | null {
  const readings: ClockReading[] = [];
  let best: ClockReading | null = null;
  for (const r of applied) {
    const cap = r.rule.hold;
    if (!cap) continue;
    const anchorMs = anchorOf(cap, f);
    const start = anchorMs ?? f.atMs;
    let endsAt = Number.POSITIVE_INFINITY;
    let excludedDays: ClockReading['excludedDays'] = [];
    if (cap.until === 'endOfLocalDay') endsAt = endOfLocalDay(start, f.timeZone);
    if (cap.hours !== undefined) {
      const lower = start + cap.hours * HOUR_MS;
      // A business-hours clock never ends before the calendar one; skip the walk when it cannot bind.
      if (!exact && cap.clock === 'business' && best && lower >= best.endsAt) continue;
      if (cap.clock === 'calendar') endsAt = Math.min(endsAt, lower);
      else {
        const read = addBusinessHours(start, cap.hours, f.timeZone, holidays);
        if (read.endsAt < endsAt) { endsAt = read.endsAt; excludedDays = read.excludedDays; }
      }
    }
    const reading: ClockReading = { cap, citation: r.citation, endsAt, startsAt: start, anchorAssumed: anchorMs === undefined, excludedDays };
    readings.push(reading);
    if (!best || reading.endsAt < best.endsAt) best = reading;
  }
  return best ? { endsAt: best.endsAt, readings, binding: best } : null;
}

const ANCHOR_TEXT: Record<HoldCap['from'], string> = {
  wouldBeReleased: 'would-be release', detainerReceived: 'receipt of the detainer', booked: 'booking',
};
export const ANCHOR_FIELD: Record<HoldCap['from'], string> = {
  wouldBeReleased: 'wouldBeReleasedAt', detainerReceived: 'detainerReceivedAt', booked: 'bookedAt',
};

export function describeReading(r: ClockReading, zone: string): string {
  const anchor = ANCHOR_TEXT[r.cap.from];
  const parts: string[] = [];
  if (r.cap.hours !== undefined) parts.push(`${r.cap.hours} ${r.cap.clock === 'calendar' ? 'hours' : 'hours excluding Saturdays, Sundays and federal holidays'} from ${anchor}`);
  if (r.cap.until === 'endOfLocalDay') parts.push(`until 11:59 p.m. local time on the day of ${anchor}`);
  const skipped = r.excludedDays.length ? ` (skipping ${r.excludedDays.map((d) => `${d.date} ${d.reason}`).join(', ')})` : '';
  return `${parts.join(', at the latest ')} under ${r.citation}: ${isoInZone(r.endsAt, zone)}${skipped}`;
}
