/**
 * What the request leaves out: the facts that, given, could change this answer. A rule whose
 * conditions read a fact the request did not give, and that would have decided otherwise (or added
 * a duty or a clock), is named with the fact and what it would do — so a missing `person.charges`
 * never silently turns MUST into MUST_NOT.
 */
import { Skip, skipOf, type CompiledRule, type LevelGroup } from './engine.js';
import { FACT, FACT_PATH, type Facts, type FactName } from './facts.js';
import type { Modality } from './vocab.js';

export interface MissingFact {
  /** The request field, e.g. "person.charges". */
  fact: string;
  provision: string;
  citation: string;
  message: string;
}

const NAMES = Object.keys(FACT) as FactName[];
const LABEL: Record<FactName, string> = {
  documents: 'no documents given', convictions: 'no convictions given', charges: 'no charges given',
  registrant: 'no registrations given', proofOfLawfulStatus: 'proof of lawful status not stated',
  interviewConsentSigned: 'interview consent not stated', agreement287g: 'no 287(g) agreement stated',
  wouldBeReleasedAt: 'wouldBeReleasedAt not given', detainerReceivedAt: 'detainerReceivedAt not given', bookedAt: 'bookedAt not given',
};

export function missingFactsOf(
  groups: readonly LevelGroup[], f: Facts, modality: Modality, deciding: readonly CompiledRule[], applied: readonly CompiledRule[],
): MissingFact[] {
  const out: MissingFact[] = [];
  const seen = new Set<string>();
  const add = (bits: number, r: CompiledRule, what: string) => {
    for (const n of NAMES) {
      if (!(bits & FACT[n])) continue;
      const key = `${n}|${r.cp.p.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ fact: FACT_PATH[n], provision: r.cp.p.id, citation: r.citation, message: `${LABEL[n]}: ${r.citation} ${what}` });
    }
  };
  for (const g of groups) {
    for (const r of g.rules) {
      const absent = r.refs & f.absent;
      if (!absent) continue;
      const changes = (r.rule.modality !== undefined && r.rule.modality !== modality) || !!r.rule.hold || !!r.rule.duties?.length;
      const skip = skipOf(r.cp, f);
      if (skip === Skip.AnchorMissing) {
        if (!changes) continue;
        const p = r.cp.p;
        const what = p.appliesBy === 'confinement' ? `people booked on or after ${p.effective}` : `${p.appliesBy}s dated on or after ${p.effective}`;
        add(absent, r, `applies only to ${what}${r.rule.modality ? ` (it would make this ${r.rule.modality})` : ''}`);
        continue;
      }
      if (skip !== Skip.None) continue;
      if (applied.includes(r)) {
        // Given, the missing fact could bring the rule's exception into play.
        if (r.unless && deciding.includes(r)) add(absent, r, `does not apply when ${r.unlessText}`);
        continue;
      }
      if (!changes) continue;
      if (r.when && !r.when(f)) {
        const effect = r.rule.modality ? `makes this ${r.rule.modality}` : r.rule.hold ? 'sets a hold clock' : 'adds duties';
        add(absent, r, `${effect} when ${r.whenText}`);
      }
    }
  }
  return out;
}
