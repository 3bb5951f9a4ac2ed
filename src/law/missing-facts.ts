/**
 * What the request leaves out: the facts that, given, could change this answer. A rule whose
 * conditions read a fact the request did not give, and that would have decided otherwise (or added
 * a duty or a clock), is named with the fact and what it would do — so a missing `person.charges`
 * never silently turns MUST into MUST_NOT. The entries are written once per rule at compile time.
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

/** Per rule: for each fact bit it reads, the entry to report when its anchor, its `when` or its `unless` turns on that fact. */
export interface MissingTemplate { anchor: [number, MissingFact][]; when: [number, MissingFact][]; unless: [number, MissingFact][] }

const NAMES = Object.keys(FACT) as FactName[];
const LABEL: Record<FactName, string> = {
  documents: 'no documents given', convictions: 'no convictions given', charges: 'no charges given',
  registrant: 'no registrations given', proofOfLawfulStatus: 'proof of lawful status not stated',
  interviewConsentSigned: 'interview consent not stated', agreement287g: 'no 287(g) agreement stated',
  wouldBeReleasedAt: 'wouldBeReleasedAt not given', detainerReceivedAt: 'detainerReceivedAt not given', bookedAt: 'bookedAt not given',
};

export function missingTemplates(r: CompiledRule): MissingTemplate {
  const p = r.cp.p;
  const entries = (bits: number, what: string): [number, MissingFact][] => NAMES.filter((n) => bits & FACT[n]).map((n) => [FACT[n], Object.freeze({
    fact: FACT_PATH[n], provision: p.id, citation: r.citation, message: `${LABEL[n]}: ${r.citation} ${what}`,
  })]);
  const anchorBit = p.appliesBy === 'charge' ? FACT.charges : p.appliesBy === 'conviction' ? FACT.convictions : 0;
  const effect = r.rule.modality ? `makes this ${r.rule.modality}` : r.rule.hold ? 'sets a hold clock' : 'adds duties';
  return {
    anchor: anchorBit ? entries(anchorBit, `applies only to ${p.appliesBy}s dated on or after ${p.effective}${r.rule.modality ? ` (it would make this ${r.rule.modality})` : ''}`) : [],
    when: r.when ? entries(r.refs, `${effect} when ${r.whenText}`) : [],
    unless: r.unless ? entries(r.refs, `does not apply when ${r.unlessText}`) : [],
  };
}

export function missingFactsOf(
  groups: readonly LevelGroup[], f: Facts, modality: Modality, deciding: readonly CompiledRule[], applied: readonly CompiledRule[],
): MissingFact[] {
  const out: MissingFact[] = [];
  const push = (list: [number, MissingFact][]) => {
    for (const [bit, m] of list) if (f.absent & bit && !out.includes(m)) out.push(m);
  };
  for (const g of groups) {
    for (const r of g.rules) {
      if (!(r.refs & f.absent)) continue;
      const changes = (r.rule.modality !== undefined && r.rule.modality !== modality) || !!r.rule.hold || !!r.rule.duties?.length;
      const skip = skipOf(r.cp, f);
      if (skip === Skip.AnchorMissing) { if (changes) push(r.missing.anchor); continue; }
      if (skip !== Skip.None) continue;
      if (applied.includes(r)) {
        // Given, the missing fact could bring the rule's exception into play.
        if (r.unless && deciding.includes(r)) push(r.missing.unless);
        continue;
      }
      if (changes && r.when && !r.when(f)) push(r.missing.when);
    }
  }
  return out;
}
