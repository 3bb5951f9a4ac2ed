/**
 * How levels combine: the algebra of docs/adding-law.md ("How the engine layers the law"), in one
 * function, so the engine and the truth-table test (test/law/layering.test.ts) share one statement.
 *
 * Levels are taken most general first (federal → state → county → place → agency). Each level
 * yields the strongest modality among its applied rules (MUST_NOT > MUST > NOT_REQUIRED > MAY) and
 * whether any applied rule of it is a floor. Then, against what the levels above decided:
 *
 *   above          this level       result
 *   (nothing)      m                m                      first
 *   m              m                m                      stacked (both cited)
 *   MUST|MUST_NOT  other            above                  overridden: a higher duty or ban binds
 *   MAY|NOT_REQ.   MUST_NOT         above, if a floor rule applied above    void
 *   NOT_REQUIRED   MAY              NOT_REQUIRED           kept: the lower permission adds nothing
 *   MAY|NOT_REQ.   other            this level             replaced: the lower level decides
 *
 * A floor is attached to rules, not provisions: by default the MUST and MAY rules of a
 * `layering: floor` provision (the duties it creates and the cooperation it protects), never its
 * exemptions (NOT_REQUIRED). Once a floor rule has applied at some level, every lower MUST_NOT on
 * the same request is void, whatever the levels in between said.
 */
import type { Modality } from './vocab.js';

/** Strength within one level: a prohibition outranks a mandate, which outranks a lifted duty and a permission. */
export const RANK: Readonly<Record<Modality, number>> = { MAY: 0, NOT_REQUIRED: 1, MUST: 2, MUST_NOT: 3 };

export type Step = 'first' | 'stacked' | 'overridden' | 'voided' | 'kept' | 'replaced';

export interface Layered {
  /** null until some level has decided. */
  modality: Modality | null;
  /** A floor rule has applied at a level above. */
  floorAbove: boolean;
}

export const START: Layered = { modality: null, floorAbove: false };

/** What a level's result does to the decision so far. */
export function stepOf(above: Layered, level: Modality): Step {
  const a = above.modality;
  if (a === null) return 'first';
  if (a === level) return 'stacked';
  if (a === 'MUST' || a === 'MUST_NOT') return 'overridden';
  if (level === 'MUST_NOT' && above.floorAbove) return 'voided';
  if (a === 'NOT_REQUIRED' && level === 'MAY') return 'kept';
  return 'replaced';
}

/** The decision after one more level: its strongest modality (or null when no rule with a modality applied) and whether a floor rule applied there. */
export function combine(above: Layered, level: Modality | null, floorHere: boolean): { next: Layered; step: Step | null } {
  if (level === null) return { next: floorHere ? { modality: above.modality, floorAbove: true } : above, step: null };
  const step = stepOf(above, level);
  const modality = step === 'first' || step === 'replaced' ? level : above.modality;
  return { next: { modality, floorAbove: above.floorAbove || floorHere }, step };
}
