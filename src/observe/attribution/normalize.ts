// Landmark text to comparable tokens: upper case, punctuation to spaces, common abbreviations expanded.

const EXPAND: Record<string, string> = {
  CNTY: 'COUNTY',
  CTY: 'COUNTY',
  CNTYS: 'COUNTY',
  COUNTRY: 'COUNTY',
  // Misspellings and cut-offs of COUNTY seen in the landmarks.
  COUTY: 'COUNTY',
  CONTY: 'COUNTY',
  COUN: 'COUNTY',
  TWP: 'TOWNSHIP',
  PAR: 'PARISH',
  SO: 'SHERIFFS OFFICE',
  SHERIFF: 'SHERIFFS',
  DET: 'DETENTION',
  CTR: 'CENTER',
  CORR: 'CORRECTIONAL',
  CORRECTIONS: 'CORRECTIONAL',
  FACILITY: 'FACILITY',
  MT: 'MOUNT',
  FT: 'FORT',
  ST: 'SAINT',
  STE: 'SAINTE',
};

/** Words after which a bare "CO" means county rather than Colorado. */
const FACILITY_WORDS = new Set(['JAIL', 'SHERIFFS', 'DETENTION', 'CORRECTIONAL', 'ADULT', 'DOC', 'ADC', 'JUSTICE', 'DEPT', 'PRISON', 'SHERIFFS OFFICE']);

export function tokens(text: string): string[] {
  // Accents off ("Doña Ana" → DONA ANA); an ASCII text (nearly all) has none, and skips the costly NFD.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const cleaned = plain
    .toUpperCase()
    .replace(/'/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  if (cleaned === '') return [];
  const raw = cleaned.split(' ');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    const expanded = EXPAND[t];
    if (t === 'CO' && next !== undefined && FACILITY_WORDS.has(EXPAND[next] ?? next)) out.push('COUNTY');
    else if (expanded === undefined) out.push(t);
    else out.push(...expanded.split(' '));
  }
  return out;
}

export function normalize(text: string): string {
  return tokens(text).join(' ');
}

/** County names as the Census writes them ("St. Louis city", "Orleans Parish") to comparable keys. */
export function countyKey(name: string): { base: string; kind: 'county' | 'parish' | 'borough' | 'city' | 'other' } {
  const t = tokens(name);
  const last = t[t.length - 1];
  if (last === 'COUNTY') return { base: t.slice(0, -1).join(' '), kind: 'county' };
  if (last === 'PARISH') return { base: t.slice(0, -1).join(' '), kind: 'parish' };
  if (last === 'BOROUGH') return { base: t.slice(0, -1).join(' '), kind: 'borough' };
  if (last === 'CITY') return { base: t.slice(0, -1).join(' '), kind: 'city' };
  return { base: t.join(' '), kind: 'other' };
}
