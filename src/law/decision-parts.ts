/**
 * The parts of a decision that depend only on which rules decided and applied: citations with
 * their links, duties, warnings, the deciding instrument and the confidence. They are computed
 * once per (request type, modality, deciding rules, applied rules) and shared, so a decision costs
 * little more than layering its rules.
 */
import type { CompiledRegistry, CompiledRule } from './engine.js';
import type { Confidence, Duty } from './registry-schema.js';
import type { DutyOut, SourceLink, WarningDetail } from './decide.js';
import { seal } from './sealed-json.js';
import { MODALITIES, REQUEST_TYPES, type Level, type Modality, type RequestType } from './vocab.js';

export interface DecisionParts {
  citations: string[];
  sources: SourceLink[];
  duties: DutyOut[];
  warnings: string[];
  warningDetails: WarningDetail[];
  decidedBy: { level: Level; provision: string; jurisdiction: string; citation: string; instrument: string } | null;
  confidence: Confidence;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { verified: 2, secondary: 1, uncertain: 0 };

/** How binding an instrument is, for "decided by": the law itself before the policies that follow it. */
const AUTHORITY: Record<string, number> = {
  constitution: 10, statute: 9, regulation: 8, court_decision: 7, ordinance: 6, executive_order: 5, ag_directive: 5,
  board_policy: 4, moa: 3, agency_policy: 2, federal_form_policy: 1,
};

interface Entry { t: RequestType; modality: Modality; clock: number; deciding: readonly CompiledRule[]; applied: readonly CompiledRule[]; parts: DecisionParts }
/** Two generations of memos per engine (young, old): bounded, and a working set survives when the young one fills. */
const caches = new WeakMap<CompiledRegistry, { young: Map<number, Entry[]>; old: Map<number, Entry[]> }>();
const GENERATION = 25_000;
const T_INDEX = new Map<string, number>(REQUEST_TYPES.map((t, i) => [t, i]));
const M_INDEX = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));

function sameRules(a: readonly CompiledRule[], b: readonly CompiledRule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The parts for these rules, from a memo keyed by a numeric hash of the rule ids (no string keys on the hot path). */
export function partsOf(
  engine: CompiledRegistry, t: RequestType, modality: Modality, deciding: readonly CompiledRule[],
  applied: readonly CompiledRule[], clockRule: CompiledRule | undefined,
): DecisionParts {
  let cache = caches.get(engine);
  if (!cache) caches.set(engine, (cache = { young: new Map(), old: new Map() }));
  const clock = clockRule ? clockRule.id : -1;
  let h = Math.imul(T_INDEX.get(t)! * 7 + M_INDEX.get(modality)!, 0x9e3779b1) ^ (clock + 1);
  for (let i = 0; i < deciding.length; i++) h = Math.imul(h ^ deciding[i]!.id, 0x01000193);
  h = Math.imul(h ^ 0xffff, 0x01000193);
  for (let i = 0; i < applied.length; i++) h = Math.imul(h ^ applied[i]!.id, 0x01000193);
  const match = (bucket: Entry[] | undefined) => bucket?.find((e) => e.t === t && e.modality === modality && e.clock === clock
    && sameRules(e.deciding, deciding) && sameRules(e.applied, applied));
  const young = match(cache.young.get(h));
  if (young) return young.parts;
  const entry: Entry = match(cache.old.get(h))
    ?? { t, modality, clock, deciding: [...deciding], applied: [...applied], parts: seal(computeParts(modality, deciding, applied, clockRule)) };
  if (cache.young.size >= GENERATION) { cache.old = cache.young; cache.young = new Map(); }
  const bucket = cache.young.get(h);
  if (bucket) bucket.push(entry); else cache.young.set(h, [entry]);
  return entry.parts;
}

function firstSentence(text: string): string {
  const m = /^(.{40,240}?[a-z]{4,}[.])\s+[A-Z(]/s.exec(text);
  if (m) return m[1]!;
  if (text.length <= 240) return text;
  const cut = text.lastIndexOf(' ', 237);
  return `${text.slice(0, cut > 120 ? cut : 237)}...`;
}

function computeParts(modality: Modality, deciding: readonly CompiledRule[], applied: readonly CompiledRule[], clockRule: CompiledRule | undefined): DecisionParts {
  const attached: CompiledRule[] = [];
  for (const r of applied) {
    if (deciding.includes(r)) continue;
    if (!r.rule.modality && (!r.rule.onlyIfDecided || r.rule.onlyIfDecided.includes(modality)) && (r.rule.duties?.length || r.rule.warnings?.length)) attached.push(r);
  }
  const ordered = [...deciding].reverse(); // most specific first
  const cited: CompiledRule[] = [...ordered, ...(clockRule && !deciding.includes(clockRule) ? [clockRule] : []), ...attached];
  // Each citation once: a citation contained in a longer one ("8 C.F.R. § 287.7(d)" in
  // "8 C.F.R. § 287.7(d); Form I-247A") is already cited by it.
  const all = [...new Set(cited.map((r) => r.citation))];
  const citations: string[] = [];
  const sources: SourceLink[] = [];
  for (const r of cited) {
    const c = r.citation;
    if (citations.includes(c) || all.some((o) => o !== c && o.includes(c))) continue;
    citations.push(c);
    const p = r.cp.p;
    sources.push({ citation: c, href: r.source, verified: p.verified, ...(p.archived ? { archived: p.archived } : {}) });
  }
  const duties: DutyOut[] = [];
  const seenDuty = new Set<string>();
  const warnings: string[] = [];
  const details: WarningDetail[] = [];
  const addFrom = (r: CompiledRule, ds: Duty[] | undefined) => {
    for (const d of ds ?? []) {
      const key = `${d.kind}|${d.text}`;
      if (seenDuty.has(key)) continue;
      seenDuty.add(key);
      duties.push({ kind: d.kind, citation: r.citation, text: d.text, ...(d.deadline ? { deadline: d.deadline } : {}) });
    }
    for (const w of r.rule.warnings ?? []) {
      const short = w.length > 280 ? `${firstSentence(w)} See ${r.source}` : w;
      if (!warnings.includes(short)) { warnings.push(short); details.push({ text: w, citation: r.citation, href: r.source }); }
    }
  };
  for (const r of deciding) addFrom(r, r.rule.duties);
  for (const r of attached) addFrom(r, r.rule.duties);
  // A binding answer (MUST, MUST_NOT) is settled by the level that first gave it: lower levels that
  // agree cannot change it. A permission could have been changed by any level that agreed, so every
  // deciding rule counts. The answer is as sure as the weakest rule it rests on.
  const first = deciding[0];
  const settling = first && (modality === 'MUST' || modality === 'MUST_NOT')
    ? deciding.filter((r) => r.cp.p.jurisdiction === first.cp.p.jurisdiction && r.cp.p.level === first.cp.p.level)
    : deciding;
  let top: CompiledRule | undefined;
  let confidence: Confidence = 'verified'; // with nothing registered deciding: the federal default that a request is a request
  for (const r of settling) {
    if (CONFIDENCE_RANK[r.cp.p.confidence] < CONFIDENCE_RANK[confidence]) confidence = r.cp.p.confidence;
    if (!top || authority(r) > authority(top)) top = r;
  }
  // A hold's deadline is part of the answer: it is as sure as the clock that set it.
  if (clockRule && CONFIDENCE_RANK[clockRule.cp.p.confidence] < CONFIDENCE_RANK[confidence]) confidence = clockRule.cp.p.confidence;
  // Only the rules the answer rests on: an agreeing lower rule under a binding one changes nothing.
  for (const r of settling) {
    const p = r.cp.p;
    if (p.confidence !== 'verified' && p.confidenceNote) {
      const full = `Confidence ${p.confidence} (${p.id}): ${p.confidenceNote}`;
      const w = full.length > 280 ? `Confidence ${p.confidence} (${p.id}): ${firstSentence(p.confidenceNote)} Full note in warningDetails.` : full;
      if (!warnings.includes(w)) { warnings.push(w); details.push({ text: full, citation: r.citation, href: p.source }); }
    }
  }
  return {
    citations: citations.length ? citations : ['8 U.S.C. § 1357(g)(10)'],
    sources: sources.length ? sources : [{ citation: '8 U.S.C. § 1357(g)(10)', href: 'https://www.law.cornell.edu/uscode/text/8/1357#g_10' }],
    duties,
    warnings,
    warningDetails: details,
    decidedBy: top ? { level: top.cp.p.level, provision: top.cp.p.id, jurisdiction: top.cp.p.jurisdiction, citation: top.citation, instrument: top.cp.p.instrument.instrument } : null,
    confidence,
  };
}

/** Authority first, then confidence; on a tie the more specific (later) rule stays, as `ordered` is most specific first. */
function authority(r: CompiledRule): number {
  return (AUTHORITY[r.cp.p.instrument.instrument] ?? 0) * 10 + CONFIDENCE_RANK[r.cp.p.confidence];
}
