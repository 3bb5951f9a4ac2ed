#!/usr/bin/env node
// Builds gazetteer/counties.tsv, gazetteer/places/<st>.tsv and gazetteer/consolidated.tsv from public inputs.
//
//   node scripts/gazetteer/build.mjs <raw-dir> [out-dir]
//
// <raw-dir> must hold the input files named in scripts/gazetteer/README.md (with the sha256 listed
// there; the script checks them). [out-dir] defaults to the repository's gazetteer/ folder.
// The output is deterministic: same inputs, same bytes.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rawDir = process.argv[2];
const outDir = resolve(process.argv[3] ?? join(here, '..', '..', 'gazetteer'));
if (!rawDir) {
  console.error('usage: node scripts/gazetteer/build.mjs <raw-dir> [out-dir]');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Inputs and their checksums (see README.md for where each one comes from).
const INPUTS = {
  'geocorr2022_county_place.csv': 'a9f97a6a7def88be71953f5e3adaeb35fe43f636f806c148857f275c3cc5f564',
  'addfips_counties_2020.csv': '2a9d1076d93de972090c73466f32f0aabf5cb1104c387827218392a7d51a1e81',
  'ocd_us_census_places.csv': '9c5468ba9208c429cffc713157d0dcf6677d18940d21f105cb1616d070bf699d',
  'ocd_aliases.csv': '030def82fcc178d729f719237945f900b6f02acfdc64553cd15c3fccf30a2213',
};
const text = {};
for (const [name, sha] of Object.entries(INPUTS)) {
  const buf = readFileSync(join(rawDir, name));
  const got = createHash('sha256').update(buf).digest('hex');
  if (got !== sha) {
    console.error(`checksum mismatch for ${name}: ${got} (expected ${sha})`);
    process.exit(1);
  }
  text[name] = buf.toString('utf8').replace(/\r/g, '');
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes). */
function parseCsv(s) {
  const rows = [];
  let row = [], field = '', i = 0, q = false;
  while (i < s.length) {
    const c = s[i];
    if (q) {
      if (c === '"') { if (s[i + 1] === '"') { field += '"'; i += 2; continue; } q = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { q = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// States (50 + DC). Territories are left out of this vintage of the gazetteer.
const STATES = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY',
};

// ---------------------------------------------------------------------------------------------
// Time zones. The zone of most of each state (IANA names), then the counties that keep another
// zone (49 CFR part 71, §§ 71.4–71.10, and the IANA tz database's zone comments), then the counties
// the boundary splits: their `timeZone` is the zone of the county seat (where the jail is) and the
// others are listed with a note. The per-county lists follow the R package countytimezones
// (geanders/countytimezones, data-raw/clean_timezones_data.R) corrected for later changes.
const STATE_TZ = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles',
  CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York',
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago',
  OH: 'America/New_York', OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver',
  VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles', WV: 'America/New_York', WI: 'America/Chicago',
  WY: 'America/Denver',
};
/** County names (Census name without the state) → zone, per state. */
const TZ_EXCEPTIONS = {
  AK: {
    'Aleutians East Borough': 'America/Anchorage',
    'Yakutat City and Borough': 'America/Yakutat',
    'Skagway Municipality': 'America/Juneau', 'Hoonah-Angoon Census Area': 'America/Juneau',
    'Juneau City and Borough': 'America/Juneau', 'Haines Borough': 'America/Juneau',
    'Wrangell City and Borough': 'America/Sitka', 'Petersburg Borough': 'America/Sitka',
    'Sitka City and Borough': 'America/Sitka', 'Ketchikan Gateway Borough': 'America/Sitka',
    'Prince of Wales-Hyder Census Area': 'America/Sitka',
    'Bethel Census Area': 'America/Nome', 'Nome Census Area': 'America/Nome', 'Kusilvak Census Area': 'America/Nome',
  },
  FL: Object.fromEntries(['Bay', 'Calhoun', 'Escambia', 'Holmes', 'Jackson', 'Okaloosa', 'Santa Rosa', 'Walton', 'Washington']
    .map((c) => [`${c} County`, 'America/Chicago'])),
  ID: Object.fromEntries(['Benewah', 'Bonner', 'Boundary', 'Clearwater', 'Kootenai', 'Latah', 'Lewis', 'Nez Perce', 'Shoshone']
    .map((c) => [`${c} County`, 'America/Los_Angeles'])),
  IN: {
    'Crawford County': 'America/Indiana/Marengo',
    'Daviess County': 'America/Indiana/Vincennes', 'Dubois County': 'America/Indiana/Vincennes',
    'Knox County': 'America/Indiana/Vincennes', 'Martin County': 'America/Indiana/Vincennes',
    'Perry County': 'America/Indiana/Tell_City', 'Pike County': 'America/Indiana/Petersburg',
    'Starke County': 'America/Indiana/Knox', 'Pulaski County': 'America/Indiana/Winamac',
    'Switzerland County': 'America/Indiana/Vevay',
    'Clark County': 'America/Kentucky/Louisville', 'Floyd County': 'America/Kentucky/Louisville', 'Harrison County': 'America/Kentucky/Louisville',
    'Dearborn County': 'America/New_York', 'Ohio County': 'America/New_York',
    ...Object.fromEntries(['Gibson', 'Jasper', 'Lake', 'LaPorte', 'Newton', 'Porter', 'Posey', 'Spencer', 'Vanderburgh', 'Warrick']
      .map((c) => [`${c} County`, 'America/Chicago'])),
  },
  KS: Object.fromEntries(['Greeley', 'Hamilton', 'Sherman', 'Wallace'].map((c) => [`${c} County`, 'America/Denver'])),
  KY: {
    ...Object.fromEntries(['Adair', 'Allen', 'Ballard', 'Barren', 'Breckinridge', 'Butler', 'Caldwell', 'Calloway', 'Carlisle',
      'Christian', 'Clinton', 'Crittenden', 'Cumberland', 'Daviess', 'Edmonson', 'Fulton', 'Graves', 'Grayson', 'Green',
      'Hancock', 'Hart', 'Henderson', 'Hickman', 'Hopkins', 'Livingston', 'Logan', 'Lyon', 'Marshall', 'McCracken',
      'McLean', 'Metcalfe', 'Monroe', 'Muhlenberg', 'Ohio', 'Russell', 'Simpson', 'Todd', 'Trigg', 'Union', 'Warren', 'Webster']
      .map((c) => [`${c} County`, 'America/Chicago'])),
    'Jefferson County': 'America/Kentucky/Louisville', 'Wayne County': 'America/Kentucky/Monticello',
  },
  MI: Object.fromEntries(['Dickinson', 'Gogebic', 'Iron', 'Menominee'].map((c) => [`${c} County`, 'America/Menominee'])),
  NE: Object.fromEntries(['Arthur', 'Banner', 'Box Butte', 'Chase', 'Cheyenne', 'Dawes', 'Deuel', 'Dundy', 'Garden', 'Grant',
    'Hooker', 'Keith', 'Kimball', 'Morrill', 'Perkins', 'Scotts Bluff', 'Sheridan', 'Sioux'].map((c) => [`${c} County`, 'America/Denver'])),
  ND: {
    // Dunn County is also wholly Mountain; it is listed with the split counties below for its note.
    ...Object.fromEntries(['Adams', 'Billings', 'Bowman', 'Golden Valley', 'Grant', 'Hettinger', 'Slope', 'Stark']
      .map((c) => [`${c} County`, 'America/Denver'])),
    'Oliver County': 'America/North_Dakota/Center', 'Morton County': 'America/North_Dakota/New_Salem',
    'Mercer County': 'America/North_Dakota/Beulah',
  },
  OR: {},
  SD: Object.fromEntries(['Bennett', 'Butte', 'Corson', 'Custer', 'Dewey', 'Fall River', 'Haakon', 'Harding', 'Jackson',
    'Lawrence', 'Meade', 'Oglala Lakota', 'Pennington', 'Perkins', 'Stanley', 'Ziebach'].map((c) => [`${c} County`, 'America/Denver'])),
  TN: Object.fromEntries(['Anderson', 'Blount', 'Bradley', 'Campbell', 'Carter', 'Claiborne', 'Cocke', 'Grainger', 'Greene',
    'Hamblen', 'Hamilton', 'Hancock', 'Hawkins', 'Jefferson', 'Johnson', 'Knox', 'Loudon', 'McMinn', 'Meigs', 'Monroe',
    'Morgan', 'Polk', 'Rhea', 'Roane', 'Scott', 'Sevier', 'Sullivan', 'Unicoi', 'Union', 'Washington'].map((c) => [`${c} County`, 'America/New_York'])),
  TX: { 'El Paso County': 'America/Denver', 'Hudspeth County': 'America/Denver' },
};
/** Counties the zone boundary splits: [state, Census name, zone of the county seat, other zones, note]. A county
 *  with no other zone is listed here only for its note. */
const TZ_SPLIT = [
  ['AK', 'Aleutians West Census Area', 'America/Anchorage', ['America/Adak'],
    'Islands west of 169°30′W (Adak, Atka) keep Hawaii–Aleutian time; Unalaska, the largest town and its jail, keeps Alaska time.'],
  ['AZ', 'Apache County', 'America/Phoenix', ['America/Denver'], 'The Navajo Nation observes daylight saving time; the rest of the county (St. Johns, the seat) does not.'],
  ['AZ', 'Navajo County', 'America/Phoenix', ['America/Denver'], 'The Navajo Nation observes daylight saving time; the rest of the county (Holbrook, the seat) does not.'],
  ['AZ', 'Coconino County', 'America/Phoenix', ['America/Denver'], 'The Navajo Nation observes daylight saving time; the rest of the county (Flagstaff, the seat) does not.'],
  ['FL', 'Gulf County', 'America/New_York', ['America/Chicago'], 'The northern part (Wewahitchka) keeps Central time; Port St. Joe, the seat, keeps Eastern.'],
  ['ID', 'Idaho County', 'America/Los_Angeles', ['America/Boise'], 'North of the Salmon River (Grangeville, the seat) keeps Pacific time; the south keeps Mountain.'],
  ['NE', 'Cherry County', 'America/Chicago', ['America/Denver'], 'The western part keeps Mountain time; Valentine, the seat, keeps Central.'],
  // North Dakota, checked against 49 CFR 71.7(a) (eCFR text of 2021-09-23; last amended for Mercer
  // County, 75 FR 60004, 2010): west of Mercer County the line follows the Missouri River (Lake
  // Sakakawea), then the Little Missouri, then township lines to the Yellowstone and the Montana line;
  // south of Mercer it follows the Morton County line, the north line of Sioux County and State Highway 31.
  ['ND', 'McKenzie County', 'America/Chicago', ['America/Denver'],
    'Split by 49 CFR 71.7(a): the parts south of the Little Missouri River and west of the township line at about R. 101–102 W. keep Mountain time; Watford City, the seat, keeps Central.'],
  // Dunn lies wholly south of the Missouri and the Little Missouri: all Mountain by the rule (no split).
  ['ND', 'Dunn County', 'America/Denver', [],
    'Wholly in the Mountain zone under 49 CFR 71.7(a) (the line runs along Lake Sakakawea and the Little Missouri River, north of the county). North Dakota Tourism describes the line in use as following the south-western border of the Fort Berthold Reservation through Dunn County, so the reservation part may keep Central time in practice; that is not the legal boundary.'],
  ['ND', 'Sioux County', 'America/Chicago', ['America/Denver'],
    'Split by 49 CFR 71.7(a) (as amended in 2003): west of State Highway 31 keeps Mountain time; Fort Yates, the seat, keeps Central.'],
  ['OR', 'Malheur County', 'America/Boise', ['America/Los_Angeles'], 'Most of the county (Vale, the seat) keeps Mountain time; the southern tip keeps Pacific.'],
];

// ---------------------------------------------------------------------------------------------
// Consolidations beyond the ones OCD's aliases.csv already records. [county FIPS, place GEOID,
// relation, note]. relation: 'consolidated' = one government, same territory; 'consolidated-partial'
// = one government, but other municipalities (or unincorporated land) remain inside the county, so the
// Census place is smaller than the county; 'coextensive' = same territory, county offices distinct.
const CONSOLIDATIONS = [
  ['42101', '4260000', 'consolidated', 'City and County of Philadelphia: county offices are city offices since the 1854 Act of Consolidation; OCD keeps two ids.'],
  ['06075', '0667000', 'consolidated', 'City and County of San Francisco.'],
  ['08031', '0820000', 'consolidated', 'City and County of Denver.'],
  ['08014', '0809280', 'consolidated', 'City and County of Broomfield (2001).'],
  ['11001', '1150000', 'consolidated', 'District of Columbia: one government; the Census place is Washington city.'],
  ['12031', '1235000', 'consolidated-partial', 'City of Jacksonville–Duval County (1968); Atlantic Beach, Baldwin, Jacksonville Beach and Neptune Beach remain separate.'],
  ['47037', '4752006', 'consolidated-partial', 'Metropolitan Government of Nashville and Davidson County (1963); six satellite cities remain separate.'],
  ['18097', '1836003', 'consolidated-partial', 'Indianapolis–Marion County Unigov (1970); Beech Grove, Lawrence, Southport and Speedway remain separate; the county sheriff keeps the jail.'],
  ['21111', '2148006', 'consolidated-partial', 'Louisville/Jefferson County Metro Government (2003); other cities in the county remain separate.'],
  ['21067', '2146027', 'consolidated', 'Lexington-Fayette Urban County Government (1974).'],
  ['13245', '1304204', 'consolidated-partial', 'Augusta-Richmond County (1996); Blythe and Hephzibah remain separate.'],
  ['13059', '1303440', 'consolidated-partial', 'Unified Government of Athens-Clarke County (1991); Winterville and part of Bogart remain separate.'],
  ['13215', '1319000', 'consolidated', 'Columbus Consolidated Government (Muscogee County, 1971).'],
  ['13021', '1349008', 'consolidated', 'Macon-Bibb County (2014).'],
  ['22071', '2255000', 'consolidated', 'City of New Orleans and Orleans Parish.'],
  ['22033', '2205000', 'consolidated-partial', 'City of Baton Rouge and Parish of East Baton Rouge (1949 plan of government); Baker, Central and Zachary remain separate and much of the parish is unincorporated.'],
  ['20209', '2036000', 'consolidated-partial', 'Unified Government of Wyandotte County and Kansas City, Kansas (1997); Bonner Springs, Edwardsville and Lake Quivira remain separate.'],
  ['30093', '3011397', 'consolidated-partial', 'Butte-Silver Bow (1977); Walkerville remains separate.'],
  ['30023', '3001675', 'consolidated', 'Anaconda-Deer Lodge County (1977).'],
  ['47127', '4744382', 'consolidated', 'Metropolitan Lynchburg/Moore County (1988).'],
  ['47169', '4732742', 'consolidated', 'Hartsville/Trousdale County (2001).'],
  ['02020', '0203000', 'consolidated', 'Municipality of Anchorage (1975).'],
  ['02110', '0236400', 'consolidated', 'City and Borough of Juneau (1970).'],
  ['02220', '0270540', 'consolidated', 'City and Borough of Sitka (1971).'],
  ['02275', '0286380', 'consolidated', 'City and Borough of Wrangell (2008).'],
  ['32510', '3209700', 'consolidated', 'Carson City, an independent city (consolidated municipality, 1969).'],
  ['24510', '2404000', 'consolidated', 'Baltimore, an independent city.'],
  ['29510', '2965000', 'consolidated', 'St. Louis, an independent city.'],
];
/** Places that span several counties and are one government over all of them. */
const MULTI_COUNTY_NOTES = {
  '3651000': 'New York City: one city government over five counties, each a borough (Bronx, Kings, New York, Queens, Richmond).',
};

// ---------------------------------------------------------------------------------------------
// OCD identifiers by Census GEOID (5-digit county, 7-digit place).
const ocdByGeoid = new Map();
const ocdNameByGeoid = new Map();
const ocdIds = new Set();
for (const [id, oname, g] of parseCsv(text['ocd_us_census_places.csv']).slice(1)) {
  ocdIds.add(id);
  if (!g) continue;
  const geoid = g.replace(/^place-/, '');
  if (geoid.length === 5 || geoid.length === 7) {
    // County subdivisions (10 digits) are skipped. Prefer a non-nested id when OCD lists two.
    if (!ocdNameByGeoid.has(geoid)) ocdNameByGeoid.set(geoid, oname);
    const prev = ocdByGeoid.get(geoid);
    if (!prev || prev.split('/').length > id.split('/').length) ocdByGeoid.set(geoid, id);
  }
}
/** OCD alias (non-canonical id) → canonical id. */
const sameAs = new Map();
for (const [id, target] of parseCsv(text['ocd_aliases.csv']).slice(1)) if (id && target) sameAs.set(id, target);
const canonical = (id) => { let x = id; for (let i = 0; i < 5 && sameAs.has(x); i++) x = sameAs.get(x); return x; };

/** OCD's slug rules: lower case, spaces to '_', periods dropped, apostrophes to '~', letters kept. */
const slug = (s) => s.toLowerCase().replace(/\./g, '').replace(/['’]/g, '~').replace(/\s+/g, '_');

// ---------------------------------------------------------------------------------------------
// Counties: the set of counties is the set in the Geocorr 2022 file (2020 Census geography).
const gc = parseCsv(text['geocorr2022_county_place.csv']).slice(2).filter((r) => r.length >= 9);
const countyNames = new Map();
const RENAMED = new Set(['Wade Hampton Census Area', 'Petersburg Census Area', 'Shannon County', 'Valdez-Cordova Census Area', 'Bedford city']);
for (const [st, co, name] of parseCsv(text['addfips_counties_2020.csv']).slice(1)) {
  if (!name || RENAMED.has(name)) continue;
  countyNames.set(st + co, name);
}
const counties = new Map();
for (const r of gc) {
  const [fips, st, , stab, cname] = r;
  if (!STATES[st] || counties.has(fips)) continue;
  if (STATES[st] !== stab) throw new Error(`state mismatch ${fips}`);
  const name = fips === '11001' ? 'District of Columbia' : countyNames.get(fips) ?? cname.replace(/ [A-Z]{2}$/, '');
  counties.set(fips, { fips, state: stab, name, ocd: '', ocdDerived: false, aliases: new Set(), notes: [] });
}
const LSAD_TYPE = [[' City and Borough', 'borough'], [' Municipality', 'borough'], [' Borough', 'borough'], [' Census Area', 'census_area'],
  [' County', 'county'], [' Parish', 'parish'], [' city', 'place']];
for (const c of counties.values()) {
  const o = ocdByGeoid.get(c.fips);
  if (o) { c.ocd = canonical(o); if (c.ocd !== o) c.aliases.add(o); continue; }
  if (c.fips === '11001') { c.ocd = 'ocd-division/country:us/district:dc'; continue; }
  const [suffix, type] = LSAD_TYPE.find(([s]) => c.name.endsWith(s)) ?? ['', 'county'];
  const base = c.name.slice(0, c.name.length - suffix.length);
  const formed = `ocd-division/country:us/state:${c.state.toLowerCase()}/${type}:${slug(base)}`;
  // OCD may know the formed id as an alias (independent cities: county:x → place:x).
  c.ocd = canonical(formed);
  if (c.ocd !== formed) c.aliases.add(formed);
  c.ocdDerived = c.ocd === formed && !ocdIds.has(formed);
}

// ---------------------------------------------------------------------------------------------
// Places.
const LSADS = ['city and borough', 'metro township', 'unified government', 'consolidated government', 'metropolitan government', 'consolidated government (balance)', 'metropolitan government (balance)',
  'metro government (balance)', 'unified government (balance)', 'urban county', 'city (balance)', '(balance)',
  'municipality', 'borough', 'village', 'town', 'city', 'CDP', 'corporation', 'plantation'];
function splitLsad(censusName) {
  for (const l of LSADS) if (censusName.endsWith(' ' + l)) return [censusName.slice(0, -l.length - 1), l];
  return [censusName, ''];
}
const places = new Map();
for (const r of gc) {
  const [fips, st, pl, stab, , pname, , afact2] = r;
  if (!STATES[st] || pl === '99999') continue;
  const geoid = st + pl;
  let p = places.get(geoid);
  if (!p) {
    // Geocorr leaves the name out for a few places (it prints the GEOID); OCD's Census name fills in.
    const censusName = /^\d+$/.test(pname) ? (ocdNameByGeoid.get(geoid) ?? pname) : pname.replace(/, [A-Z]{2}$/, '');
    const [name, lsad] = splitLsad(censusName);
    p = { geoid, state: stab, censusName, name, lsad, counties: [], ocd: '', ocdDerived: false, aliases: new Set(), consolidatedWith: '', relation: '', notes: [] };
    places.set(geoid, p);
  }
  p.counties.push({ fips, share: Number(afact2) });
}
for (const p of places.values()) p.counties.sort((a, b) => b.share - a.share || a.fips.localeCompare(b.fips));

// OCD ids for places: OCD's own where it lists the GEOID; otherwise formed by OCD's rules.
const usedIds = new Set([...counties.values()].map((c) => c.ocd));
for (const p of places.values()) {
  const o = ocdByGeoid.get(p.geoid);
  if (o) { p.ocd = canonical(o); if (p.ocd !== o) p.aliases.add(o); usedIds.add(p.ocd); }
}
const sortedPlaces = [...places.values()].sort((a, b) => a.geoid.localeCompare(b.geoid));
for (const p of sortedPlaces) {
  if (p.ocd) continue;
  const st = p.state.toLowerCase();
  // CDPs are not governments and OCD lists none; they get a 'cdp' type so no one mistakes the id
  // for an OCD-issued one. Incorporated places OCD lacks (newer than its Census vintage) get OCD's
  // own form. A clash is broken by nesting under the county holding most of the place, as OCD does.
  const type = p.lsad === 'CDP' ? 'cdp' : 'place';
  let id = `ocd-division/country:us/state:${st}/${type}:${slug(p.name)}`;
  if (usedIds.has(id) || sameAs.has(id)) {
    const c = counties.get(p.counties[0].fips);
    const cslug = c.ocd.split('/').pop().split(':')[1];
    id = `ocd-division/country:us/state:${st}/county:${cslug}/${type}:${slug(p.name)}`;
  }
  if (usedIds.has(id)) id = `${id}~${p.geoid}`;
  p.ocd = id; p.ocdDerived = true; usedIds.add(id);
}

// ---------------------------------------------------------------------------------------------
// Aliases from OCD's aliases.csv, attached to whichever entry holds the canonical id.
const byCanon = new Map();
for (const c of counties.values()) byCanon.set(c.ocd, c);
for (const p of places.values()) if (!byCanon.has(p.ocd)) byCanon.set(p.ocd, p);
for (const [alias] of sameAs) {
  const e = byCanon.get(canonical(alias));
  if (e && alias !== e.ocd) e.aliases.add(alias);
}

// Consolidations: OCD's (a place id that is an alias of a county id, or a county whose canonical id
// is a place id, as for independent cities) plus the table above.
const consolidated = [];
function consolidate(county, place, relation, note) {
  place.consolidatedWith = county.fips;
  place.relation = relation;
  if (place.ocd !== county.ocd) county.aliases.add(place.ocd);
  for (const a of place.aliases) if (a !== county.ocd) county.aliases.add(a);
  county.aliases.delete(county.ocd);
  if (note) { county.notes.push(note); place.notes.push(note); }
  consolidated.push([county.fips, place.geoid, relation, county.name, place.censusName]);
}
const placeByOcd = new Map([...places.values()].map((p) => [p.ocd, p]));
const done = new Set();
for (const [cf, pg, relation, note] of CONSOLIDATIONS) {
  const c = counties.get(cf), p = places.get(pg);
  if (!c || !p) { console.warn(`consolidation not found: county ${cf} ${c?.name} place ${pg} ${p?.censusName}`); continue; }
  consolidate(c, p, relation, note); done.add(pg);
}
for (const c of counties.values()) {
  // Independent cities and OCD's coterminous city-counties.
  const candidates = [placeByOcd.get(c.ocd), ...[...c.aliases].map((a) => placeByOcd.get(a))].filter(Boolean);
  for (const p of candidates) {
    if (done.has(p.geoid)) continue;
    const inde = /city$/.test(c.name) && c.fips.slice(2) >= '500';
    consolidate(c, p, 'consolidated', inde ? `${p.name}, an independent city: county-equivalent and municipality are one government.` : '');
    done.add(p.geoid);
  }
}
// Virginia independent cities OCD does not tie to a place id.
for (const c of counties.values()) {
  if (c.state !== 'VA' || c.fips.slice(2) < '500') continue;
  if ([...places.values()].some((p) => p.consolidatedWith === c.fips)) continue;
  const p = [...places.values()].find((x) => x.state === 'VA' && x.censusName === c.name && x.counties.length === 1 && x.counties[0].fips === c.fips);
  if (p) consolidate(c, p, 'consolidated', `${p.name}, an independent city: county-equivalent and municipality are one government.`);
  else console.warn(`no place for VA independent city ${c.fips} ${c.name}`);
}
for (const [g, note] of Object.entries(MULTI_COUNTY_NOTES)) places.get(g)?.notes.push(note);

// Connecticut: the 2020 Census (and Geocorr 2022) still use the eight historical counties, which OCD
// also uses. From the 2022 vintage on, Census files carry nine planning regions (09110–09190) instead.
for (const c of counties.values()) if (c.state === 'CT') c.notes.push('Connecticut abolished county government in 1960; Census files from 2022 on replace the eight counties with nine planning regions (FIPS 09110–09190). The state marshals and judicial districts still follow the old counties.');

// Time zones.
const splitByKey = new Map(TZ_SPLIT.map(([st, n, tz, other, note]) => [`${st}/${n}`, { tz, other, note }]));
for (const c of counties.values()) {
  const s = splitByKey.get(`${c.state}/${c.name}`);
  if (s) { c.timeZone = s.tz; c.otherTimeZones = s.other; c.notes.push(s.note); splitByKey.delete(`${c.state}/${c.name}`); continue; }
  c.timeZone = TZ_EXCEPTIONS[c.state]?.[c.name] ?? STATE_TZ[c.state];
  c.otherTimeZones = [];
}
for (const k of splitByKey.keys()) console.warn(`split-zone county not found: ${k}`);
for (const [st, m] of Object.entries(TZ_EXCEPTIONS)) for (const n of Object.keys(m))
  if (![...counties.values()].some((c) => c.state === st && c.name === n)) console.warn(`zone exception county not found: ${st} ${n}`);

// ---------------------------------------------------------------------------------------------
// Write.
mkdirSync(outDir, { recursive: true });
const clean = (s) => String(s).replace(/[\t\n]/g, ' ');
const short = (id, st) => {
  const pre = `ocd-division/country:us/state:${st.toLowerCase()}/`;
  return id.startsWith(pre) ? id.slice(pre.length) : id;
};
const cLines = ['# fips\tstate\tname\tocd\tocd_derived\ttime_zone\tother_time_zones\taliases\tnote'];
for (const c of [...counties.values()].sort((a, b) => a.fips.localeCompare(b.fips))) {
  cLines.push([c.fips, c.state, c.name, c.ocd, c.ocdDerived ? 1 : 0, c.timeZone, c.otherTimeZones.join(' '),
    [...c.aliases].sort().join(' '), c.notes.join(' ')].map(clean).join('\t'));
}
writeFileSync(join(outDir, 'counties.tsv'), cLines.join('\n') + '\n');
// Places: OCD ids are stored without the 'ocd-division/country:us/state:xx/' prefix; county shares as
// fips:share (share rounded to 4 places, omitted for a place wholly in one county).
const pLines = ['# geoid\tstate\tname\tlsad\tocd\tocd_derived\tcounties\tconsolidated_with\trelation\taliases\tnote'];
for (const p of sortedPlaces) {
  const cs = p.counties.length === 1 && p.counties[0].share >= 0.99995 ? p.counties[0].fips
    : p.counties.map((x) => `${x.fips}:${x.share}`).join(' ');
  pLines.push([p.geoid, p.state, p.name, p.lsad, short(p.ocd, p.state), p.ocdDerived ? 1 : 0, cs, p.consolidatedWith, p.relation,
    [...p.aliases].sort().join(' '), p.notes.join(' ')].map(clean).join('\t'));
}
// One uncompressed file per state (gazetteer/places/<st>.tsv, e.g. ca.tsv), so that resolving one place
// reads and parses only its state: the law engine's cold start depends on it.
mkdirSync(join(outDir, 'places'), { recursive: true });
const byStateLines = new Map();
for (const line of pLines.slice(1)) {
  const st = line.split('\t')[1];
  if (!byStateLines.has(st)) byStateLines.set(st, []);
  byStateLines.get(st).push(line);
}
for (const [st, lines] of byStateLines) writeFileSync(join(outDir, 'places', `${st.toLowerCase()}.tsv`), [pLines[0], ...lines].join('\n') + '\n');
writeFileSync(join(outDir, 'consolidated.tsv'), ['# county_fips\tplace_geoid\trelation\tcounty_name\tplace_name',
  ...consolidated.sort((a, b) => a[0].localeCompare(b[0])).map((r) => r.join('\t'))].join('\n') + '\n');

const perState = {};
for (const c of counties.values()) perState[c.state] = (perState[c.state] ?? 0) + 1;
const nPlaces = places.size, nCdp = [...places.values()].filter((p) => p.lsad === 'CDP').length;
console.log(JSON.stringify({ counties: counties.size, places: nPlaces, cdps: nCdp,
  placesOcd: [...places.values()].filter((p) => !p.ocdDerived).length, countiesDerived: [...counties.values()].filter((c) => c.ocdDerived).map((c) => c.ocd),
  consolidated: consolidated.length, noLsad: [...places.values()].filter((p) => !p.lsad).map((p) => p.censusName).slice(0, 30) }, null, 1));
