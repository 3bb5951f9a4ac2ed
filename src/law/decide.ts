/**
 * decide(): one decision per request type, with citations (and their links), duties, warnings,
 * the hold deadline, the facts left out that would change the answer, and — when asked — a trace
 * of every provision considered. Pure: the same request and registry give the same answer.
 */
import { isoInZone, isoOfDay } from './days.js';
import { evaluateLaw, viewOf, type LevelGroup, type CompiledChain, type CompiledRegistry, type Outcome } from './engine.js';
import { factsOf, type Facts } from './facts.js';
import { ANCHOR_FIELD, describeReading, holdDeadline } from './hold-deadline.js';
import { NONE_MISSING, missingFactsOf, type MissingFact } from './missing-facts.js';
import { partsOf } from './decision-parts.js';
import { isSealed, seal } from './sealed-json.js';
import { MODEL_NAME, type AgreementFact } from './agreements-287g.js';
import { TraceRecorder, type TraceEntry } from './trace.js';
import type { ResolvedJurisdiction } from './jurisdiction-chain.js';
import type { Confidence } from './registry-schema.js';
import type { DecisionRequest } from './request-schema.js';
import { DISCLAIMER, type Level, type Modality, type Model287g, type RequestType } from './vocab.js';

export type { TraceEntry } from './trace.js';
export type { MissingFact } from './missing-facts.js';

export interface DutyOut { kind: string; citation: string; text: string; deadline?: string }

/** A warning in full, with the provision it comes from. */
export interface WarningDetail { text: string; citation: string; href: string }

/** A citation with where to read it. */
export interface SourceLink { citation: string; href: string; verified?: string; archived?: string }

export interface Decision {
  modality: Modality;
  holdUntil?: string | null;
  /** Every provision that produced this decision, most specific first, each citation once. */
  citations: string[];
  /** The citations with links to their text (deepest anchor), when each was last verified, and an archived copy where one is recorded. */
  sources: SourceLink[];
  duties: DutyOut[];
  /** Warnings, each short: a long one is cut to its first sentence, with the full text in warningDetails. */
  warnings: string[];
  /** Every warning in full, with its citation and a link to the source. */
  warningDetails: WarningDetail[];
  /** Facts the request left out that would change this answer. */
  missingFacts: MissingFact[];
  /** The most authoritative binding instrument among those that settled the modality. */
  decidedBy: { level: Level; provision: string; jurisdiction: string; citation: string; instrument: string };
  /** The strongest confidence among the provisions that settled the modality (any of them suffices). */
  confidence: Confidence;
}

export interface DecisionResponse {
  decisions: Partial<Record<RequestType, Decision>>;
  /** Present when asked for (`{ trace: true }`; the CLI and the API ask by default). */
  trace?: TraceEntry[];
  jurisdiction: {
    id: string; name: string; level: string; fips?: string; timeZone: string; chain: string[];
    /** The part of the chain with law registered: what was actually layered. */
    lawChain: string[];
    registered: boolean;
    aliases?: string[]; assumedCounty?: { id: string; name: string; why: string };
  };
  decisionDate: string;
  notes: string[];
  /** The agency's 287(g) agreements as the decision took them: from the request, or from ICE's published lists. */
  agreement287g: AgreementFact;
  registry: string;
  disclaimer: string;
}

export interface RequestProblem { path: string; message: string; suggestions?: string[] }
export type DecideResult = { ok: true; response: DecisionResponse } | { ok: false; problems: RequestProblem[] };
export interface DecideOptions { trace?: boolean }

/** Decide a request that has passed the contract's checks: an unknown jurisdiction is still a problem, with suggestions. */
export function decideChecked(engine: CompiledRegistry, req: DecisionRequest, opts: DecideOptions = {}): DecideResult {
  const c = engine.chain(req.jurisdiction);
  if (!c.ok) return { ok: false, problems: [{ path: 'jurisdiction', message: c.message, ...(c.suggestions ? { suggestions: c.suggestions } : {}) }] };
  return { ok: true, response: decideIn(engine, c.chain, req, opts) };
}

/** Decide a request already known to be valid (throws on an unknown jurisdiction). */
export function decideValid(engine: CompiledRegistry, req: DecisionRequest, opts: DecideOptions = {}): DecisionResponse {
  const c = engine.chain(req.jurisdiction);
  if (!c.ok) throw new Error(c.message);
  return decideIn(engine, c.chain, req, opts);
}

function decideIn(engine: CompiledRegistry, chain: CompiledChain, req: DecisionRequest, opts: DecideOptions): DecisionResponse {
  const { jurisdiction, law } = chain;
  const area = jurisdiction.area;
  const f = factsOf(req, jurisdiction.timeZone, engine.agreements, area);
  // The response says where the agreement fact came from, so the full decision always asks the lists.
  const agreement: AgreementFact | undefined = req.agency.agreement287g === undefined && area
    ? engine.agreements.lookup(area, req.agency.kind, f.decisionDay) : undefined;
  const trace: TraceEntry[] | undefined = opts.trace ? [] : undefined;
  const decisions: DecisionResponse['decisions'] = {};
  for (const t of req.requests) {
    const view = viewOf(law, t, f);
    let outcome: Outcome;
    if (trace) {
      const rec = new TraceRecorder(t, f);
      outcome = evaluateLaw(law, t, f, rec);
      trace.push(...rec.entries);
    } else outcome = evaluateLaw(law, t, f, undefined, view);
    decisions[t] = buildDecision(engine, t, outcome, f, jurisdiction, view);
  }
  const res: DecisionResponse = {
    decisions,
    jurisdiction: jurisdictionOut(jurisdiction),
    decisionDate: isoOfDay(f.decisionDay),
    notes: findingNotes(engine, jurisdiction, req.requests),
    agreement287g: agreement ?? statedAgreement(req.agency.agreement287g),
    registry: engine.registry.fingerprint,
    disclaimer: DISCLAIMER,
  };
  if (trace) res.trace = trace;
  return res;
}

/** The jurisdiction's notes, and for requested types on which the state's research found no law, a note saying so. */
function findingNotes(engine: CompiledRegistry, j: ResolvedJurisdiction, types: readonly RequestType[]): string[] {
  const byType = engine.noLawFindings(j);
  if (!byType) return j.notes;
  let out: string[] | undefined;
  const seen = new Set<string>();
  for (const t of types) {
    const n = byType.get(t);
    if (!n || seen.has(n.key)) continue;
    seen.add(n.key);
    (out ??= [...j.notes]).push(n.text(types.filter((x) => byType.get(x)?.key === n.key)));
  }
  return out ?? j.notes;
}

const stated = new Map<Model287g | null | undefined, AgreementFact>();
/** The agreement as the request states it (or could not be placed): one shared, sealed answer per statement. */
function statedAgreement(m: Model287g | null | undefined): AgreementFact {
  let a = stated.get(m);
  if (!a) {
    a = m === undefined ? { models: [], source: 'unknown', agreements: [], note: 'The agency could not be placed on ICE\'s 287(g) lists; state agency.agreement287g in the request.' }
      : { models: m ? [m] : [], source: 'request', agreements: [], note: m ? `Stated in the request: a 287(g) ${MODEL_NAME[m]} agreement.` : 'Stated in the request: no 287(g) agreement.' };
    stated.set(m, seal(a));
  }
  return a;
}

const outs = new WeakMap<ResolvedJurisdiction, DecisionResponse['jurisdiction']>();
/** The response's account of the jurisdiction: the same for every decision there, built once and frozen. */
function jurisdictionOut(j: ResolvedJurisdiction): DecisionResponse['jurisdiction'] {
  let o = outs.get(j);
  if (!o) {
    o = seal({
      id: j.id, name: j.name, level: j.level, ...(j.fips ? { fips: j.fips } : {}), timeZone: j.timeZone, chain: [...j.chain],
      lawChain: [...j.lawChain], registered: j.registered, ...(j.aliases?.length ? { aliases: [...j.aliases] } : {}),
      ...(j.assumedCounty ? { assumedCounty: { ...j.assumedCounty } } : {}),
    });
    outs.set(j, o);
  }
  return o;
}

function buildDecision(
  engine: CompiledRegistry, t: RequestType, o: Outcome, f: Facts, j: ResolvedJurisdiction,
  groups: readonly LevelGroup[],
): Decision {
  let modality = o.modality;
  let deciding = o.deciding;
  let holdUntil: string | null | undefined;
  const extraWarnings: string[] = [];
  const extraMissing: MissingFact[] = [];
  let clockRule: (typeof o.applied)[number] | undefined;
  if (t === 'HOLD') {
    holdUntil = null;
    if (modality !== 'MUST_NOT') {
      const dl = holdDeadline(o.applied, f, engine.registry.holidays, true);
      if (dl) {
        const b = dl.binding;
        clockRule = o.applied.find((r) => r.rule.hold === b.cap);
        holdUntil = isoInZone(dl.endsAt, j.timeZone);
        if (dl.readings.length > 1 && new Set(dl.readings.map((r) => r.endsAt)).size > 1) {
          extraWarnings.push(`Hold clocks differ; Comity uses the earliest. ${dl.readings.map((r) => describeReading(r, j.timeZone)).join('; ')}.`);
        }
        if (b.anchorAssumed) {
          extraMissing.push({
            fact: ANCHOR_FIELD[b.cap.from], provision: clockRule?.cp.p.id ?? '', citation: b.citation,
            message: `${ANCHOR_FIELD[b.cap.from]} not given: the hold clock of ${b.citation} was started at the decision instant; supply it for an exact deadline`,
          });
        }
        const releaseMs = f.wouldBeReleasedMs;
        if (releaseMs !== undefined && dl.endsAt <= releaseMs) {
          modality = 'MUST_NOT';
          holdUntil = null;
          extraWarnings.push(`No hold past release is lawful: the hold limit of ${b.citation} ends at ${isoInZone(dl.endsAt, j.timeZone)}, before would-be release at ${isoInZone(releaseMs, j.timeZone)}.`);
          deciding = clockRule ? [clockRule] : deciding;
        } else if (f.atMs > dl.endsAt) {
          modality = 'MUST_NOT';
          holdUntil = null;
          extraWarnings.push(`The hold limit passed at ${isoInZone(dl.endsAt, j.timeZone)}: continued detention is no longer lawful under ${b.citation}.`);
          deciding = clockRule ? [clockRule] : deciding;
        }
      }
    }
  }
  const parts = partsOf(engine, t, modality, deciding, o.applied, clockRule);
  const found = f.absent ? missingFactsOf(engine.catalogLookup(), groups, f, modality, o.applied) : NONE_MISSING;
  // Without a running clock or warnings of its own, a decision is its parts and the facts left out: both shared and
  // sealed, so the decision is too (built once, and serialized once: sealed-json.ts). Parts are per request type.
  const shared = (t !== 'HOLD' || holdUntil === null) && !extraWarnings.length && !extraMissing.length && parts.decidedBy !== null && isSealed(found);
  const kept = shared ? sharedDecisions.get(parts)?.get(found) : undefined;
  if (kept) return kept;
  const missingFacts = extraMissing.length ? [...found, ...extraMissing] : found as MissingFact[];
  const d: Decision = {
    modality,
    citations: parts.citations,
    sources: parts.sources,
    duties: parts.duties,
    warnings: extraWarnings.length ? [...extraWarnings, ...parts.warnings] : parts.warnings,
    warningDetails: parts.warningDetails,
    missingFacts,
    decidedBy: parts.decidedBy ?? { level: 'federal', provision: 'none', jurisdiction: j.chain[0]!, citation: '8 U.S.C. § 1357(g)(10)', instrument: 'statute' },
    confidence: parts.confidence,
  };
  if (t === 'HOLD') d.holdUntil = holdUntil ?? null;
  if (shared) {
    let byMissing = sharedDecisions.get(parts);
    if (!byMissing) sharedDecisions.set(parts, (byMissing = new WeakMap()));
    byMissing.set(found, seal(d));
  }
  return d;
}

/** Decisions that are only their (memoised) parts and facts left out, by those parts. */
const sharedDecisions = new WeakMap<object, WeakMap<readonly MissingFact[], Decision>>();
