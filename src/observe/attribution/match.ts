// Attribute one free-text landmark to a county (5-digit FIPS), with the method, a confidence and the candidates weighed.
import type { County, Facility, Gazetteer, Place } from './gazetteer.js';
import { tokens } from './normalize.js';
import { STATE_BY_ABBR, STATE_BY_NAME } from './states.js';

export type Confidence = 'high' | 'medium' | 'low';
export type MatchMethod =
  | 'known-place'
  | 'ori'
  | 'county-name'
  | 'county-name+ori'
  | 'county-name+city'
  | 'county-name+jail'
  | 'county-name-general-area'
  | 'county-name-outside-aor'
  | 'hifld-facility'
  | 'hifld-facility-outside-aor'
  | 'city'
  | 'city-general-area';
export type NoMatchReason = 'blank' | 'general-area' | 'ice-office' | 'ambiguous' | 'no-match';

export type Attribution =
  | { fips: string; method: MatchMethod; confidence: Confidence; detail: string }
  | { fips: null; reason: NoMatchReason; detail: string };

/** Where the matcher looked: the AOR's states, the states the text names, and which of them it searched. */
export interface StatesInPlay {
  aor: string[];
  named: string[];
  searched: string[];
  /** Why these: the text names states of the AOR, names only other states, names none (the AOR's), or the AOR has none. */
  scope: 'named-in-aor' | 'named-outside-aor' | 'aor' | 'all-states';
}

export interface CountyCandidate {
  fips: string;
  name: string;
  state: string;
}

export interface Candidates {
  /** "<name> COUNTY" phrases and the counties of that name in the states searched (or, failing those, in any state). */
  countyNames: { phrase: string; outsideAor: boolean; counties: CountyCandidate[] }[];
  /** HIFLD facilities whose name (or name without its type words) the landmark contains. */
  facilities: { key: string; outsideAor: boolean; facilities: { name: string; city: string; state: string; fips: string }[] }[];
  /** Census places (and county names without the word COUNTY) named where a city can be: before PD, JAIL, …, after CITY OF, before a state. */
  cities: { phrase: string; places: { name: string; state: string; incorporated: boolean; counties: { fips: string; share: number }[] }[]; counties: string[] }[];
  ori: CountyCandidate | null;
}

export interface LandmarkExplanation {
  aor: string | null;
  landmark: string;
  /** The landmark as the matcher reads it: upper case, punctuation dropped, abbreviations expanded. */
  normalized: string;
  states: StatesInPlay;
  candidates: Candidates;
  attribution: Attribution;
}

/** Sub-office and area abbreviations that stand for a county name in landmarks ("DAL COUNTY JAIL"). */
const NAME_ALIASES: Record<string, string> = { DAL: 'DALLAS', LA: 'LOS ANGELES', SF: 'SAN FRANCISCO', PG: 'PRINCE GEORGES', 'VA BEACH': 'VIRGINIA BEACH' };
/** Consolidated city-counties and jails whose names carry no county word. */
const KNOWN_PLACES: readonly [RegExp, string, string][] = [
  [/\bLOUISVILLE METRO\b/, '21111', 'Jefferson County, KY (Louisville Metro)'],
  [/\bMOBILE METRO JAIL\b/, '01097', 'Mobile County, AL (Mobile Metro Jail)'],
  [/\b(DC JAIL|DISTRICT OF COLUMBIA)\b/, '11001', 'District of Columbia'],
  [/\bRIKERS ISLAND\b/, '36005', 'Bronx County, NY (Rikers Island)'],
];
const KIND_WORD: Record<string, string> = { COUNTY: 'county', PARISH: 'parish', BOROUGH: 'borough', CITY: 'city', CO: 'county' };
/** Two-letter codes that are also English words or name parts: trusted only as the last token. */
const RISKY_ABBR = new Set(['IN', 'OR', 'ME', 'CO', 'DE', 'LA', 'OK', 'HI', 'AS', 'ID', 'PA', 'MA', 'AL', 'MO', 'MD', 'SC', 'GU', 'VI', 'MP', 'WA', 'NE', 'SD', 'ND', 'DC']);
/** Words after which a state name is part of another name ("WASHINGTON TOWNSHIP", "VIRGINIA BEACH"), not the state. */
const NOT_STATE_AFTER = new Set(['COUNTY', 'PARISH', 'CITY', 'TOWNSHIP', 'BEACH', 'PARK', 'HEIGHTS', 'HILLS', 'AVENUE', 'AVE', 'STREET', 'ROAD']);
const FACILITY_WORDS = new Set(['JAIL', 'POLICE', 'PD', 'DETENTION', 'SHERIFFS', 'MUNICIPAL', 'CORRECTIONAL', 'MARSHAL', 'MARSHALS', 'LOCKUP', 'JUSTICE']);
const GENERIC = new Set([...FACILITY_WORDS, 'COUNTY', 'CITY', 'STATE', 'CENTER', 'FACILITY', 'ADULT', 'OFFICE', 'DEPARTMENT', 'DEPT', 'OF', 'THE', 'AND', 'REGIONAL', 'INSTITUTION', 'UNIT', 'PRISON', 'COMPLEX', 'MAIN', 'WORK', 'RELEASE', 'CENTRAL', 'NORTH', 'SOUTH', 'EAST', 'WEST', 'ANNEX', 'PUBLIC', 'SAFETY', 'BUILDING', 'JUVENILE', 'SHERIFFS OFFICE', 'LAW', 'ENFORCEMENT', 'CAP', 'PROBATION', 'PAROLE', 'COURT', 'DISTRICT', 'CIRCUIT', 'GENERAL', 'AREA', 'NON', 'SPECIFIC', 'STREET', 'ARREST', 'TOWN', 'VILLAGE', 'BOROUGH', 'TOWNSHIP', 'FEDERAL', 'COMMUNITY', 'CORRECTIONS', 'SERVICES', 'DIVISION', 'TASK', 'FORCE', 'TEAM', 'SPECIAL', 'AIRPORT', 'HOSPITAL', 'BOOKING', 'PROCESSING', 'HOLDING']);
/** Words after a city name that say the landmark is that city's agency or a place in it. */
const AFTER_CITY = new Set(['POLICE', 'PD', 'JAIL', 'CITY', 'MUNICIPAL', 'COURT', 'DISTRICT', 'PROBATION', 'PAROLE', 'SHERIFFS', 'MARSHAL', 'DETENTION', 'CORRECTIONAL', 'BARRACKS', 'PUBLIC', 'DEPARTMENT', 'TOWN', 'VILLAGE', 'BOROUGH', 'GENERAL', 'STREET', 'AIRPORT', 'STATE', 'ADULT', 'JUSTICE', 'LOCKUP']);
/** Words that begin place names ("NORTH BERGEN", "FORT WORTH"): what follows them alone is another name. */
const NAME_PREFIX = new Set(['NORTH', 'SOUTH', 'EAST', 'WEST', 'NEW', 'FORT', 'PORT', 'LAKE', 'MOUNT', 'SAINT', 'UPPER', 'LOWER', 'GREAT', 'LITTLE', 'OLD', 'GRAND', 'PALM', 'SAN', 'SANTA', 'LOS', 'LAS', 'EL', 'LA', 'DE']);
/** Contexts in which only a municipality fits (a census-designated place has no police or court). */
const MUNICIPAL_AFTER = new Set(['POLICE', 'PD', 'MUNICIPAL', 'COURT', 'CITY', 'TOWN', 'VILLAGE', 'BOROUGH', 'MARSHAL', 'PUBLIC', 'DEPARTMENT']);
/** ICE offices and units: their landmark gives where the unit sits or works, not where the arrest was. */
const ICE_UNIT = /\b(ERO|ICE|SUB OFFICE|SUBOFFICE|SPC|FIELD OFFICE|CONTRACT DETENTION|DOCKET|VCAS|FUG OPS|FUGOPS|FUGITIVE OPERATIONS|STREET TEAM|BORDER PATROL|HOLD ROOM|DETENTION AND REMOVAL|CIS REFERRAL)\b/;
/** A city must hold more than this share of its people in one county to be read as that county. */
const CITY_SHARE = 0.97;

function countyLabel(c: County): CountyCandidate {
  return { fips: c.fips, name: c.name, state: c.stateAbbr };
}

interface StateHints {
  states: Set<string>;
  /** Token spans [start, end) read as state names or codes. */
  spans: [number, number][];
}

function placeKeys(gaz: Gazetteer, states: Iterable<string>, key: string): boolean {
  for (const st of states) if (gaz.places.get(st)?.has(key)) return true;
  return false;
}

/**
 * States the landmark names, by postal code (risky ones only at the end or before STATE) or by name. A state name
 * inside a longer place name of the AOR's states ("WEST NEW YORK" in New Jersey, "KANSAS CITY") is not a state.
 */
export function detectStates(t: readonly string[], gaz?: Gazetteer, aorStates: Iterable<string> = []): StateHints {
  const found = new Set<string>();
  const spans: [number, number][] = [];
  const within = [...aorStates];
  t.forEach((tok, i) => {
    const last = i === t.length - 1 || (i === t.length - 2 && t[i + 1] === 'STATE');
    if (tok.length === 2 && STATE_BY_ABBR.has(tok) && (last || !RISKY_ABBR.has(tok))) {
      found.add(tok);
      spans.push([i, i + 1]);
    }
    if (tok === 'TXN' || tok === 'TXS') found.add('TX');
  });
  for (let len = 3; len >= 1; len--) {
    for (let i = 0; i + len <= t.length; i++) {
      const name = t.slice(i, i + len).join(' ');
      const state = STATE_BY_NAME.get(name);
      if (!state || NOT_STATE_AFTER.has(t[i + len] ?? '') || t[i - 1] === 'SAINT') continue;
      if (gaz && within.length > 0) {
        let partOfPlace = false;
        for (let a = Math.max(0, i - 2); a <= i && !partOfPlace; a++) {
          for (let b = i + len; b <= Math.min(t.length, i + len + 2) && !partOfPlace; b++) {
            if (a === i && b === i + len) continue;
            if (placeKeys(gaz, within, t.slice(a, b).join(' '))) partOfPlace = true;
          }
        }
        if (partOfPlace) continue;
      }
      found.add(state.abbr);
      spans.push([i, i + len]);
    }
  }
  return { states: found, spans };
}

export function oriCounty(landmark: string, gaz: Gazetteer): County | undefined {
  const m = /\b([A-Z]{2})(\d{3})\d{4}\b/.exec(landmark.toUpperCase());
  if (!m?.[1] || !m[2]) return undefined;
  const state = STATE_BY_ABBR.get(m[1]);
  const n = Number(m[2]);
  if (!state || n < 1) return undefined;
  // FBI ORI county numbers run alphabetically 1, 2, 3…; county FIPS codes run alphabetically 1, 3, 5…
  return gaz.counties.get(`${state.fips}${String(2 * n - 1).padStart(3, '0')}`);
}

interface NameMatch {
  phrase: string;
  start: number;
  end: number;
  counties: County[];
}

function kindFits(c: County, kind: string): boolean {
  return c.kind === kind || (kind === 'county' && c.kind !== 'city') || (kind === 'parish' && c.kind === 'parish');
}

/** Levenshtein distance at most 1 (one letter added, dropped or changed). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * "<name> COUNTY|PARISH|BOROUGH|CITY|CO" phrases and the counties of that name in `lookup` (a state's names, or all
 * states'). The longest name wins; several counties of that name (in several states) are all returned.
 */
function countyNameMatches(t: readonly string[], lookup: (base: string) => County[], coIsCounty: (c: County) => boolean, fuzzy?: (base: string) => County[]): NameMatch | undefined {
  let best: NameMatch | undefined;
  t.forEach((tok, i) => {
    const kind = KIND_WORD[tok];
    if (!kind) return;
    for (let k = Math.min(4, i); k >= 1; k--) {
      if (best && k < best.end - best.start) break;
      const raw = t.slice(i - k, i).join(' ');
      const base = NAME_ALIASES[raw] ?? raw;
      const hits = (fuzzy ?? lookup)(base).filter((c) => kindFits(c, kind) && (tok !== 'CO' || coIsCounty(c)));
      if (hits.length > 0) {
        if (!best || k > best.end - best.start) best = { phrase: `${raw} ${tok}`, start: i - k, end: i, counties: hits };
        else best = { ...best, counties: [...new Set([...best.counties, ...hits])] };
        break;
      }
    }
  });
  return best;
}

interface FacilityEntry {
  key: string;
  list: readonly Facility[];
  core: boolean;
  /** Position in the state's facility map: ties between equally long names go to the earlier one. */
  ordinal: number;
}

/** Per state, the facility names worth matching (two or more words, one of them not generic), by first word. */
const facilityIndexes = new WeakMap<Gazetteer, Map<string, Map<string, FacilityEntry[]>>>();

function facilityIndex(gaz: Gazetteer): Map<string, Map<string, FacilityEntry[]>> {
  let index = facilityIndexes.get(gaz);
  if (index) return index;
  index = new Map();
  const add = (byFirst: Map<string, FacilityEntry[]>, key: string, list: readonly Facility[], core: boolean, ordinal: number) => {
    const keyTokens = key.split(' ');
    if (keyTokens.filter((w) => !GENERIC.has(w)).length < 1 || keyTokens.length < 2) return;
    const first = keyTokens[0] ?? '';
    const entries = byFirst.get(first);
    const entry = { key, list, core, ordinal };
    if (entries) entries.push(entry);
    else byFirst.set(first, [entry]);
  };
  const states = new Set([...gaz.facilities.keys(), ...gaz.facilityCores.keys()]);
  for (const st of states) {
    const byFirst = new Map<string, FacilityEntry[]>();
    let ordinal = 0;
    for (const [key, list] of gaz.facilities.get(st) ?? []) add(byFirst, key, list, false, ++ordinal);
    for (const [key, list] of gaz.facilityCores.get(st) ?? []) add(byFirst, key, list, true, ++ordinal);
    index.set(st, byFirst);
  }
  facilityIndexes.set(gaz, index);
  return index;
}

/** The longest facility name (or core name, before a facility word) the landmark contains, in the given states. */
/** Every state's facility names in one index by first word (for names looked for in any state). */
const nationalIndexes = new WeakMap<Gazetteer, Map<string, FacilityEntry[]>>();

function nationalIndex(gaz: Gazetteer): Map<string, FacilityEntry[]> {
  let all = nationalIndexes.get(gaz);
  if (all) return all;
  all = new Map();
  for (const byFirst of facilityIndex(gaz).values()) {
    for (const [first, entries] of byFirst) {
      const list = all.get(first);
      if (list) list.push(...entries);
      else all.set(first, [...entries]);
    }
  }
  nationalIndexes.set(gaz, all);
  return all;
}

function facilityMatches(t: readonly string[], states: Iterable<string> | 'anywhere', gaz: Gazetteer): { fips: Set<string>; key: string; list: Facility[] } | undefined {
  const text = t.join(' ');
  let bestKey = '';
  let fips = new Set<string>();
  let list: Facility[] = [];
  const padded = ` ${text} `;
  const words = new Set(t);
  const index = facilityIndex(gaz);
  const indexes = states === 'anywhere' ? [nationalIndex(gaz)] : [...states].map((st) => index.get(st));
  for (const byFirst of indexes) {
    if (!byFirst) continue;
    // Only names whose first word is in the text can be contained in it; visit them in the state's map order.
    const hits: FacilityEntry[] = [];
    for (const w of words) {
      for (const entry of byFirst.get(w) ?? []) {
        const at = padded.indexOf(` ${entry.key} `);
        if (at < 0) continue;
        if (entry.core) {
          // A core name ("GUS HARRISON") counts only when a facility word follows it in the landmark.
          const next = padded.slice(at + entry.key.length + 2).split(' ')[0] ?? '';
          if (!FACILITY_CORE_NEXT.has(next)) continue;
        }
        hits.push(entry);
      }
    }
    hits.sort((a, b) => a.ordinal - b.ordinal);
    for (const entry of hits) {
      if (entry.key.length > bestKey.length) {
        bestKey = entry.key;
        fips = new Set(entry.list.map((f) => f.fips));
        list = [...entry.list];
      } else if (entry.key.length === bestKey.length) {
        for (const f of entry.list) fips.add(f.fips);
        list.push(...entry.list.filter((f) => !list.includes(f)));
      }
    }
  }
  return bestKey ? { fips, key: bestKey, list } : undefined;
}
const FACILITY_CORE_NEXT = new Set(['CORRECTIONAL', 'CORRECTION', 'DETENTION', 'PRISON', 'JAIL', 'CENTER', 'FACILITY', 'INSTITUTION', 'UNIT', 'STATE', 'REGIONAL', 'PENITENTIARY', 'COMPLEX', 'CAMP', 'WORK', 'ANNEX', 'COMMUNITY', 'CCF']);

/** Token span [start, end) of a facility key within the landmark tokens. */
function facilitySpan(t: readonly string[], key: string): [number, number] | undefined {
  const k = key.split(' ');
  for (let i = 0; i + k.length <= t.length; i++) if (k.every((w, j) => t[i + j] === w)) return [i, i + k.length];
  return undefined;
}

interface CityMatch {
  phrase: string;
  start: number;
  end: number;
  places: Place[];
  counties: County[];
  /** The county FIPS codes the phrase can stand for (one when it settles the county). */
  fips: Set<string>;
  municipal: boolean;
}

/**
 * Places (and county names without the word COUNTY) of the given states named where a city can stand: before an
 * agency or place word (PD, JAIL, COURT, PROBATION, …), after CITY/TOWN/VILLAGE OF, before a state the text names,
 * or at the end of the landmark. `strict`: only before a state (for "… GENERAL AREA" landmarks).
 */
function cityMatches(t: readonly string[], states: readonly string[], gaz: Gazetteer, stateSpans: readonly [number, number][], strict: boolean): CityMatch[] {
  const stateStarts = new Set(stateSpans.map(([s]) => s));
  const inStateSpan = (a: number, b: number) => stateSpans.some(([s, e]) => a < e && s < b);
  const found: CityMatch[] = [];
  for (let i = 0; i < t.length; i++) {
    // "BERGEN" of "NORTH BERGEN", "MESA" of "EAST MESA": a word that begins names makes another name.
    if (NAME_PREFIX.has(t[i - 1] ?? '')) continue;
    for (let k = Math.min(4, t.length - i); k >= 1; k--) {
      const words = t.slice(i, i + k);
      if (words.every((w) => GENERIC.has(w) || /^\d/.test(w))) continue;
      if (k === 1 && (words[0] ?? '').length < 4) continue;
      if (inStateSpan(i, i + k)) continue;
      const phrase = words.join(' ');
      // Most phrases name nothing: said before any list is built for them.
      if (!states.some((st) => gaz.places.get(st)?.has(phrase) || gaz.byStateBase.get(st)?.has(phrase) || gaz.cities.get(st)?.has(phrase))) continue;
      const next = t[i + k];
      const before = t[i - 1] === 'OF' && ['CITY', 'TOWN', 'VILLAGE', 'BOROUGH'].includes(t[i - 2] ?? '');
      const beforeState = stateStarts.has(i + k);
      const atEnd = i + k === t.length;
      const ok = strict ? beforeState : before || beforeState || atEnd || (next !== undefined && AFTER_CITY.has(next));
      const places: Place[] = [];
      for (const st of states) places.push(...(gaz.places.get(st)?.get(phrase) ?? []));
      const counties: County[] = [];
      for (const st of states) counties.push(...(gaz.byStateBase.get(st)?.get(phrase) ?? []).filter((c) => c.kind !== 'city'));
      const hifld = new Set<string>();
      if (places.length === 0) for (const st of states) for (const f of gaz.cities.get(st)?.get(phrase) ?? []) hifld.add(f);
      if (places.length === 0 && counties.length === 0 && hifld.size === 0) continue;
      // The longest name here is this one: a shorter name inside it ("OKLAHOMA" of "OKLAHOMA CITY") is not tried.
      if (!ok) break;
      const municipal = before || (next !== undefined && MUNICIPAL_AFTER.has(next));
      // A police department, court or city jail belongs to a municipality: drop census-designated places when one is.
      const usable = municipal && places.some((p) => p.incorporated) ? places.filter((p) => p.incorporated) : places;
      const fips = new Set<string>(hifld);
      for (const p of usable) {
        const top = p.counties[0];
        if (top && (p.counties.length === 1 || top.share > CITY_SHARE)) fips.add(top.fips);
        else for (const c of p.counties) fips.add(c.fips);
      }
      // A city's police or a "CITY OF": the municipality, not a county of that name.
      if (!(municipal && usable.length > 0)) for (const c of counties) fips.add(c.fips);
      found.push({ phrase, start: i, end: i + k, places: usable, counties, fips, municipal });
      break;
    }
  }
  // A name inside a longer one found ("HAVEN" in "NEW HAVEN") is not a second city.
  return found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
}

function union(matches: readonly CityMatch[]): Set<string> {
  const all = new Set<string>();
  for (const m of matches) for (const f of m.fips) all.add(f);
  return all;
}

/** Explains where one landmark goes: the states searched, every candidate considered, and the attribution. */
export function explainLandmark(landmark: string | null, aor: string | null, gaz: Gazetteer): LandmarkExplanation {
  const aorStates = (aor && gaz.aorStates.get(aor)) || new Set<string>();
  const t = tokens(landmark ?? '');
  // A trailing "CO" ("TRAVIS CO") means county unless Colorado is in play.
  if (t[t.length - 1] === 'CO' && !aorStates.has('CO')) t[t.length - 1] = 'COUNTY';
  const text = t.join(' ');
  const candidates: Candidates = { countyNames: [], facilities: [], cities: [], ori: null };
  const hints = detectStates(t, gaz, aorStates);
  const inAor = [...hints.states].filter((s) => aorStates.has(s));
  const searched = inAor.length > 0 ? inAor : hints.states.size > 0 ? [...hints.states] : [...aorStates];
  const states: StatesInPlay = {
    aor: [...aorStates].sort(),
    named: [...hints.states].sort(),
    searched: [...searched].sort(),
    scope: inAor.length > 0 ? 'named-in-aor' : hints.states.size > 0 ? 'named-outside-aor' : aorStates.size > 0 ? 'aor' : 'all-states',
  };
  const done = (attribution: Attribution): LandmarkExplanation => ({ aor, landmark: landmark ?? '', normalized: text, states, candidates, attribution });
  if (!landmark || t.length === 0) return done({ fips: null, reason: 'blank', detail: '' });
  for (const [pattern, fips, name] of KNOWN_PLACES) {
    if (pattern.test(text)) return done({ fips, method: 'known-place', confidence: 'high', detail: name });
  }
  const narrowed = searched.length === 1;
  // Area codes, retired codes and patrol areas described by county lines name no single county.
  const generalArea = /\b(GENERAL AREA|NON SPECIFIC|DO NOT USE|COUNTY LINE)\b/.test(text);
  const ori = oriCounty(landmark, gaz);
  if (ori) candidates.ori = countyLabel(ori);
  // "CO" after a name is "county" unless it may be Colorado; in Colorado, only for Colorado's counties.
  const coIsCounty = (c: County) => !searched.includes('CO') || c.stateAbbr === 'CO';
  const inSearched = (base: string) => searched.flatMap((st) => gaz.byStateBase.get(st)?.get(base) ?? []);

  // 1. A county name, in the states searched; failing that, a misspelling of one; failing that (when the text names
  //    no state), a name that exists in one state only.
  let named = countyNameMatches(t, inSearched, coIsCounty);
  let outsideAor = states.scope === 'named-outside-aor';
  let fuzzy = false;
  if (!named) {
    let bases: [string, County[]][] | undefined;
    const near = (base: string) => (base.length >= 6 ? (bases ??= searched.flatMap((st) => [...(gaz.byStateBase.get(st) ?? new Map<string, County[]>()).entries()])).filter(([b]) => b.length >= 6 && b[0] === base[0] && oneEditApart(b, base)).flatMap(([, cs]) => cs) : []);
    named = countyNameMatches(t, inSearched, coIsCounty, near);
    fuzzy = named !== undefined;
  }
  // A name one letter off a county of the AOR's states ("KERN" in Texas, beside Kerr) is not read as another state's county.
  const nearInAor = (): boolean =>
    t.some((tok, i) => KIND_WORD[tok] !== undefined && i > 0 && searched.some((st) => [...(gaz.byStateBase.get(st)?.keys() ?? [])].some((b) => b.length >= 4 && oneEditApart(b, t.slice(Math.max(0, i - b.split(' ').length), i).join(' ')))));
  if (!named && hints.states.size === 0 && !nearInAor()) {
    const national = countyNameMatches(t, (base) => gaz.byBase.get(base) ?? [], (c) => !searched.includes('CO') && c.stateAbbr !== 'CO');
    if (national) {
      named = national;
      outsideAor = true;
    }
  }
  const cityStates = states.scope === 'aor' || states.scope === 'named-in-aor' || states.scope === 'named-outside-aor' ? searched : [];
  let cities = cityMatches(t, cityStates, gaz, hints.spans, generalArea);
  // A city name inside a facility name the landmark holds, in any state, is part of that name ("PLAINS" of "GREAT
  // PLAINS CORRECTIONAL CENTER", Oklahoma, is not Plains, Texas).
  const anyFacility = cities.length > 0 ? facilityMatches(t, 'anywhere', gaz) : undefined;
  if (anyFacility) {
    const span = facilitySpan(t, anyFacility.key);
    // Only a name with more in it than the city and type words: "GREENVILLE CITY JAIL" is still Greenville.
    const more = (c: CityMatch) => span !== undefined && t.slice(span[0], span[1]).some((w, j) => (span[0] + j < c.start || span[0] + j >= c.end) && !GENERIC.has(w));
    if (span) cities = cities.filter((c) => !(span[0] <= c.start && c.end <= span[1] && more(c)));
  }
  const citiesInScope = cities.length > 0;
  // A prison named by its town ("BUREAU OF PRISONS, ENGLEWOOD, CO"): the county of the prisons of that kind named
  // for the town or in it (HIFLD), which need not be the town's own county.
  const prisonType = /\b(BOP|BUREAU OF PRISONS|FCI|USP|FMC|FPC|FDC|FEDERAL)\b/.test(text) ? 'FEDERAL' : /\b(DOC|STATE PRISON|DEPARTMENT OF CORRECTIONAL|DEPT OF CORRECTIONAL)\b/.test(text) ? 'STATE' : '';
  if (prisonType) {
    for (const c of cities) {
      const prisons = cityStates.flatMap((st) => [...(gaz.facilities.get(st)?.values() ?? [])].flat()).filter((f) => f.type === prisonType && (f.city === c.phrase || ` ${f.key} `.includes(` ${c.phrase} `)));
      if (prisons.length > 0) c.fips = new Set(prisons.map((f) => f.fips));
    }
  }
  for (const c of cities) {
    candidates.cities.push({
      phrase: c.phrase,
      places: c.places.map((p) => ({ name: p.name, state: p.stateAbbr, incorporated: p.incorporated, counties: p.counties })),
      counties: [...c.fips],
    });
  }
  if (named) {
    candidates.countyNames.push({ phrase: named.phrase, outsideAor, counties: named.counties.map(countyLabel) });
    const list = named.counties;
    const confidence: Confidence = fuzzy || outsideAor || !narrowed || ori ? 'medium' : 'high';
    if (list.length === 1 && list[0]) {
      const c = list[0];
      if (generalArea) return done({ fips: c.fips, method: 'county-name-general-area', confidence: 'low', detail: `${c.name}, ${c.stateAbbr}` });
      if (ori && ori.fips === c.fips) return done({ fips: c.fips, method: 'county-name+ori', confidence: 'high', detail: `${c.name}, ${c.stateAbbr}` });
      if (outsideAor && states.scope !== 'named-outside-aor') {
        const method = states.scope === 'all-states' ? 'county-name' : 'county-name-outside-aor';
        return done({ fips: c.fips, method, confidence: 'medium', detail: `${c.name}, ${c.stateAbbr} (the only county of that name)` });
      }
      return done({ fips: c.fips, method: 'county-name', confidence, detail: `${c.name}, ${c.stateAbbr}${fuzzy ? ` (spelt "${named.phrase}")` : ''}` });
    }
    const viaOri = ori && list.find((c) => c.fips === ori.fips);
    if (viaOri) return done({ fips: viaOri.fips, method: 'county-name+ori', confidence: 'high', detail: `${viaOri.name}, ${viaOri.stateAbbr}` });
    // A city the landmark names elsewhere settles which of the counties of that name it is.
    const elsewhere = union(cities.filter((c) => c.end <= named.start || c.start >= named.end));
    const settled = list.filter((c) => elsewhere.has(c.fips));
    if (settled.length === 1 && settled[0] && !generalArea) {
      const c = settled[0];
      return done({ fips: c.fips, method: 'county-name+city', confidence: 'medium', detail: `${c.name}, ${c.stateAbbr}` });
    }
    // A jail of that name can only be in a county that has a jail (HIFLD): "CLARK COUNTY DETENTION CENTER" in Nevada, not Idaho.
    if (/\b(JAIL|DETENTION|CORRECTIONAL|SHERIFFS)\b/.test(text) && !generalArea) {
      const withJail = list.filter((c) => gaz.jailCounties.has(c.fips));
      if (withJail.length === 1 && withJail[0]) {
        const c = withJail[0];
        return done({ fips: c.fips, method: 'county-name+jail', confidence: 'medium', detail: `${c.name}, ${c.stateAbbr} (the only one with a jail)` });
      }
    }
    return done({ fips: null, reason: 'ambiguous', detail: list.map((c) => `${c.name}, ${c.stateAbbr}`).join('; ') });
  }
  if (ori) return done({ fips: ori.fips, method: 'ori', confidence: 'medium', detail: `${ori.name}, ${ori.stateAbbr}` });
  if (ICE_UNIT.test(text)) return done({ fips: null, reason: 'ice-office', detail: '' });
  if (generalArea) {
    const all = union(cities);
    if (all.size === 1) {
      const fips = [...all][0] ?? '';
      return done({ fips, method: 'city-general-area', confidence: 'low', detail: cities.map((c) => c.phrase).join(', ') });
    }
    return done({ fips: null, reason: 'general-area', detail: '' });
  }

  // 2. A HIFLD facility named in the landmark; 3. a city; 4. (when the text names no state) a facility name found in one county only.
  const facility = facilityMatches(t, searched, gaz);
  if (facility) candidates.facilities.push({ key: facility.key, outsideAor: false, facilities: facility.list.map((f) => ({ name: f.name, city: f.city, state: f.stateAbbr, fips: f.fips })) });
  if (facility && facility.fips.size === 1) {
    const fips = [...facility.fips][0] ?? '';
    return done({ fips, method: 'hifld-facility', confidence: facility.key.split(' ').length >= 3 && narrowed ? 'high' : 'medium', detail: facility.key });
  }
  const cityFips = union(cities);
  if (cityFips.size === 1 && !facility) {
    const fips = [...cityFips][0] ?? '';
    const municipal = cities.every((c) => c.municipal && c.places.length > 0 && c.places.every((p) => p.incorporated));
    return done({ fips, method: 'city', confidence: municipal && narrowed ? 'medium' : 'low', detail: cities.map((c) => c.phrase).join(', ') });
  }
  if (facility || cityFips.size > 1) {
    return done({ fips: null, reason: 'ambiguous', detail: facility ? facility.key : cities.map((c) => `${c.phrase}: ${[...c.fips].join(' ')}`).join('; ') });
  }
  if (hints.states.size === 0 && !citiesInScope) {
    const everywhere = facilityMatches(t, 'anywhere', gaz);
    // Outside the AOR's states only a landmark that is nothing but the facility's name ("ADAMS COUNTY CORRECTIONAL CENTER").
    const keyWords = new Set(everywhere?.key.split(' ') ?? []);
    const onlyFacility = t.every((w) => keyWords.has(w) || GENERIC.has(w) || w.length === 1 || /^\d/.test(w));
    if (everywhere && everywhere.key.split(' ').length >= 3 && onlyFacility) {
      candidates.facilities.push({ key: everywhere.key, outsideAor: true, facilities: everywhere.list.map((f) => ({ name: f.name, city: f.city, state: f.stateAbbr, fips: f.fips })) });
      if (everywhere.fips.size === 1) {
        const fips = [...everywhere.fips][0] ?? '';
        return done({ fips, method: states.scope === 'all-states' ? 'hifld-facility' : 'hifld-facility-outside-aor', confidence: 'low', detail: `${everywhere.key} (${everywhere.list[0]?.stateAbbr ?? ''})` });
      }
    }
  }
  return done({ fips: null, reason: 'no-match', detail: '' });
}

export function attributeLandmark(landmark: string | null, aor: string | null, gaz: Gazetteer): Attribution {
  return explainLandmark(landmark, aor, gaz).attribution;
}
