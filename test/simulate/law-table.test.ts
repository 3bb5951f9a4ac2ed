// The compiled law table agrees with the engine's full decide() for sampled counties, dates and classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultEngine } from '../../src/law/index.js';
import { dayOf, isoOfDay } from '../../src/law/days.js';
import { Gazetteer } from '../../src/law/gazetteer.js';
import { CLASSES, N_CLASSES } from '../../src/simulate/classes.js';
import { answerOf, classRequest, compileCountyLaw, periodAt, TABLE_REQUESTS } from '../../src/simulate/law-table.js';
import { overlayRegistry } from '../../src/simulate/overlays.js';
import { Engine } from '../../src/law/index.js';

const engine = defaultEngine();

function checkCounty(e: Engine, ocd: string, fips: string, from: string, to: string, days: string[]): void {
  const law = compileCountyLaw(e, ocd, fips, dayOf(from), dayOf(to));
  for (const date of days) {
    const p = periodAt(law, dayOf(date));
    CLASSES.forEach((k, ki) => {
      const r = e.decide(classRequest(ocd, date, k));
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
      TABLE_REQUESTS.forEach((t, ti) => {
        const want = answerOf(r.response.decisions[t]!.modality);
        assert.equal(law.answers[(p * N_CLASSES + ki) * 2 + ti], want, `${ocd} ${date} ${k} ${t}: table ${law.answers[(p * N_CLASSES + ki) * 2 + ti]} vs decide ${r.response.decisions[t]!.modality}`);
      });
    });
  }
}

test('law tables match decide() at 40 sampled counties on 6 dates each', () => {
  const all = Gazetteer.load().counties;
  // A fixed pseudo-random sample (every 79th county) plus counties whose law changes in the span.
  const sample = all.filter((_, i) => i % 79 === 0).concat(all.filter((c) => ['06085', '48453', '42101', '08031', '17031', '36047'].includes(c.fips)));
  const from = '2016-06-01';
  const to = '2025-12-31';
  const days = [0, 600, 1100, 1700, 2600, 3400].map((d) => isoOfDay(dayOf(from) + d));
  for (const c of sample) checkCounty(engine, c.ocd, c.fips, from, to, days);
});

test('an overlay changes the answer through the engine: Travis County under California SB 54 declines holds', () => {
  const reg = overlayRegistry(engine, [{ kind: 'state-as-california-sb54', states: ['tx'], from: '2025-01-01' }], 'test', '2025-01-01');
  const e = new Engine(reg);
  const ocd = 'ocd-division/country:us/state:tx/county:travis';
  const before = compileCountyLaw(engine, ocd, '48453', dayOf('2025-01-01'), dayOf('2025-06-30'));
  const after = compileCountyLaw(e, ocd, '48453', dayOf('2025-01-01'), dayOf('2025-06-30'));
  assert.equal(before.answers[0], 1, 'Texas SB 4: a hold is a duty');
  assert.equal(after.answers[0], 0, 'under SB 54: no hold');
  checkCounty(e, ocd, '48453', '2025-01-01', '2025-06-30', ['2025-01-01', '2025-05-05']);
});

test('a detainer-limit overlay is void in a floor state and binds in a ceiling-free state', () => {
  const pol = (j: string) => [{ kind: 'detainer-limit' as const, jurisdiction: j, from: '2020-01-01', scope: 'hold' as const, exceptViolent: false }];
  const tx = new Engine(overlayRegistry(engine, pol('48453'), 'test', '2019-10-01'));
  const travis = compileCountyLaw(tx, 'ocd-division/country:us/state:tx/county:travis', '48453', dayOf('2020-02-01'), dayOf('2020-02-01'));
  assert.equal(travis.answers[0], 1, 'Texas SB 4 voids the local limit');
  const wy = Gazetteer.load().byFips('56021')!;
  const e = new Engine(overlayRegistry(engine, pol('56021'), 'test', '2019-10-01'));
  const laramie = compileCountyLaw(e, wy.ocd, '56021', dayOf('2020-02-01'), dayOf('2020-02-01'));
  assert.equal(laramie.answers[0], 0, 'the county\'s own limit binds');
});
