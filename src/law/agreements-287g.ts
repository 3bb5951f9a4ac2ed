/**
 * 287(g) agreements as facts about an agency on a date, from ICE's published lists
 * (policies/287g/agreements.tsv, built by scripts/law/build-287g.mjs). A request that states
 * `agency.agreement287g` overrides the lists. No zod or YAML here: the decide path imports it.
 */
import { dayOf, isoOfDay } from './days.js';
import { seal } from './sealed-json.js';
import type { AgencyKind, Model287g } from './vocab.js';

export interface Agreement287g {
  /** Two-letter state code. */
  state: string;
  agency: string;
  /** ICE's type: County, Municipality or State Agency. */
  type: string;
  /** The agency kind its name suggests (src/law/vocab.ts), or 'other'. */
  kind: AgencyKind | 'other';
  countyFips: string;
  /** The Census place a municipal agency serves, when its name matched one. */
  place: string;
  model: Model287g;
  /** MOA signing date. */
  signed: string;
  /** The last list date the agreement was seen on. */
  lastSeen: string;
  /** Still on the latest list. */
  ongoing: boolean;
  /** Which lists: W (ICE, archived 2025-01-04), T (tracked since about 2025-02), L (ICE, 2026-05-18). */
  sources: string;
}

/** The first day the lists can vouch for: before it, an agreement that had already ended is not on them. */
export const LISTS_FROM = '2025-01-04';
export const LISTS_TO = '2026-05-18';
export const MODEL_BIT: Readonly<Record<Model287g, number>> = { JEM: 1, WSO: 2, TFM: 4 };
export const MODEL_NAME: Readonly<Record<Model287g, string>> = { JEM: 'Jail Enforcement Model', WSO: 'Warrant Service Officer', TFM: 'Task Force Model' };

/** What the response says about the agency's 287(g) agreements. */
export interface AgreementFact {
  /** The models in force at the decision date. */
  models: Model287g[];
  /** request: stated in the request; ice-lists: found on ICE's lists; none-on-lists: the lists show none; unknown: the lists cannot say. */
  source: 'request' | 'ice-lists' | 'none-on-lists' | 'unknown';
  /** The agreements matched for this agency (in force at the decision date or not). */
  agreements: { agency: string; model: Model287g; signed: string; lastSeen: string; ongoing: boolean; inForce: boolean }[];
  note: string;
}

interface Indexed { a: Agreement287g; from: number; to: number }

/** Agreements by agency key: `c:<county fips>:<kind>`, `p:<place ocd>:<kind>`, `s:<ST>:<kind>`. */
export class AgreementIndex {
  private readonly byKey = new Map<string, Indexed[]>();
  readonly fromDay = dayOf(LISTS_FROM);
  readonly toDay = dayOf(LISTS_TO);

  constructor(readonly all: readonly Agreement287g[]) {
    for (const a of all) {
      if (a.kind === 'other') continue;
      const e: Indexed = { a, from: dayOf(a.signed), to: a.ongoing ? Number.POSITIVE_INFINITY : dayOf(a.lastSeen) };
      for (const k of keysOf(a)) {
        const list = this.byKey.get(k);
        if (list) list.push(e);
        else this.byKey.set(k, [e]);
      }
    }
  }

  /**
   * The agency's agreements on a day. The agency is the one of `kind` serving the jurisdiction: a
   * county's sheriff or county jail; a place's police (its county's sheriff for a jail); the state's
   * prisons and state police wherever they are.
   */
  lookup(where: Area, kind: AgencyKind, day: number): AgreementFact {
    const found = this.found(where, kind);
    // Most agencies are on no list: a shared, frozen answer (no allocation on the decide path).
    if (found.length === 0) return day < this.fromDay ? UNKNOWN : NONE_LISTED;
    const agreements = found.map(({ a, from, to }) => ({
      agency: a.agency, model: a.model, signed: a.signed, lastSeen: a.lastSeen, ongoing: a.ongoing, inForce: from <= day && day <= to,
    }));
    const models = [...new Set(agreements.filter((x) => x.inForce).map((x) => x.model))].sort() as Model287g[];
    const agencies = [...new Set(found.map((x) => x.a.agency))].join(', ');
    if (models.length) {
      const after = day > this.toDay ? ` ICE's latest list is of ${LISTS_TO}; Comity assumes the agreement continues after it.` : '';
      return { models, source: 'ice-lists', agreements, note: `${agencies}: 287(g) ${models.map((m) => MODEL_NAME[m]).join(', ')} on ICE's published lists.${after} A request may state agency.agreement287g to override.` };
    }
    if (day < this.fromDay) return { ...UNKNOWN, agreements };
    return { models, source: 'none-on-lists', agreements, note: `${agencies}: no 287(g) agreement in force on ${isoOfDay(day)} on ICE's lists (${LISTS_FROM} to ${LISTS_TO}).` };
  }

  /** Only the models' bit mask (the fast path), undefined when the lists cannot say. */
  mask(where: Area, kind: AgencyKind, day: number): number | undefined {
    let m = 0;
    for (const e of this.found(where, kind)) if (e.from <= day && day <= e.to) m |= MODEL_BIT[e.a.model];
    return m === 0 && day < this.fromDay ? undefined : m;
  }

  /** Per area (one per resolved jurisdiction, cached by the engine) and agency kind, the agreements that may apply. */
  private found(where: Area, kind: AgencyKind): readonly Indexed[] {
    // Kept on the area itself (for the engine that last asked): a property read on the hot path.
    let slot = where[FOUND] as { index: AgreementIndex; byKind: Partial<Record<AgencyKind, readonly Indexed[]>> } | undefined;
    if (!slot || slot.index !== this) where[FOUND] = slot = { index: this, byKind: {} };
    const mine = slot.byKind;
    let hit = mine[kind];
    if (!hit) {
      const key = kind === 'state_prison' || kind === 'state_police' ? `s:${where.state}:${kind}`
        : kind === 'municipal_police' || kind === 'school_police' ? (where.place ? `p:${where.place}:${kind}` : '')
          : where.countyFips ? `c:${where.countyFips}:${kind}` : '';
      mine[kind] = hit = this.byKey.get(key) ?? NONE;
    }
    return hit;
  }
}

const FOUND: unique symbol = Symbol('agreements found');
const NONE: readonly Indexed[] = [];
const NO_AGREEMENTS: AgreementFact['agreements'] = Object.freeze([]) as unknown as AgreementFact['agreements'];
const NO_MODELS = Object.freeze([]) as unknown as Model287g[];
const UNKNOWN: AgreementFact = seal({
  models: NO_MODELS, source: 'unknown', agreements: NO_AGREEMENTS,
  note: `ICE's 287(g) lists Comity holds start on ${LISTS_FROM}: an agreement that ended before then is not on them, so whether this agency had one on the decision date is unknown. State agency.agreement287g (or null) in the request.`,
});
const NONE_LISTED: AgreementFact = seal({
  models: NO_MODELS, source: 'none-on-lists', agreements: NO_AGREEMENTS,
  note: `No agency of this kind here is on ICE's 287(g) lists (${LISTS_FROM} to ${LISTS_TO}). Agencies whose names the lists spell differently may be missed; state agency.agreement287g to be sure.`,
});
export interface Area { state: string; countyFips?: string | undefined; place?: string | undefined; [FOUND]?: unknown }

function keysOf(a: Agreement287g): string[] {
  if (a.kind === 'state_prison' || a.kind === 'state_police') return a.type === 'State Agency' ? [`s:${a.state}:${a.kind}`] : [];
  if (a.kind === 'municipal_police' || a.kind === 'school_police') return a.place ? [`p:${a.place}:${a.kind}`] : [];
  return a.countyFips ? [`c:${a.countyFips}:${a.kind}`] : [];
}

/** The bit mask of models, as facts.ts reads them. */
export function modelMask(models: readonly Model287g[]): number {
  let m = 0;
  for (const x of models) m |= MODEL_BIT[x];
  return m;
}
