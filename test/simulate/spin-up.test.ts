// The caseload's run-in (model.ts, startingBacklogs): a run starts from the stock the model itself reaches,
// not from the assumed initialBacklogDays of inflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METRICS, runReplication, startingBacklogs } from '../../src/simulate/model.js';
import type { World } from '../../src/simulate/world.js';
import { smallWorld } from './fixture.js';

const withSpinUp = (w: World, days: number): World => ({ ...w, params: { ...w.params, spinUpDays: days } });
const atLargeByMonth = (w: World, key: { seed: number; replication: number } | null, a: number): number[] => {
  const out = runReplication(w, key);
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  return w.months.map((_, m) => out.values[(METRICS.indexOf('atLarge') * A + a) * Mo + m]!);
};

test('without a run-in, an area whose hours outrun its inflow arrests the assumed stock first; run in, its months are level', () => {
  // Field hours five times the fit: more than the caseload's inflow can use.
  const base = { ...smallWorld('2017-10-01', '2018-09-30'), fieldHoursScale: 5 };
  const hou = base.counties.aors.indexOf('HOU');
  assert.ok(hou >= 0);
  const cold = atLargeByMonth(withSpinUp(base, 0), null, hou);
  const warm = atLargeByMonth(withSpinUp(base, 365), null, hou);
  // Cold: the first month works down the initial stock at the hours' pace, well above the last (the inflow).
  assert.ok(cold[0]! > 1.3 * cold[11]!, `cold: first ${cold[0]}, last ${cold[11]}`);
  // Warm: already at the level the cold run ends at.
  assert.ok(Math.abs(warm[0]! / 31 - warm[11]! / 30) < 0.05 * (warm[11]! / 30), `warm: first ${warm[0]}, last ${warm[11]}`);
  assert.ok(Math.abs(warm[11]! - cold[11]!) < 0.05 * cold[11]!, `the two end alike: ${warm[11]} vs ${cold[11]}`);
});

test('the run-in is deterministic, ignores surges, and the stock ledger still balances from where it starts', () => {
  const plain = withSpinUp(smallWorld('2018-01-01', '2018-06-30'), 200);
  const surged = withSpinUp(smallWorld('2018-01-01', '2018-06-30', [{ name: 's', aors: ['HOU'], from: '2018-01-01', to: '2018-06-30', officerHoursPerDay: 500 }]), 200);
  const a = startingBacklogs(plain)!;
  const b = startingBacklogs(surged)!;
  assert.equal(a.length, plain.counties.aors.length);
  assert.deepEqual(a.map((x) => Array.from(x)), b.map((x) => Array.from(x)), 'surges are the run\'s own events, not the run-in\'s');
  assert.equal(startingBacklogs(plain), a, 'kept for the same world');
  assert.equal(startingBacklogs(withSpinUp(plain, 0)), null);
  const r1 = runReplication(plain, { seed: 5, replication: 2 });
  const r2 = runReplication({ ...plain }, { seed: 5, replication: 2 });
  assert.deepEqual(Array.from(r1.values), Array.from(r2.values));
  const l = r1.ledger;
  const start = a.reduce((s, x) => s + x.reduce((t, v) => t + Math.round(v), 0), 0);
  assert.equal(l.backlogStart, start);
  assert.ok(Math.abs(l.backlogEnd - (l.backlogStart + l.inflowJail + l.inflowOther + l.inflowMissed - l.arrestsAtLarge - l.exits)) < 1e-6);
});
