/**
 * The gazetteer: the one source of U.S. jurisdiction identity. Every county and county-equivalent of
 * the 50 states and DC (2020 Census geography) and every Census place (incorporated places and CDPs)
 * with its Open Civic Data id, the counties it lies in, and, for counties, the IANA time zone of the
 * county seat. Built by scripts/gazetteer/build.mjs from public data; see scripts/gazetteer/README.md.
 *
 * Only node built-ins: this module is loaded by the law engine and must stay light. Nothing is parsed
 * up front: a look-up by FIPS code or OCD id reads counties.tsv and the one state's places file
 * (gazetteer/places/<st>.tsv) and parses only the rows it finds; the indexes for names, suggestions
 * and the full lists are built the first time they are needed, per state when the query names one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countyBase, compact, dice, norm, STATE_BY_NAME, STATE_NAMES, trigrams } from './gazetteer-text.js';
import { parseCounty, parsePlace, Rows } from './gazetteer-rows.js';
import { STATES } from './states.js';

export interface GazCounty {
  kind: 'county';
  fips: string;
  name: string;
  state: string;
  ocd: string;
  timeZone: string;
  otherTimeZones?: string[];
  /** Other OCD ids of the same jurisdiction, e.g. the consolidated place's. */
  aliases: string[];
  /** True when OCD lists no id for this county and the id was formed by OCD's rules. */
  ocdDerived?: boolean;
  note?: string;
}

export interface GazPlace {
  kind: 'place';
  geoid: string;
  /** The name without its legal/statistical suffix: 'San Jose'. */
  name: string;
  /** Census LSAD word(s): city, town, village, borough, CDP, municipality, … ('' when the name has none). */
  lsad: string;
  state: string;
  ocd: string;
  /** Counties the place lies in, the one with most of its 2020 population first; share = that fraction. */
  counties: { fips: string; share?: number }[];
  /** County FIPS of a consolidated city-county / independent city that this place is one jurisdiction with. */
  consolidatedWith?: string;
  /** 'consolidated' (one government, same territory) or 'consolidated-partial' (one government, other towns remain). */
  relation?: string;
  aliases: string[];
  /** True when OCD lists no id for this place (all CDPs, a few new towns) and the id was formed here. */
  ocdDerived?: boolean;
  note?: string;
}

export type GazEntry = GazCounty | GazPlace;
/** The folder holding package.json and gazetteer/, found by walking up from this module. */
export function gazetteerDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'gazetteer', 'counties.tsv'))) return join(d, 'gazetteer');
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  throw new Error('gazetteer: could not find the gazetteer/ folder above ' + fileURLToPath(import.meta.url));
}

const cache = new Map<string, Gazetteer>();

/** Two-digit state FIPS → postal code (the 50 states and DC; the gazetteer has no territories), from states.ts. */
const STATE_BY_FIPS: Record<string, string> = Object.fromEntries(
  STATES.filter((st) => st.ocdType !== 'territory').map((st) => [st.fips, st.code.toUpperCase()]),
);
/** State codes in FIPS order. */
const STATES_IN_ORDER = Object.keys(STATE_BY_FIPS).sort().map((f) => STATE_BY_FIPS[f]!);

/** The whole places.tsv split into one text per state (column 2), for `Gazetteer.parse`. */
function splitByState(placesTsv: string): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const line of placesTsv.split('\n')) {
    if (!line || line.charCodeAt(0) === 35) continue;
    const a = line.indexOf('\t');
    const st = line.slice(a + 1, line.indexOf('\t', a + 1));
    let l = lines.get(st);
    if (!l) lines.set(st, (l = []));
    l.push(line);
  }
  return new Map([...lines].map(([st, l]) => [st, l.join('\n')]));
}

/** The state an OCD id lies in ('ocd-division/country:us/state:ca/…' → 'CA'; '…/district:dc' → 'DC'), if any. */
function stateOfOcd(id: string): string | undefined {
  const m = /^ocd-division\/country:us\/(?:state:([a-z]{2})|district:(dc))(?:\/|$)/i.exec(id);
  const st = (m?.[1] ?? m?.[2])?.toUpperCase();
  return st && STATE_NAMES[st] ? st : undefined;
}

/**
 * The id with every '-' in the value of its last segment written '_' ('…/county:miami-dade' →
 * '…/county:miami_dade'), or undefined when that value has neither: users type '_' where OCD has '-'
 * and the reverse, so ids are also matched on this key. Nothing else is changed, so a misspelling
 * stays unknown.
 */
function dashKey(id: string): string | undefined {
  const slash = id.lastIndexOf('/');
  const colon = id.indexOf(':', slash + 1);
  if (colon < 0) return undefined;
  const v = id.slice(colon + 1);
  return /[-_]/.test(v) ? id.slice(0, colon + 1) + v.replace(/-/g, '_') : undefined;
}

/** Adds `id` → `e` to a dash-key map; a key two different entries share maps to null (ambiguous, never resolved). */
function addDash(m: Map<string, GazEntry | null>, id: string, e: GazEntry): void {
  const k = dashKey(id);
  if (k === undefined) return;
  const prev = m.get(k);
  if (prev === undefined) m.set(k, e);
  else if (prev !== e) m.set(k, null);
}

type NameIndex = { full: Map<string, GazEntry[]>; base: Map<string, GazEntry[]> };

/** One state's places: the rows of gazetteer/places/<st>.tsv, and indexes built when the whole state is needed. */
interface StatePlaces {
  rows: Rows<GazPlace>;
  /** OCD id or alias → entry (the county for a consolidated place); built with the full parse. */
  ocd?: Map<string, GazEntry>;
  /** Normalized full and base names → entries (counties and places of the state), built for byName. */
  names?: NameIndex;
  /** dashKey(id or alias) → entry, built when an id is not found as written. */
  dash?: Map<string, GazEntry | null>;
}

export class Gazetteer {
  /** The places.tsv text of one state (upper-case code), or undefined when the state has none. */
  private readonly placesSource: (state: string) => string | undefined;
  private readonly countyRows: Rows<GazCounty>;
  /** Built on the first call that needs every county (countiesOf, suggest, byName, `counties`). */
  private countyIdx?: { ocd: Map<string, GazCounty>; byState: Map<string, GazCounty[]> };
  private countyDash?: Map<string, GazEntry | null>;
  private readonly placeStates = new Map<string, StatePlaces>();
  private placeList?: GazPlace[];
  private grams?: Map<GazEntry, Set<string>[]>;

  private constructor(countiesTsv: string, places: (state: string) => string | undefined) {
    this.countyRows = new Rows(countiesTsv, parseCounty);
    this.placesSource = places;
  }

  /** Every county and county-equivalent, in FIPS order. */
  get counties(): readonly GazCounty[] {
    return this.countyRows.all();
  }

  private counts() {
    if (this.countyIdx) return this.countyIdx;
    const ocd = new Map<string, GazCounty>(), byState = new Map<string, GazCounty[]>();
    const all = this.countyRows.all();
    for (const c of all) {
      let l = byState.get(c.state);
      if (!l) byState.set(c.state, (l = []));
      l.push(c);
      ocd.set(c.ocd, c);
    }
    for (const c of all) for (const a of c.aliases) if (!ocd.has(a)) ocd.set(a, c);
    return (this.countyIdx = { ocd, byState });
  }

  /** The county with this exact id or alias: its own id wins over another county's alias. */
  private countyByOcd(k: string): GazCounty | undefined {
    if (this.countyIdx) return this.countyIdx.ocd.get(k);
    if (!k.startsWith('ocd-division/')) return undefined;
    const rows = this.countyRows.containing([k]);
    return rows.find((c) => c.ocd === k) ?? rows.find((c) => c.aliases.includes(k));
  }

  /** The county a place's ids stand for when it is consolidated with one; otherwise the place. */
  private target(p: GazPlace): GazEntry {
    return (p.consolidatedWith && this.countyRows.first(p.consolidatedWith)) || p;
  }

  private statePlaces(st: string): StatePlaces {
    let s = this.placeStates.get(st);
    if (!s) {
      const text = STATE_NAMES[st] ? this.placesSource(st) : undefined;
      this.placeStates.set(st, (s = { rows: new Rows(text ?? '', parsePlace) }));
    }
    return s;
  }

  /** Every place of a state, parsed, with its id index. */
  private stateList(st: string): GazPlace[] {
    const s = this.statePlaces(st);
    const list = s.rows.all();
    if (!s.ocd) {
      const ocd = new Map<string, GazEntry>();
      for (const p of list) {
        const target = this.target(p);
        if (!ocd.has(p.ocd) || target !== p) ocd.set(p.ocd, target);
        for (const a of p.aliases) if (!ocd.has(a) || target !== p) ocd.set(a, target);
      }
      s.ocd = ocd;
    }
    return list;
  }

  /** A place id or alias of state `st`: the last consolidated place holding it gives its county, else the first place. */
  private placeByOcd(st: string, k: string): GazEntry | undefined {
    const s = this.statePlaces(st);
    if (s.ocd) return s.ocd.get(k);
    const prefix = `ocd-division/country:us/state:${st.toLowerCase()}/`;
    const needles = [k];
    if (k.startsWith(prefix)) needles.push(`\t${k.slice(prefix.length)}\t`);
    let found: GazEntry | undefined;
    for (const p of s.rows.containing(needles)) {
      if (p.ocd !== k && !p.aliases.includes(k)) continue;
      const t = this.target(p);
      if (t !== p) found = t;
      else found ??= p;
    }
    return found;
  }

  /** Every place, in GEOID order (parses every state on first use; a single look-up parses one row). */
  get places(): readonly GazPlace[] {
    return (this.placeList ??= STATES_IN_ORDER.flatMap((st) => this.stateList(st)));
  }

  /** The states whose places file has been read so far, in FIPS order (for tests and diagnostics). */
  loadedStates(): string[] {
    return STATES_IN_ORDER.filter((st) => this.placeStates.has(st));
  }

  /** The states whose places have all been parsed and indexed (byName, suggest, `places`). */
  parsedStates(): string[] {
    return STATES_IN_ORDER.filter((st) => this.placeStates.get(st)?.rows.parsed);
  }

  /** Loads the gazetteer from `dir` (default: the package's gazetteer/ folder), once per folder. */
  static load(dir?: string): Gazetteer {
    const d = dir ?? gazetteerDir();
    let g = cache.get(d);
    if (!g) {
      g = new Gazetteer(readFileSync(join(d, 'counties.tsv'), 'utf8'), (st) => {
        try {
          return readFileSync(join(d, 'places', `${st.toLowerCase()}.tsv`), 'utf8');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
          throw e;
        }
      });
      cache.set(d, g);
    }
    return g;
  }

  /**
   * Builds a gazetteer from the text of counties.tsv and of places.tsv (every state's places, as
   * `load` reads them from gazetteer/places/<st>.tsv, concatenated), or a function giving it.
   */
  static parse(countiesTsv: string, placesTsv: string | (() => string)): Gazetteer {
    let split: Map<string, string> | undefined;
    return new Gazetteer(countiesTsv, (st) => (split ??= splitByState(typeof placesTsv === 'string' ? placesTsv : placesTsv())).get(st));
  }

  /** An entry by its exact id or alias (then lower-cased): counties first, then the places of the id's state only. */
  private ocdExact(k: string): GazEntry | undefined {
    const lower = k.toLowerCase();
    const c = this.countyByOcd(k) ?? (lower !== k ? this.countyByOcd(lower) : undefined);
    if (c) return c;
    const st = stateOfOcd(k);
    if (!st) return undefined;
    return this.placeByOcd(st, k) ?? (lower !== k ? this.placeByOcd(st, lower) : undefined);
  }

  /** An entry whose id or alias equals `k` once '-' and '_' are taken as one in the last segment (unambiguous only). */
  private ocdDash(k: string): GazEntry | undefined {
    const key = dashKey(k);
    if (key === undefined) return undefined;
    if (!this.countyDash) {
      const m = new Map<string, GazEntry | null>();
      for (const [id, c] of this.counts().ocd) addDash(m, id, c);
      this.countyDash = m;
    }
    const c = this.countyDash.get(key);
    if (c !== undefined) return c ?? undefined;
    const st = stateOfOcd(k);
    if (!st) return undefined;
    this.stateList(st);
    const s = this.statePlaces(st);
    if (!s.dash) {
      const m = new Map<string, GazEntry | null>();
      for (const [id, e] of s.ocd!) addDash(m, id, e);
      s.dash = m;
    }
    return s.dash.get(key) ?? undefined;
  }

  /**
   * The entry with this canonical OCD id or alias. A consolidated place's ids give the county. When
   * the id is unknown as written, '_' and '-' are taken as the same character in its last segment
   * ('county:miami_dade' finds OCD's 'county:miami-dade'); nothing looser.
   */
  byOcd(id: string): GazEntry | undefined {
    const k = id.trim();
    return this.ocdExact(k) ?? this.ocdDash(k) ?? (k.toLowerCase() !== k ? this.ocdDash(k.toLowerCase()) : undefined);
  }

  /** '06085' → county; '0668000' → place; anything else → undefined. */
  byFips(code: string): GazEntry | undefined {
    const k = code.trim();
    if (!/^\d{5}$|^\d{7}$/.test(k)) return undefined;
    if (k.length === 5) return this.countyRows.first(k);
    const st = STATE_BY_FIPS[k.slice(0, 2)];
    return st ? this.statePlaces(st).rows.first(k) : undefined;
  }

  /** The name indexes of one state (its counties and places), built on first use. */
  private names(st: string): NameIndex {
    const sp = this.statePlaces(st);
    if (sp.names) return sp.names;
    const full = new Map<string, GazEntry[]>(), base = new Map<string, GazEntry[]>();
    const add = (m: Map<string, GazEntry[]>, k: string, e: GazEntry) => {
      const l = m.get(k);
      if (!l) m.set(k, [e]); else if (!l.includes(e)) l.push(e);
    };
    for (const c of this.counts().byState.get(st) ?? []) {
      const n = norm(c.name);
      add(full, n, c);
      add(base, countyBase(n), c);
    }
    for (const p of this.stateList(st)) {
      const e = this.target(p);
      add(full, norm(p.lsad ? `${p.name} ${p.lsad}` : p.name), e);
      add(base, norm(p.name), e);
    }
    return (sp.names = { full, base });
  }

  /** Splits 'Santa Clara County, CA' / 'san jose ca' / 'Denver, Colorado' into [state | undefined, normalized name]. */
  private static splitState(query: string): [string | undefined, string] {
    const parts = query.split(',');
    if (parts.length > 1) {
      const last = norm(parts[parts.length - 1]!);
      const st = last.length === 2 && STATE_NAMES[last.toUpperCase()] ? last.toUpperCase() : STATE_BY_NAME.get(last);
      if (st) return [st, norm(parts.slice(0, -1).join(' '))];
    }
    const n = norm(query);
    const words = n.split(' ');
    if (words.length > 1) {
      const last = words[words.length - 1]!;
      if (last.length === 2 && STATE_NAMES[last.toUpperCase()]) return [last.toUpperCase(), words.slice(0, -1).join(' ')];
      for (let k = 3; k >= 2; k--) {
        if (words.length > k) {
          const st = STATE_BY_NAME.get(words.slice(-k).join(' '));
          if (st) return [st, words.slice(0, -k).join(' ')];
        }
      }
      const st = STATE_BY_NAME.get(last);
      if (st) return [st, words.slice(0, -1).join(' ')];
    }
    return [undefined, n];
  }

  /**
   * All entries whose name matches exactly (case, accents and punctuation ignored). A Census full name
   * ('Santa Clara County', 'San Jose city') wins; otherwise the name without its suffix is tried, so
   * 'County' may be left out. More than one result means the name is ambiguous.
   */
  byName(query: string): GazEntry[] {
    const [st, n] = Gazetteer.splitState(query);
    if (!n) return [];
    const states = st ? (STATE_NAMES[st] ? [st] : []) : STATES_IN_ORDER;
    const look = (which: 'full' | 'base', key: string) => states.flatMap((s) => this.names(s)[which].get(key) ?? []);
    const exact = look('full', n);
    if (exact.length) return [...new Set(exact)];
    return [...new Set([...look('base', n), ...look('base', countyBase(n))])];
  }

  /** The closest names to an unknown OCD id or name, best first (trigram similarity, within the state when one is named). */
  suggest(query: string, n = 5): { label: string; ocd: string }[] {
    let st: string | undefined, text: string, wantKind: 'county' | 'place' | undefined;
    const q = query.trim();
    if (q.startsWith('ocd-division/') || /(^|\/)state:[a-z]{2}/i.test(q)) {
      const m = /state:([a-z]{2})/i.exec(q);
      st = m?.[1]?.toUpperCase();
      const segs = q.split('/').filter((s) => s.includes(':') && !/^(country|state|district):/.test(s));
      const last = segs[segs.length - 1] ?? '';
      const [type, value] = last.split(':') as [string, string | undefined];
      text = (value ?? type).replace(/[_~-]/g, ' ');
      wantKind = /^(county|parish|borough|census_area)$/.test(type) ? 'county' : /^(place|cdp)$/.test(type) ? 'place' : undefined;
      if (!st && /district:dc/.test(q)) st = 'DC';
    } else {
      [st, text] = Gazetteer.splitState(q);
      if (/ (county|parish|borough|census area)$/.test(text)) wantKind = 'county';
    }
    if (!this.grams) this.grams = new Map();
    const target = trigrams(compact(text));
    const targetBase = trigrams(compact(countyBase(norm(text))));
    // A county id is compared with counties only (a few dozen per state): cheap enough to answer every unknown id.
    const counties: GazEntry[] = st ? [...(this.counts().byState.get(st) ?? [])] : [...this.counties];
    const pool: GazEntry[] = wantKind === 'county' ? counties
      : st ? [...counties, ...(STATE_NAMES[st] ? this.stateList(st) : [])]
        : [...this.counties, ...this.places];
    const scored: { e: GazEntry; s: number }[] = [];
    for (const e of pool) {
      let g = this.grams.get(e);
      if (!g) {
        g = e.kind === 'county' ? [trigrams(compact(e.name)), trigrams(compact(countyBase(norm(e.name))))] : [trigrams(compact(e.name))];
        this.grams.set(e, g);
      }
      let s = 0;
      for (const x of g) s = Math.max(s, dice(target, x), dice(targetBase, x));
      if (wantKind && e.kind === wantKind) s += 0.1;
      if (e.kind === 'place' && e.lsad === 'CDP') s -= 0.02;
      scored.push({ e, s });
    }
    scored.sort((a, b) => b.s - a.s);
    const out: { label: string; ocd: string }[] = [];
    const seen = new Set<string>();
    for (const { e } of scored) {
      const canon = this.byOcd(e.ocd) ?? e;
      if (seen.has(canon.ocd)) continue;
      seen.add(canon.ocd);
      out.push({ label: this.label(canon), ocd: canon.ocd });
      if (out.length >= n) break;
    }
    return out;
  }

  /** Counties and county-equivalents of a state ('CA' or 'ca'), in FIPS order. */
  countiesOf(stateCode: string): GazCounty[] {
    return [...(this.counts().byState.get(stateCode.toUpperCase()) ?? [])];
  }

  /** 'Santa Clara County, CA'; 'San Jose, CA'. */
  label(e: GazEntry): string {
    return `${e.name}, ${e.state}`;
  }
}
