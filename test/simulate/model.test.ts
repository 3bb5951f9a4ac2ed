// The model: same seed, same numbers (whatever the order of areas); every booking and every person in the backlog accounted for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Stream } from '../../src/simulate/rng.js';
import { RandomDraws } from '../../src/simulate/samplers.js';
import { newOutput, runAor, runReplication, METRICS, type Ledger } from '../../src/simulate/model.js';
import { smallWorld } from './fixture.js';

const world = smallWorld();

test('a keyed stream repeats for the same key and differs for another', () => {
  const a = new Stream().reset(7, 0, 12, 17000);
  const b = new Stream().reset(7, 0, 12, 17000);
  const c = new Stream().reset(7, 0, 13, 17000);
  const xa = Array.from({ length: 8 }, () => a.next32());
  assert.deepEqual(Array.from({ length: 8 }, () => b.next32()), xa);
  assert.notDeepEqual(Array.from({ length: 8 }, () => c.next32()), xa);
});

test('Poisson and binomial draws have the right means', () => {
  const d = new RandomDraws(new Stream().reset(1, 0, 0, 0));
  const n = 20000;
  for (const lambda of [0.3, 4, 37, 250]) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d.poisson(lambda);
    assert.ok(Math.abs(s / n - lambda) < 4 * Math.sqrt(lambda / n), `Poisson(${lambda}) mean ${s / n}`);
  }
  for (const [k, p] of [[10, 0.2], [300, 0.9], [1000, 0.5]] as const) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d.binomial(k, p);
    assert.ok(Math.abs(s / n - k * p) < 4 * Math.sqrt((k * p * (1 - p)) / n), `Binomial(${k}, ${p}) mean ${s / n}`);
  }
});

test('the same seed gives identical output; another seed does not', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 50 }), (seed, replication) => {
    const a = runReplication(world, { seed, replication });
    const b = runReplication(world, { seed, replication });
    assert.deepEqual(Array.from(a.values), Array.from(b.values));
    assert.deepEqual(Array.from(a.backlog), Array.from(b.backlog));
  }), { numRuns: 5 });
  const x = runReplication(world, { seed: 1, replication: 0 });
  const y = runReplication(world, { seed: 2, replication: 0 });
  assert.notDeepEqual(Array.from(x.values), Array.from(y.values));
});

test('areas run in any order give the same numbers (draws are keyed, not sequential)', () => {
  const fwd = newOutput(world);
  const rev = newOutput(world);
  const A = world.counties.aors.length;
  for (let a = 0; a < A; a++) runAor(world, a, { seed: 9, replication: 3 }, fwd);
  for (let a = A - 1; a >= 0; a--) runAor(world, a, { seed: 9, replication: 3 }, rev);
  assert.deepEqual(Array.from(rev.values), Array.from(fwd.values));
});

function assertBalanced(l: Ledger): void {
  const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} ≠ ${b}`);
  close(l.bookings, l.nonRemovable + l.matched, 'bookings = not removable + matched');
  close(l.matched, l.notRequested + l.requested, 'matched = not requested + requested');
  close(l.requested, l.honoredHold + l.honoredNotify + l.declined, 'requested = held + notified + declined');
  close(l.honoredHold + l.honoredNotify + l.declinedPickups, l.pickupsDemanded + l.lostAtPickup, 'honored + declined met at the jail = pickups demanded + lost at release');
  close(l.backlogEnd, l.backlogStart + l.inflowJail + l.inflowOther + l.inflowMissed - l.arrestsAtLarge - l.exits, 'backlog stock = start + inflows − outflows');
  assert.ok(l.bookings > 0 && l.requested > 0 && l.arrestsAtLarge > 0, 'the run did something');
}

test('bookings split exhaustively and the backlog stock balances, random and mean-field', () => {
  for (const key of [{ seed: 5, replication: 0 }, { seed: 6, replication: 2 }, null]) {
    assertBalanced(runReplication(world, key).ledger);
    assertBalanced(runReplication({ ...world, declinedCustodial: 0.2 }, key).ledger);
  }
});

test('a surge adds officer-hours and at-large arrests where it is aimed', () => {
  const surged = smallWorld('2017-10-01', '2018-01-31', [{ name: 'Denver', counties: ['08031'], from: '2017-11-01', to: '2017-12-31', officerHoursPerDay: 200 }]);
  const at = METRICS.indexOf('atLarge');
  const hs = METRICS.indexOf('hoursSurge');
  const sum = (o: ReturnType<typeof runReplication>, m: number) => o.values.slice(m * world.counties.aors.length * world.months.length, (m + 1) * world.counties.aors.length * world.months.length).reduce((s, x) => s + x, 0);
  const base = runReplication(world, null);
  const op = runReplication(surged, null);
  assert.equal(sum(op, hs), 200 * 61);
  assert.ok(sum(op, at) > sum(base, at) + 100, `at large ${sum(op, at)} vs ${sum(base, at)}`);
  const denver = world.counties.fips.indexOf('08031');
  const denverAtLarge = (o: ReturnType<typeof runReplication>) => o.countyAtLarge.slice(denver * world.months.length, (denver + 1) * world.months.length).reduce((s, x) => s + x, 0);
  assert.ok(denverAtLarge(op) > denverAtLarge(base));
  assertBalanced(op.ledger);
});
