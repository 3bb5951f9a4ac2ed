/** The gazetteer's TSV rows: parsed one row at a time, on demand (gazetteer.ts). */
import type { GazCounty, GazPlace } from './gazetteer.js';

/** One line of places.tsv → a place. */
/** One string per time zone: the hot path compares zones by identity first (days.ts caches the last zone). */
const zones = new Map<string, string>();
function internZone(tz: string): string {
  let z = zones.get(tz);
  if (z === undefined) zones.set(tz, (z = tz));
  return z;
}

export function parsePlace(line: string): GazPlace {
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
  return p;
}

/** One line of counties.tsv → a county. */
export function parseCounty(line: string): GazCounty {
  const [fips, state, name, ocd, derived, tz, other, aliases, note] = line.split('\t') as string[];
  const c: GazCounty = { kind: 'county', fips: fips!, name: name!, state: state!, ocd: ocd!, timeZone: internZone(tz!), aliases: aliases ? aliases.split(' ') : [] };
  if (other) c.otherTimeZones = other.split(' ');
  if (derived === '1') c.ocdDerived = true;
  if (note) c.note = note;
  return c;
}

/**
 * The rows of one TSV file, kept as text and parsed a row at a time: a look-up by the first column
 * or by a string the row contains is a native `indexOf` over the text, and only the rows found are
 * parsed. Each row is parsed once, so `all()` later returns the same objects.
 */
export class Rows<T> {
  /** '\n' + the file's text, so that every row starts after a '\n'. */
  private readonly text: string;
  private readonly byKey = new Map<string, T>();
  private list?: T[];

  constructor(text: string, private readonly parse: (line: string) => T) {
    this.text = text.charCodeAt(0) === 10 ? text : '\n' + text;
  }

  get parsed(): boolean {
    return this.list !== undefined;
  }

  private rowAt(start: number): T {
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(start, end);
    const key = line.slice(0, line.indexOf('\t'));
    let row = this.byKey.get(key);
    if (!row) this.byKey.set(key, (row = this.parse(line)));
    return row;
  }

  /** The row whose first column is `key`. */
  first(key: string): T | undefined {
    if (this.list) return this.byKey.get(key);
    if (!key || /[\t\n]/.test(key)) return undefined;
    const i = this.text.indexOf('\n' + key + '\t');
    return i < 0 ? undefined : this.rowAt(i + 1);
  }

  /** Every row whose text contains one of `needles`, in file order (callers check the parsed row). */
  containing(needles: string[]): T[] {
    const starts = new Set<number>();
    for (const n of needles) {
      if (!n || n.includes('\n')) continue;
      for (let i = this.text.indexOf(n); i >= 0; i = this.text.indexOf(n, i + 1)) {
        const s = this.text.lastIndexOf('\n', i) + 1;
        if (this.text.charCodeAt(s) !== 35 /* # */) starts.add(s);
      }
    }
    return [...starts].sort((a, b) => a - b).map((s) => this.rowAt(s));
  }

  /** Every row, in file order. */
  all(): T[] {
    if (this.list) return this.list;
    const list: T[] = [];
    let s = 1;
    while (s < this.text.length) {
      let e = this.text.indexOf('\n', s);
      if (e < 0) e = this.text.length;
      if (e > s && this.text.charCodeAt(s) !== 35) list.push(this.rowAt(s));
      s = e + 1;
    }
    return (this.list = list);
  }
}

