/** Compile a condition (expr.ts) into a closure over Facts, once, at registry compile time. */
import { yearsBefore, dayOf } from './days.js';
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
  if ('all' in e) {
    const ps = e.all.map(rec);
    return (f) => ps.every((p) => p(f));
  }
  if ('any' in e) {
    const ps = e.any.map(rec);
    return (f) => ps.some((p) => p(f));
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
    const m = compileOffense(e.conviction, catalog, window?.kind === 'conviction' ? window : undefined);
    return (f) => f.convictions.some((o) => m(o, f));
  }
  if ('charge' in e) {
    const m = compileOffense(e.charge, catalog, window?.kind === 'charge' ? window : undefined);
    const stages = (e.charge as ChargeMatch).stages;
    return stages
      ? (f) => f.charges.some((o) => o.stage !== undefined && stages.includes(o.stage) && m(o, f))
      : (f) => f.charges.some((o) => m(o, f));
  }
  if ('registrant' in e) {
    const want = e.registrant as readonly string[];
    return (f) => f.registrant.some((r) => want.includes(r));
  }
  if ('proofOfLawfulStatus' in e) { const v = e.proofOfLawfulStatus; return (f) => f.proofOfLawfulStatus === v; }
  if ('interviewConsentSigned' in e) { const v = e.interviewConsentSigned; return (f) => f.interviewConsentSigned === v; }
  if ('agreement287g' in e) { const v = e.agreement287g as readonly string[]; return (f) => f.model287g !== null && v.includes(f.model287g); }
  const kinds = e.agency as readonly string[];
  return (f) => kinds.includes(f.agencyKind);
}

type OffensePredicate = (o: OffenseFact, f: Facts) => boolean;

function compileOffense(m: OffenseMatch, catalog: CatalogLookup, window: OffenseWindow | undefined): OffensePredicate {
  const checks: OffensePredicate[] = [];
  if (window) { const { from, to } = window; checks.push((o) => o.day >= from && o.day <= to); }
  if (m.levels) { const v = m.levels as readonly string[]; checks.push((o) => v.includes(o.level)); }
  if (m.grades) { const v = m.grades; checks.push((o) => o.grade !== undefined && v.includes(o.grade)); }
  if (m.anyOf) {
    const set = new Set(m.anyOf.flatMap((c) => (c.startsWith('@') ? catalog(c.slice(1)) : [c])));
    checks.push((o) => o.categories.some((c) => set.has(c)));
  }
  if (m.allOf) {
    const groups = m.allOf.map((c) => new Set(c.startsWith('@') ? catalog(c.slice(1)) : [c]));
    checks.push((o) => groups.every((g) => o.categories.some((c) => g.has(c))));
  }
  if (m.withinYears) {
    const n = m.withinYears;
    checks.push((o, f) => {
      let cutoff = f.yearsBack?.get(n);
      if (cutoff === undefined) (f.yearsBack ??= new Map()).set(n, (cutoff = yearsBefore(f.decisionDay, n)));
      return o.day >= cutoff && o.day <= f.decisionDay;
    });
  }
  if (m.onOrAfter) { const d = dayOf(m.onOrAfter); checks.push((o) => o.day >= d); }
  return (o, f) => checks.every((c) => c(o, f));
}
