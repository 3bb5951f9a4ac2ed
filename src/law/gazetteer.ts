/**
 * The gazetteer: the one source of U.S. jurisdiction identity. Every county and county-equivalent of
 * the 50 states and DC (2020 Census geography) and every Census place (incorporated places and CDPs)
 * with its Open Civic Data id, the counties it lies in, and, for counties, the IANA time zone of the
 * county seat. Built by scripts/gazetteer/build.mjs from public data; see scripts/gazetteer/README.md.
 *
 * Only node built-ins: this module is loaded by the law engine and must stay light.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const STATE_NAMES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};
const STATE_BY_NAME = new Map(Object.entries(STATE_NAMES).map(([k, v]) => [norm(v), k]));

/** Lower case, no diacritics, '&' → 'and', punctuation dropped, single spaces. */
function norm(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/&/g, ' and ').replace(/['’.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
const compact = (s: string): string => norm(s).replace(/ /g, '');

const COUNTY_SUFFIXES = ['city and borough', 'census area', 'municipality', 'borough', 'county', 'parish', 'city'];
/** 'santa clara county' → 'santa clara' (the name with 'County' left out). */
function countyBase(n: string): string {
  for (const s of COUNTY_SUFFIXES) if (n.endsWith(' ' + s)) return n.slice(0, -s.length - 1);
  return n;
}

function trigrams(s: string): Set<string> {
  const t = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}
function dice(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size || 1);
}

/** The folder holding package.json and gazetteer/, found by walking up from this module. */
function defaultDir(): string {
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

/** Parses the lines of places.tsv (one state's file, or any part of the whole). */
function parsePlaces(placesTsv: string): GazPlace[] {
  const places: GazPlace[] = [];
  for (const line of placesTsv.split('\n')) {
    if (!line || line.charCodeAt(0) === 35 /* # */) continue;
    const [geoid, state, name, lsad, ocd, derived, cs, cw, relation, aliases, note] = line.split('\t') as string[];
    const prefix = ocd!.startsWith('ocd-division/') ? '' : `ocd-division/country:us/state:${state!.toLowerCase()}/`;
    const p: GazPlace = {
      kind: 'place', geoid: geoid!, name: name!, lsad: lsad!, state: state!, ocd: prefix + ocd!,
      counties: cs!.indexOf(' ') < 0 && cs!.indexOf(':') < 0 ? [{ fips: cs!, share: 1 }] : cs!.split(' ').map((x) => {
        const i = x.indexOf(':');
        return i < 0 ? { fips: x, share: 1 } : { fips: x.slice(0, i), share: Number(x.slice(i + 1)) };
      }),
      aliases: aliases ? aliases.split(' ') : [],
    };
    if (cw) p.consolidatedWith = cw;
    if (relation) p.relation = relation;
    if (derived === '1') p.ocdDerived = true;
    if (note) p.note = note;
    places.push(p);
  }
  return places;
}

function parseCounties(countiesTsv: string): GazCounty[] {
  const counties: GazCounty[] = [];
  for (const line of countiesTsv.split('\n')) {
    if (!line || line.charCodeAt(0) === 35 /* # */) continue;
    const [fips, state, name, ocd, derived, tz, other, aliases, note] = line.split('\t') as string[];
    const c: GazCounty = { kind: 'county', fips: fips!, name: name!, state: state!, ocd: ocd!, timeZone: tz!, aliases: aliases ? aliases.split(' ') : [] };
    if (other) c.otherTimeZones = other.split(' ');
    if (derived === '1') c.ocdDerived = true;
    if (note) c.note = note;
    counties.push(c);
  }
  return counties;
}

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
  return (m?.[1] ?? m?.[2])?.toUpperCase();
}

/**
 * The same id with '_' and '-' swapped in the value of its last segment, as users type them
 * (`county:miami_dade` for OCD's `county:miami-dade`): all '_' → '-', all '-' → '_', and each swapped
 * for the other. Nothing else is changed, so a misspelling stays unknown.
 */
function dashVariants(id: string): string[] {
  const slash = id.lastIndexOf('/');
  const colon = id.indexOf(':', slash + 1);
  if (colon < 0) return [];
  const head = id.slice(0, colon + 1), v = id.slice(colon + 1);
  if (!/[-_]/.test(v)) return [];
  const out = new Set([v.replace(/_/g, '-'), v.replace(/-/g, '_'), v.replace(/[-_]/g, (c) => (c === '_' ? '-' : '_'))]);
  out.delete(v);
  return [...out].map((x) => head + x);
}

/** One state's places and their indexes, built the first time the state is needed. */
interface StatePlaces {
  list: GazPlace[];
  /** OCD id or alias → entry (the county for a consolidated place). */
  ocd: Map<string, GazEntry>;
  geoid: Map<string, GazPlace>;
  /** Normalized full and base names → entries (counties and places of the state), built for byName. */
  names?: { full: Map<string, GazEntry[]>; base: Map<string, GazEntry[]> };
}

export class Gazetteer {
  readonly counties: readonly GazCounty[];
  private placeList?: GazPlace[];
  /** The places.tsv text of one state (upper-case code), or undefined when the state has none. */
  private readonly placesSource: (state: string) => string | undefined;
  private readonly countyOcd = new Map<string, GazCounty>();
  private readonly countyFips = new Map<string, GazCounty>();
  private readonly byState = new Map<string, GazCounty[]>();
  /** Two-digit state FIPS → state code, from the counties. */
  private readonly stateByFips = new Map<string, string>();
  private readonly placeStates = new Map<string, StatePlaces>();
  private grams?: Map<GazEntry, Set<string>[]>;

  private constructor(counties: GazCounty[], places: (state: string) => string | undefined) {
    this.counties = counties;
    this.placesSource = places;
    for (const c of counties) {
      this.countyFips.set(c.fips, c);
      let l = this.byState.get(c.state);
      if (!l) {
        this.byState.set(c.state, (l = []));
        this.stateByFips.set(c.fips.slice(0, 2), c.state);
      }
      l.push(c);
      this.countyOcd.set(c.ocd, c);
    }
    for (const c of counties) for (const a of c.aliases) if (!this.countyOcd.has(a)) this.countyOcd.set(a, c);
  }

  /** The places of one state ('CA'), parsed and indexed on first use. */
  private statePlaces(st: string): StatePlaces {
    let s = this.placeStates.get(st);
    if (s) return s;
    const text = this.byState.has(st) ? this.placesSource(st) : undefined;
    const list = text ? parsePlaces(text) : [];
    const ocd = new Map<string, GazEntry>(), geoid = new Map<string, GazPlace>();
    for (const p of list) {
      geoid.set(p.geoid, p);
      const target: GazEntry = (p.consolidatedWith && this.countyFips.get(p.consolidatedWith)) || p;
      if (!ocd.has(p.ocd) || target !== p) ocd.set(p.ocd, target);
      for (const a of p.aliases) if (!ocd.has(a) || target !== p) ocd.set(a, target);
    }
    this.placeStates.set(st, (s = { list, ocd, geoid }));
    return s;
  }

  /** State codes in FIPS order. */
  private states(): string[] {
    return [...this.stateByFips.keys()].sort().map((f) => this.stateByFips.get(f)!);
  }

  /** Every place, in GEOID order (parses every state on first use; a single look-up parses one state). */
  get places(): readonly GazPlace[] {
    return (this.placeList ??= this.states().flatMap((st) => this.statePlaces(st).list));
  }

  /** The states whose places have been parsed so far, in FIPS order (for tests and diagnostics). */
  loadedStates(): string[] {
    return this.states().filter((st) => this.placeStates.has(st));
  }

  /** Loads the gazetteer from `dir` (default: the package's gazetteer/ folder), once per folder. */
  static load(dir?: string): Gazetteer {
    const d = dir ?? defaultDir();
    let g = cache.get(d);
    if (!g) {
      g = new Gazetteer(parseCounties(readFileSync(join(d, 'counties.tsv'), 'utf8')), (st) => {
        const f = join(d, 'places', `${st.toLowerCase()}.tsv`);
        return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
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
    return new Gazetteer(parseCounties(countiesTsv),
      (st) => (split ??= splitByState(typeof placesTsv === 'string' ? placesTsv : placesTsv())).get(st));
  }

  /** An entry by its exact id or alias (then lower-cased): counties first, then the places of the id's state only. */
  private ocdExact(k: string): GazEntry | undefined {
    const c = this.countyOcd.get(k) ?? this.countyOcd.get(k.toLowerCase());
    if (c) return c;
    const st = stateOfOcd(k);
    if (!st || !this.byState.has(st)) return undefined;
    const m = this.statePlaces(st).ocd;
    return m.get(k) ?? m.get(k.toLowerCase());
  }

  /**
   * The entry with this canonical OCD id or alias. A consolidated place's ids give the county. When
   * the id is unknown, the same id with '_' and '-' swapped in its last segment is tried
   * ('county:miami_dade' finds OCD's 'county:miami-dade'); nothing looser.
   */
  byOcd(id: string): GazEntry | undefined {
    const k = id.trim();
    const e = this.ocdExact(k);
    if (e) return e;
    for (const v of dashVariants(k)) {
      const x = this.ocdExact(v);
      if (x) return x;
    }
    return undefined;
  }

  /** '06085' → county; '0668000' → place; anything else → undefined. */
  byFips(code: string): GazEntry | undefined {
    const k = code.trim();
    if (k.length === 5) return this.countyFips.get(k);
    if (k.length !== 7) return undefined;
    const st = this.stateByFips.get(k.slice(0, 2));
    return st ? this.statePlaces(st).geoid.get(k) : undefined;
  }

  /** The name indexes of one state (its counties and places), built on first use. */
  private names(st: string): { full: Map<string, GazEntry[]>; base: Map<string, GazEntry[]> } {
    const sp = this.statePlaces(st);
    if (sp.names) return sp.names;
    const full = new Map<string, GazEntry[]>(), base = new Map<string, GazEntry[]>();
    const add = (m: Map<string, GazEntry[]>, k: string, e: GazEntry) => {
      const l = m.get(k);
      if (!l) m.set(k, [e]); else if (!l.includes(e)) l.push(e);
    };
    for (const c of this.byState.get(st) ?? []) {
      const n = norm(c.name);
      add(full, n, c);
      add(base, countyBase(n), c);
    }
    for (const p of sp.list) {
      const e: GazEntry = (p.consolidatedWith && this.countyFips.get(p.consolidatedWith)) || p;
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
    const states = st ? [st] : this.states();
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
    const pool: GazEntry[] = st
      ? [...(this.byState.get(st) ?? []), ...(this.byState.has(st) ? this.statePlaces(st).list : [])]
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
    return [...(this.byState.get(stateCode.toUpperCase()) ?? [])];
  }

  /** 'Santa Clara County, CA'; 'San Jose, CA'. */
  label(e: GazEntry): string {
    return `${e.name}, ${e.state}`;
  }
}
