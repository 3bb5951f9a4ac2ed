/** Resolve a jurisdiction id to the chain of jurisdictions whose law binds there, most general first. */
import { COUNTY_TIME_ZONES } from './county-time-zones.js';
import type { Registry } from './load-registry.js';
import { COUNTRY, parseOcd, titleFromOcdName } from './ocd.js';

export interface ResolvedJurisdiction {
  /** The id as resolved (segments below a county or place dropped). */
  id: string;
  name: string;
  level: 'federal' | 'state' | 'county' | 'place';
  fips?: string;
  timeZone: string;
  /** Every jurisdiction whose law applies, most general first. */
  chain: string[];
  /** True when the registry has an index.yaml for this exact id. */
  registered: boolean;
  notes: string[];
}

export type ResolveResult = { ok: true; value: ResolvedJurisdiction } | { ok: false; message: string };

export function resolveJurisdiction(registry: Registry, id: string): ResolveResult {
  const parsed = parseOcd(id);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const notes: string[] = [];
  if (p.ignored.length > 0) notes.push(`Resolved as ${p.id}: Comity registers law down to counties and places; ${p.ignored.join('/')} was set aside.`);
  if (!p.state) {
    return { ok: true, value: { id: COUNTRY, name: 'United States', level: 'federal', timeZone: 'America/New_York', chain: [COUNTRY], registered: true, notes } };
  }
  const stateId = `${COUNTRY}/${p.state.ocdType}:${p.state.code}`;
  const chain = [COUNTRY, stateId];
  const reg = registry.jurisdictions.get(p.id);
  if (p.local) {
    for (const w of reg?.within ?? []) if (!chain.includes(w)) chain.push(w);
    chain.push(p.id);
    if (!reg) notes.push(`No ${p.local.type} law is registered for ${p.id}; ${p.state.name} and federal law apply.`);
  }
  const timeZone = reg?.timeZone
    ?? (p.local?.type === 'county' ? COUNTY_TIME_ZONES.get(`${p.state.code}/${p.local.name}`) : undefined)
    ?? p.state.timeZone;
  const name = reg?.name ?? (p.local ? `${titleFromOcdName(p.local.name)}${p.local.type === 'county' ? ' County' : ''}, ${p.state.name}` : p.state.name);
  const fips = reg?.fips ?? (p.local ? undefined : p.state.fips);
  return {
    ok: true,
    value: { id: p.id, name, level: p.level as ResolvedJurisdiction['level'], ...(fips ? { fips } : {}), timeZone, chain, registered: !!reg || !p.local, notes },
  };
}
