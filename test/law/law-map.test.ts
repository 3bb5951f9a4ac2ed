// The law map shares one decision among counties with the same law, time zone and 287(g) models: it must
// give, county by county, what a full decision of the standard request at that county's jail gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngine, lawMap, standardRequest, REQUEST_TYPES, type LawMap } from '../../src/law/index.js';
import { dayOf, isoOfDay } from '../../src/law/days.js';

const engine = defaultEngine();

function sameAsFullDecisions(m: LawMap): void {
  for (const row of m.rows) {
    const r = engine.decideValid(standardRequest(row.id, m.date, m.request));
    const d = r.decisions[m.request]!;
    const want = {
      modality: d.modality, level: d.decidedBy.level, jurisdiction: d.decidedBy.jurisdiction, provision: d.decidedBy.provision,
      citation: d.decidedBy.citation, instrument: d.decidedBy.instrument, confidence: d.confidence,
      agreement287g: r.agreement287g.models, agreementSource: r.agreement287g.source,
    };
    const got = {
      modality: row.modality, level: row.level, jurisdiction: row.jurisdiction, provision: row.provision, citation: row.citation,
      instrument: row.instrument, confidence: row.confidence, agreement287g: row.agreement287g, agreementSource: row.agreementSource,
    };
    assert.deepEqual(got, want, `${row.id} on ${m.date} (${m.request})`);
  }
}

test('the map equals one full decision per county on dates where the law changed', () => {
  // Before and after: the PEP forms, Texas SB 4, California's SB 54, ICE's 287(g) lists, Florida's SB 168.
  for (const date of ['2013-01-01', '2017-09-01', '2018-01-01', '2019-07-01', '2025-02-01', '2026-06-30']) {
    sameAsFullDecisions(lawMap(engine, date, 'HOLD'));
  }
});

test('property: the map equals one full decision per county for any day and request type', () => {
  const from = dayOf('2013-01-01');
  const to = dayOf('2026-12-31');
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...REQUEST_TYPES), (day, request) => {
      sameAsFullDecisions(lawMap(engine, isoOfDay(day), request));
    }),
    { numRuns: 8 },
  );
});

test('a state\'s map is the national map\'s rows of that state', () => {
  const all = lawMap(engine, '2024-12-01', 'NOTIFY_RELEASE');
  const nc = lawMap(engine, '2024-12-01', 'NOTIFY_RELEASE', { state: 'NC' });
  assert.ok(nc.rows.length > 90);
  assert.deepEqual(nc.rows, all.rows.filter((r) => r.state === 'NC'));
});
