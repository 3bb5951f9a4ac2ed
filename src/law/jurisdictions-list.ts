/** What the registry knows, jurisdiction by jurisdiction (`comity jurisdictions`). */
import type { Registry } from './load-registry.js';
import { COUNTRY, parseOcd, titleFromOcdName } from './ocd.js';
import { STATES, STATE_BY_CODE, type StateInfo } from './states.js';
import { Gazetteer } from './gazetteer.js';

export interface JurisdictionSummary {
  id: string;
  name: string;
  level: string;
  fips?: string;
  instruments: number;
  provisions: number;
  /** floor, ceiling or none: the strongest layering among provisions in force today. */
  layering: string[];
  /** Request types on which the research found no law here (noStateLaw / noLocalLaw). */
  noLawOn: string[];
  /** For a state: its counties and places with law or findings registered. */
  localities?: number;
  /** For a state: law registered, no state law found, or not researched. */
  status?: 'law registered' | 'no state law found' | 'not researched';
}

export function listJurisdictions(registry: Registry, opts: { state?: string; includeUnregistered?: boolean } = {}): JurisdictionSummary[] {
  const ids = new Set<string>([COUNTRY, ...registry.provisions.map((p) => p.jurisdiction), ...registry.jurisdictions.keys()]);
  if (opts.includeUnregistered) for (const s of STATES) if (s.ocdType !== 'territory') ids.add(`${COUNTRY}/${s.ocdType}:${s.code}`);
  const out: JurisdictionSummary[] = [];
  for (const id of ids) {
    const p = parseOcd(id);
    if (!p.ok) continue;
    if (opts.state && p.value.state?.code !== opts.state.toLowerCase()) continue;
    const reg = registry.jurisdictions.get(id);
    const provs = registry.provisions.filter((x) => x.jurisdiction === id);
    const noLawOn = [...new Set([...(reg?.noStateLaw ?? []), ...(reg?.noLocalLaw ?? [])].flatMap((f) => f.requests))].sort();
    const isState = p.value.level === 'state';
    out.push({
      id,
      name: reg?.name ?? (p.value.local ? titleFromOcdName(p.value.local.name) : p.value.state?.name ?? 'United States'),
      level: p.value.level,
      ...(reg?.fips ?? (!p.value.local && p.value.state) ? { fips: reg?.fips ?? p.value.state!.fips } : {}),
      instruments: new Set(provs.map((x) => x.instrument.file)).size,
      provisions: provs.length,
      layering: [...new Set(provs.map((x) => x.layering).filter((l) => l !== 'none'))],
      noLawOn,
      ...(isState ? {
        localities: [...ids].filter((x) => x.startsWith(`${id}/`)).length,
        status: provs.length ? 'law registered' as const : noLawOn.length ? 'no state law found' as const : 'not researched' as const,
      } : {}),
    });
  }
  // Federal first; each state (by name) followed by its counties and places.
  const stateName = (id: string) => STATE_BY_CODE.get(/(?:state|district):([a-z]{2})/.exec(id)?.[1] ?? '')?.name ?? '';
  return out.sort((a, b) => stateName(a.id).localeCompare(stateName(b.id)) || a.id.localeCompare(b.id));
}

/** A state by postal code (any case), or undefined. */
export function stateInfo(code: string): StateInfo | undefined {
  return STATE_BY_CODE.get(code.toLowerCase());
}

export interface CountySummary { fips: string; id: string; name: string; timeZone: string; otherTimeZones?: string[]; aliases: string[]; lawRegistered: boolean }

/** Every county of a state, from the gazetteer, with whether the registry has law of its own. */
export function countiesOf(code: string, registry?: Registry): CountySummary[] {
  return Gazetteer.load().countiesOf(code).map((c) => ({
    fips: c.fips, id: c.ocd, name: c.name, timeZone: c.timeZone, ...(c.otherTimeZones ? { otherTimeZones: c.otherTimeZones } : {}), aliases: c.aliases,
    lawRegistered: !!registry && [c.ocd, ...c.aliases].some((id) => registry.jurisdictions.has(id) || registry.provisions.some((p) => p.jurisdiction === id)),
  }));
}
