/**
 * decide(): one decision per request type, with citations, duties, warnings, the hold deadline
 * and a trace of every provision considered. Pure: the same request and registry give the same answer.
 */
import { isoInZone, isoOfDay } from './days.js';
import { evaluate, Skip, type CompiledRegistry, type CompiledRule, type Outcome, type Recorder } from './engine.js';
import { factsOf, type Facts } from './facts.js';
import { describeReading, holdDeadline, type HoldTimes } from './hold-deadline.js';
import type { ResolvedJurisdiction } from './jurisdiction-chain.js';
import type { Confidence, Duty } from './registry-schema.js';
import { DecisionRequest } from './request-schema.js';
import { DISCLAIMER, type Level, type Modality, type RequestType } from './vocab.js';

export interface DutyOut { kind: string; citation: string; text: string; deadline?: string }

export interface Decision {
  modality: Modality;
  holdUntil?: string | null;
  citations: string[];
  duties: DutyOut[];
  warnings: string[];
  /** The level and provision whose rule settled the modality. */
  decidedBy: { level: Level; provision: string; jurisdiction: string };
  /** The weakest confidence among the provisions that settled the modality. */
  confidence: Confidence;
}

export interface TraceEntry {
  request: RequestType;
  level: Level;
  jurisdiction: string;
  provision: string;
  citation: string;
  applied: boolean;
  outcome: Modality | 'duty' | null;
  reason: string;
  confidence: Confidence;
}

export interface DecisionResponse {
  decisions: Partial<Record<RequestType, Decision>>;
  trace: TraceEntry[];
  jurisdiction: { id: string; name: string; level: string; fips?: string; timeZone: string; chain: string[]; registered: boolean };
  decisionDate: string;
  notes: string[];
  registry: string;
  disclaimer: string;
}

export interface RequestProblem { path: string; message: string }
export type DecideResult = { ok: true; response: DecisionResponse } | { ok: false; problems: RequestProblem[] };

const CONFIDENCE_RANK: Record<Confidence, number> = { verified: 2, secondary: 1, uncertain: 0 };

/** Validate any input against the request contract, then decide. */
export function decideWith(engine: CompiledRegistry, input: unknown): DecideResult {
  const parsed = DecisionRequest.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(request)', message: i.message })) };
  }
  const c = engine.chain(parsed.data.jurisdiction);
  if (!c.ok) return { ok: false, problems: [{ path: 'jurisdiction', message: c.message }] };
  return { ok: true, response: decideValid(engine, parsed.data) };
}

export function decideValid(engine: CompiledRegistry, req: DecisionRequest): DecisionResponse {
  const c = engine.chain(req.jurisdiction);
  if (!c.ok) throw new Error(c.message);
  const { jurisdiction, byRequest } = c.chain;
  const f = factsOf(req, jurisdiction.timeZone);
  const times: HoldTimes = {
    wouldBeReleasedMs: req.wouldBeReleasedAt ? Date.parse(req.wouldBeReleasedAt) : undefined,
    detainerReceivedMs: req.detainerReceivedAt ? Date.parse(req.detainerReceivedAt) : undefined,
  };
  const trace: TraceEntry[] = [];
  const decisions: DecisionResponse['decisions'] = {};
  for (const t of req.requests) {
    const groups = byRequest.get(t)!;
    const rec = new TraceRecorder(t, f);
    const outcome = evaluate(groups, f, rec);
    decisions[t] = buildDecision(t, outcome, f, times, jurisdiction, req);
    trace.push(...rec.entries);
  }
  return {
    decisions,
    trace,
    jurisdiction: {
      id: jurisdiction.id, name: jurisdiction.name, level: jurisdiction.level,
      ...(jurisdiction.fips ? { fips: jurisdiction.fips } : {}), timeZone: jurisdiction.timeZone,
      chain: jurisdiction.chain, registered: jurisdiction.registered,
    },
    decisionDate: isoOfDay(f.decisionDay),
    notes: jurisdiction.notes,
    registry: engine.registry.fingerprint,
    disclaimer: DISCLAIMER,
  };
}

function buildDecision(
  t: RequestType, o: Outcome, f: Facts, times: HoldTimes, j: ResolvedJurisdiction, req: DecisionRequest,
): Decision {
  let modality = o.modality;
  let deciding = o.deciding;
  const warnings: string[] = [];
  const extraCitations: string[] = [];
  let holdUntil: string | null | undefined;
  if (t === 'HOLD') {
    holdUntil = null;
    if (modality !== 'MUST_NOT') {
      const dl = holdDeadline(o.applied, f, times, true);
      if (dl) {
        holdUntil = isoInZone(dl.endsAt, j.timeZone);
        extraCitations.push(dl.binding.citation);
        if (dl.readings.length > 1 && new Set(dl.readings.map((r) => r.endsAt)).size > 1) {
          warnings.push(`Hold clocks differ; Comity uses the earliest. ${dl.readings.map((r) => describeReading(r, j.timeZone)).join('; ')}.`);
        }
        if (dl.binding.anchorAssumed) {
          warnings.push(`${dl.binding.cap.from === 'wouldBeReleased' ? 'wouldBeReleasedAt' : 'detainerReceivedAt'} was not given; the hold clock was started at the decision instant (${req.at}). Supply it for an exact deadline.`);
        }
        if (f.atMs > dl.endsAt) {
          modality = 'MUST_NOT';
          holdUntil = null;
          warnings.push(`The hold limit passed at ${isoInZone(dl.endsAt, j.timeZone)}: continued detention is no longer lawful under ${dl.binding.citation}.`);
          deciding = o.applied.filter((r) => r.rule.hold === dl.binding.cap);
        }
      }
    }
  }
  const duties: DutyOut[] = [];
  const seenDuty = new Set<string>();
  const addDuties = (r: CompiledRule, ds: Duty[] | undefined) => {
    for (const d of ds ?? []) {
      const key = `${d.kind}|${r.citation}`;
      if (seenDuty.has(key)) continue;
      seenDuty.add(key);
      duties.push({ kind: d.kind, citation: r.citation, text: d.text, ...(d.deadline ? { deadline: d.deadline } : {}) });
    }
  };
  const dutyCitations: string[] = [];
  for (const r of o.applied) {
    const decides = deciding.includes(r);
    const attaches = !r.rule.modality && (!r.rule.onlyIfDecided || r.rule.onlyIfDecided.includes(modality));
    if (!decides && !attaches) continue;
    addDuties(r, r.rule.duties);
    for (const w of r.rule.warnings ?? []) if (!warnings.includes(w)) warnings.push(w);
    if (attaches && (r.rule.duties?.length || r.rule.warnings?.length)) dutyCitations.push(r.citation);
  }
  const ordered = [...deciding].reverse(); // most specific first
  const citations = unique([...ordered.map((r) => r.citation), ...extraCitations, ...dutyCitations]);
  const top = ordered[0];
  const confidence = deciding.reduce<Confidence>((c, r) => (CONFIDENCE_RANK[r.cp.p.confidence] < CONFIDENCE_RANK[c] ? r.cp.p.confidence : c), 'verified');
  for (const r of deciding) {
    if (r.cp.p.confidence !== 'verified' && r.cp.p.confidenceNote) {
      const w = `Confidence ${r.cp.p.confidence} (${r.cp.p.id}): ${r.cp.p.confidenceNote}`;
      if (!warnings.includes(w)) warnings.push(w);
    }
  }
  return {
    modality,
    ...(t === 'HOLD' ? { holdUntil: holdUntil ?? null } : {}),
    citations: citations.length ? citations : ['8 U.S.C. § 1357(g)(9)'],
    duties,
    warnings,
    decidedBy: top
      ? { level: top.cp.p.level, provision: top.cp.p.id, jurisdiction: top.cp.p.jurisdiction }
      : { level: 'federal', provision: 'none', jurisdiction: j.chain[0]! },
    confidence,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

const SKIP_REASON: Record<Exclude<Skip, Skip.None>, (r: CompiledRule, f: Facts) => string> = {
  [Skip.NotYet]: (r) => `not yet in force: effective ${r.cp.p.effective}`,
  [Skip.Ended]: (r) => `no longer in force: ended ${r.cp.p.ends} (${r.cp.p.status})`,
  [Skip.NeverInForce]: (r) => `never in force (${r.cp.p.status})${r.cp.p.statusNote ? `: ${r.cp.p.statusNote}` : ''}`,
  [Skip.Enjoined]: (r, f) => {
    const i = r.cp.injunctions.find((x) => f.decisionDay >= x.from && f.decisionDay <= x.to)!;
    return `enjoined by ${i.court} (${i.scope})`;
  },
  [Skip.ChargeAnchor]: (r) => `applies only to people charged on or after ${r.cp.p.effective}; no such charge is given`,
  [Skip.Agency]: (r, f) => `does not cover a ${f.agencyKind}`,
};

class TraceRecorder implements Recorder {
  readonly entries: TraceEntry[] = [];
  private readonly byRule = new Map<CompiledRule, TraceEntry>();
  constructor(private readonly request: RequestType, private readonly f: Facts) {}
  private entry(r: CompiledRule, applied: boolean, outcome: TraceEntry['outcome'], reason: string): void {
    const e: TraceEntry = {
      request: this.request, level: r.cp.p.level, jurisdiction: r.cp.p.jurisdiction, provision: r.cp.p.id,
      citation: r.citation, applied, outcome, reason, confidence: r.cp.p.confidence,
    };
    this.entries.push(e);
    this.byRule.set(r, e);
  }
  skip(r: CompiledRule, why: Skip): void {
    if (why === Skip.None) return;
    this.entry(r, false, null, SKIP_REASON[why](r, this.f));
  }
  condition(r: CompiledRule, which: 'when' | 'unless'): void {
    this.entry(r, false, null, which === 'when' ? `condition not met: ${r.whenText}` : `exception applies: ${r.unlessText}`);
  }
  applied(r: CompiledRule): void {
    const why = r.whenText ? `condition met: ${r.whenText}` : 'applies';
    this.entry(r, true, r.rule.modality ?? 'duty', r.rule.modality ? `${why} → ${r.rule.modality}` : `${why} → duties, warnings or clock`);
  }
  set(rules: CompiledRule[], modality: Modality, how: 'first' | 'replaced' | 'stacked'): void {
    const text = how === 'first' ? 'sets the decision' : how === 'replaced' ? 'decides over the more general law, which left the matter open' : 'agrees with the decision';
    for (const r of rules) this.note(r, `${text} (${modality})`);
  }
  overridden(rules: CompiledRule[], by: Modality): void {
    for (const r of rules) this.note(r, `overridden: higher-level law already says ${by}`);
  }
  voided(rules: CompiledRule[]): void {
    for (const r of rules) this.note(r, 'void: a higher-level floor forbids local limits on cooperation');
  }
  private note(r: CompiledRule, text: string): void {
    const e = this.byRule.get(r);
    if (e) e.reason += `; ${text}`;
  }
}
