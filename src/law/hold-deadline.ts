/** The latest lawful end of a hold: the earliest of every hold clock that applies (RESEARCH.md §5.2). */
import type { CompiledRule } from './engine.js';
import type { Facts } from './facts.js';
import { addBusinessHours } from './hold-clock.js';
import { isoInZone } from './days.js';
import type { HoldCap } from './registry-schema.js';

export interface HoldTimes { wouldBeReleasedMs?: number | undefined; detainerReceivedMs?: number | undefined }

export interface ClockReading { cap: HoldCap; citation: string; endsAt: number; anchorAssumed: boolean; excludedDays: { date: string; reason: string }[] }

export interface HoldDeadline { endsAt: number; readings: ClockReading[]; binding: ClockReading }

/** Every clock among the applied rules, read; null when no rule carries a clock. */
export function holdDeadline(applied: readonly CompiledRule[], f: Facts, t: HoldTimes, exact: boolean): HoldDeadline | null {
  const readings: ClockReading[] = [];
  let best: ClockReading | null = null;
  for (const r of applied) {
    const cap = r.rule.hold;
    if (!cap) continue;
    const anchorMs = cap.from === 'wouldBeReleased' ? t.wouldBeReleasedMs : t.detainerReceivedMs;
    const start = anchorMs ?? f.atMs;
    const lower = start + cap.hours * 3_600_000;
    // A business-hours clock never ends before the calendar one; skip the walk when it cannot bind.
    if (!exact && cap.clock === 'business' && best && lower >= best.endsAt) continue;
    const read = cap.clock === 'calendar'
      ? { endsAt: lower, excludedDays: [] }
      : addBusinessHours(start, cap.hours, f.timeZone);
    const reading = { cap, citation: r.citation, endsAt: read.endsAt, anchorAssumed: anchorMs === undefined, excludedDays: read.excludedDays };
    readings.push(reading);
    if (!best || reading.endsAt < best.endsAt) best = reading;
  }
  return best ? { endsAt: best.endsAt, readings, binding: best } : null;
}

export function describeReading(r: ClockReading, zone: string): string {
  const anchor = r.cap.from === 'wouldBeReleased' ? 'would-be release' : 'receipt of the detainer';
  const clock = r.cap.clock === 'calendar' ? 'hours' : 'hours excluding Saturdays, Sundays and federal holidays';
  const skipped = r.excludedDays.length ? ` (skipping ${r.excludedDays.map((d) => `${d.date} ${d.reason}`).join(', ')})` : '';
  return `${r.cap.hours} ${clock} from ${anchor} under ${r.citation}: ${isoInZone(r.endsAt, zone)}${skipped}`;
}
