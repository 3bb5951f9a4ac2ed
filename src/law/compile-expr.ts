/** Compile a condition (expr.ts) into a closure over Facts, once, at registry compile time. */
import { modelMask } from './agreements-287g.js';
import { dayOf } from './days.js';
import type { ChargeMatch, Expr, OffenseMatch } from './expr.js';
import { DOC_BIT, FACT, type Facts, type OffenseFact } from './facts.js';

export type Predicate = (f: Facts) => boolean;
export type CatalogLookup = (id: string) => readonly string[];

/**
 * A provision dated by charge or conviction (`appliesBy`) reads only the offenses of its own time:
 * its charge (or conviction) conditions match an offense dated within [from, to], per offense, so
 * an old listed felony and a new unrelated charge never combine (RESEARCH.md §5; S.L. 2024-55).
 */
export interface OffenseWindow { kind: 'charge' | 'conviction'; from: number; to: number }

/** The FACT bits a condition reads: a rule whose conditions read a fact the request left out may have answered otherwise. */
export function factRefs(e: Expr): number {
  if ('all' in e) return e.all.reduce((m, x) => m | factRefs(x), 0);
  if ('any' in e) return e.any.reduce((m, x) => m | factRefs(x), 0);
  if ('not' in e) return factRefs(e.not);
  if ('document' in e) return FACT.documents;
  if ('conviction' in e) return FACT.convictions;
  if ('charge' in e) return FACT.charges;
  if ('registrant' in e) return FACT.registrant;
  if ('proofOfLawfulStatus' in e) return FACT.proofOfLawfulStatus;
  if ('interviewConsentSigned' in e) return FACT.interviewConsentSigned;
  if ('agreement287g' in e) return FACT.agreement287g;
  return 0;
}

export function compileExpr(e: Expr, catalog: CatalogLookup, window?: OffenseWindow): Predicate {
  const rec = (x: Expr) => compileExpr(x, catalog, window);
  // Plain loops, no closures per call: these run for every rule of every decision.
  if ('all' in e) {
    const ps = e.all.map(rec);
    if (ps.length === 2) { const [a, b] = ps as [Predicate, Predicate]; return (f) => a(f) && b(f); }
    return (f) => { for (let i = 0; i < ps.length; i++) if (!ps[i]!(f)) return false; return true; };
  }
  if ('any' in e) {
    const ps = e.any.map(rec);
    return (f) => { for (let i = 0; i < ps.length; i++) if (ps[i]!(f)) return true; return false; };
  }
  if ('not' in e) {
    const p = rec(e.not);
    return (f) => !p(f);
  }
  if ('document' in e) {
    const mask = e.document.reduce((m, d) => m | DOC_BIT[d], 0);
    return (f) => (f.docs & mask) !== 0;
  }
  if ('conviction' in e) {
    const m = compileOffense(e.conviction, catalog, window?.kind === 'conviction' ? window : undefined, undefined);
    return (f) => { const xs = f.convictions; for (let i = 0; i < xs.length; i++) if (m(xs[i]!, f)) return true; return false; };
  }
  if ('charge' in e) {
    const m = compileOffense(e.charge, catalog, window?.kind === 'charge' ? window : undefined, (e.charge as ChargeMatch).stages);
    return (f) => { const xs = f.charges; for (let i = 0; i < xs.length; i++) if (m(xs[i]!, f)) return true; return false; };
  }
  if ('registrant' in e) {
    const want = e.registrant as readonly string[];
    return (f) => { for (const r of f.registrant) if (want.includes(r)) return true; return false; };
  }
  if ('proofOfLawfulStatus' in e) { const v = e.proofOfLawfulStatus; return (f) => f.proofOfLawfulStatus === v; }
  if ('interviewConsentSigned' in e) { const v = e.interviewConsentSigned; return (f) => f.interviewConsentSigned === v; }
  if ('agreement287g' in e) { const m = modelMask(e.agreement287g); return (f) => (f.models287g & m) !== 0; }
  const kinds = e.agency as readonly string[];
  return (f) => kinds.includes(f.agencyKind);
}

type OffensePredicate = (o: OffenseFact, f: Facts) => boolean;

/** One closure per offense condition; every part is optional and checked in a fixed order, cheapest first. */
function compileOffense(m: OffenseMatch, catalog: CatalogLookup, window: OffenseWindow | undefined, stages: readonly string[] | undefined): OffensePredicate {
  const from = window ? window.from : Number.NEGATIVE_INFINITY;
  const to = window ? window.to : Number.POSITIVE_INFINITY;
  const onOrAfter = m.onOrAfter ? dayOf(m.onOrAfter) : Number.NEGATIVE_INFINITY;
  const lo = Math.max(from, onOrAfter);
  const levels = m.levels as readonly string[] | undefined;
  const grades = m.grades;
  const any = m.anyOf ? new Set(m.anyOf.flatMap((c) => (c.startsWith('@') ? catalog(c.slice(1)) : [c]))) : undefined;
  const all = m.allOf ? m.allOf.map((c) => new Set(c.startsWith('@') ? catalog(c.slice(1)) : [c])) : undefined;
  const years = m.withinYears;
  return (o, f) => {
    if (o.day < lo || o.day > to) return false;
    if (levels !== undefined && !levels.includes(o.level)) return false;
    if (stages !== undefined && (o.stage === undefined || !stages.includes(o.stage))) return false;
    if (grades !== undefined && (o.grade === undefined || !grades.includes(o.grade))) return false;
    if (years !== undefined) {
      const cutoff = f.cutoff(years);
      if (o.day < cutoff || o.day > f.decisionDay) return false;
    }
    const cats = o.categories;
    if (any !== undefined) {
      let hit = false;
      for (let i = 0; i < cats.length; i++) if (any.has(cats[i]!)) { hit = true; break; }
      if (!hit) return false;
    }
    if (all !== undefined) {
      for (const g of all) {
        let hit = false;
        for (let i = 0; i < cats.length; i++) if (g.has(cats[i]!)) { hit = true; break; }
        if (!hit) return false;
      }
    }
    return true;
  };
}
