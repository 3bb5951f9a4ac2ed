/** What the registry knows, jurisdiction by jurisdiction (`comity jurisdictions`). */
import type { Registry } from './load-registry.js';
import { COUNTRY, parseOcd, titleFromOcdName } from './ocd.js';
import { STATES } from './states.js';

export interface JurisdictionSummary {
  id: string;
  name: string;
  level: string;
  fips?: string;
  instruments: number;
  provisions: number;
  /** floor, ceiling or none: the strongest layering among provisions in force today. */
  layering: string[];
}

export function listJurisdictions(registry: Registry, opts: { state?: string; includeUnregistered?: boolean } = {}): JurisdictionSummary[] {
  const ids = new Set<string>([COUNTRY, ...registry.provisions.map((p) => p.jurisdiction), ...registry.jurisdictions.keys()]);
  if (opts.includeUnregistered) for (const s of STATES) ids.add(`${COUNTRY}/${s.ocdType}:${s.code}`);
  const out: JurisdictionSummary[] = [];
  for (const id of ids) {
    const p = parseOcd(id);
    if (!p.ok) continue;
    if (opts.state && p.value.state?.code !== opts.state.toLowerCase()) continue;
    const reg = registry.jurisdictions.get(id);
    const provs = registry.provisions.filter((x) => x.jurisdiction === id);
    out.push({
      id,
      name: reg?.name ?? (p.value.local ? titleFromOcdName(p.value.local.name) : p.value.state?.name ?? 'United States'),
      level: p.value.level,
      ...(reg?.fips ?? (!p.value.local && p.value.state) ? { fips: reg?.fips ?? p.value.state!.fips } : {}),
      instruments: new Set(provs.map((x) => x.instrument.file)).size,
      provisions: provs.length,
      layering: [...new Set(provs.map((x) => x.layering).filter((l) => l !== 'none'))],
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
