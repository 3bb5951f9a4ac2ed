// The layering algebra (docs/adding-law.md, "How the engine layers the law") as a truth table over
// higher level × layering × lower level, checked against `combine` and, through a real registry
// built for the test, against the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combine, START, type Layered } from '../../src/law/layering.js';
import type { Modality } from '../../src/law/vocab.js';

type M = Modality | '-';
// above (the decision of the higher levels), whether a floor rule applied above, the lower level's
// modality ('-': no rule with a modality applied there) → the result and the step, written out by hand.
const TABLE: [M, boolean, M, M, string][] = [
  // nothing above: the lower level decides
  ['-', false, 'MUST', 'MUST', 'first'], ['-', false, 'MAY', 'MAY', 'first'], ['-', false, 'NOT_REQUIRED', 'NOT_REQUIRED', 'first'], ['-', false, 'MUST_NOT', 'MUST_NOT', 'first'],
  // a higher mandate binds
  ['MUST', false, 'MUST', 'MUST', 'stacked'], ['MUST', false, 'MAY', 'MUST', 'overridden'], ['MUST', false, 'NOT_REQUIRED', 'MUST', 'overridden'], ['MUST', false, 'MUST_NOT', 'MUST', 'overridden'],
  ['MUST', true, 'MUST_NOT', 'MUST', 'overridden'], ['MUST', true, 'NOT_REQUIRED', 'MUST', 'overridden'],
  // a higher prohibition binds
  ['MUST_NOT', false, 'MUST', 'MUST_NOT', 'overridden'], ['MUST_NOT', false, 'MAY', 'MUST_NOT', 'overridden'], ['MUST_NOT', false, 'NOT_REQUIRED', 'MUST_NOT', 'overridden'], ['MUST_NOT', false, 'MUST_NOT', 'MUST_NOT', 'stacked'],
  // a higher permission without a floor: the lower level decides (a ceiling state's locality may be stricter)
  ['MAY', false, 'MUST', 'MUST', 'replaced'], ['MAY', false, 'MAY', 'MAY', 'stacked'], ['MAY', false, 'NOT_REQUIRED', 'NOT_REQUIRED', 'replaced'], ['MAY', false, 'MUST_NOT', 'MUST_NOT', 'replaced'],
  // a higher permission protected by a floor (8 U.S.C. § 1373; Tex. Gov. Code § 752.053(b)): a lower ban is void
  ['MAY', true, 'MUST_NOT', 'MAY', 'voided'], ['MAY', true, 'MUST', 'MUST', 'replaced'], ['MAY', true, 'NOT_REQUIRED', 'NOT_REQUIRED', 'replaced'], ['MAY', true, 'MAY', 'MAY', 'stacked'],
  // a lifted duty (an exemption, never a floor by itself): the lower level may still forbid or mandate
  ['NOT_REQUIRED', false, 'MUST_NOT', 'MUST_NOT', 'replaced'], ['NOT_REQUIRED', false, 'MUST', 'MUST', 'replaced'], ['NOT_REQUIRED', false, 'MAY', 'NOT_REQUIRED', 'kept'], ['NOT_REQUIRED', false, 'NOT_REQUIRED', 'NOT_REQUIRED', 'stacked'],
  // …unless a floor rule applied somewhere above the exemption: then a lower ban is still void
  ['NOT_REQUIRED', true, 'MUST_NOT', 'NOT_REQUIRED', 'voided'], ['NOT_REQUIRED', true, 'MUST', 'MUST', 'replaced'],
  // a level with no modality leaves the decision alone
  ['MAY', false, '-', 'MAY', '-'], ['MUST_NOT', false, '-', 'MUST_NOT', '-'], ['-', false, '-', '-', '-'],
];

test('the layering truth table', () => {
  for (const [above, floor, lower, result, step] of TABLE) {
    const state: Layered = { modality: above === '-' ? null : above, floorAbove: floor };
    const r = combine(state, lower === '-' ? null : lower, false);
    const row = `${above}${floor ? ' (floor above)' : ''} × ${lower}`;
    assert.equal(r.next.modality ?? '-', result, row);
    assert.equal(r.step ?? '-', step, row);
  }
});

test('a floor applied at any level stays in force for every level below it', () => {
  let s = START;
  s = combine(s, 'MAY', true).next; // federal: 8 U.S.C. § 1373 (floor)
  s = combine(s, 'NOT_REQUIRED', false).next; // state: an exemption
  s = combine(s, 'MAY', false).next; // county: a permission
  const r = combine(s, 'MUST_NOT', false); // city: a ban
  assert.equal(r.step, 'voided');
  assert.equal(r.next.modality, 'NOT_REQUIRED');
});
