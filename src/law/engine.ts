/**
 * The compiled engine. The registry is compiled once into closures, and the law of each chain of
 * jurisdictions once more (lazily) into per-request-type rule lists ordered federal → state →
 * county → place → agency. Chains are shared by every id that resolves to the same law; the cache
 * from ids to resolutions is bounded. Deciding never touches YAML. `evaluate` serves the full
 * decision, the fast path and the trace (with a recorder, only when one is asked for).
 */
import { compileExpr, factRefs, type CatalogLookup, type OffenseWindow, type Predicate } from './compile-expr.js';
import { describeExpr } from './expr.js';
import { dayOf } from './days.js';
import { FACT, type Facts } from './facts.js';
import { combine, RANK, START, type Step } from './layering.js';
import { resolveJurisdiction, type ResolvedJurisdiction, type ResolveResult } from './jurisdiction-chain.js';
import { missingTemplates, type MissingTemplate } from './missing-facts.js';
import type { Registry, RegisteredProvision } from './load-registry.js';
import type { Rule } from './registry-schema.js';
import { AGENCY_KINDS, REQUEST_TYPES, type AgencyKind, type Level, type Modality, type RequestType } from './vocab.js';
import { BoundedCache } from './bounded-cache.js';
import { AgreementIndex } from './agreements-287g.js';
import { modalityFn, viewFn, type ModalityFn } from './compile-view.js';

export type Anchor = RegisteredProvision['appliesBy'];

export interface CompiledProvision {
  p: RegisteredProvision;
  startDay: number;
  endDay: number;
  neverInForce: boolean;
  injunctions: { from: number; to: number; court: string; scope: string }[];
  anchor: Anchor;
  excludes: (kind: AgencyKind) => boolean;
}

export interface CompiledRule {
  cp: CompiledProvision;
  rule: Rule;
  /** Position in the whole registry: a stable key for memoised decision parts. */
  id: number;
  when: Predicate | null;
  unless: Predicate | null;
  /** A floor rule: lower-level MUST_NOT on the same request is void once it applies (layering.ts). */
  floor: boolean;
  /** FACT bits its conditions (and its provision's anchor) read. */
  refs: number;
  /** FACT bits its `when`, its `unless` and its provision's anchor read, each. */
  whenRefs: number;
  unlessRefs: number;
  anchorRefs: number;
  citation: string;
  source: string;
  /** Readable conditions, written once at compile time for traces. */
  whenText: string | null;
  unlessText: string | null;
  /** The entries `missingFacts` reports for this rule, per fact, written once (missing-facts.ts). */
  missing: MissingTemplate;
}

export interface LevelGroup { level: Level; jurisdiction: string; rules: CompiledRule[] }

/** The law of one chain of jurisdictions, by request type: shared by every id with the same chain. */
export interface CompiledLaw {
  key: string;
  byRequest: ReadonlyMap<RequestType, LevelGroup[]>;
  /** Per request type: the days on which some rule starts, ends or is enjoined, and the views between them. */
  timelines: Map<RequestType, Timeline>;
  /** Offense catalogs ("@id" in conditions), for the generated view functions. */
  catalog: CatalogLookup;
  /** The fast path's modality functions, per request type (index in REQUEST_TYPES), stretch of days and agency kind. */
  fast?: (FastTimeline | undefined)[];
}

interface FastTimeline { breaks: Int32Array; fns: (ModalityFn | undefined)[] }

/**
 * The rules of one request type that can apply on a day for an agency kind: what does not change
 * between two breakpoints (in force, not enjoined, covering the agency) is settled once per
 * stretch of days, so the hot path checks only the facts of the request.
 */
interface Timeline { breaks: number[]; views: Map<number, LevelGroup[]> }

export type ChainResult = { ok: true; chain: CompiledChain } | { ok: false; message: string; suggestions?: string[] };

export interface CompiledChain {
  jurisdiction: ResolvedJurisdiction;
  law: CompiledLaw;
}

/** Why a provision does not apply to these facts; 0 when it applies. */
export const enum Skip { None = 0, NotYet, Ended, NeverInForce, Enjoined, AnchorMissing, AnchorOutside, Agency }


export interface Recorder {
  skip(r: CompiledRule, why: Skip): void;
  condition(r: CompiledRule, which: 'when' | 'unless'): void;
  applied(r: CompiledRule): void;
  step(rules: CompiledRule[], modality: Modality, step: Step, above: Modality | null): void;
}

export interface Outcome {
  modality: Modality;
  deciding: CompiledRule[];
  /** Every rule whose conditions held, in chain order, including duty-only and clock rules. */
  applied: CompiledRule[];
}

const ANCHOR_FACT: Partial<Record<Anchor, number>> = { charge: FACT.charges, conviction: FACT.convictions };

/** A "no law found" finding, as a note for the request types it covers. */
export interface NoLawNote { key: string; text: (types: readonly RequestType[]) => string }

function firstSentence(s: string): string {
  const m = /^.*?[.;](\s|$)/.exec(s.trim());
  return (m ? m[0] : s).trim();
}

export class CompiledRegistry {
  private readonly provisionsByJurisdiction = new Map<string, CompiledProvision[]>();
  private readonly rulesByProvision = new Map<CompiledProvision, CompiledRule[]>();
  private readonly laws = new Map<string, CompiledLaw>();
  private readonly resolved: BoundedCache<string, ChainResult>;
  readonly rules: CompiledRule[] = [];
  private catalog!: CatalogLookup;

  constructor(readonly registry: Registry, opts: { idCacheSize?: number } = {}) {
    this.resolved = new BoundedCache(opts.idCacheSize ?? 2048);
    const catalog = (this.catalog = (id: string) => registry.catalogs.get(id)?.categories ?? []);
    for (const p of registry.provisions) {
      const excluded = new Set(p.agencies?.exclude ?? []);
      const only = p.agencies?.only ? new Set(p.agencies.only) : null;
      const cp: CompiledProvision = {
        p,
        startDay: dayOf(p.effective),
        endDay: p.ends ? dayOf(p.ends) : Number.POSITIVE_INFINITY,
        neverInForce: p.status === 'vetoed' || p.status === 'pending',
        injunctions: (p.injunctions ?? []).map((i) => ({
          from: dayOf(i.from), to: i.to ? dayOf(i.to) : Number.POSITIVE_INFINITY, court: i.court, scope: i.scope,
        })),
        anchor: p.appliesBy,
        excludes: (k) => excluded.has(k) || (only !== null && !only.has(k)),
      };
      const window: OffenseWindow | undefined = p.appliesBy === 'charge' || p.appliesBy === 'conviction'
        ? { kind: p.appliesBy, from: cp.startDay, to: cp.endDay } : undefined;
      const list = this.provisionsByJurisdiction.get(p.jurisdiction) ?? [];
      list.push(cp);
      this.provisionsByJurisdiction.set(p.jurisdiction, list);
      this.rulesByProvision.set(cp, p.rules.map((rule) => {
        const r: CompiledRule = {
          cp, rule, id: this.rules.length,
          when: rule.when ? compileExpr(rule.when, catalog, window) : null,
          unless: rule.unless ? compileExpr(rule.unless, catalog, window) : null,
          floor: rule.floor ?? (p.layering === 'floor' && (rule.modality === 'MUST' || rule.modality === 'MAY')),
          refs: (rule.when ? factRefs(rule.when) : 0) | (rule.unless ? factRefs(rule.unless) : 0) | (ANCHOR_FACT[p.appliesBy] ?? 0),
          whenRefs: rule.when ? factRefs(rule.when) : 0,
          unlessRefs: rule.unless ? factRefs(rule.unless) : 0,
          anchorRefs: ANCHOR_FACT[p.appliesBy] ?? 0,
          citation: rule.citation ?? p.citation,
          source: rule.source ?? p.source,
          whenText: rule.when ? describeExpr(rule.when) : null,
          unlessText: rule.unless ? describeExpr(rule.unless) : null,
          missing: { anchor: [], when: [], unless: [] },
        };
        r.missing = missingTemplates(r);
        this.rules.push(r);
        return r;
      }));
    }
  }

  resolve(id: string): ResolveResult {
    return resolveJurisdiction(this.registry, id);
  }

  /**
   * The compiled chain for what a request names; the law is built once per distinct chain and
   * shared by every id that resolves to it. Resolutions (and refusals) are cached per id, bounded.
   */
  private readonly findings = new WeakMap<ResolvedJurisdiction, Map<RequestType, NoLawNote> | null>();
  /**
   * Per request type, the research findings of "no law" along the jurisdiction's chain (the state's
   * noStateLaw, a county's or place's noLocalLaw), or null when there are none.
   */
  noLawFindings(j: ResolvedJurisdiction): Map<RequestType, NoLawNote> | null {
    let hit = this.findings.get(j);
    if (hit !== undefined) return hit;
    hit = null;
    for (const id of j.chain) {
      const ix = this.registry.jurisdictions.get(id);
      const list = ix?.noStateLaw ?? ix?.noLocalLaw;
      if (!ix || !list) continue;
      list.forEach((f, i) => {
        const note: NoLawNote = {
          key: `${id}#${i}`,
          text: (types) => `Comity's research found no ${ix.name} law on ${types.join(', ')} (searched ${f.searched}; confidence ${f.confidence}): ${ix.noStateLaw ? 'federal' : 'state and federal'} law decides ${types.length > 1 ? 'them' : 'it'}. ${firstSentence(f.note)}`,
        };
        for (const t of f.requests) (hit ??= new Map()).set(t, note);
      });
    }
    this.findings.set(j, hit);
    return hit;
  }

  private agreementIndex: AgreementIndex | undefined;
  /** ICE's 287(g) lists, indexed by agency (built on first use). */
  get agreements(): AgreementIndex {
    return (this.agreementIndex ??= new AgreementIndex(this.registry.agreements287g));
  }

  chain(id: string): ChainResult {
    const hit = this.resolved.get(id);
    if (hit) return hit;
    const r = resolveJurisdiction(this.registry, id);
    let out: ChainResult;
    if (!r.ok) out = r;
    else {
      const law = this.lawOf(r.value.chain);
      out = { ok: true, chain: { jurisdiction: r.value, law } };
    }
    // An unknown id is cached only when short: a refusal's suggestions cost a search, and long junk ids should not fill the cache.
    if (out.ok || id.length <= 120) this.resolved.set(id, out);
    return out;
  }

  private lawOf(chain: readonly string[]): CompiledLaw {
    const withLaw = chain.filter((j) => this.provisionsByJurisdiction.has(j));
    const key = withLaw.join('|');
    const hit = this.laws.get(key);
    if (hit) return hit;
    const groups: { level: Level; jurisdiction: string; provisions: CompiledProvision[] }[] = [];
    const agency: typeof groups = [];
    for (const j of withLaw) {
      const ps = this.provisionsByJurisdiction.get(j)!;
      const general = ps.filter((cp) => cp.p.level !== 'agency');
      const own = ps.filter((cp) => cp.p.level === 'agency');
      if (general.length) groups.push({ level: general[0]!.p.level, jurisdiction: j, provisions: general });
      if (own.length) agency.push({ level: 'agency', jurisdiction: j, provisions: own });
    }
    const byRequest = new Map<RequestType, LevelGroup[]>();
    for (const t of REQUEST_TYPES) {
      const list: LevelGroup[] = [];
      for (const g of [...groups, ...agency]) {
        const rules = g.provisions.flatMap((cp) => this.rulesByProvision.get(cp)!.filter((r) => r.rule.requests.includes(t)));
        if (rules.length) list.push({ level: g.level, jurisdiction: g.jurisdiction, rules });
      }
      byRequest.set(t, list);
    }
    const law: CompiledLaw = { key, byRequest, timelines: new Map(), catalog: this.catalog };
    this.laws.set(key, law);
    return law;
  }

  /** The registry's offense catalogs, as conditions read them ("@id"). */
  catalogLookup(): CatalogLookup {
    return this.catalog;
  }

  /** How many distinct chains of law and cached id resolutions are held (for the memory benchmark). */
  cacheSizes(): { laws: number; ids: number } {
    return { laws: this.laws.size, ids: this.resolved.size };
  }
}

/** The day a provision's applicability is judged by, for anchors other than offenses. */
function inWindow(cp: CompiledProvision, day: number): boolean {
  return day >= cp.startDay && day <= cp.endDay;
}

export function skipOf(cp: CompiledProvision, f: Facts): Skip {
  if (cp.neverInForce) return Skip.NeverInForce;
  const d = f.decisionDay;
  if (d < cp.startDay) return Skip.NotYet;
  // A superseded or repealed provision stops for everyone on its last day; successors say whom they take over.
  if (d > cp.endDay) return Skip.Ended;
  if (cp.excludes(f.agencyKind)) return Skip.Agency;
  for (const i of cp.injunctions) if (d >= i.from && d <= i.to) return Skip.Enjoined;
  switch (cp.anchor) {
    case 'decision':
      return Skip.None;
    case 'request':
      return inWindow(cp, f.requestDay) ? Skip.None : Skip.AnchorOutside;
    case 'confinement':
      // "Any person confined on or after" the date: the person is in custody at the decision, so the
      // decision date (checked above) settles it; booking before the date does not take them out.
      return Skip.None;
    case 'charge':
    case 'conviction': {
      const xs = cp.anchor === 'charge' ? f.charges : f.convictions;
      if (xs.length === 0) return (f.absent & ANCHOR_FACT[cp.anchor]!) ? Skip.AnchorMissing : Skip.AnchorOutside;
      for (const o of xs) if (inWindow(cp, o.day)) return Skip.None;
      return Skip.AnchorOutside;
    }
  }
}

const KIND_INDEX = new Map<AgencyKind, number>(AGENCY_KINDS.map((k, i) => [k, i]));
/** Plain objects for the hot path (a keyed property read, no Map lookup). */
const KIND_NO: Readonly<Record<AgencyKind, number>> = Object.fromEntries(AGENCY_KINDS.map((k, i) => [k, i])) as Record<AgencyKind, number>;
const REQUEST_NO: Readonly<Record<RequestType, number>> = Object.fromEntries(REQUEST_TYPES.map((t, i) => [t, i])) as Record<RequestType, number>;

/**
 * The fast path's modality for one request type: the compiled modality-only function of the day's view,
 * found by request type, stretch of days and agency kind in arrays (no Map lookups), then called.
 */
export function fastModality(law: CompiledLaw, t: RequestType, f: Facts): Modality {
  const fast = (law.fast ??= []);
  const ti = REQUEST_NO[t];
  let ft = fast[ti];
  if (!ft) {
    viewOf(law, t, f); // builds the timeline
    fast[ti] = ft = { breaks: Int32Array.from(law.timelines.get(t)!.breaks), fns: [] };
  }
  const b = ft.breaks;
  const day = f.decisionDay;
  let lo = 0, hi = b.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (b[mid]! <= day) lo = mid + 1; else hi = mid; }
  const k = lo * 8 + KIND_NO[f.agencyKind];
  let fn = ft.fns[k];
  if (!fn) ft.fns[k] = fn = modalityFn(viewOf(law, t, f), law.catalog);
  return fn(f);
}

/** Whether a provision is settled out for a day and agency kind, whatever the request's other facts. */
function staticSkip(cp: CompiledProvision, day: number, kind: AgencyKind): boolean {
  if (cp.neverInForce || day < cp.startDay || day > cp.endDay || cp.excludes(kind)) return true;
  for (const i of cp.injunctions) if (day >= i.from && day <= i.to) return true;
  return false;
}

/** The rules of a request type that can apply on the decision day for the agency kind (built once per stretch of days). */
export function viewOf(law: CompiledLaw, t: RequestType, f: Facts): readonly LevelGroup[] {
  let tl = law.timelines.get(t);
  const groups = law.byRequest.get(t)!;
  if (!tl) {
    const days = new Set<number>();
    for (const g of groups) for (const r of g.rules) {
      const cp = r.cp;
      days.add(cp.startDay);
      if (Number.isFinite(cp.endDay)) days.add(cp.endDay + 1);
      for (const i of cp.injunctions) { days.add(i.from); if (Number.isFinite(i.to)) days.add(i.to + 1); }
    }
    tl = { breaks: [...days].sort((a, b) => a - b), views: new Map() };
    law.timelines.set(t, tl);
  }
  // The stretch: the number of breakpoints on or before the day.
  const b = tl.breaks;
  let lo = 0, hi = b.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (b[mid]! <= f.decisionDay) lo = mid + 1; else hi = mid; }
  const key = lo * 16 + KIND_INDEX.get(f.agencyKind)!;
  let view = tl.views.get(key);
  if (!view) {
    view = [];
    for (const g of groups) {
      const rules = g.rules.filter((r) => !staticSkip(r.cp, f.decisionDay, f.agencyKind));
      if (rules.length) view.push({ level: g.level, jurisdiction: g.jurisdiction, rules });
    }
    tl.views.set(key, view);
  }
  return view;
}

/**
 * Layer the law for one request type (layering.ts states the algebra). Without a recorder only the
 * rules that can apply on the day are walked (viewOf); with one, every rule, so the trace shows why
 * each was set aside.
 */
export function evaluateLaw(law: CompiledLaw, t: RequestType, f: Facts, rec?: Recorder, view?: readonly LevelGroup[]): Outcome {
  return rec ? evaluate(law.byRequest.get(t)!, f, rec) : viewFn(view ?? viewOf(law, t, f), law.catalog)(f, 0);
}

export function evaluate(groups: readonly LevelGroup[], f: Facts, rec?: Recorder, viewed = false, assumed = 0): Outcome {
  let state = START;
  let deciding: CompiledRule[] = [];
  const applied: CompiledRule[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const rules = groups[gi]!.rules;
    let lvl: Modality | null = null;
    let lvlRules: CompiledRule[] | null = null;
    let floorHere = false;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      // In a day's view only the anchor (charge, conviction, request) is left to check.
      if (!viewed || r.cp.anchor !== 'decision') {
        const skip = skipOf(r.cp, f);
        if (skip !== Skip.None && !(skip === Skip.AnchorMissing && (r.anchorRefs & assumed))) { rec?.skip(r, skip); continue; }
      }
      // `assumed`: facts the request left out, taken as meeting every condition that reads them (missing-facts.ts).
      if (r.when !== null && !((r.whenRefs & assumed) || r.when(f))) { rec?.condition(r, 'when'); continue; }
      if (r.unless !== null && ((r.unlessRefs & assumed) || r.unless(f))) { rec?.condition(r, 'unless'); continue; }
      applied.push(r);
      rec?.applied(r);
      if (r.floor) floorHere = true;
      const m = r.rule.modality;
      if (m === undefined) continue;
      if (lvl === null || RANK[m] > RANK[lvl]) { lvl = m; lvlRules = [r]; } else if (m === lvl) lvlRules!.push(r);
    }
    if (lvl === null && !floorHere) continue;
    const above = state.modality;
    const { next, step } = combine(state, lvl, floorHere);
    state = next;
    if (step === null || lvl === null) continue;
    if (step === 'first' || step === 'replaced') deciding = lvlRules!;
    else if (step === 'stacked') deciding = deciding.concat(lvlRules!);
    rec?.step(lvlRules!, lvl, step, above);
  }
  return { modality: state.modality ?? 'MAY', deciding, applied };
}
