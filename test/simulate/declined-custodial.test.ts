// Declined releases that still end in custody: the model moves exactly that share of declined requests
// from the at-large caseload to custodial pickups, and the estimator recovers a known share from the
// county-months where the law table declines everything (and only from those).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runReplication, METRICS } from '../../src/simulate/model.js';
import { declinesAll, fitDeclinedCustodial, type RecordedLocal } from '../../src/simulate/declined-custodial.js';
import { periodAt } from '../../src/simulate/law-table.js';
import { declinedCustodialOf } from '../../src/simulate/prepare.js';
import { defaultCalibration } from '../../src/simulate/simulate.js';
import { smallWorld } from './fixture.js';

const base = smallWorld('2017-10-01', '2018-03-31');
const PHILADELPHIA = base.counties.fips.indexOf('42101');
const sum = (xs: Float64Array, from = 0, to = xs.length): number => xs.slice(from, to).reduce((s, x) => s + x, 0);

test('the fixture has a county whose jail declines everything (Philadelphia, in the registry)', () => {
  const law = base.laws[PHILADELPHIA]!;
  assert.ok(declinesAll(law.answers, periodAt(law, base.from)));
});

test('a share of declined releases becomes custodial pickups, the rest still goes to the caseload', () => {
  const share = 0.3;
  const w = { ...base, declinedCustodial: share };
  const a = runReplication(base, null);
  const b = runReplication(w, null);
  const Mo = base.months.length;
  assert.equal(a.ledger.declinedPickups, 0);
  assert.ok(Math.abs(b.ledger.declinedPickups - share * b.ledger.declined) < 1e-6 * b.ledger.declined, `${b.ledger.declinedPickups} vs ${share} × ${b.ledger.declined}`);
  // Requests and declines do not change; pickups demanded rise by the declined pickups, referrals fall by them.
  assert.ok(Math.abs(b.ledger.declined - a.ledger.declined) < 1e-6 * a.ledger.declined);
  assert.ok(Math.abs(b.ledger.pickupsDemanded - a.ledger.pickupsDemanded - b.ledger.declinedPickups) < 1e-6 * b.ledger.pickupsDemanded);
  assert.ok(Math.abs(a.ledger.inflowJail - b.ledger.inflowJail - b.ledger.declinedPickups) < 1e-6 * a.ledger.inflowJail);
  // Philadelphia makes custodial arrests only through this share.
  assert.equal(sum(a.countyCustodial, PHILADELPHIA * Mo, (PHILADELPHIA + 1) * Mo), 0);
  assert.ok(sum(b.countyCustodial, PHILADELPHIA * Mo, (PHILADELPHIA + 1) * Mo) > 0);
  const local = METRICS.indexOf('custodialLocal');
  const A = base.counties.aors.length;
  assert.ok(sum(b.values, local * A * Mo, (local + 1) * A * Mo) > sum(a.values, local * A * Mo, (local + 1) * A * Mo));
});

test('random runs with a share of 0 draw nothing more (the same numbers as before the share existed)', () => {
  const a = runReplication(base, { seed: 3, replication: 1 });
  const b = runReplication({ ...base, declinedCustodial: 0 }, { seed: 3, replication: 1 });
  assert.deepEqual(Array.from(b.values), Array.from(a.values));
  const c = runReplication({ ...base, declinedCustodial: 0.5 }, { seed: 3, replication: 1 });
  assert.ok(c.ledger.declinedPickups > 0 && c.ledger.declinedPickups < c.ledger.declined);
});

/** Recorded arrests that are `share` × the model's declined requests in every fully declining county-month. */
function recordedAt(share: number, extra: number): RecordedLocal {
  const w = base;
  const byCountyMonth = new Map<string, number>();
  const sched = [{ from: w.from, rates: w.rates }, ...w.rateChanges];
  for (let i = 0; i < w.counties.n; i++) {
    for (let d = w.from; d <= w.to; d++) {
      const law = w.laws[i]!;
      const p = periodAt(law, d);
      const key = `${w.counties.fips[i]}|${w.months[w.monthOfDay[d - w.from]!]}`;
      let k = 0;
      for (let r = 1; r < sched.length; r++) if (sched[r]!.from <= d) k = r;
      const dec = w.counties.bookingsPerDay[i]! * sched[k]!.rates[w.counties.aorIndex[i]!]!.matchShare * w.params.requestProbability;
      // Counties that comply get arrests of their own, which the estimator must leave out.
      byCountyMonth.set(key, (byCountyMonth.get(key) ?? 0) + (declinesAll(law.answers, p) && !law.jem[p] ? share * dec : extra));
    }
  }
  // Half of the AORs' arrests name a county: the estimator scales the attributed ones up by 2.
  const attributedShare = new Map(w.counties.aors.map((a) => [a, 0.5]));
  for (const [k, v] of byCountyMonth) byCountyMonth.set(k, v * 0.5);
  return { byCountyMonth, attributedShare };
}

test('the estimator recovers a known share from fully declining county-months only', () => {
  const sched = [{ from: base.from, rates: base.rates }, ...base.rateChanges];
  for (const share of [0.02, 0.25]) {
    const f = fitDeclinedCustodial(base, sched, recordedAt(share, 40));
    assert.ok(Math.abs(f.value - share) < 1e-9, `fitted ${f.value}, true ${share}`);
    assert.ok(f.counties >= 1 && f.countyMonths >= 6, `${f.counties} counties, ${f.countyMonths} county-months`);
  }
  assert.equal(fitDeclinedCustodial(base, sched, recordedAt(3, 0)).value, 1, 'a share is at most 1');
});

test('a calibration file without the share runs the model without it', () => {
  const cal = defaultCalibration();
  const without = { ...cal, parameters: Object.fromEntries(Object.entries(cal.parameters).filter(([k]) => k !== 'declinedCustodialProbability')) };
  assert.equal(declinedCustodialOf(without), 0);
  assert.equal(declinedCustodialOf({ ...cal, parameters: { ...cal.parameters, declinedCustodialProbability: 0.07 } }), 0.07);
});
