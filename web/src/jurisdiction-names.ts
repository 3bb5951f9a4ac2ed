/** Names for the tester's autocomplete: every county (from the law map) and every jurisdiction with law registered. */
import { lawMap, registeredJurisdictions, today } from './api.js';

export interface NameOption { value: string; id: string }

let all: Promise<NameOption[]> | undefined;

function stateOf(id: string): string {
  return (/(?:state|district):([a-z]{2})/.exec(id)?.[1] ?? '').toUpperCase();
}

export function jurisdictionNames(): Promise<NameOption[]> {
  all ??= (async () => {
    const [m, reg] = await Promise.all([lawMap(today(), 'HOLD'), registeredJurisdictions()]);
    const out = new Map<string, NameOption>();
    if (m.ok) for (const r of m.data.rows) out.set(r.id, { value: `${r.name}, ${r.state}`, id: r.id });
    if (reg.ok) {
      for (const j of reg.data) {
        if (j.level !== 'county' && j.level !== 'place') continue;
        if (!out.has(j.id)) out.set(j.id, { value: `${j.name}, ${stateOf(j.id)}`, id: j.id });
      }
    }
    return [...out.values()].sort((a, b) => a.value.localeCompare(b.value));
  })();
  return all;
}

/** The options whose name contains every word typed (at most `limit`). */
export function matchNames(options: NameOption[], typed: string, limit = 25): NameOption[] {
  const words = typed.toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (!words.length) return [];
  const out: NameOption[] = [];
  for (const o of options) {
    const v = o.value.toLowerCase();
    if (words.every((w) => v.includes(w) || o.id.includes(w))) out.push(o);
    if (out.length >= limit) break;
  }
  return out;
}
