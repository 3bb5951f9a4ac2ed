/**
 * Load the registry (policies/): every YAML file validated, cross-checked, and returned whole,
 * or every problem found, each with its file, line and key path. Nothing is half-loaded.
 */
import { registryFiles } from './registry-files.js';
import { join, relative, sep } from 'node:path';
import type { Expr } from './expr.js';
import { compileHolidays, type HolidayCalendar } from './federal-holidays.js';
import { HolidayCalendarFile } from './federal-holidays-schema.js';
import { COUNTRY, parseOcd } from './ocd.js';
import {
  CatalogFile, InstrumentFile, JurisdictionFile, type Provision,
} from './registry-schema.js';
import type { Level } from './vocab.js';
import type { Agreement287g } from './agreements-287g.js';
import { parseAgreements } from './agreements-287g-file.js';
import { parseYamlFile, type FileProblem, type Locate } from './yaml-file.js';

export interface RegisteredInstrument extends Omit<InstrumentFile, 'provisions'> { file: string; locate: Locate }
export interface RegisteredProvision extends Omit<Provision, 'level'> {
  instrument: RegisteredInstrument;
  /** Position in its file's provisions list. */
  index: number;
  jurisdiction: string;
  level: Level;
}
export interface RegisteredJurisdiction extends JurisdictionFile { file: string }
export interface RegisteredCatalog extends CatalogFile { file: string }

export interface Registry {
  jurisdictions: ReadonlyMap<string, RegisteredJurisdiction>;
  instruments: readonly RegisteredInstrument[];
  provisions: readonly RegisteredProvision[];
  catalogs: ReadonlyMap<string, RegisteredCatalog>;
  /** Federal holidays (5 U.S.C. § 6103) for hold clocks, from calendar/federal-holidays.yaml. */
  holidays: HolidayCalendar;
  /** The calendar file as validated (kept for the build snapshot). */
  calendar: HolidayCalendarFile;
  /** 287(g) agreements from ICE's lists (287g/agreements.tsv); empty when the file is absent. */
  agreements287g: readonly Agreement287g[];
  /** sha256 over every file, so a response can say which registry produced it. */
  fingerprint: string;
  files: number;
}

export type LoadResult = { ok: true; registry: Registry } | { ok: false; problems: FileProblem[] };

/** Load a registry folder, validating every file (the bundled registry may start from its snapshot: light.ts). */
export function loadRegistry(root: string): LoadResult {
  const { files, texts, fingerprint } = registryFiles(root);
  return loadParsed(root, files, texts, fingerprint);
}

function loadParsed(root: string, files: string[], texts: string[], fingerprint: string): LoadResult {
  const problems: FileProblem[] = [];
  const jurisdictions = new Map<string, RegisteredJurisdiction>();
  const instruments: RegisteredInstrument[] = [];
  const provisions: RegisteredProvision[] = [];
  const catalogs = new Map<string, RegisteredCatalog>();
  let holidays: HolidayCalendar | undefined;
  let calendar: HolidayCalendarFile | undefined;
  let agreements287g: Agreement287g[] = [];

  for (const [i, abs] of files.entries()) {
    const file = relative(join(root, '..'), abs).split(sep).join('/');
    const text = texts[i]!;
    const rel = relative(root, abs).split(sep);
    const expected = expectedJurisdiction(rel);
    if (rel[0] === 'calendar') {
      if (rel.join('/') !== CALENDAR_FILE) { problems.push({ file, path: '', message: `is not a known calendar file (expected ${CALENDAR_FILE})` }); continue; }
      const r = parseYamlFile(file, text, HolidayCalendarFile);
      if (!r.ok) { problems.push(...r.problems); continue; }
      holidays = compileHolidays(r.value);
      calendar = r.value;
    } else if (rel[0] === '287g') {
      if (rel.join('/') !== AGREEMENTS_FILE) { problems.push({ file, path: '', message: `is not a known 287(g) file (expected ${AGREEMENTS_FILE})` }); continue; }
      const r = parseAgreements(file, text);
      if (!r.ok) { problems.push(...r.problems); continue; }
      agreements287g = r.value;
    } else if (rel[0] === 'offenses') {
      const r = parseYamlFile(file, text, CatalogFile);
      if (!r.ok) { problems.push(...r.problems); continue; }
      if (catalogs.has(r.value.id)) problems.push({ file, path: 'id', message: `catalog "${r.value.id}" is defined twice` });
      catalogs.set(r.value.id, { ...r.value, file });
    } else if (!/\.ya?ml$/.test(abs)) {
      problems.push({ file, path: '', message: 'is not a YAML file: only 287g/agreements.tsv may be a table' });
    } else if (rel[rel.length - 1] === 'index.yaml') {
      const r = parseYamlFile(file, text, JurisdictionFile);
      if (!r.ok) { problems.push(...r.problems); continue; }
      if (expected && r.value.jurisdiction !== expected) {
        problems.push({ file, ...r.locate(['jurisdiction']), path: 'jurisdiction', message: `is ${r.value.jurisdiction} but the folder says ${expected}` });
      }
      jurisdictions.set(r.value.jurisdiction, { ...r.value, file });
    } else {
      const r = parseYamlFile(file, text, InstrumentFile);
      if (!r.ok) { problems.push(...r.problems); continue; }
      const { provisions: ps, ...meta } = r.value;
      if (expected === undefined) {
        problems.push({ file, path: '', message: 'is not in a jurisdiction folder (federal/, states/<st>/, states/<st>/{counties,parishes,boroughs,census_areas,places}/<name>/)' });
        continue;
      }
      if (meta.jurisdiction !== expected) {
        problems.push({ file, ...r.locate(['jurisdiction']), path: 'jurisdiction', message: `is ${meta.jurisdiction} but the folder says ${expected}` });
        continue;
      }
      const parsed = parseOcd(meta.jurisdiction);
      if (!parsed.ok) { problems.push({ file, path: 'jurisdiction', message: parsed.message }); continue; }
      const instrument = { ...meta, file, locate: r.locate };
      instruments.push(instrument);
      ps.forEach((p, index) => {
        const level: Level = p.level === 'agency' ? 'agency' : parsed.value.level;
        provisions.push({ ...p, instrument, index, jurisdiction: meta.jurisdiction, level });
      });
    }
  }

  if (!holidays && !files.some((f) => relative(root, f).split(sep).join('/') === CALENDAR_FILE)) {
    problems.push({ file: relative(join(root, '..'), join(root, CALENDAR_FILE)).split(sep).join('/'), path: '', message: 'is missing: hold clocks need the federal holiday calendar' });
  }
  crossCheck(provisions, catalogs, jurisdictions, problems);
  if (problems.length > 0 || !holidays) return { ok: false, problems };
  return {
    ok: true,
    registry: { jurisdictions, instruments, provisions, catalogs, holidays, calendar: calendar!, agreements287g, fingerprint, files: files.length },
  };
}

/** The one calendar file, relative to the registry root. */
const CALENDAR_FILE = 'calendar/federal-holidays.yaml';
/** The one 287(g) table (scripts/law/build-287g.mjs). */
const AGREEMENTS_FILE = '287g/agreements.tsv';

/** Local folders and the OCD type they stand for (parishes: Louisiana; boroughs and census areas: Alaska). */
const FOLDER_TYPES: Readonly<Record<string, string>> = { counties: 'county', parishes: 'parish', boroughs: 'borough', census_areas: 'census_area', places: 'place' };

/** The jurisdiction a file's folder stands for: federal/, states/<st>/, states/<st>/{counties,places}/<name>/. */
function expectedJurisdiction(rel: string[]): string | undefined {
  const dirs = rel.slice(0, -1);
  if (dirs[0] === 'federal' && dirs.length === 1) return COUNTRY;
  if (dirs[0] !== 'states' || !dirs[1]) return undefined;
  const st = dirs[1] === 'dc' ? `district:dc` : `state:${dirs[1]}`;
  if (dirs.length === 2) return `${COUNTRY}/${st}`;
  const type = dirs.length === 4 ? FOLDER_TYPES[dirs[2]!] : undefined;
  if (type) return `${COUNTRY}/${st}/${type}:${dirs[3]}`;
  return undefined;
}

function crossCheck(
  provisions: RegisteredProvision[], catalogs: Map<string, RegisteredCatalog>,
  jurisdictions: Map<string, RegisteredJurisdiction>, problems: FileProblem[],
): void {
  const seen = new Map<string, string>();
  for (const p of provisions) {
    const file = p.instrument.file;
    const at = (...path: (string | number)[]) => ({ file, ...p.instrument.locate(['provisions', p.index, ...path]) });
    const other = seen.get(p.id);
    if (other) problems.push({ ...at('id'), path: `provisions.${p.index}.id`, message: `id "${p.id}" is also used in ${other}` });
    seen.set(p.id, file);
    p.rules.forEach((r, i) => {
      for (const [key, e] of [['when', r.when], ['unless', r.unless]] as const) {
        if (!e) continue;
        for (const ref of catalogRefs(e)) {
          if (!catalogs.has(ref)) problems.push({ ...at('rules', i, key), path: `provisions.${p.index}.rules.${i}.${key}`, message: `unknown offense catalog "@${ref}"` });
        }
      }
      if (r.hold && !r.requests.includes('HOLD')) problems.push({ ...at('rules', i, 'hold'), path: `provisions.${p.index}.rules.${i}.hold`, message: 'a hold clock belongs to a rule on HOLD' });
      if (r.onlyIfDecided && r.modality) problems.push({ ...at('rules', i, 'onlyIfDecided'), path: `provisions.${p.index}.rules.${i}.onlyIfDecided`, message: 'onlyIfDecided is for rules without a modality' });
    });
  }
  const ruled = new Map<string, Set<string>>();
  for (const p of provisions) {
    if (p.level === 'agency') continue;
    const set = ruled.get(p.jurisdiction) ?? new Set<string>();
    for (const r of p.rules) if (r.modality) for (const q of r.requests) set.add(q);
    ruled.set(p.jurisdiction, set);
  }
  for (const j of jurisdictions.values()) {
    const level = parseOcd(j.jurisdiction);
    const isState = level.ok && level.value.level === 'state';
    for (const key of ['noStateLaw', 'noLocalLaw'] as const) {
      const findings = j[key];
      if (!findings) continue;
      if ((key === 'noStateLaw') !== isState) {
        problems.push({ file: j.file, path: key, message: key === 'noStateLaw' ? 'belongs in a state (or DC) index; use noLocalLaw for a county or place' : 'belongs in a county or place index; use noStateLaw for a state' });
        continue;
      }
      findings.forEach((f, i) => {
        for (const q of f.requests) {
          if (ruled.get(j.jurisdiction)?.has(q)) problems.push({ file: j.file, path: `${key}.${i}.requests`, message: `says no law on ${q}, but a provision of ${j.jurisdiction} has a rule on ${q}` });
        }
      });
    }
    for (const w of j.within ?? []) {
      if (!jurisdictions.has(w)) problems.push({ file: j.file, path: 'within', message: `${w} has no index.yaml in the registry` });
    }
  }
}

export function catalogRefs(e: Expr): string[] {
  if ('all' in e) return e.all.flatMap(catalogRefs);
  if ('any' in e) return e.any.flatMap(catalogRefs);
  if ('not' in e) return catalogRefs(e.not);
  const m = 'conviction' in e ? e.conviction : 'charge' in e ? e.charge : undefined;
  if (!m) return [];
  return [...(m.anyOf ?? []), ...(m.allOf ?? [])].filter((c) => c.startsWith('@')).map((c) => c.slice(1));
}
