// `comity observe attribute`: where one landmark (or many, one "AOR<TAB>landmark" a line) goes and why.
import { z } from 'zod';
import { type Database, DatabaseUnreadableError, query } from '../db.js';
import { loadGazetteer } from './build.js';
import type { Gazetteer } from './gazetteer.js';
import { type LandmarkExplanation, explainLandmark } from './match.js';

/** A landmark or AOR code the matcher cannot take, with what was wrong. */
export class LandmarkInputError extends Error {}

/** What attributing needs from a loaded database: the gazetteer and the AOR codes. */
export interface Attributor {
  gaz: Gazetteer;
  /** AOR code → its name ("BOS" → "Boston"). */
  aors: Map<string, string>;
}

const NEEDED = ['census_population', 'county_aor', 'hifld_facilities', 'aor_codes'];

/** `path` names the database in the error when it lacks the tables (an older or partial load). */
export async function openAttributor(db: Database, path = 'the database'): Promise<Attributor> {
  const have = await query<{ name: string }>(db, `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN (${NEEDED.map((n) => `'${n}'`).join(', ')})`);
  const missing = NEEDED.filter((n) => !have.some((h) => h.name === n));
  if (missing.length > 0) throw new DatabaseUnreadableError(path, `it has no ${missing.join(', ')} table`);
  const codes = await query<{ code: string; name: string }>(db, 'SELECT code, name FROM aor_codes');
  return { gaz: await loadGazetteer(db), aors: new Map(codes.map((c) => [c.code, c.name])) };
}

const MAX_LANDMARK = 500;
const landmarkSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'the landmark is empty').max(MAX_LANDMARK, `the landmark is longer than ${MAX_LANDMARK} characters`));

function aorSchema(att: Attributor) {
  return z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((s) => att.aors.has(s), { message: `unknown AOR code (known: ${[...att.aors.keys()].sort().join(', ')})` });
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid';
}

/** Explains one landmark; `aor` null or undefined means a record with no AOR (every state is searched). */
export function explainOne(att: Attributor, landmark: string, aor?: string | null): LandmarkExplanation {
  const l = landmarkSchema.safeParse(landmark);
  if (!l.success) throw new LandmarkInputError(`landmark: ${firstIssue(l.error)}`);
  let code: string | null = null;
  if (aor !== undefined && aor !== null) {
    const a = aorSchema(att).safeParse(aor);
    if (!a.success) throw new LandmarkInputError(`--aor ${JSON.stringify(aor.slice(0, 20))}: ${firstIssue(a.error)}`);
    code = a.data;
  }
  return explainLandmark(l.data, code, att.gaz);
}

/** One output line of the many-landmark form: the attribution, or the error of that input line. */
export type AttributeLineResult =
  | { line: number; aor: string | null; landmark: string; fips: string; method: string; confidence: string; detail: string }
  | { line: number; aor: string | null; landmark: string; fips: null; reason: string; detail: string }
  | { line: number; aor: string | null; landmark: string | null; fips: null; error: string };

/**
 * Attributes one input line "AOR<TAB>landmark" (an empty AOR means none). A line without a tab, with an unknown
 * AOR or an empty landmark gives an error naming its line number instead of an attribution.
 */
export function attributeLine(att: Attributor, text: string, lineNo: number): AttributeLineResult {
  const raw = text.replace(/\r$/, '');
  const tab = raw.indexOf('\t');
  if (tab < 0) return { line: lineNo, aor: null, landmark: null, fips: null, error: `line ${lineNo}: expected AOR<TAB>landmark, found no tab` };
  const aorText = raw.slice(0, tab);
  const l = landmarkSchema.safeParse(raw.slice(tab + 1));
  let aor: string | null = null;
  if (aorText.trim() !== '') {
    const a = aorSchema(att).safeParse(aorText);
    if (!a.success) return { line: lineNo, aor: aorText.slice(0, 20), landmark: l.success ? l.data : null, fips: null, error: `line ${lineNo}: AOR ${JSON.stringify(aorText.slice(0, 20))}: ${firstIssue(a.error)}` };
    aor = a.data;
  }
  if (!l.success) return { line: lineNo, aor, landmark: null, fips: null, error: `line ${lineNo}: ${firstIssue(l.error)}` };
  const a = explainLandmark(l.data, aor, att.gaz).attribution;
  return a.fips === null
    ? { line: lineNo, aor, landmark: l.data, fips: null, reason: a.reason, detail: a.detail }
    : { line: lineNo, aor, landmark: l.data, fips: a.fips, method: a.method, confidence: a.confidence, detail: a.detail };
}

function countyName(att: Attributor, fips: string): string {
  const c = att.gaz.counties.get(fips);
  return c ? `${c.name}, ${c.stateAbbr}` : fips;
}

const SCOPE_WORDS: Record<LandmarkExplanation['states']['scope'], string> = {
  'named-in-aor': 'states the text names, within the AOR',
  'named-outside-aor': 'states the text names, outside the AOR',
  aor: "the AOR's states (the text names none)",
  'all-states': 'every state (no AOR, or one with no states)',
};

/** The explanation as lines of text: what was read, where it looked, the candidates, the outcome. */
export function formatExplanation(att: Attributor, e: LandmarkExplanation): string {
  const a = e.attribution;
  const list = (xs: string[]) => (xs.length ? xs.join('; ') : 'none');
  const lines = [
    `landmark:     ${e.landmark}${e.aor ? ` (AOR ${e.aor}, ${att.aors.get(e.aor) ?? ''})` : ' (no AOR)'}`,
    `read as:      ${e.normalized}`,
    `states:       ${e.states.searched.length ? e.states.searched.join(', ') : 'all'} — ${SCOPE_WORDS[e.states.scope]}${e.states.named.length ? `; named: ${e.states.named.join(', ')}` : ''}`,
    `county names: ${list(e.candidates.countyNames.map((c) => `"${c.phrase}" → ${c.counties.map((x) => `${x.name}, ${x.state} (${x.fips})`).join(', ')}${c.outsideAor ? ' [outside the AOR]' : ''}`))}`,
    `facilities:   ${list(e.candidates.facilities.map((f) => `"${f.key}" → ${f.facilities.map((x) => `${x.name}, ${x.city ? `${x.city}, ` : ''}${x.state} (${x.fips})`).join(', ')}${f.outsideAor ? ' [outside the AOR]' : ''}`))}`,
    `cities:       ${list(e.candidates.cities.map((c) => `"${c.phrase}" → ${c.counties.map((f) => `${countyName(att, f)} (${f})`).join(', ')}`))}`,
  ];
  if (e.candidates.ori) lines.push(`ORI code:     ${e.candidates.ori.name}, ${e.candidates.ori.state} (${e.candidates.ori.fips})`);
  lines.push(
    a.fips === null
      ? `county:       none — ${a.reason}${a.detail ? ` (${a.detail})` : ''}`
      : `county:       ${a.fips} ${countyName(att, a.fips)} — method ${a.method}, confidence ${a.confidence}${a.detail ? ` (${a.detail})` : ''}`,
  );
  return lines.join('\n');
}
