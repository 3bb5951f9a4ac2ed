// Validation (needs the records): FY2019 held out against an independent count of the records, the
// recorded 287(g) jails in a run, and Hausman's comparison through the law engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { query } from '../../src/observe/db.js';
import { validateFy2019, validateFy2019CapacityInput, validateHausman } from '../../src/simulate/validate.js';
import { recorded287gJails } from '../../src/simulate/g287-recorded.js';
import { simulate } from '../../src/simulate/simulate.js';
import { Scenario } from '../../src/simulate/scenario-schema.js';
import { PARAMETERS } from '../../src/simulate/parameters.js';
import { needsData, withLoadedDb } from '../observe/helpers.js';

test('FY2019: the recorded shares are the records\' own, over the 11 months; errors are simulated minus recorded', needsData, async () => {
  await withLoadedDb(async (db) => {
    const v = await validateFy2019({ db, replications: 2, threads: 1 });
    assert.equal(v.span.months.length, 11);
    assert.equal(v.span.months[10], '2019-08');
    const [o] = await query<{ cust: number; n: number }>(db, `SELECT CAST(count(*) FILTER (WHERE m.class = 'custodial') AS DOUBLE) AS cust, CAST(count(*) AS DOUBLE) AS n
      FROM arrests t LEFT JOIN method_classes m ON m.method = t.method WHERE t.fy = 2019 AND t.apprehension_date < DATE '2019-09-01' AND t.aor IS NOT NULL`);
    assert.ok(Math.abs(v.national.observed - o!.cust / o!.n) < 1e-9, `${v.national.observed} vs ${o!.cust / o!.n}`);
    assert.ok(Math.abs(v.national.errorPoints - 100 * (v.national.simulated.mean - v.national.observed)) < 1e-9);
    assert.equal(v.byAor.length, 24);
    const mae = v.byAor.reduce((s, r) => s + Math.abs(r.errorPoints), 0) / v.byAor.length;
    assert.ok(Math.abs(mae - v.aorMaePoints) < 1e-9);
    assert.equal(v.targets.aor, v.aorMaePoints <= 5);
    // A model that had lost its custody/at-large balance would be tens of points off.
    assert.ok(Math.abs(v.national.errorPoints) < 10, `national error ${v.national.errorPoints}`);
    assert.ok(v.nationalMonthly.every((m) => m.observed > 0 && m.simulated.mean > 0));
  });
});

test('FY2019 with national monthly arrests as the capacity input: the input is the records\' national monthly count, matched; the shares are the records\' own', needsData, async () => {
  await withLoadedDb(async (db) => {
    const v = await validateFy2019CapacityInput({ db, replications: 2, threads: 1 });
    const counted = await query<{ m: string; n: number }>(db, `SELECT strftime(apprehension_date, '%Y-%m') AS m, CAST(count(*) AS DOUBLE) AS n FROM arrests
      WHERE fy = 2019 AND apprehension_date < DATE '2019-09-01' AND aor IS NOT NULL GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(v.capacity.months, v.span.months);
    assert.deepEqual(v.capacity.months, counted.map((c) => c.m));
    assert.deepEqual(v.capacity.observed, counted.map((c) => c.n));
    assert.deepEqual(v.nationalMonthly.map((m) => m.observed), v.capacity.observed);
    assert.ok(v.capacity.maxRelativeGap < 0.01, `mean-field gap ${v.capacity.maxRelativeGap}`);
    assert.ok(v.capacity.scale.every((k) => k > 0.01 && k < 200), v.capacity.scale.join(', '));
    const [o] = await query<{ cust: number; n: number }>(db, `SELECT CAST(count(*) FILTER (WHERE m.class = 'custodial') AS DOUBLE) AS cust, CAST(count(*) AS DOUBLE) AS n
      FROM arrests t LEFT JOIN method_classes m ON m.method = t.method WHERE t.fy = 2019 AND t.apprehension_date < DATE '2019-09-01' AND t.aor IS NOT NULL`);
    assert.ok(Math.abs(v.national.observed - o!.cust / o!.n) < 1e-9);
    assert.equal(v.targets.national, Math.abs(v.national.errorPoints) <= 2);
    assert.equal(v.byAor.length, 24);
  });
});

test('the recorded 287(g) jails make 287(g) arrests in a FY2018 run, and only there', needsData, async () => {
  await withLoadedDb(async (db) => {
    const rec = await recorded287gJails(db);
    const fy18 = [...rec].filter(([, ys]) => ys.has(2018)).map(([f]) => f);
    assert.ok(fy18.length > 0);
    const [check] = await query<{ n: number }>(db, `SELECT CAST(min(n) AS DOUBLE) AS n FROM (SELECT fips, count(*) AS n FROM arrests_classified WHERE detail = '287g' AND fy = 2018 AND fips IN (${fy18.map((f) => `'${f}'`).join(',')}) GROUP BY fips)`);
    assert.ok(check!.n >= PARAMETERS.recorded287gMinArrests.value);
    const r = await simulate(Scenario.parse({ name: 'q', from: '2018-01-01', to: '2018-03-31', replications: 1 }), { db, threads: 1 });
    assert.ok(r.totals.custodial287g.mean > 0, 'no 287(g) arrests');
    const jem = new Set(fy18);
    // 287(g) arrests happen in the flagged counties; elsewhere pickups are ICE's (custodialLocal).
    const g = r.byAorMonth.reduce((s, x) => s + x.custodial287g, 0);
    const inFlagged = r.byCounty.filter((c) => jem.has(c.fips)).reduce((s, c) => s + c.custodial.mean, 0);
    assert.ok(inFlagged >= g, `${inFlagged} custodial in flagged counties, ${g} 287(g) arrests`);
  });
});

test('Hausman: a binding hold limit cuts local removals in the adopting counties; an exception for violent convictions keeps theirs', needsData, async () => {
  await withLoadedDb(async (db) => {
    const h = await validateHausman({ db, replications: 2, threads: 1 });
    assert.ok(h.treated.n > 50 && h.treated.n <= h.candidates, `${h.treated.n} of ${h.candidates}`);
    assert.ok(!h.treated.states.includes('TX'), 'Texas SB 4 voids local limits');
    const [noExc, exc] = h.variants;
    assert.ok(noExc!.treated.all.mean < -10, `overall ${noExc!.treated.all.mean}`);
    assert.ok(noExc!.treated.byClass.violent!.mean < -10);
    assert.ok(Math.abs(exc!.treated.byClass.violent!.mean) < 2, `violent with the exception ${exc!.treated.byClass.violent!.mean}`);
    assert.ok(exc!.treated.byClass.other!.mean < -10);
    assert.ok(noExc!.treatedAtLarge.mean > 0, 'declined people feed the at-large caseload');
  });
});
