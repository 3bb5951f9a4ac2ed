/**
 * The trace: every provision considered for a request, by level, with whether it applied and why.
 * Built only when asked for. Machine fields are ASCII; a provision skipped for one reason is listed
 * once, however many of its rules concern the request.
 */
import { Skip, type CompiledRule, type Recorder } from './engine.js';
import type { Facts } from './facts.js';
import type { Step } from './layering.js';
import type { Confidence } from './registry-schema.js';
import type { Level, Modality, RequestType } from './vocab.js';

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

const SKIP_REASON: Record<Exclude<Skip, Skip.None>, (r: CompiledRule, f: Facts) => string> = {
  [Skip.NotYet]: (r) => `not yet in force: effective ${r.cp.p.effective}`,
  [Skip.Ended]: (r) => `no longer in force: ended ${r.cp.p.ends} (${r.cp.p.status})`,
  [Skip.NeverInForce]: (r) => `never in force (${r.cp.p.status})${r.cp.p.statusNote ? `: ${r.cp.p.statusNote}` : ''}`,
  [Skip.Enjoined]: (r, f) => {
    const i = r.cp.injunctions.find((x) => f.decisionDay >= x.from && f.decisionDay <= x.to)!;
    return `enjoined by ${i.court} (${i.scope})`;
  },
  [Skip.AnchorMissing]: (r) => `applies only by ${r.cp.p.appliesBy} date (from ${r.cp.p.effective}); the request gives none`,
  [Skip.AnchorOutside]: (r) => `applies only to a ${r.cp.p.appliesBy} dated ${r.cp.p.effective}${r.cp.p.ends ? ` to ${r.cp.p.ends}` : ' or later'}; none given is`,
  [Skip.Agency]: (_r, f) => `does not cover a ${f.agencyKind}`,
};

const STEP_TEXT: Record<Step, string> = {
  first: 'sets the decision',
  stacked: 'agrees with the decision',
  replaced: 'decides over the more general law, which left the matter open',
  kept: 'permits what the more general law already left open; the lifted duty stands',
  overridden: 'overridden: higher-level law already decided',
  voided: 'void: a higher-level floor forbids local limits on cooperation',
};

export class TraceRecorder implements Recorder {
  readonly entries: TraceEntry[] = [];
  private readonly byRule = new Map<CompiledRule, TraceEntry>();
  private readonly skipped = new Set<string>();
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
    const reason = SKIP_REASON[why](r, this.f);
    const key = `${r.cp.p.id}|${reason}`;
    if (this.skipped.has(key)) return;
    this.skipped.add(key);
    this.entry(r, false, null, reason);
  }
  condition(r: CompiledRule, which: 'when' | 'unless'): void {
    this.entry(r, false, null, which === 'when' ? `condition not met: ${r.whenText}` : `exception applies: ${r.unlessText}`);
  }
  applied(r: CompiledRule): void {
    const why = r.whenText ? `condition met: ${r.whenText}` : 'applies';
    this.entry(r, true, r.rule.modality ?? 'duty', r.rule.modality ? `${why} -> ${r.rule.modality}` : `${why} -> duties, warnings or clock`);
  }
  step(rules: CompiledRule[], modality: Modality, step: Step, above: Modality | null): void {
    const text = step === 'overridden' ? `overridden: higher-level law already says ${above}` : `${STEP_TEXT[step]} (${step === 'kept' ? above : modality})`;
    for (const r of rules) {
      const e = this.byRule.get(r);
      if (e) e.reason += `; ${text}`;
    }
  }
}
