#!/usr/bin/env node
/**
 * Builds policies/287g/agreements.tsv: every 287(g) agreement on ICE's published lists, with the
 * agency's state, county, place and kind and the dates it is known to have been in force.
 *
 * Inputs (folder ice-287g of the data folder; origin and licence in scripts/law/README-287g.md):
 *   ice_287g_participating_2025-01-04_wayback.csv        ICE's list as archived on 2025-01-04
 *   ice_287g_participating_2026-05-18.csv                ICE's list of 2026-05-18
 *   relevantresearch_287g_participating_tracked_2026-05-18.csv   every agreement seen since ~2025-02, with last_seen
 * Usage: node scripts/law/build-287g.mjs [data-dir]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.COMITY_DATA_DIR ?? join(root, '..', 'shared', 'data');
const dir = join(dataDir, 'ice-287g');
const FILES = {
  wayback: 'ice_287g_participating_2025-01-04_wayback.csv',
  list: 'ice_287g_participating_2026-05-18.csv',
  tracked: 'relevantresearch_287g_participating_tracked_2026-05-18.csv',
};
const WAYBACK_DATE = '2025-01-04';
const LIST_DATE = '2026-05-18';
for (const f of Object.values(FILES)) if (!existsSync(join(dir, f))) { console.error(`build-287g: ${join(dir, f)} not found`); process.exit(2); }

// State names as ICE's lists spell them, misspellings included.
const states = new Map();
for (const line of readFileSync(join(root, 'gazetteer', 'counties.tsv'), 'utf8').split('\n').slice(1)) {
  const f = line.split('\t');
  if (f.length > 3) states.set(f[1], true);
}
const NAMES = {
  ALABAMA: 'AL', ALASKA: 'AK', ARIZONA: 'AZ', ARKANSAS: 'AR', CALIFORNIA: 'CA', COLORADO: 'CO', CONNECTICUT: 'CT', DELAWARE: 'DE',
  'DISTRICT OF COLUMBIA': 'DC', FLORIDA: 'FL', GEORGIA: 'GA', HAWAII: 'HI', IDAHO: 'ID', ILLINOIS: 'IL', INDIANA: 'IN', IOWA: 'IA',
  KANSAS: 'KS', KENTUCKY: 'KY', LOUISIANA: 'LA', MAINE: 'ME', MARYLAND: 'MD', MASSACHUSETTS: 'MA', MICHIGAN: 'MI', MINNESOTA: 'MN',
  MISSISSIPPI: 'MS', MISSOURI: 'MO', MONTANA: 'MT', NEBRASKA: 'NE', NEVADA: 'NV', 'NEW HAMPSHIRE': 'NH', 'NEW JERSEY': 'NJ',
  'NEW MEXICO': 'NM', 'NEW YORK': 'NY', 'NORTH CAROLINA': 'NC', 'NORTH DAKOTA': 'ND', OHIO: 'OH', OKLAHOMA: 'OK', OREGON: 'OR',
  PENNSYLVANIA: 'PA', 'RHODE ISLAND': 'RI', 'SOUTH CAROLINA': 'SC', 'SOUTH DAKOTA': 'SD', TENNESSEE: 'TN', TEXAS: 'TX', UTAH: 'UT',
  VERMONT: 'VT', VIRGINIA: 'VA', WASHINGTON: 'WA', 'WEST VIRGINIA': 'WV', WISCONSIN: 'WI', WYOMING: 'WY',
  // as misspelled on the lists
  PENNSLYVANIA: 'PA', 'WEST VIRIGINIA': 'WV',
};
const MODELS = { 'Jail Enforcement Model': 'JEM', 'Warrant Service Officer': 'WSO', 'Task Force Model': 'TFM' };

const norm = (s) => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ')
  .replace(/\b(st|ste)\b/g, 'saint').replace(/\s+/g, ' ').trim();

// Counties by state and normalized name ("harris county" and "harris"), places by state and name.
const counties = new Map();
for (const line of readFileSync(join(root, 'gazetteer', 'counties.tsv'), 'utf8').split('\n').slice(1)) {
  const [fips, st, name] = line.split('\t');
  if (!name) continue;
  counties.set(`${st}|${norm(name)}`, fips);
  counties.set(`${st}|${norm(name).replace(/ (county|parish|borough|census area|city and borough|municipality)$/, '')}`, fips);
}
const places = new Map();
function placesOf(st) {
  let m = places.get(st);
  if (m) return m;
  m = new Map();
  const file = join(root, 'gazetteer', 'places', `${st.toLowerCase()}.tsv`);
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.split('\t');
      if (f.length < 7 || f[3] === 'CDP') continue;
      const list = m.get(norm(f[2])) ?? [];
      list.push({ ocd: `ocd-division/country:us/state:${st.toLowerCase()}/${f[4]}`, counties: f[6].split(' ').map((c) => c.split(':')[0]) });
      m.set(norm(f[2]), list);
    }
  }
  places.set(st, m);
  return m;
}

/** The agency kind (src/law/vocab.ts) its name and ICE's type suggest, or 'other'. */
function kindOf(name, type) {
  const n = norm(name);
  if (/sheriff/.test(n)) return 'sheriff_jail';
  if (/\b(school|isd|university|college)\b/.test(n)) return 'school_police';
  if (/\b(probation|parole|community supervision|pardons)\b/.test(n)) return 'probation';
  if (/\b(constable|marshal|court|state attorney|district attorney|attorney general)\b/.test(n)) return 'court_officers';
  if (/\b(correction|corrections|correctional|jail|detention)\b/.test(n)) return type === 'State Agency' ? 'state_prison' : 'sheriff_jail';
  if (type === 'State Agency' && /\b(highway patrol|state police|state patrol|public safety|trooper)\b/.test(n)) return 'state_police';
  if (type === 'Municipality' && /\b(police|public safety|department)\b/.test(n)) return 'municipal_police';
  return 'other';
}

/** The place a municipal agency serves: its name without "Police Department" and "City of", in the listed county if given. */
function placeOf(st, name, countyFips) {
  const core = norm(name)
    .replace(/\b(police|public safety)( services)? (department|dept|division)\b.*$/, '').replace(/\b(police|pd)$/, '')
    .replace(/^(the )?(city|town|village|borough|township) of /, '').trim();
  for (const base of [core, core.replace(/ (city|town|township|village|borough)$/, '')]) {
    const cands = placesOf(st).get(base) ?? [];
    const inCounty = countyFips ? cands.filter((p) => p.counties.includes(countyFips)) : cands;
    if (inCounty.length === 1) return inCounty[0];
  }
  return undefined;
}

const db = await (await DuckDBInstance.create(':memory:')).connect();
async function rows(file) {
  const r = await db.runAndReadAll(`SELECT * FROM read_csv('${join(dir, file).replace(/'/g, "''")}', all_varchar = true, header = true)`);
  return r.getRowObjectsJS();
}
const sha = (f) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');

const agreements = new Map();
const problems = { state: new Map(), model: 0, undated: 0 };
function add(r, source) {
  const stName = (r.state ?? '').trim().toUpperCase();
  const st = NAMES[stName];
  if (!st) { problems.state.set(stName, (problems.state.get(stName) ?? 0) + 1); return; }
  const model = MODELS[(r.support_type ?? '').trim()];
  if (!model) { problems.model++; return; }
  const agency = (r.law_enforcement_agency ?? '').replace(/\s+/g, ' ').trim();
  const signed = (r.signed ?? '').trim();
  // A few tracked rows repeat an agreement with no signing date and no last sighting: nothing to date them by.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(signed)) { problems.undated++; return; }
  const key = `${st}|${norm(agency)}|${model}|${signed}`;
  const a = agreements.get(key) ?? { st, agency, type: '', county: '', model, signed, lastSeen: '', ongoing: false, sources: new Set() };
  // ICE's type, as three values; a few rows say "State" for a county's own jail ("Wicomico County Corrections Center").
  if (r.type && !a.type) a.type = /\b(county|parish)\b/i.test(agency) ? 'County' : r.type.trim() === 'State' ? 'State Agency' : r.type.trim();
  if (r.county && !a.county) a.county = r.county.trim();
  a.sources.add(source);
  if (source === 'W' && a.lastSeen < WAYBACK_DATE) a.lastSeen = WAYBACK_DATE;
  if (source === 'L') { a.lastSeen = LIST_DATE; a.ongoing = true; }
  if (source === 'T') {
    const seen = (r.last_seen ?? '').trim();
    if (seen > a.lastSeen) a.lastSeen = seen;
    if ((r.status ?? '').trim() !== 'Absent') a.ongoing = true;
  }
  agreements.set(key, a);
}
for (const r of await rows(FILES.wayback)) add(r, 'W');
for (const r of await rows(FILES.tracked)) add(r, 'T');
for (const r of await rows(FILES.list)) add(r, 'L');

// The 2025-01 list has no type column: take the agency's type from the other lists, else infer it.
const typeOf = new Map();
for (const a of agreements.values()) if (a.type) typeOf.set(`${a.st}|${norm(a.agency)}`, a.type);
for (const a of agreements.values()) {
  if (a.type) continue;
  a.type = typeOf.get(`${a.st}|${norm(a.agency)}`)
    ?? (/\b(county|parish|sheriff)\b/i.test(a.agency) ? 'County' : /\b(police department|city of|town of)\b/i.test(a.agency) ? 'Municipality' : 'State Agency');
}

const out = [];
let noCounty = 0, noPlace = 0;
for (const a of [...agreements.values()].sort((x, y) => x.st.localeCompare(y.st) || x.agency.localeCompare(y.agency) || x.model.localeCompare(y.model) || x.signed.localeCompare(y.signed))) {
  const kind = kindOf(a.agency, a.type);
  let countyFips = a.county ? counties.get(`${a.st}|${norm(a.county)}`) ?? '' : '';
  // The 2025-01 list has no county column: a county sheriff's name carries it ("Etowah County Sheriff's Office").
  if (!countyFips && a.type !== 'State Agency') {
    const m = /^(.*?)\s+(county|parish)\b/i.exec(a.agency);
    if (m) countyFips = counties.get(`${a.st}|${norm(m[1])}`) ?? '';
  }
  const place = a.type === 'Municipality' || (kind === 'municipal_police' && a.type !== 'County') ? placeOf(a.st, a.agency, countyFips) : undefined;
  if (place && !countyFips) countyFips = place.counties[0];
  if (a.type !== 'State Agency' && !countyFips) noCounty++;
  if (a.type === 'Municipality' && !place) noPlace++;
  out.push([a.st, a.agency, a.type, kind, countyFips, place?.ocd ?? '', a.model, a.signed, a.lastSeen, a.ongoing ? '1' : '0', [...a.sources].sort().join('')].join('\t'));
}

const header = [
  '# 287(g) agreements on ICE\'s published lists. Built by scripts/law/build-287g.mjs; do not edit by hand.',
  `# ${FILES.wayback} sha256 ${sha(FILES.wayback)} (ICE list archived ${WAYBACK_DATE}; source W)`,
  `# ${FILES.tracked} sha256 ${sha(FILES.tracked)} (RelevantResearch, every agreement seen since about 2025-02; source T)`,
  `# ${FILES.list} sha256 ${sha(FILES.list)} (ICE list of ${LIST_DATE}; source L)`,
  '# lastSeen: the last list date the agreement appears on; ongoing: 1 if still present on the latest list.',
  'state\tagency\ttype\tkind\tcountyFips\tplace\tmodel\tsigned\tlastSeen\tongoing\tsources',
];
writeFileSync(join(root, 'policies', '287g', 'agreements.tsv'), [...header, ...out, ''].join('\n'));
console.log(`wrote policies/287g/agreements.tsv: ${out.length} agreements`);
console.log(`skipped: ${[...problems.state].map(([s, n]) => `${n} in "${s || '(blank)'}"`).join(', ') || 'none'} (not a state or DC); ${problems.model} with no model; ${problems.undated} with no signing date`);
console.log(`without a county: ${noCounty}; municipal agencies without a matched place: ${noPlace}`);
