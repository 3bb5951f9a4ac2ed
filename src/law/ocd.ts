/** Open Civic Data division ids for U.S. jurisdictions: parsing and the levels Comity layers. */
import { STATE_BY_CODE, type StateInfo } from './states.js';
import type { Level } from './vocab.js';

export const COUNTRY = 'ocd-division/country:us';

export interface ParsedOcd {
  id: string;
  level: Exclude<Level, 'agency'>;
  state?: StateInfo;
  /** The county (or parish, borough, census area) or place segment, e.g. { type: 'county', name: 'santa_clara' }. */
  local?: { type: string; name: string };
  /** Segments below the county or place, which Comity resolves as their parent. */
  ignored: string[];
}

export type OcdResult = { ok: true; value: ParsedOcd } | { ok: false; message: string };

/** OCD's types of county equivalents. */
export const COUNTY_TYPES: ReadonlySet<string> = new Set(['county', 'parish', 'borough', 'census_area']);

export function parseOcd(id: string): OcdResult {
  if (!id.startsWith(COUNTRY)) return { ok: false, message: `must start with ${COUNTRY}` };
  const segs = id.slice(COUNTRY.length).split('/').filter(Boolean);
  if (segs.length === 0) return { ok: true, value: { id, level: 'federal', ignored: [] } };
  const [type, code] = segs[0]!.split(':') as [string, string];
  const state = STATE_BY_CODE.get(code);
  if (!state || (type !== 'state' && type !== state.ocdType)) {
    return { ok: false, message: `unknown state or territory "${segs[0]}"` };
  }
  const stateId = `${COUNTRY}/${state.ocdType}:${state.code}`;
  if (segs.length === 1) return { ok: true, value: { id: stateId, level: 'state', state, ignored: [] } };
  const [ltype, lname] = segs[1]!.split(':') as [string, string];
  // Louisiana's parishes and Alaska's boroughs and census areas are county equivalents.
  const level = ltype === 'place' ? 'place' as const : COUNTY_TYPES.has(ltype) ? 'county' as const : undefined;
  if (!level) {
    return { ok: false, message: `"${segs[1]}" is not a county or place; Comity resolves county:… (parish:, borough:, census_area:) and place:… ids under a state` };
  }
  return {
    ok: true,
    value: { id: `${stateId}/${ltype}:${lname}`, level, state, local: { type: ltype, name: lname }, ignored: segs.slice(2) },
  };
}

/** "santa_clara" → "Santa Clara"; used for jurisdictions not in the registry. */
export function titleFromOcdName(name: string): string {
  return name.split(/[_~-]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}
