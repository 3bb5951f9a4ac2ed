// The generated view functions decide exactly as the interpreted layering does, rule for rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngine, listJurisdictions, REQUEST_TYPES } from '../../src/law/index.js';
import { evaluate, viewOf } from '../../src/law/engine.js';
import { compileView } from '../../src/law/compile-view.js';
import { factsOf, FACT } from '../../src/law/facts.js';
import { requestArb } from './arbitraries.js';

const engine = defaultEngine();
const requests = requestArb(listJurisdictions(engine.registry).map((j) => j.id));
const ids = (rs: readonly { id: number }[]) => rs.map((r) => r.id);

test('compiled views and the interpreted evaluate give the same modality, deciding and applied rules, with and without assumed facts', () => {
  let compared = 0;
  fc.assert(fc.property(requests, fc.constantFrom(0, ...Object.values(FACT)), (req, assumed) => {
    const c = engine.compiled.chain(req.jurisdiction);
    if (!c.ok) return;
    const f = factsOf(req, c.chain.jurisdiction.timeZone);
    for (const t of REQUEST_TYPES) {
      const view = viewOf(c.chain.law, t, f);
      const a = evaluate(view, f, undefined, true, assumed);
      const b = compileView(view, engine.compiled.catalogLookup())(f, assumed);
      assert.equal(b.modality, a.modality, `${req.jurisdiction} ${t}`);
      assert.deepEqual(ids(b.deciding), ids(a.deciding), `${req.jurisdiction} ${t}`);
      assert.deepEqual(ids(b.applied), ids(a.applied), `${req.jurisdiction} ${t}`);
      if (assumed === 0) assert.equal(compileView(view, engine.compiled.catalogLookup(), true)(f), a.modality, `${req.jurisdiction} ${t} (modality only)`);
      compared++;
    }
  }), { numRuns: 1_500 });
  assert.ok(compared > 10_000, `${compared} comparisons`);
});
