// The 287.7(d) clock: 48 hours excluding Saturdays, Sundays and federal holidays, in the jail's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addBusinessHours, excludedDayReason } from '../../src/law/hold-clock.js';
import { dayOf, localDay, isoInZone, yearsBefore, isoOfDay, daysFromCivil, civilFromDays } from '../../src/law/days.js';
import { loadRegistry } from '../../src/law/load-registry.js';
import { defaultPoliciesDir } from '../../src/law/project-root.js';

const loaded = loadRegistry(defaultPoliciesDir());
if (!loaded.ok) throw new Error('the shipped registry does not load');
const holidays = loaded.registry.holidays;

const ny = 'America/New_York';
const at = (s: string) => Date.parse(s);

test('a Thursday 17:00 release before Independence Day runs to the next Tuesday 17:00', () => {
  const r = addBusinessHours(at('2025-07-03T17:00:00-04:00'), 48, ny, holidays);
  assert.equal(isoInZone(r.endsAt, ny), '2025-07-08T17:00:00-04:00');
  assert.deepEqual(r.excludedDays.map((d) => d.date), ['2025-07-04', '2025-07-05', '2025-07-06']);
});

test('a Friday release skips the weekend only', () => {
  const r = addBusinessHours(at('2024-03-08T09:30:00-05:00'), 48, ny, holidays);
  // Friday 09:30 → Friday ends after 14.5 h; Monday 24 h; Tuesday 09:30. DST begins on Sunday 2024-03-10.
  assert.equal(isoInZone(r.endsAt, ny), '2024-03-12T09:30:00-04:00');
});

test('observed holidays count: Juneteenth 2021 was observed on Friday 2021-06-18; no Juneteenth before 2021', () => {
  assert.match(excludedDayReason(dayOf('2021-06-18'), holidays) ?? '', /Juneteenth/);
  assert.equal(excludedDayReason(dayOf('2020-06-19'), holidays), null);
  assert.match(excludedDayReason(dayOf('2024-11-11'), holidays) ?? '', /Veterans/);
  assert.match(excludedDayReason(dayOf('2024-11-28'), holidays) ?? '', /Thanksgiving/);
});

test('the business clock is never shorter than the calendar clock', () => {
  fc.assert(fc.property(fc.integer({ min: Date.UTC(2014, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 1, max: 96 }),
    fc.constantFrom(ny, 'America/Los_Angeles', 'America/Chicago', 'America/Denver', 'America/Phoenix'), (start, h, zone) => {
      const r = addBusinessHours(start, h, zone, holidays);
      assert.ok(r.endsAt >= start + h * 3_600_000);
      // The clock ends inside a counted day: the last instant before the end is not on an excluded day.
      assert.equal(excludedDayReason(localDay(r.endsAt - 1, zone), holidays), null);
    }), { numRuns: 500 });
});

test('day numbers round-trip and lookbacks land on the same calendar date', () => {
  fc.assert(fc.property(fc.integer({ min: -50_000, max: 50_000 }), (d) => {
    const [y, m, dd] = civilFromDays(d);
    assert.equal(daysFromCivil(y, m, dd), d);
    assert.equal(dayOf(isoOfDay(d)), d);
  }));
  assert.equal(isoOfDay(yearsBefore(dayOf('2025-03-10'), 5)), '2020-03-10');
  assert.equal(isoOfDay(yearsBefore(dayOf('2024-02-29'), 1)), '2023-02-28');
});
