/**
 * What the request leaves out: the facts that, given, could change this answer. A rule whose
 * conditions read a fact the request did not give, and that would have decided otherwise (or added
 * a duty or a clock), is named with the fact and what it would do — so a missing `person.charges`
 * never silently turns MUST into MUST_NOT. The entries are written once per rule at compile time.
 */
import { Skip, skipOf, type CompiledRule, type LevelGroup } from './engine.js';
import { viewFn } from './compile-view.js';
import type { CatalogLookup } from './compile-expr.js';
import { FACT, FACT_PATH, type Facts, type FactName } from './facts.js';
import { seal } from './sealed-json.js';
import { MODALITIES, type Modality } from './vocab.js';

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
const BITS = NAMES.map((n) => FACT[n]);
const LABEL: Record<FactName, string> = {
  documents: 'no documents given', convictions: 'no convictions given', charges: 'no charges given',
  registrant: 'no registrations given', proofOfLawfulStatus: 'proof of lawful status not stated',
  interviewConsentSigned: 'interview consent not stated', agreement287g: 'no 287(g) agreement stated',
  wouldBeReleasedAt: 'wouldBeReleasedAt not given', detainerReceivedAt: 'detainerReceivedAt not given', bookedAt: 'bookedAt not given',
};

export function missingTemplates(r: CompiledRule): MissingTemplate {
  const p = r.cp.p;
  const entries = (bits: number, what: string): [number, MissingFact][] => NAMES.filter((n) => bits & FACT[n]).map((n) => [FACT[n], seal({
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

/**
 * For each fact the request left out that a rule in force reads: decide again as if the fact, given,
 * met every condition that reads it (the most the fact could do). When that changes the answer, or
 * brings in a duty or a hold clock, the rules it would bring in or set aside are reported.
 */
interface ViewFacts { read: number; forced: number; memo: Map<number, { absent: number; modality: Modality; applied: readonly CompiledRule[]; out: readonly MissingFact[] }[]> }
const viewFacts = new WeakMap<readonly LevelGroup[], ViewFacts>();

/**
 * What the rules of a day's view read, and for which facts every rule that reads them reads nothing
 * else that could vary: for those, the answer with the fact assumed follows from which rules applied,
 * so the result is memoised on that.
 */
function factsOfView(groups: readonly LevelGroup[]): ViewFacts {
  let v = viewFacts.get(groups);
  if (!v) {
    let read = 0, mixed = 0;
    for (const g of groups) for (const r of g.rules) {
      read |= r.refs;
      for (const bit of BITS) {
        if (!(r.refs & bit)) continue;
        const whenForced = r.when === null || (r.whenRefs & bit) !== 0;
        const unlessForced = r.unless === null || (r.unlessRefs & bit) !== 0;
        const anchorStatic = r.cp.anchor === 'decision' || (r.anchorRefs & bit) !== 0;
        if (!(whenForced && unlessForced && anchorStatic)) mixed |= bit;
      }
    }
    // A rule that does not read the fact applies in the assumed world exactly as it did: it is static too.
    viewFacts.set(groups, (v = { read, forced: read & ~mixed, memo: new Map() }));
  }
  return v;
}

/** No facts left out that matter (sealed, as every list missingFactsOf shares: sealed-json.ts). */
export const NONE_MISSING: readonly MissingFact[] = seal([]);

/**
 * For each fact the request left out that a rule in force reads: decide again as if the fact, given,
 * met every condition that reads it (the most the fact could do). When that changes the answer, or
 * brings in a duty or a hold clock, the rules it would bring in or set aside are reported. A memoised list is
 * sealed and shared by every answer that asks it; one that depends on more than the rules applied is the request's own.
 */
export function missingFactsOf(
  catalog: CatalogLookup, groups: readonly LevelGroup[], f: Facts, modality: Modality, applied: readonly CompiledRule[],
): readonly MissingFact[] {
  const v = factsOfView(groups);
  const absent = f.absent & v.read;
  if (!absent) return NONE_MISSING;
  const memoable = (absent & ~v.forced) === 0;
  let h = 0;
  if (memoable) {
    h = Math.imul(absent * 4 + MODALITIES.indexOf(modality), 0x9e3779b1);
    for (let i = 0; i < applied.length; i++) h = Math.imul(h ^ applied[i]!.id, 0x01000193);
    const hit = v.memo.get(h)?.find((e) => e.absent === absent && e.modality === modality && e.applied.length === applied.length && e.applied.every((r, i) => r === applied[i]));
    if (hit) return hit.out;
  }
  const computed = compute(catalog, groups, f, modality, applied, absent);
  // A list made for this request alone is left unsealed: sealing it would cost more than it saves.
  if (!memoable) return computed.length ? computed : NONE_MISSING;
  const out = seal(computed);
  if (v.memo.size > 5_000) v.memo.clear();
  const entry = { absent, modality, applied: [...applied], out };
  const bucket = v.memo.get(h);
  if (bucket) bucket.push(entry); else v.memo.set(h, [entry]);
  return out;
}

function compute(catalog: CatalogLookup, groups: readonly LevelGroup[], f: Facts, modality: Modality, applied: readonly CompiledRule[], absent: number): MissingFact[] {
  const out: MissingFact[] = [];
  const push = (list: [number, MissingFact][], bit: number) => {
    for (const [b, m] of list) if (b === bit && !out.includes(m)) out.push(m);
  };
  for (const bit of BITS) {
    if (!(absent & bit)) continue;
    const alt = viewFn(groups, catalog)(f, bit);
    const changed = alt.modality !== modality;
    for (const r of alt.applied) {
      if (!(r.refs & bit) || applied.includes(r)) continue;
      // Brought in by the fact: report it when the answer changes, or when it carries a duty or a clock.
      if (!changed && !r.rule.hold && !r.rule.duties?.length) continue;
      push((r.anchorRefs & bit) && skipOf(r.cp, f) === Skip.AnchorMissing ? r.missing.anchor : r.missing.when, bit);
    }
    if (!changed) continue;
    for (const r of applied) {
      // Set aside by the fact (its exception would hold): report it when it decided the answer.
      if ((r.unlessRefs & bit) && !alt.applied.includes(r) && r.rule.modality === modality) push(r.missing.unless, bit);
    }
  }
  return out;
}
