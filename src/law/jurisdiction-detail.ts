/**
 * One jurisdiction as the web page and the API show it: the law layered over it (federal → state →
 * county → place → agency), each provision with its citation and dates, a timeline of the dated
 * changes, and the 287(g) agreements of its agencies on ICE's lists. And the search behind the
 * jurisdiction box: by name, FIPS code or Open Civic Data id.
 */
import { Gazetteer } from './gazetteer.js';
import { resolveJurisdiction, type ResolvedJurisdiction } from './jurisdiction-chain.js';
import type { Registry, RegisteredProvision } from './load-registry.js';
import { parseOcd, titleFromOcdName } from './ocd.js';
import { LISTS_FROM, LISTS_TO, MODEL_NAME } from './agreements-287g.js';
import type { Engine } from './index.js';

export interface JurisdictionHit {
  id: string;
  name: string;
  level: 'federal' | 'state' | 'county' | 'place';
  fips?: string;
  /** True when the registry holds law or findings of this jurisdiction itself. */
  lawRegistered: boolean;
}

export interface ProvisionSummary {
  id: string;
  title: string;
  citation: string;
  source: string;
  archived?: string;
  instrument: { title: string; citation: string; kind: string };
  requests: string[];
  layering: string;
  status: string;
  statusNote?: string;
  enacted?: string;
  effective: string;
  ends?: string;
  approximate?: string[];
  injunctions: { court: string; from: string; to?: string; scope: string }[];
  agencies?: { only?: string[]; exclude?: string[] };
  confidence: string;
  confidenceNote?: string;
  verified: string;
}

export interface LawLayer {
  level: string;
  id: string;
  name: string;
  summary?: string;
  provisions: ProvisionSummary[];
  /** Request types on which the research found no law at this level, with the date searched. */
  noLawFound: { requests: string[]; searched: string; confidence: string; sources: { title: string; href: string }[]; note: string }[];
}

export interface TimelineEvent {
  date: string;
  event: 'enacted' | 'effective' | 'ends' | 'enjoined' | 'injunction lifted';
  provision: string;
  citation: string;
  level: string;
  jurisdiction: string;
  approximate: boolean;
  detail?: string;
}

export interface JurisdictionAgreement {
  agency: string;
  type: string;
  model: string;
  modelName: string;
  signed: string;
  lastSeen: string;
  ongoing: boolean;
}

export interface JurisdictionDetail {
  jurisdiction: Pick<ResolvedJurisdiction, 'id' | 'name' | 'level' | 'fips' | 'timeZone' | 'chain' | 'lawChain' | 'registered' | 'aliases' | 'assumedCounty' | 'notes'> & { state?: string; countyFips?: string };
  layers: LawLayer[];
  timeline: TimelineEvent[];
  agreements287g: { agreements: JurisdictionAgreement[]; note: string };
  registry: string;
  disclaimer: string;
}

export type DetailResult = { ok: true; value: JurisdictionDetail } | { ok: false; message: string; suggestions?: string[] };

const DISCLAIMER = 'Comity gives information about the law, not legal advice.';

function nameOf(registry: Registry, id: string): string {
  const reg = registry.jurisdictions.get(id);
  if (reg) return reg.name;
  const p = parseOcd(id);
  if (!p.ok) return id;
  return p.value.local ? titleFromOcdName(p.value.local.name) : p.value.state?.name ?? 'United States';
}

function summarize(p: RegisteredProvision): ProvisionSummary {
  return {
    id: p.id, title: p.title, citation: p.citation, source: p.source, ...(p.archived ? { archived: p.archived } : {}),
    instrument: { title: p.instrument.title, citation: p.instrument.citation, kind: p.instrument.instrument },
    requests: [...new Set(p.rules.flatMap((r) => r.requests))].sort(),
    layering: p.layering, status: p.status, ...(p.statusNote ? { statusNote: p.statusNote } : {}),
    ...(p.enacted ? { enacted: p.enacted } : {}), effective: p.effective, ...(p.ends ? { ends: p.ends } : {}),
    ...(p.approximate ? { approximate: [...p.approximate] } : {}),
    injunctions: (p.injunctions ?? []).map((i) => ({ court: i.court, from: i.from, ...(i.to ? { to: i.to } : {}), scope: i.scope })),
    ...(p.agencies ? { agencies: { ...(p.agencies.only ? { only: [...p.agencies.only] } : {}), ...(p.agencies.exclude ? { exclude: [...p.agencies.exclude] } : {}) } } : {}),
    confidence: p.confidence, ...(p.confidenceNote ? { confidenceNote: p.confidenceNote } : {}), verified: p.verified,
  };
}

function timelineOf(p: RegisteredProvision): TimelineEvent[] {
  const base = { provision: p.id, citation: p.citation, level: p.level, jurisdiction: p.jurisdiction };
  const approx = (what: 'enacted' | 'effective' | 'ends') => p.approximate?.includes(what) ?? false;
  const out: TimelineEvent[] = [];
  if (p.enacted && p.enacted !== p.effective) out.push({ date: p.enacted, event: 'enacted', ...base, approximate: approx('enacted') });
  out.push({ date: p.effective, event: 'effective', ...base, approximate: approx('effective') });
  if (p.ends) out.push({ date: p.ends, event: 'ends', ...base, approximate: approx('ends'), ...(p.statusNote ? { detail: p.statusNote } : {}) });
  for (const i of p.injunctions ?? []) {
    out.push({ date: i.from, event: 'enjoined', ...base, approximate: false, detail: `${i.court}: ${i.scope}` });
    if (i.to) out.push({ date: i.to, event: 'injunction lifted', ...base, approximate: false, detail: i.court });
  }
  return out;
}

/** The 287(g) agreements of the agencies serving a jurisdiction, from ICE's lists held in the registry. */
function agreementsOf(registry: Registry, j: ResolvedJurisdiction): JurisdictionDetail['agreements287g'] {
  const area = j.area;
  const list = !area ? [] : registry.agreements287g.filter((a) => {
    if (a.state.toUpperCase() !== area.state) return false;
    if (j.level === 'state') return a.type === 'State Agency';
    if (j.level === 'county') return a.countyFips === area.countyFips && a.type !== 'State Agency';
    return a.place !== '' && a.place === area.place;
  });
  const agreements = list.map((a) => ({
    agency: a.agency, type: a.type, model: a.model, modelName: MODEL_NAME[a.model], signed: a.signed, lastSeen: a.lastSeen, ongoing: a.ongoing,
  })).sort((a, b) => a.signed.localeCompare(b.signed) || a.agency.localeCompare(b.agency));
  return {
    agreements,
    note: `From ICE's published 287(g) lists (${LISTS_FROM} to ${LISTS_TO}): an agreement that ended before ${LISTS_FROM} is not on them, and agencies whose names the lists spell differently may be missed.`,
  };
}

/** A jurisdiction by OCD id, FIPS code or name: its layered law, the timeline of that law, and its 287(g) agreements. */
export function jurisdictionDetail(engine: Engine, query: string): DetailResult {
  const registry = engine.registry;
  const r = resolveJurisdiction(registry, query);
  if (!r.ok) return r;
  const j = r.value;
  const byJurisdiction = new Map<string, RegisteredProvision[]>();
  for (const p of registry.provisions) {
    if (!j.chain.includes(p.jurisdiction)) continue;
    const list = byJurisdiction.get(p.jurisdiction);
    if (list) list.push(p);
    else byJurisdiction.set(p.jurisdiction, [p]);
  }
  const layers: LawLayer[] = [];
  for (const id of j.chain) {
    const provs = byJurisdiction.get(id) ?? [];
    const reg = registry.jurisdictions.get(id);
    const findings = [...(reg?.noStateLaw ?? []), ...(reg?.noLocalLaw ?? [])];
    if (provs.length === 0 && findings.length === 0 && !reg) continue;
    const levelOf = parseOcd(id);
    // Sheriff and agency policies are their own layer, after the jurisdiction's law.
    for (const agency of [false, true]) {
      const mine = provs.filter((p) => (p.level === 'agency') === agency);
      if (agency && mine.length === 0) continue;
      layers.push({
        level: agency ? 'agency' : levelOf.ok ? levelOf.value.level : 'local',
        id, name: nameOf(registry, id), ...(reg?.summary && !agency ? { summary: reg.summary } : {}),
        provisions: mine.map(summarize).sort((a, b) => a.effective.localeCompare(b.effective) || a.id.localeCompare(b.id)),
        noLawFound: agency ? [] : findings.map((f) => ({ requests: [...f.requests], searched: f.searched, confidence: f.confidence, sources: f.sources.map((x) => ({ title: x.title, href: x.href })), note: f.note })),
      });
    }
  }
  const order = { federal: 0, state: 1, county: 2, place: 3, local: 3, agency: 4 } as Record<string, number>;
  layers.sort((a, b) => (order[a.level] ?? 3) - (order[b.level] ?? 3));
  const timeline = [...byJurisdiction.values()].flat().flatMap(timelineOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.provision.localeCompare(b.provision) || a.event.localeCompare(b.event));
  return {
    ok: true,
    value: {
      jurisdiction: {
        id: j.id, name: j.name, level: j.level, ...(j.fips ? { fips: j.fips } : {}), ...(j.area ? { state: j.area.state } : {}), ...(j.level === 'place' && j.area?.countyFips ? { countyFips: j.area.countyFips } : {}),
        timeZone: j.timeZone, chain: j.chain, lawChain: j.lawChain, registered: j.registered, aliases: j.aliases,
        ...(j.assumedCounty ? { assumedCounty: j.assumedCounty } : {}), notes: j.notes,
      },
      layers, timeline, agreements287g: agreementsOf(registry, j), registry: registry.fingerprint, disclaimer: DISCLAIMER,
    },
  };
}

/** Jurisdictions matching a query: an exact id or FIPS code, else names (exact first, then the closest). */
export function searchJurisdictions(engine: Engine, query: string, opts: { state?: string; limit?: number } = {}): JurisdictionHit[] {
  const registry = engine.registry;
  const limit = opts.limit ?? 10;
  const q = query.trim();
  const hits: JurisdictionHit[] = [];
  const seen = new Set<string>();
  const add = (id: string): void => {
    const r = resolveJurisdiction(registry, id);
    if (!r.ok || seen.has(r.value.id)) return;
    if (opts.state && r.value.area?.state !== opts.state.toUpperCase()) return;
    seen.add(r.value.id);
    hits.push({ id: r.value.id, name: r.value.name, level: r.value.level, ...(r.value.fips ? { fips: r.value.fips } : {}), lawRegistered: r.value.registered });
  };
  if (/^\d{2}$|^\d{5}$|^\d{7}$/.test(q) || q.startsWith('ocd-division/')) {
    add(q);
    return hits;
  }
  const gaz = Gazetteer.load();
  const scoped = opts.state ? `${q}, ${opts.state.toUpperCase()}` : q;
  for (const e of gaz.byName(scoped)) if (hits.length < limit) add(e.ocd);
  if (hits.length < limit) for (const s of gaz.suggest(scoped, limit * 2)) if (hits.length < limit) add(s.ocd);
  return hits;
}
