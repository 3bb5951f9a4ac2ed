/**
 * The compiled engine. The registry is compiled once into closures, and each jurisdiction chain
 * once more (lazily) into per-request-type rule lists ordered federal → state → county → place →
 * agency. Deciding never touches YAML. `evaluate` is shared by the full decision (with a
 * recorder that builds the trace) and the fast path (no recorder).
 */
import { compileExpr, type Predicate } from './compile-expr.js';
import { describeExpr } from './expr.js';
import { dayOf } from './days.js';
import type { Facts } from './facts.js';
import { resolveJurisdiction, type ResolvedJurisdiction, type ResolveResult } from './jurisdiction-chain.js';
import type { Registry, RegisteredProvision } from './load-registry.js';
import type { Rule } from './registry-schema.js';
import { REQUEST_TYPES, type AgencyKind, type Level, type Modality, type RequestType } from './vocab.js';

export interface CompiledProvision {
  p: RegisteredProvision;
  startDay: number;
  endDay: number;
  neverInForce: boolean;
  injunctions: { from: number; to: number; court: string; scope: string }[];
  floor: boolean;
  excludes: (kind: AgencyKind) => boolean;
}

export interface CompiledRule {
  cp: CompiledProvision;
  rule: Rule;
  index: number;
  when: Predicate | null;
  unless: Predicate | null;
  citation: string;
  /** Readable conditions, written once at compile time for traces. */
  whenText: string | null;
  unlessText: string | null;
}

export interface LevelGroup { level: Level; jurisdiction: string; rules: CompiledRule[] }

export interface CompiledChain {
  jurisdiction: ResolvedJurisdiction;
  byRequest: ReadonlyMap<RequestType, LevelGroup[]>;
}

/** Why a provision does not apply to these facts; 0 when it applies. */
export const enum Skip { None = 0, NotYet, Ended, NeverInForce, Enjoined, ChargeAnchor, Agency }

/** Strength within one level: a prohibition outranks a mandate, which outranks a lifted duty and a permission. */
export const RANK: Readonly<Record<Modality, number>> = { MAY: 0, NOT_REQUIRED: 1, MUST: 2, MUST_NOT: 3 };

export interface Recorder {
  skip(r: CompiledRule, why: Skip): void;
  condition(r: CompiledRule, which: 'when' | 'unless'): void;
  applied(r: CompiledRule): void;
  set(rules: CompiledRule[], modality: Modality, how: 'first' | 'replaced' | 'stacked'): void;
  overridden(rules: CompiledRule[], by: Modality): void;
  voided(rules: CompiledRule[]): void;
}

export interface Outcome {
  modality: Modality;
  deciding: CompiledRule[];
  /** Every rule whose conditions held, in chain order, including duty-only and clock rules. */
  applied: CompiledRule[];
}

export class CompiledRegistry {
  private readonly provisionsByJurisdiction = new Map<string, CompiledProvision[]>();
  private readonly rulesByProvision = new Map<CompiledProvision, CompiledRule[]>();
  private readonly chains = new Map<string, CompiledChain>();

  constructor(readonly registry: Registry) {
    const catalog = (id: string) => registry.catalogs.get(id)?.categories ?? [];
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
        floor: p.layering === 'floor',
        excludes: (k) => excluded.has(k) || (only !== null && !only.has(k)),
      };
      const list = this.provisionsByJurisdiction.get(p.jurisdiction) ?? [];
      list.push(cp);
      this.provisionsByJurisdiction.set(p.jurisdiction, list);
      this.rulesByProvision.set(cp, p.rules.map((rule, index) => ({
        cp, rule, index,
        when: rule.when ? compileExpr(rule.when, catalog) : null,
        unless: rule.unless ? compileExpr(rule.unless, catalog) : null,
        citation: rule.citation ?? p.citation,
        whenText: rule.when ? describeExpr(rule.when) : null,
        unlessText: rule.unless ? describeExpr(rule.unless) : null,
      })));
    }
  }

  resolve(id: string): ResolveResult {
    return resolveJurisdiction(this.registry, id);
  }

  /** The compiled chain for a jurisdiction id, built on first use and kept. */
  chain(id: string): { ok: true; chain: CompiledChain } | { ok: false; message: string } {
    const hit = this.chains.get(id);
    if (hit) return { ok: true, chain: hit };
    const r = this.resolve(id);
    if (!r.ok) return r;
    const groups: { level: Level; jurisdiction: string; provisions: CompiledProvision[] }[] = [];
    const agency: typeof groups = [];
    for (const j of r.value.chain) {
      const ps = this.provisionsByJurisdiction.get(j) ?? [];
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
    const chain = { jurisdiction: r.value, byRequest };
    this.chains.set(id, chain);
    return { ok: true, chain };
  }
}

export function skipOf(cp: CompiledProvision, f: Facts): Skip {
  if (cp.neverInForce) return Skip.NeverInForce;
  const d = f.decisionDay;
  if (d < cp.startDay) return Skip.NotYet;
  if (d > cp.endDay) return Skip.Ended;
  if (cp.excludes(f.agencyKind)) return Skip.Agency;
  for (const i of cp.injunctions) if (d >= i.from && d <= i.to) return Skip.Enjoined;
  if (cp.p.appliesBy === 'charge' && !f.charges.some((c) => c.day >= cp.startDay)) return Skip.ChargeAnchor;
  return Skip.None;
}

/**
 * Layer the law for one request type. Within a level the strongest modality wins. Across levels
 * a higher MUST or MUST_NOT binds lower levels; under a higher MAY the lower level decides,
 * except that a floor makes lower prohibitions void (RESEARCH.md §5.1).
 */
export function evaluate(groups: readonly LevelGroup[], f: Facts, rec?: Recorder): Outcome {
  let cur: Modality = 'MAY';
  let curSet = false;
  let curFloor = false;
  let deciding: CompiledRule[] = [];
  const applied: CompiledRule[] = [];
  for (const g of groups) {
    let lvl: Modality | null = null;
    let lvlRules: CompiledRule[] = [];
    for (const r of g.rules) {
      const skip = skipOf(r.cp, f);
      if (skip !== Skip.None) { rec?.skip(r, skip); continue; }
      if (r.when && !r.when(f)) { rec?.condition(r, 'when'); continue; }
      if (r.unless && r.unless(f)) { rec?.condition(r, 'unless'); continue; }
      applied.push(r);
      rec?.applied(r);
      const m = r.rule.modality;
      if (!m) continue;
      if (lvl === null || RANK[m] > RANK[lvl]) { lvl = m; lvlRules = [r]; } else if (m === lvl) lvlRules.push(r);
    }
    if (lvl === null) continue;
    const lvlFloor = lvlRules.some((r) => r.cp.floor);
    if (!curSet) {
      cur = lvl; deciding = lvlRules; curFloor = lvlFloor; curSet = true;
      rec?.set(lvlRules, lvl, 'first');
    } else if (lvl === cur) {
      deciding = [...deciding, ...lvlRules]; curFloor ||= lvlFloor;
      rec?.set(lvlRules, lvl, 'stacked');
    } else if (cur === 'MUST' || cur === 'MUST_NOT') {
      rec?.overridden(lvlRules, cur);
    } else if (lvl === 'MUST_NOT' && curFloor) {
      rec?.voided(lvlRules);
    } else {
      cur = lvl; deciding = lvlRules; curFloor = lvlFloor || (curFloor && lvl === 'MUST');
      rec?.set(lvlRules, lvl, 'replaced');
    }
  }
  return { modality: cur, deciding, applied };
}
