/** Names as the gazetteer compares them: normalized text, county-name bases and trigram similarity. */
import { STATES } from './states.js';

/** Postal code → state name (the 50 states and DC), from states.ts. */
export const STATE_NAMES: Record<string, string> = Object.fromEntries(
  STATES.filter((st) => st.ocdType !== 'territory').map((st) => [st.code.toUpperCase(), st.name]),
);
export const STATE_BY_NAME = new Map(Object.entries(STATE_NAMES).map(([k, v]) => [norm(v), k]));

/** Lower case, no diacritics, '&' → 'and', punctuation dropped, single spaces. */
export function norm(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/&/g, ' and ').replace(/['’.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
export const compact = (s: string): string => norm(s).replace(/ /g, '');

const COUNTY_SUFFIXES = ['city and borough', 'census area', 'municipality', 'borough', 'county', 'parish', 'city'];
/** 'santa clara county' → 'santa clara' (the name with 'County' left out). */
export function countyBase(n: string): string {
  for (const s of COUNTY_SUFFIXES) if (n.endsWith(' ' + s)) return n.slice(0, -s.length - 1);
  return n;
}

export function trigrams(s: string): Set<string> {
  const t = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}
export function dice(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size || 1);
}

