/**
 * Resolve what a request names — an Open Civic Data id, a county FIPS code or a name — to one
 * jurisdiction of the gazetteer and the chain of jurisdictions whose law binds there, most general
 * first: federal → state → county (or counties) → place. An id the gazetteer does not know is an
 * input error with the closest names suggested, never a silent fallback.
 */
import { Gazetteer, type GazCounty, type GazEntry, type GazPlace } from './gazetteer.js';
import type { Registry } from './load-registry.js';
import { COUNTRY } from './ocd.js';
import { STATE_BY_CODE, type StateInfo } from './states.js';

export interface ResolvedJurisdiction {
  /** The canonical OCD id. */
  id: string;
  name: string;
  level: 'federal' | 'state' | 'county' | 'place';
  fips?: string;
  timeZone: string;
  /** Every jurisdiction whose law may apply, most general first (identity, whether or not law is registered). */
  chain: string[];
  /** The part of the chain with law in the registry: what was actually layered. */
  lawChain: string[];
  /** True when the registry has law or an index.yaml for this jurisdiction itself. */
  registered: boolean;
  /** Other ids of the same jurisdiction (a consolidated city-county's place id). */
  aliases: string[];
  /** For a place in several counties: the county assumed, and why. */
  assumedCounty?: { id: string; name: string; why: string };
  /** Where its agencies sit, to find their 287(g) agreements: state code, county FIPS, place id. */
  area?: { state: string; countyFips?: string; place?: string };
  notes: string[];
}

export type ResolveResult = { ok: true; value: ResolvedJurisdiction } | { ok: false; message: string; suggestions?: string[] };

let gazetteer: Gazetteer | undefined;
function gaz(): Gazetteer {
  return (gazetteer ??= Gazetteer.load());
}

function stateId(s: StateInfo): string {
  return `${COUNTRY}/${s.ocdType}:${s.code}`;
}

function hasLaw(registry: Registry, id: string): boolean {
  return registry.jurisdictions.has(id) || registry.provisions.some((p) => p.jurisdiction === id);
}

function unknown(what: string, query: string): ResolveResult {
  const suggestions = gaz().suggest(query, 5).map((s) => `${s.label} (${s.ocd})`);
  return { ok: false, message: `unknown ${what} "${query.slice(0, 120)}"${suggestions.length ? `; did you mean ${suggestions.slice(0, 3).join(', or ')}?` : ''}`, suggestions };
}

/** The gazetteer entry (or state, or the country) a request names. */
function lookup(q: string): { kind: 'country' } | { kind: 'state'; state: StateInfo } | { kind: 'entry'; entry: GazEntry } | ResolveResult {
  const s = q.trim();
  if (s === COUNTRY) return { kind: 'country' };
  if (/^\d{5}$/.test(s) || /^\d{7}$/.test(s)) {
    const e = gaz().byFips(s);
    return e ? { kind: 'entry', entry: e } : { ok: false, message: `unknown FIPS code "${s}": give a 5-digit county code such as 06085 or a 7-digit Census place code` };
  }
  if (/^\d{2}$/.test(s)) {
    const st = [...STATE_BY_CODE.values()].find((x) => x.fips === s);
    return st ? { kind: 'state', state: st } : { ok: false, message: `unknown state FIPS code "${s}"` };
  }
  if (s.startsWith('ocd-division/')) {
    if (!s.startsWith(`${COUNTRY}/`)) return { ok: false, message: `must start with ${COUNTRY}` };
    const segs = s.slice(COUNTRY.length + 1).split('/');
    const [type, code] = segs[0]!.split(':') as [string, string | undefined];
    const st = code ? STATE_BY_CODE.get(code) : undefined;
    if (!st || (type !== 'state' && type !== st.ocdType)) return { ok: false, message: `unknown state or territory "${segs[0]!.slice(0, 40)}" in ${s.slice(0, 120)}` };
    if (segs.length === 1) return { kind: 'state', state: st };
    const e = gaz().byOcd(s);
    if (e) return { kind: 'entry', entry: e };
    if (segs.length > 2 && gaz().byOcd(`${COUNTRY}/${segs.slice(0, 2).join('/')}`)) {
      return { ok: false, message: `"${s.slice(0, 120)}" names a division below a county or place; Comity resolves states, counties and places (use the county or place id)` };
    }
    return unknown('jurisdiction', s);
  }
  const found = gaz().byName(s);
  if (found.length === 1) return { kind: 'entry', entry: found[0]! };
  if (found.length > 1) {
    const options = found.slice(0, 6).map((e) => `${gaz().label(e)}${e.kind === 'place' ? ` ${e.lsad}` : ''} (${e.ocd})`);
    return { ok: false, message: `"${s.slice(0, 120)}" is ambiguous: ${options.join('; ')}. Name the state or use an id.`, suggestions: options };
  }
  return unknown('jurisdiction', s);
}

export function resolveJurisdiction(registry: Registry, query: string): ResolveResult {
  const l = lookup(query);
  if ('ok' in l) return l;
  if (l.kind === 'country') {
    return { ok: true, value: { id: COUNTRY, name: 'United States', level: 'federal', timeZone: 'America/New_York', chain: [COUNTRY], lawChain: [COUNTRY], registered: true, aliases: [], notes: [] } };
  }
  const notes: string[] = [];
  if (l.kind === 'state') {
    const id = stateId(l.state);
    return { ok: true, value: finish(registry, { id, name: l.state.name, level: 'state', fips: l.state.fips, timeZone: l.state.timeZone, chain: [COUNTRY, id], aliases: [], area: { state: l.state.code.toUpperCase() }, notes }, l.state) };
  }
  const e = l.entry;
  const st = STATE_BY_CODE.get(e.state.toLowerCase())!;
  const sId = stateId(st);
  if (e.kind === 'county') {
    const chain = [COUNTRY, sId, e.ocd, ...e.aliases];
    // A county inside a city (New York City's five counties) layers the city's law after its own.
    for (const w of registry.jurisdictions.get(e.ocd)?.within ?? []) if (!chain.includes(w)) chain.push(w);
    if (e.otherTimeZones?.length) notes.push(`${e.name} spans more than one time zone (${[e.timeZone, ...e.otherTimeZones].join(', ')}); Comity counts hold clocks in ${e.timeZone}, the zone of the county seat.`);
    const place = e.aliases.find((a) => a.includes('/place:'));
    const area = { state: st.code.toUpperCase(), countyFips: e.fips, ...(place ? { place } : {}) };
    return { ok: true, value: finish(registry, { id: e.ocd, name: registry.jurisdictions.get(e.ocd)?.name ?? `${e.name}, ${st.name}`, level: 'county', fips: e.fips, timeZone: e.timeZone, chain, aliases: e.aliases, area, notes }, st) };
  }
  return { ok: true, value: placeChain(registry, e, st, sId, notes) };
}

function placeChain(registry: Registry, p: GazPlace, st: StateInfo, sId: string, notes: string[]): ResolvedJurisdiction {
  const g = gaz();
  const counties = p.counties.map((c) => g.byFips(c.fips)).filter((c): c is GazCounty => c?.kind === 'county');
  const county = counties[0];
  let assumedCounty: ResolvedJurisdiction['assumedCounty'];
  if (counties.length > 1 && county) {
    const shares = p.counties.map((c) => `${g.byFips(c.fips)?.name ?? c.fips}${c.share !== undefined ? ` ${(c.share * 100).toFixed(0)}%` : ''}`);
    assumedCounty = {
      id: county.ocd, name: county.name,
      why: `${p.name} lies in ${counties.length} counties (${shares.join(', ')} of its population); Comity assumed ${county.name}, which holds the largest share. If the jail or agency is in another, name that county's id.`,
    };
  }
  const chain = [COUNTRY, sId, ...(county ? [county.ocd] : []), p.ocd, ...p.aliases];
  for (const w of registry.jurisdictions.get(p.ocd)?.within ?? []) if (!chain.includes(w)) chain.splice(chain.length - 1 - p.aliases.length, 0, w);
  const timeZone = registry.jurisdictions.get(p.ocd)?.timeZone ?? county?.timeZone ?? st.timeZone;
  const label = p.lsad && p.lsad !== 'CDP' ? `${p.name} (${p.lsad}), ${st.name}` : `${p.name}, ${st.name}`;
  return finish(registry, {
    id: p.ocd, name: registry.jurisdictions.get(p.ocd)?.name ?? label, level: 'place', timeZone, chain, aliases: p.aliases, notes,
    area: { state: st.code.toUpperCase(), ...(county ? { countyFips: county.fips } : {}), place: p.ocd },
    ...(assumedCounty ? { assumedCounty } : {}),
  }, st);
}

function finish(registry: Registry, j: Omit<ResolvedJurisdiction, 'lawChain' | 'registered'>, st: StateInfo): ResolvedJurisdiction {
  const lawChain = j.chain.filter((id) => hasLaw(registry, id));
  const own = [j.id, ...j.aliases].some((id) => hasLaw(registry, id));
  const sId = stateId(st);
  const reg = registry.jurisdictions.get(j.id);
  if (!hasLaw(registry, sId)) {
    j.notes.push(`No ${st.name} law is registered in Comity yet: only federal${lawChain.length > 1 ? ' and local' : ''} law was applied. State law may still bind here; check it before relying on this answer.`);
  } else if (j.level !== 'state' && !own && lawChain.length === 2) {
    j.notes.push(`No local law is registered for ${j.name}; ${st.name} and federal law were applied.`);
  }
  return { ...j, ...(reg?.fips && !j.fips ? { fips: reg.fips } : {}), timeZone: reg?.timeZone ?? j.timeZone, lawChain, registered: j.level === 'state' ? hasLaw(registry, j.id) : own };
}
