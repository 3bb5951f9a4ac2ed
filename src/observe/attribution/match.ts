// Attribute one free-text landmark to a county (5-digit FIPS), with the method and a confidence.
import type { County, Facility, Gazetteer } from './gazetteer.js';
import { tokens } from './normalize.js';
import { STATE_BY_ABBR, STATE_BY_NAME } from './states.js';

export type Confidence = 'high' | 'medium' | 'low';
export type MatchMethod = 'known-place' | 'ori' | 'county-name' | 'county-name+ori' | 'county-name-general-area' | 'hifld-facility' | 'city';
export type NoMatchReason = 'blank' | 'general-area' | 'ice-office' | 'ambiguous' | 'no-match';

export type Attribution =
  | { fips: string; method: MatchMethod; confidence: Confidence; detail: string }
  | { fips: null; reason: NoMatchReason; detail: string };

/** Sub-office and area abbreviations that stand for a county name in landmarks ("DAL COUNTY JAIL"). */
const NAME_ALIASES: Record<string, string> = { DAL: 'DALLAS', LA: 'LOS ANGELES', SF: 'SAN FRANCISCO', PG: 'PRINCE GEORGES', 'VA BEACH': 'VIRGINIA BEACH' };
/** Consolidated city-counties and jails whose names carry no county word. */
const KNOWN_PLACES: readonly [RegExp, string, string][] = [
  [/\bLOUISVILLE METRO\b/, '21111', 'Jefferson County, KY (Louisville Metro)'],
  [/\bMOBILE METRO JAIL\b/, '01097', 'Mobile County, AL (Mobile Metro Jail)'],
  [/\b(DC JAIL|DISTRICT OF COLUMBIA)\b/, '11001', 'District of Columbia'],
  [/\bRIKERS ISLAND\b/, '36005', 'Bronx County, NY (Rikers Island)'],
];
const KIND_WORD: Record<string, string> = { COUNTY: 'county', PARISH: 'parish', BOROUGH: 'borough', CITY: 'city' };
/** Two-letter codes that are also English words or name parts: trusted only as the last token. */
const RISKY_ABBR = new Set(['IN', 'OR', 'ME', 'CO', 'DE', 'LA', 'OK', 'HI', 'AS', 'ID', 'PA', 'MA', 'AL', 'MO', 'MD', 'SC', 'GU', 'VI', 'MP', 'WA', 'NE', 'SD', 'ND', 'DC']);
const FACILITY_WORDS = new Set(['JAIL', 'POLICE', 'PD', 'DETENTION', 'SHERIFFS', 'MUNICIPAL', 'CORRECTIONAL', 'MARSHAL', 'MARSHALS', 'LOCKUP', 'JUSTICE']);
const GENERIC = new Set([...FACILITY_WORDS, 'COUNTY', 'CITY', 'STATE', 'CENTER', 'FACILITY', 'ADULT', 'OFFICE', 'DEPARTMENT', 'DEPT', 'OF', 'THE', 'AND', 'REGIONAL', 'INSTITUTION', 'UNIT', 'PRISON', 'COMPLEX', 'MAIN', 'WORK', 'RELEASE', 'CENTRAL', 'NORTH', 'SOUTH', 'EAST', 'WEST', 'ANNEX', 'PUBLIC', 'SAFETY', 'BUILDING', 'JUVENILE', 'SHERIFFS OFFICE', 'LAW', 'ENFORCEMENT', 'CAP']);

export function detectStates(t: readonly string[]): Set<string> {
  const found = new Set<string>();
  t.forEach((tok, i) => {
    const last = i === t.length - 1 || (i === t.length - 2 && t[i + 1] === 'STATE');
    if (tok.length === 2 && STATE_BY_ABBR.has(tok) && (last || !RISKY_ABBR.has(tok))) found.add(tok);
    if (tok === 'TXN' || tok === 'TXS') found.add('TX');
  });
  for (let len = 3; len >= 1; len--) {
    for (let i = 0; i + len <= t.length; i++) {
      const name = t.slice(i, i + len).join(' ');
      const state = STATE_BY_NAME.get(name);
      const next = t[i + len];
      if (state && next !== 'COUNTY' && next !== 'PARISH' && next !== 'CITY' && t[i - 1] !== 'SAINT') found.add(state.abbr);
    }
  }
  return found;
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

function countyNameMatches(t: readonly string[], states: Iterable<string>, gaz: Gazetteer): County[] {
  const stateList = [...states];
  let best: County[] = [];
  let bestLen = 0;
  t.forEach((tok, i) => {
    const kind = KIND_WORD[tok];
    if (!kind) return;
    for (let k = Math.min(4, i); k >= 1; k--) {
      if (k < bestLen) break;
      const raw = t.slice(i - k, i).join(' ');
      const base = NAME_ALIASES[raw] ?? raw;
      const hits: County[] = [];
      for (const st of stateList) {
        for (const c of gaz.byStateBase.get(st)?.get(base) ?? []) {
          if (c.kind === kind || (kind === 'county' && c.kind !== 'city')) hits.push(c);
        }
      }
      if (hits.length > 0) {
        if (k > bestLen) best = hits;
        else best = [...best, ...hits];
        bestLen = k;
        break;
      }
    }
  });
  return [...new Map(best.map((c) => [c.fips, c])).values()];
}

interface FacilityEntry {
  key: string;
  list: readonly Facility[];
  /** Position in the state's facility map: ties between equally long names go to the earlier one. */
  ordinal: number;
}

/** Per state, the facility names worth matching (two or more words, one of them not generic), by first word. */
const facilityIndexes = new WeakMap<Gazetteer, Map<string, Map<string, FacilityEntry[]>>>();

function facilityIndex(gaz: Gazetteer): Map<string, Map<string, FacilityEntry[]>> {
  let index = facilityIndexes.get(gaz);
  if (index) return index;
  index = new Map();
  for (const [st, byKey] of gaz.facilities) {
    const byFirst = new Map<string, FacilityEntry[]>();
    let ordinal = 0;
    for (const [key, list] of byKey) {
      const keyTokens = key.split(' ');
      ordinal += 1;
      if (keyTokens.filter((w) => !GENERIC.has(w)).length < 1 || keyTokens.length < 2) continue;
      const first = keyTokens[0] ?? '';
      const entries = byFirst.get(first);
      const entry = { key, list, ordinal };
      if (entries) entries.push(entry);
      else byFirst.set(first, [entry]);
    }
    index.set(st, byFirst);
  }
  facilityIndexes.set(gaz, index);
  return index;
}

function facilityMatches(text: string, states: Iterable<string>, gaz: Gazetteer): { fips: Set<string>; key: string } | undefined {
  let bestKey = '';
  let fips = new Set<string>();
  const padded = ` ${text} `;
  const words = new Set(text.split(' '));
  const index = facilityIndex(gaz);
  for (const st of states) {
    const byFirst = index.get(st);
    if (!byFirst) continue;
    // Only names whose first word is in the text can be contained in it; visit them in the state's map order.
    const hits: FacilityEntry[] = [];
    for (const w of words) for (const entry of byFirst.get(w) ?? []) if (padded.includes(` ${entry.key} `)) hits.push(entry);
    hits.sort((a, b) => a.ordinal - b.ordinal);
    for (const { key, list } of hits) {
      if (key.length > bestKey.length) {
        bestKey = key;
        fips = new Set(list.map((f) => f.fips));
      } else if (key.length === bestKey.length) for (const f of list) fips.add(f.fips);
    }
  }
  return bestKey ? { fips, key: bestKey } : undefined;
}

function cityMatch(t: readonly string[], states: Iterable<string>, gaz: Gazetteer): { fips: string; city: string } | undefined {
  const stateList = [...states];
  const candidates: string[][] = [];
  const ofAt = t.findIndex((w, i) => w === 'CITY' && t[i + 1] === 'OF');
  if (ofAt >= 0) for (let k = 3; k >= 1; k--) candidates.push(t.slice(ofAt + 2, ofAt + 2 + k));
  const f = t.findIndex((w) => FACILITY_WORDS.has(w));
  if (f > 0) {
    const end = t[f - 1] === 'CITY' ? f - 1 : f;
    for (let k = Math.min(3, end); k >= 1; k--) candidates.push(t.slice(end - k, end));
  }
  for (const words of candidates) {
    const city = words.join(' ');
    if (!city || words.every((w) => GENERIC.has(w))) continue;
    const fips = new Set<string>();
    for (const st of stateList) for (const x of gaz.cities.get(st)?.get(city) ?? []) fips.add(x);
    if (fips.size === 1) return { fips: [...fips][0] ?? '', city };
    if (fips.size > 1) return undefined;
  }
  return undefined;
}

export function attributeLandmark(landmark: string | null, aor: string | null, gaz: Gazetteer): Attribution {
  if (!landmark || landmark.trim() === '') return { fips: null, reason: 'blank', detail: '' };
  const aorStates = (aor && gaz.aorStates.get(aor)) || new Set<string>();
  const t = tokens(landmark);
  // A trailing "CO" ("TRAVIS CO") means county unless Colorado is in play.
  if (t[t.length - 1] === 'CO' && !aorStates.has('CO')) t[t.length - 1] = 'COUNTY';
  const text = t.join(' ');
  for (const [pattern, fips, name] of KNOWN_PLACES) {
    if (pattern.test(text)) return { fips, method: 'known-place', confidence: 'high', detail: name };
  }
  const hints = detectStates(t);
  const inAor = [...hints].filter((s) => aorStates.has(s));
  const states = inAor.length > 0 ? new Set(inAor) : hints.size > 0 ? hints : aorStates;
  const narrowed = states.size === 1;
  const generalArea = text.includes('GENERAL AREA') || text.includes('NON SPECIFIC');
  const ori = oriCounty(landmark, gaz);

  const named = countyNameMatches(t, states, gaz);
  if (named.length === 1 && named[0]) {
    const c = named[0];
    if (generalArea) return { fips: c.fips, method: 'county-name-general-area', confidence: 'low', detail: c.name };
    if (ori && ori.fips === c.fips) return { fips: c.fips, method: 'county-name+ori', confidence: 'high', detail: c.name };
    return { fips: c.fips, method: 'county-name', confidence: narrowed && !ori ? 'high' : 'medium', detail: `${c.name}, ${c.stateAbbr}` };
  }
  if (named.length > 1) {
    const viaOri = ori && named.find((c) => c.fips === ori.fips);
    if (viaOri) return { fips: viaOri.fips, method: 'county-name+ori', confidence: 'high', detail: viaOri.name };
    // A facility of exactly that name in only one of the candidate counties settles it.
    const facility = facilityMatches(text, states, gaz);
    const candidates = new Set(named.map((c) => c.fips));
    const inCandidates = facility ? [...facility.fips].filter((f) => candidates.has(f)) : [];
    if (facility && facility.fips.size === 1 && inCandidates.length === 1 && !generalArea) {
      return { fips: inCandidates[0] ?? '', method: 'hifld-facility', confidence: 'medium', detail: facility.key };
    }
    return { fips: null, reason: 'ambiguous', detail: named.map((c) => `${c.name}, ${c.stateAbbr}`).join('; ') };
  }
  if (ori) return { fips: ori.fips, method: 'ori', confidence: 'medium', detail: `${ori.name}, ${ori.stateAbbr}` };
  if (generalArea) return { fips: null, reason: 'general-area', detail: '' };
  if (/\b(ERO|ICE|SUB OFFICE|SPC|FIELD OFFICE|CONTRACT DETENTION|DOCKET)\b/.test(text)) return { fips: null, reason: 'ice-office', detail: '' };

  const facility = facilityMatches(text, states, gaz);
  if (facility && facility.fips.size === 1) {
    const fips = [...facility.fips][0] ?? '';
    return { fips, method: 'hifld-facility', confidence: facility.key.split(' ').length >= 3 && narrowed ? 'high' : 'medium', detail: facility.key };
  }
  const city = cityMatch(t, states, gaz);
  if (city) return { fips: city.fips, method: 'city', confidence: 'medium', detail: city.city };
  if (facility) return { fips: null, reason: 'ambiguous', detail: facility.key };
  return { fips: null, reason: 'no-match', detail: '' };
}
