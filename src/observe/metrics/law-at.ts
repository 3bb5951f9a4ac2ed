// The registered law at a jurisdiction and date, as the observatory shows it beside the records: the engine's
// modality for a standard detainer (HOLD and NOTIFY_RELEASE) at a sheriff's jail.
import { decideUnknown, defaultEngine } from '../../law/index.js';
import { STATES, STATE_BY_CODE } from '../../law/states.js';

export interface LawAt {
  hold: string | null;
  notifyRelease: string | null;
  /**
   * The most specific level whose law the registry holds for this jurisdiction: its own (local), only its state's,
   * or only federal law. A "MAY" with "federal" means no state or local law is registered, not that none exists.
   */
  lawRegisteredAt: 'local' | 'state' | 'federal';
  note: string | null;
}

/** Cities whose usual name differs from their OCD division name. */
const CITY_OCD_NAMES: Record<string, string> = { 'new york city': 'new_york', 'san francisco city': 'san_francisco' };

/** "St. Louis County" → "st._louis", "Jersey City" → "jersey_city" (OCD division name segments). */
function ocdName(name: string): string {
  return name.toLowerCase().replace(/'/g, '').trim().replace(/\s+/g, '_');
}

/** Open Civic Data id of a state, county or city named in a published list ("Cook County", "IL"). */
export function ocdIdFor(level: 'state' | 'county' | 'city', name: string, state: string): string | null {
  const s = STATE_BY_CODE.get(state.trim().toLowerCase()) ?? STATES.find((x) => x.name.toLowerCase() === state.trim().toLowerCase());
  if (!s) return null;
  const base = `ocd-division/country:us/${s.ocdType}:${s.code}`;
  if (level === 'state' || s.ocdType === 'district') return base;
  if (level === 'city') return `${base}/place:${CITY_OCD_NAMES[name.trim().toLowerCase()] ?? ocdName(name)}`;
  // Census county names: "Cook County", "Orleans Parish", "Richmond city" (an independent city: a place).
  const independentCity = / city$/.test(name.trim());
  const bare = name.trim().replace(/ (County|Parish|Borough|Census Area|Municipality|City and Borough|city)$/, '');
  return `${base}/${independentCity ? 'place' : 'county'}:${ocdName(bare)}`;
}

/**
 * The standard case the observatory asks about: ICE's usual detainer (Form I-247A with an I-200 administrative
 * warrant, no judicial warrant) for a person due for release now, with no proof of lawful status, at a sheriff's jail.
 */
export const STANDARD_REQUEST = {
  agency: { kind: 'sheriff_jail' },
  requests: ['HOLD', 'NOTIFY_RELEASE'],
  documents: ['I-247A', 'I-200'],
  person: { proofOfLawfulStatus: false },
} as const;
export const STANDARD_REQUEST_TEXT =
  "a sheriff's jail holding a person due for release now, with no proof of lawful status, asked on ICE's Form I-247A with an I-200 administrative warrant (no judicial warrant) to HOLD and to NOTIFY_RELEASE";

function registeredLevel(jurisdiction: string): LawAt['lawRegisteredAt'] {
  const registered = defaultEngine().registry.jurisdictions;
  if (/\/(county|place):/.test(jurisdiction) && registered.has(jurisdiction)) return 'local';
  const state = /^ocd-division\/country:us\/[a-z]+:[a-z]+/.exec(jurisdiction)?.[0];
  return state && registered.has(state) ? 'state' : 'federal';
}

export function lawAt(jurisdiction: string, date: string): LawAt {
  const lawRegisteredAt = registeredLevel(jurisdiction);
  try {
    const at = `${date}T12:00:00Z`;
    const result = decideUnknown({ ...STANDARD_REQUEST, jurisdiction, at, wouldBeReleasedAt: at });
    if (!result.ok) return { hold: null, notifyRelease: null, lawRegisteredAt, note: result.problems.map((p) => p.message ?? String(p)).join('; ') };
    const d = result.response.decisions as Record<string, { modality?: string } | undefined>;
    return { hold: d.HOLD?.modality ?? null, notifyRelease: d.NOTIFY_RELEASE?.modality ?? null, lawRegisteredAt, note: null };
  } catch (error) {
    return { hold: null, notifyRelease: null, lawRegisteredAt, note: error instanceof Error ? error.message : String(error) };
  }
}
