// What the matcher compares landmarks against: counties by state, HIFLD facilities, cities, AOR states.
import { countyKey, normalize, tokens } from './normalize.js';
import { STATE_BY_FIPS, STATE_BY_NAME } from './states.js';

export interface County {
  fips: string;
  stateFips: string;
  stateAbbr: string;
  name: string;
  base: string;
  kind: string;
}

export interface Facility {
  name: string;
  key: string;
  city: string;
  stateAbbr: string;
  fips: string;
}

export interface Gazetteer {
  counties: Map<string, County>;
  /** state abbr → county base name → counties (a state can have "X County" and "X city"). */
  byStateBase: Map<string, Map<string, County[]>>;
  /** AOR code → state abbreviations with at least one county in the AOR. */
  aorStates: Map<string, Set<string>>;
  /** state abbr → normalized facility name → facilities. */
  facilities: Map<string, Map<string, Facility[]>>;
  /** state abbr → normalized city → county FIPS seen for that city's facilities. */
  cities: Map<string, Map<string, Set<string>>>;
}

export interface GazetteerInput {
  counties: { fips: string; name: string }[];
  countyAor: { fips: string; aor: string; state_name: string }[];
  facilities: { name: string; city: string | null; state: string | null; countyfips: string | null }[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const counties = new Map<string, County>();
  const byStateBase = new Map<string, Map<string, County[]>>();
  for (const c of input.counties) {
    const state = STATE_BY_FIPS.get(c.fips.slice(0, 2));
    if (!state) continue;
    const { base, kind } = countyKey(c.name);
    const county: County = { fips: c.fips, stateFips: state.fips, stateAbbr: state.abbr, name: c.name, base, kind };
    counties.set(c.fips, county);
    let m = byStateBase.get(state.abbr);
    if (!m) byStateBase.set(state.abbr, (m = new Map()));
    push(m, base, county);
  }
  const aorStates = new Map<string, Set<string>>();
  for (const row of input.countyAor) {
    const state = STATE_BY_FIPS.get(row.fips.slice(0, 2)) ?? STATE_BY_NAME.get(row.state_name.toUpperCase());
    if (!state || !row.aor) continue;
    let s = aorStates.get(row.aor);
    if (!s) aorStates.set(row.aor, (s = new Set()));
    s.add(state.abbr);
  }
  const facilities = new Map<string, Map<string, Facility[]>>();
  const cities = new Map<string, Map<string, Set<string>>>();
  for (const f of input.facilities) {
    if (!f.state || !f.countyfips || !counties.has(f.countyfips)) continue;
    const facility: Facility = { name: f.name, key: normalize(f.name), city: normalize(f.city ?? ''), stateAbbr: f.state, fips: f.countyfips };
    let m = facilities.get(f.state);
    if (!m) facilities.set(f.state, (m = new Map()));
    push(m, facility.key, facility);
    if (facility.city) {
      let cm = cities.get(f.state);
      if (!cm) cities.set(f.state, (cm = new Map()));
      let set = cm.get(facility.city);
      if (!set) cm.set(facility.city, (set = new Set()));
      set.add(f.countyfips);
    }
  }
  return { counties, byStateBase, aorStates, facilities, cities };
}

export { tokens };
