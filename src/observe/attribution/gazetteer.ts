// What the matcher compares landmarks against: counties by state, HIFLD facilities, Census places, AOR states.
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
  /** HIFLD's operator level: STATE, FEDERAL, COUNTY, LOCAL, MULTI (or '' when not given). */
  type: string;
}

/** A Census place (city, town, village, borough, CDP) and the counties it lies in, most people first. */
export interface Place {
  name: string;
  stateAbbr: string;
  /** False for census-designated places, which have no government (so no police department or jail). */
  incorporated: boolean;
  counties: { fips: string; share: number }[];
}

export interface Gazetteer {
  counties: Map<string, County>;
  /** state abbr → county base name → counties (a state can have "X County" and "X city"). */
  byStateBase: Map<string, Map<string, County[]>>;
  /** county base name → counties in every state (for names that exist in one state only). */
  byBase: Map<string, County[]>;
  /** AOR code → state abbreviations with at least one county in the AOR. */
  aorStates: Map<string, Set<string>>;
  /** state abbr → normalized facility name (and the name without its parenthesized abbreviation) → facilities. */
  facilities: Map<string, Map<string, Facility[]>>;
  /**
   * state abbr → facility name without its trailing type words ("GUS HARRISON" of "GUS HARRISON CORRECTIONAL
   * FACILITY"), kept only when two or more words remain; matched only before a facility word in the landmark.
   */
  facilityCores: Map<string, Map<string, Facility[]>>;
  /** state abbr → normalized city → county FIPS seen for that city's facilities. */
  cities: Map<string, Map<string, Set<string>>>;
  /** state abbr → normalized place name → places (from the law engine's gazetteer). */
  places: Map<string, Map<string, Place[]>>;
  /** Counties with at least one county, local or multi-jurisdiction jail in HIFLD. */
  jailCounties: Set<string>;
}

export interface PlaceInput {
  name: string;
  state: string;
  lsad: string;
  counties: { fips: string; share?: number }[];
  /** Other names of the place, e.g. "LEXINGTON" of "Lexington-Fayette urban county". */
  aliases?: string[];
}

export interface GazetteerInput {
  counties: { fips: string; name: string }[];
  countyAor: { fips: string; aor: string; state_name: string }[];
  facilities: { name: string; city: string | null; state: string | null; countyfips: string | null; type?: string | null }[];
  places?: PlaceInput[];
}

/** Words a facility name may end with that say what it is, not which it is. */
const FACILITY_TYPE_WORDS = new Set([
  'FACILITY', 'CENTER', 'INSTITUTION', 'CORRECTIONAL', 'DETENTION', 'PRISON', 'JAIL', 'UNIT', 'COMPLEX', 'STATE',
  'ADULT', 'REGIONAL', 'COMMUNITY', 'WORK', 'CAMP', 'ANNEX', 'PENITENTIARY', 'REFORMATORY', 'FARM', 'MEN', 'WOMEN', 'WOMENS',
]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function inner<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  return m;
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const counties = new Map<string, County>();
  const byStateBase = new Map<string, Map<string, County[]>>();
  const byBase = new Map<string, County[]>();
  for (const c of input.counties) {
    const state = STATE_BY_FIPS.get(c.fips.slice(0, 2));
    if (!state) continue;
    const { base, kind } = countyKey(c.name);
    const county: County = { fips: c.fips, stateFips: state.fips, stateAbbr: state.abbr, name: c.name, base, kind };
    counties.set(c.fips, county);
    push(inner(byStateBase, state.abbr), base, county);
    push(byBase, base, county);
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
  const facilityCores = new Map<string, Map<string, Facility[]>>();
  const cities = new Map<string, Map<string, Set<string>>>();
  const cores: [string, string, Facility, string][] = [];
  const jailCounties = new Set<string>();
  for (const f of input.facilities) {
    if (!f.state || !f.countyfips || !counties.has(f.countyfips)) continue;
    const facility: Facility = { name: f.name, key: normalize(f.name), city: normalize(f.city ?? ''), stateAbbr: f.state, fips: f.countyfips, type: f.type ?? '' };
    const byKey = inner(facilities, f.state);
    push(byKey, facility.key, facility);
    const bare = tokens(f.name.replace(/\([^)]*\)/g, ' '));
    if (bare.join(' ') !== facility.key && bare.length > 0) push(byKey, bare.join(' '), facility);
    // "MARICOPA COUNTY JAIL - LOWER BUCKEYE JAIL": the part after the dash is the facility's own name.
    for (const part of f.name.split(/\s+-\s+/).slice(1)) {
      const words = tokens(part.replace(/\([^)]*\)/g, ' '));
      if (words.length >= 2 && words.some((w) => !FACILITY_TYPE_WORDS.has(w))) push(byKey, words.join(' '), facility);
    }
    if (f.type === 'COUNTY' || f.type === 'LOCAL' || f.type === 'MULTI') jailCounties.add(f.countyfips);
    let end = bare.length;
    while (end > 0 && FACILITY_TYPE_WORDS.has(bare[end - 1] ?? '')) end -= 1;
    if (end >= 2 && end < bare.length) cores.push([f.state, bare.slice(0, end).join(' '), facility, bare[end] ?? '']);
    if (facility.city) {
      const cm = inner(cities, f.state);
      let set = cm.get(facility.city);
      if (!set) cm.set(facility.city, (set = new Set()));
      set.add(f.countyfips);
    }
  }
  const places = new Map<string, Map<string, Place[]>>();
  for (const p of input.places ?? []) {
    const inCounties = p.counties.filter((c) => counties.has(c.fips)).map((c) => ({ fips: c.fips, share: c.share ?? 1 }));
    if (inCounties.length === 0) continue;
    const place: Place = { name: p.name, stateAbbr: p.state, incorporated: p.lsad !== 'CDP', counties: inCounties };
    const byName = inner(places, p.state);
    for (const name of [p.name, ...(p.aliases ?? [])]) {
      const key = normalize(name);
      if (key) push(byName, key, place);
    }
  }
  // A core that is a state's name ("NEW JERSEY" of "NEW JERSEY STATE PRISON") names no facility. One that is a
  // county's or a town's name ("AVON PARK" of "AVON PARK CORRECTIONAL INSTITUTION") names the facility only with
  // the type word that follows it in the name: it is kept as a name, "AVON PARK CORRECTIONAL".
  for (const [st, core, facility, typeWord] of cores) {
    if (STATE_BY_NAME.has(core)) continue;
    const words = core.split(' ');
    if (byStateBase.get(st)?.has(core) || places.get(st)?.has(core) || words.some((w) => w === 'COUNTY' || w === 'PARISH' || w === 'CITY')) {
      push(inner(facilities, st), `${core} ${typeWord}`, facility);
    } else push(inner(facilityCores, st), core, facility);
  }
  return { counties, byStateBase, byBase, aorStates, facilities, facilityCores, cities, places, jailCounties };
}

export { tokens };
