/**
 * A day's view of the law, compiled into one generated function: the rules of each level in order,
 * their conditions called from call sites of their own (so each stays monomorphic and can be
 * inlined), and the layering of layering.ts between levels. It computes exactly what `evaluate`
 * does on the same view (test/law/compile-view.test.ts checks them against each other); the
 * interpreted `evaluate` stays for the trace.
 */
import { modelMask } from './agreements-287g.js';
import { Skip, skipOf, type CompiledRule, type LevelGroup, type Outcome } from './engine.js';
import type { CatalogLookup, OffenseWindow } from './compile-expr.js';
import { dayOf } from './days.js';
import type { ChargeMatch, Expr, OffenseMatch } from './expr.js';
import { DOC_BIT, type Facts } from './facts.js';
import { stepOf, type Layered } from './layering.js';
import type { Modality } from './vocab.js';

export type ViewFn = (f: Facts, assumed: number) => Outcome;

const RANK_OF: Record<Modality, number> = { MAY: 0, NOT_REQUIRED: 1, MUST: 2, MUST_NOT: 3 };
const BY_RANK: Modality[] = ['MAY', 'NOT_REQUIRED', 'MUST', 'MUST_NOT'];

/** The decision so far (a Layered state of layering.ts) and the rules that settled it, for the generated code. */
interface Run extends Layered { deciding: CompiledRule[] }
/** One level's result against the levels above: layering.ts's step, applied without allocating. */
function level(run: Run, rank: number, rules: CompiledRule[] | null, floorHere: boolean): void {
  if (rank >= 0) {
    const lvl = BY_RANK[rank]!;
    const step = stepOf(run, lvl);
    if (step === 'first' || step === 'replaced') { run.modality = lvl; run.deciding = rules!; }
    else if (step === 'stacked') run.deciding = run.deciding.concat(rules!);
  }
  if (floorHere) run.floorAbove = true;
}

function anchorOk(r: CompiledRule, f: Facts, assumed: number): boolean {
  const s = skipOf(r.cp, f);
  return s === Skip.None || (s === Skip.AnchorMissing && (r.anchorRefs & assumed) !== 0);
}

/** Constants and helper functions the generated source refers to by name. */
class Gen {
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  readonly fns: string[] = [];
  /** Offense conditions by what they match: one function each, its result kept for the call (`mN ??= oN(f)`). */
  readonly matchers = new Map<string, string>();
  constant(v: unknown): string {
    const name = `K${this.names.length}`;
    this.names.push(name);
    this.values.push(v);
    return name;
  }
}

/**
 * A condition as JavaScript source over `f` (Facts), with the same meaning as compile-expr.ts:
 * each offense condition becomes a function of its own, its bounds and category sets constants.
 */
function exprSource(e: Expr, g: Gen, catalog: CatalogLookup, window: OffenseWindow | undefined): string {
  if ('all' in e) return `(${e.all.map((x) => exprSource(x, g, catalog, window)).join(' && ')})`;
  if ('any' in e) return `(${e.any.map((x) => exprSource(x, g, catalog, window)).join(' || ')})`;
  if ('not' in e) return `!${exprSource(e.not, g, catalog, window)}`;
  if ('document' in e) return `((f.docs & ${e.document.reduce((m, d) => m | DOC_BIT[d], 0)}) !== 0)`;
  if ('conviction' in e || 'charge' in e) {
    const kind = 'conviction' in e ? 'conviction' : 'charge';
    const m: OffenseMatch = 'conviction' in e ? e.conviction : e.charge;
    const w = window?.kind === kind ? window : undefined;
    // The same condition in several rules (a ban's exception and the permission it leaves) is matched once a call.
    const key = `${kind}|${JSON.stringify(m)}|${w ? `${w.from}:${w.to}` : ''}`;
    const known = g.matchers.get(key);
    if (known) return known;
    // Cheapest and most selective first (level, categories), dates last: the order of `||` does not change the result.
    const checks: string[] = [];
    const dates: string[] = [];
    const lo = Math.max(w ? w.from : -Infinity, m.onOrAfter ? dayOf(m.onOrAfter) : -Infinity);
    if (Number.isFinite(lo)) dates.push(`o.day < ${lo}`);
    if (w && Number.isFinite(w.to)) dates.push(`o.day > ${w.to}`);
    if (m.levels) checks.push(`!${g.constant(m.levels)}.includes(o.level)`);
    const stages = 'charge' in e ? (e.charge as ChargeMatch).stages : undefined;
    if (stages) checks.push(`(o.stage === undefined || !${g.constant(stages)}.includes(o.stage))`);
    if (m.grades) checks.push(`(o.grade === undefined || !${g.constant(m.grades)}.includes(o.grade))`);
    if (m.withinYears) dates.push(`(o.day < f.cutoff(${m.withinYears}) || o.day > f.decisionDay)`);
    const sets = (xs: string[]) => new Set(xs.flatMap((c) => (c.startsWith('@') ? catalog(c.slice(1)) : [c])));
    if (m.anyOf) checks.push(`!hasAny(o.categories, ${g.constant(sets(m.anyOf))})`);
    for (const group of m.allOf ?? []) checks.push(`!hasAny(o.categories, ${g.constant(sets([group]))})`);
    checks.push(...dates);
    const name = `o${g.fns.length}`;
    const list = kind === 'conviction' ? 'f.convictions' : 'f.charges';
    g.fns.push(`function ${name}(f) { const xs = ${list}; for (let i = 0; i < xs.length; i++) { const o = xs[i];${checks.length ? ` if (${checks.join(' || ')}) continue;` : ''} return true; } return false; }`);
    const call = `(m${g.matchers.size} ??= ${name}(f))`;
    g.matchers.set(key, call);
    return call;
  }
  if ('registrant' in e) return `hasAny(f.registrant, ${g.constant(new Set(e.registrant))})`;
  if ('proofOfLawfulStatus' in e) return `(f.proofOfLawfulStatus === ${e.proofOfLawfulStatus})`;
  if ('interviewConsentSigned' in e) return `(f.interviewConsentSigned === ${e.interviewConsentSigned})`;
  if ('agreement287g' in e) return `((f.models287g & ${modelMask(e.agreement287g)}) !== 0)`;
  return `${g.constant(e.agency)}.includes(f.agencyKind)`;
}

function hasAny(xs: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < xs.length; i++) if (set.has(xs[i]!)) return true;
  return false;
}

function rankOf(r: CompiledRule): number {
  return r.rule.modality === undefined ? -1 : RANK_OF[r.rule.modality];
}

/**
 * The fast path's layering as a table built from layering.ts's stepOf (one source of the algebra): the
 * modality so far (0–3 by rank, 4 = none yet) × whether a floor applied above × this level's rank → the
 * modality after this level.
 */
const NONE_YET = 4;
const NEXT: Int8Array = (() => {
  const t = new Int8Array(5 * 2 * 4);
  for (let m = 0; m <= NONE_YET; m++) for (let fa = 0; fa < 2; fa++) for (let r = 0; r < 4; r++) {
    const above: Layered = { modality: m === NONE_YET ? null : BY_RANK[m]!, floorAbove: fa === 1 };
    const step = stepOf(above, BY_RANK[r]!);
    t[(m * 2 + fa) * 4 + r] = step === 'first' || step === 'replaced' ? r : m;
  }
  return t;
})();
const MODALITY_OF: readonly Modality[] = [...BY_RANK, 'MAY'];

export type ModalityFn = (f: Facts) => Modality;

export function compileView(groups: readonly LevelGroup[], catalog: CatalogLookup): ViewFn;
export function compileView(groups: readonly LevelGroup[], catalog: CatalogLookup, modalityOnly: true): ModalityFn;
export function compileView(groups: readonly LevelGroup[], catalog: CatalogLookup, modalityOnly = false): ViewFn | ModalityFn {
  const gen = new Gen();
  const rules: CompiledRule[] = [];
  const lines: string[] = [];
  lines.push(modalityOnly ? 'return function view(f) { const assumed = 0;' : 'return function view(f, assumed) {');
  lines.push(modalityOnly ? `  let m = ${NONE_YET}, fa = 0;` : '  const run = { modality: null, floorAbove: false, deciding: [] }; const applied = [];');
  for (const g of groups) {
    lines.push('  {');
    lines.push('    let rank = -1, lvlRules = null, floorHere = false;');
    // For the modality alone, only a rule that could raise the level's rank (or set its floor) matters:
    // strongest first, and a rule's conditions are read only while it still could.
    const order = modalityOnly
      ? g.rules.filter((r) => r.rule.modality !== undefined || r.floor)
        .map((r, n) => ({ r, n })).sort((a, b) => rankOf(b.r) - rankOf(a.r) || a.n - b.n).map((x) => x.r)
      : g.rules;
    for (const r of order) {
      const i = rules.push(r) - 1;
      const conds: string[] = [];
      if (r.cp.anchor !== 'decision') conds.push(`anchorOk(R[${i}], f, assumed)`);
      const p = r.cp.p;
      const window: OffenseWindow | undefined = p.appliesBy === 'charge' || p.appliesBy === 'conviction'
        ? { kind: p.appliesBy, from: r.cp.startDay, to: r.cp.endDay } : undefined;
      if (r.rule.when) { const w = exprSource(r.rule.when, gen, catalog, window); conds.push(r.whenRefs ? `((${r.whenRefs} & assumed) !== 0 || ${w})` : w); }
      if (r.rule.unless) { const u = exprSource(r.rule.unless, gen, catalog, window); conds.push(r.unlessRefs ? `!((${r.unlessRefs} & assumed) !== 0 || ${u})` : `!${u}`); }
      const body: string[] = modalityOnly ? [] : [`applied.push(R[${i}]);`];
      if (r.floor) body.push('floorHere = true;');
      const m = r.rule.modality;
      if (m !== undefined) {
        const k = RANK_OF[m];
        body.push(modalityOnly ? `if (rank < ${k}) rank = ${k};` : `if (rank < ${k}) { rank = ${k}; lvlRules = [R[${i}]]; } else if (rank === ${k}) lvlRules.push(R[${i}]);`);
      }
      if (modalityOnly) {
        const m = r.rule.modality;
        const could = [...(m !== undefined ? [`rank < ${RANK_OF[m]}`] : []), ...(r.floor ? ['!floorHere'] : [])];
        conds.unshift(`(${could.join(' || ')})`);
      }
      if (body.length) lines.push(`    if (${conds.length ? conds.join(' && ') : 'true'}) { ${body.join(' ')} }`);
    }
    lines.push(modalityOnly ? '    if (rank >= 0) m = NEXT[(m * 2 + fa) * 4 + rank]; if (floorHere) fa = 1;' : '    level(run, rank, lvlRules, floorHere);');
    lines.push('  }');
  }
  lines.push(modalityOnly ? '  return MODALITY_OF[m];' : "  return { modality: run.modality ?? 'MAY', deciding: run.deciding, applied };");
  if (gen.matchers.size) lines.splice(1, 0, `  let ${[...gen.matchers.keys()].map((_, i) => `m${i}`).join(', ')};`);
  lines.push('};');
  // Generated from the registry only (rule indices, fact masks, dates as day numbers); request values
  // reach it only as the argument `f`, never as source.
  const source = [...gen.fns, ...lines].join('\n');
  const make = new Function('R', 'level', 'NEXT', 'MODALITY_OF', 'anchorOk', 'hasAny', ...gen.names, source) as (...args: unknown[]) => ViewFn | ModalityFn;
  return make(rules, level, NEXT, MODALITY_OF, anchorOk, hasAny, ...gen.values);
}

/** A view's compiled functions, kept on the view itself (a symbol-keyed property: one lookup on the hot path). */
const FULL = Symbol('compiled view');
const MODALITY = Symbol('compiled modality view');
type Compiled = readonly LevelGroup[] & { [FULL]?: ViewFn; [MODALITY]?: ModalityFn };

/** The compiled function of a view, made on first use. */
export function viewFn(groups: readonly LevelGroup[], catalog: CatalogLookup): ViewFn {
  const g = groups as Compiled;
  return g[FULL] ??= compileView(groups, catalog);
}


/** The fast path's compiled function of a view: the modality only. */
export function modalityFn(groups: readonly LevelGroup[], catalog: CatalogLookup): ModalityFn {
  const g = groups as Compiled;
  return g[MODALITY] ??= compileView(groups, catalog, true);
}
