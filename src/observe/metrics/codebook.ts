// The codebook: every column of every metric's table (text, CSV, Parquet), with its unit and meaning, and each
// metric's sources. A test runs every metric and checks that each column it prints is described here.

export interface CodebookColumn {
  column: string;
  unit: string;
  description: string;
}

export interface CodebookEntry {
  source: string;
  columns: readonly CodebookColumn[];
}

type Col = [column: string, unit: string, description: string];
const cols = (...list: Col[]): CodebookColumn[] => list.map(([column, unit, description]) => ({ column, unit, description }));

const FOIA = 'ICE ERO records released under FOIA 2019-ICFO-53623 (via UWCHR/ice-enforce)';
const ARRESTS = `${FOIA}: administrative arrests, FY2016–FY2019 (FY2019 to about 2019-09-01)`;
const ENCOUNTERS = `${FOIA}: encounters, FY2016, FY2017, FY2019`;
const REMOVALS = `${FOIA}: removals, FY2016–FY2019`;
const DDP = 'ICE arrests via FOIA, Deportation Data Project; aggregated by M. Strasser (MIT)';
const DETENTION = "ICE ERO detention statistics workbooks, FY2019–FY2026";
const ARREST_COUNT = 'arrests';

export const CODEBOOK: Readonly<Record<string, CodebookEntry>> = {
  'custodial-share': {
    source: `${ARRESTS}; counties from the landmark attribution (comity observe attribution)`,
    columns: cols(
      ['key', 'code', 'the group: AOR code, state or county FIPS code, month (YYYY-MM) or fiscal year'],
      ['label', 'text', 'the group in words (AOR name, state, "County, State"); "(no single county in the landmark)" for arrests no county can be given'],
      ['total', ARREST_COUNT, 'all administrative arrests in the group'],
      ['custodial', ARREST_COUNT, 'arrests by CAP Local/State/Federal Incarceration, Criminal Alien Program or 287(g) Program'],
      ['atLarge', ARREST_COUNT, 'arrests by Located, Non-Custodial Arrest, Probation and Parole or Worksite Enforcement'],
      ['other', ARREST_COUNT, 'arrests by every other apprehension method'],
      ['localJail', ARREST_COUNT, 'arrests by CAP Local Incarceration'],
      ['statePrison', ARREST_COUNT, 'arrests by CAP State Incarceration'],
      ['federalPrison', ARREST_COUNT, 'arrests by CAP Federal Incarceration'],
      ['program287g', ARREST_COUNT, 'arrests by 287(g) Program'],
      ['custodialShare', 'share (0–1)', 'custodial / total'],
      ['atLargeShare', 'share (0–1)', 'atLarge / total'],
    ),
  },
  detainers: {
    source: `${ENCOUNTERS}; counties from the landmark attribution`,
    columns: cols(
      ['key', 'code', 'the group: AOR code, state or county FIPS code, month or fiscal year'],
      ['label', 'text', 'the group in words'],
      ['encounters', 'encounters', 'ICE encounters in the group'],
      ['detainers', 'encounters', 'encounters whose final disposition is "Detainer"'],
      ['detainerShare', 'share (0–1)', 'detainers / encounters'],
    ),
  },
  'detainers/trac': {
    source: "TRAC's detainer tool, scraped 2017-06-28 (via austinbrian/sheriffs): FY2003–early FY2016, cumulative; exact duplicate rows dropped",
    columns: cols(
      ['state', 'text', 'state'],
      ['county', 'text', 'county as TRAC names it'],
      ['facility', 'text', 'detention facility as TRAC names it'],
      ['detainers', 'detainers', 'detainers ICE issued to the facility, county or state'],
      ['custodyYes', 'detainers', 'detainers after which ICE took custody'],
      ['custodyNo', 'detainers', 'detainers after which ICE did not take custody'],
      ['custodyShare', 'share (0–1)', 'custodyYes / detainers'],
    ),
  },
  'detainers/pa': {
    source: 'Pennsylvania detainers with outcome, 2007-10 to 2015-07 (ICE records via eads/geocode-pa-detainers)',
    columns: cols(
      ['facility', 'text', 'detaining facility'],
      ['year', 'year', 'calendar year the detainer was lodged'],
      ['detainers', 'detainers', 'detainers lodged'],
      ['booked', 'detainers', 'lifted with "Booked into Detention" (ICE took custody)'],
      ['declined', 'detainers', 'lifted because the jail declined the detainer'],
      ['blank', 'detainers', 'no lift reason recorded'],
      ['otherOutcome', 'detainers', 'every other lift reason'],
      ['bookedShare', 'share (0–1)', 'booked / detainers'],
    ),
  },
  removals: {
    source: REMOVALS,
    columns: cols(
      ['aor', 'code', 'AOR code'],
      ['fy', 'fiscal year', 'October–September'],
      ['removals', 'removals', 'removals recorded'],
      ['noConvictionRecorded', 'removals', 'removals whose RC Threat Level is "NA" (no criminal conviction recorded)'],
      ['threatLevelRedacted', 'removals', 'removals whose threat level 1–3 is redacted in this release'],
      ['noConvictionShare', 'share (0–1)', 'noConvictionRecorded / removals'],
    ),
  },
  '287g': {
    source: "ICE's list of 287(g) agreements as published 2026-05-18 and as archived 2025-01-04 (via RelevantResearch/287g-DetentionData)",
    columns: cols(
      ['state', 'text', 'state'],
      ['county', 'text', 'county the agency is in'],
      ['model', 'text', 'Jail Enforcement Model, Warrant Service Officer or Task Force Model'],
      ['year', 'year', 'year the agreement was signed'],
      ['agreements', 'agreements', 'agreements on the 2026-05-18 list'],
      ['agencies', 'agencies', 'distinct agencies holding them'],
      ['onListJan2025', 'agreements', 'of them, agreements already on the 2025-01-04 list'],
    ),
  },
  'sanctuary-lists': {
    source: "DOJ's sanctuary jurisdiction list of 2025-08-05 (transcribed) and the CIS map table of about 2017; the law from Comity's registry",
    columns: cols(
      ['list', 'text', 'which list'],
      ['level', 'text', 'state, county or city'],
      ['jurisdiction', 'text', 'the jurisdiction as the list names it'],
      ['state', 'text', 'state'],
      ['stateFips', 'code', '2-digit state FIPS code'],
      ['countyFips', 'code', '5-digit county FIPS code, where the list names a county'],
      ['jurisdictionId', 'OCD id', "the jurisdiction's Open Civic Data id in Comity's registry"],
      ['hold', 'modality', "the registered law's answer to a standard detainer (MUST, MAY, MUST_NOT…) on the list's date"],
      ['notifyRelease', 'modality', "the registered law's answer to a standard request to notify ICE of release"],
      ['lawRegisteredAt', 'level', 'the most specific level of law registered (local, state, federal)'],
    ),
  },
  'policy-vs-practice': {
    source: `${ARRESTS}; ${ENCOUNTERS}; TRAC's detainer counts; the law from Comity's registry`,
    columns: cols(
      ['fips', 'code', '5-digit county FIPS code'],
      ['county', 'text', '"County, State"'],
      ['jurisdiction', 'OCD id', "the county's Open Civic Data id"],
      ['hold', 'modality', "the registered law's answer to a standard detainer on the date"],
      ['notifyRelease', 'modality', "the registered law's answer to a standard release-notification request on the date"],
      ['lawNote', 'text', 'what the answer depends on, where the registry says'],
      ['lawRegisteredAt', 'level', 'the most specific level of law registered'],
      ['arrests', ARREST_COUNT, 'arrests in the fiscal year placed in the county by their landmark'],
      ['custodial', ARREST_COUNT, 'of them custodial (CAP, 287(g))'],
      ['atLarge', ARREST_COUNT, 'of them at large'],
      ['custodialShare', 'share (0–1)', 'custodial / arrests'],
      ['program287g', ARREST_COUNT, 'of them by 287(g) Program'],
      ['detainersLodged', 'encounters', 'encounters in the county with disposition "Detainer" (blank: no encounter records for the year)'],
      ['tracDetainers', 'detainers', "TRAC's cumulative FY2003–2016 detainers for the county"],
      ['tracCustodyShare', 'share (0–1)', "TRAC's share of those after which ICE took custody"],
    ),
  },
  attribution: {
    source: `${ARRESTS}; ${ENCOUNTERS}; Census county names, UWCHR county-to-AOR map, HIFLD facilities, Census places`,
    columns: cols(
      ['outcome', 'text', 'how the landmark was placed (county-name, ori, hifld-facility, city…) or "none: <reason>"'],
      ['confidence', 'text', 'high, medium or low'],
      ['records', 'records', 'arrests or encounters with this outcome'],
      ['landmarks', 'landmarks', 'distinct (AOR, landmark) pairs with this outcome'],
      ['example', 'text', 'the landmark with the most records in the group'],
      ['share', 'share (0–1)', 'records / all records in the query'],
    ),
  },
  'attribution-accuracy': {
    source: `${ARRESTS}; the hand-labelled samples reference/attribution/landmarks-random.yaml and landmarks-holdout.yaml`,
    columns: cols(
      ['sample', 'text', 'random (tuned against) or holdout (never tuned against)'],
      ['records', 'text', 'all methods, or CAP Local Incarceration only'],
      ['landmarks', 'landmarks', 'distinct (AOR, landmark) pairs in the sample'],
      ['labelled', 'landmarks', 'of them, labelled with a county from the text'],
      ['attributed', 'landmarks', 'of them, placed in a county by the matcher'],
      ['correct', 'landmarks', 'placed in the labelled county'],
      ['precisionByLandmarkShare', 'share (0–1)', 'correct / attributed, counting landmarks'],
      ['precisionByRecordShare', 'share (0–1)', 'the same, counting their arrest records'],
      ['recallByLandmarkShare', 'share (0–1)', 'correct / labelled, counting landmarks'],
      ['recallByRecordShare', 'share (0–1)', 'the same, counting their arrest records'],
    ),
  },
  quality: {
    source: `${FOIA}`,
    columns: cols(
      ['table', 'text', 'arrests, encounters or removals'],
      ['fy', 'fiscal year', 'October–September'],
      ['rows', 'rows', 'rows in the file'],
      ['identical', 'rows', 'rows identical to another row of the same year in every released field (none are dropped)'],
      ['identicalShare', 'share (0–1)', 'identical / rows'],
      ['blank *', 'rows', 'rows with this field left blank'],
      ['redacted *', 'rows', 'rows with this field redacted'],
    ),
  },
  'at-large-recent': {
    source: `${ARRESTS}; ${DDP}: calendar 2024, calendar 2025, 2025-08-01 to 2026-07-31`,
    columns: cols(
      ['key', 'code', 'AOR code, state name or "US"'],
      ['label', 'text', 'the group in words'],
      ['period', 'text', 'FY2016–FY2019, calendar 2024, calendar 2025, or August 2025 – July 2026'],
      ['arrests', ARREST_COUNT, 'all ICE arrests in the group and period'],
      ['atLarge', ARREST_COUNT, 'arrests by Located, Non-Custodial Arrest, Probation and Parole or Worksite Enforcement'],
      ['atLargeShare', 'share (0–1)', 'atLarge / arrests'],
      ['custodial', ARREST_COUNT, 'CAP arrests (record-level years only; blank for 2024–26)'],
      ['program287g', ARREST_COUNT, '287(g) Program arrests (record-level years only)'],
      ['otherMethods', ARREST_COUNT, 'every other method (record-level years only)'],
      ['source', 'text', 'the records the row comes from'],
    ),
  },
  'at-large-aor-map': {
    source: `${ARRESTS}; ${DDP}; the AOR maps: UWCHR's county → AOR table (2019) and ICE's 2025/26 field offices (deportationdata/ice-offices)`,
    columns: cols(
      ['county', 'FIPS', 'the county (5 digits); one line per county (the JSON rows are the AORs, each with its counties)'],
      ['aor', 'code', "the county's AOR under the period's map"],
      ['aorLabel', 'text', 'the AOR in words'],
      ['period', 'text', 'FY2016–FY2019, calendar 2024, calendar 2025, or August 2025 – July 2026'],
      ['arrests', ARREST_COUNT, 'all ICE arrests in the AOR and period (not the county\'s)'],
      ['atLarge', ARREST_COUNT, 'of them, arrests by Located, Non-Custodial Arrest, Probation and Parole or Worksite Enforcement'],
      ['atLargeShare', 'share (0–1)', 'atLarge / arrests, the AOR\'s'],
    ),
  },
  'arrests-monthly': {
    source: `${DDP}: national monthly arrests`,
    columns: cols(
      ['month', 'YYYY-MM', 'calendar month'],
      ['arrests', ARREST_COUNT, 'all ICE arrests in the month, nationally'],
      ['stateKnown', ARREST_COUNT, 'of them, arrests with a state'],
      ['partial', 'true/false', 'the release ends inside the month (August 2026, to the 6th)'],
    ),
  },
  'book-ins': {
    source: `${DETENTION}: "ICE Initial Book-Ins by Arresting Agency and Month"`,
    columns: cols(
      ['fy', 'fiscal year', 'October–September'],
      ['month', 'YYYY-MM', 'calendar month (blank in a fiscal-year row)'],
      ['ice', 'book-ins', 'initial book-ins into ICE detention after an ICE arrest'],
      ['cbp', 'book-ins', 'initial book-ins after a CBP arrest'],
      ['total', 'book-ins', 'all initial book-ins'],
      ['partial', 'true/false', "the workbook's data end inside the month or year"],
      ['through', 'date', 'last day of data in the workbook'],
    ),
  },
  'detention-population': {
    source: `${DETENTION}: the Facilities sheet and "ICE Average Daily Population by Facility Type and Month"`,
    columns: cols(
      ['fy', 'fiscal year', 'October–September'],
      ['key', 'code', 'AOR code, Type Detailed (IGSA, DIGSA, CDF, SPC…) or facility type (Total, Adult, FRC/FSC)'],
      ['label', 'text', 'the group in words'],
      ['month', 'YYYY-MM', 'month (by month), or "FY" for the fiscal-year figure'],
      ['facilities', 'facilities', 'facilities listed with an average daily population'],
      ['adp', 'people (average)', 'average daily population in ICE detention'],
      ['share', 'share (0–1)', "of the year's ADP summed over the facility list"],
      ['partial', 'true/false', "the workbook's data end inside the period"],
    ),
  },
  provenance: {
    source: "the loaded database's sources and provenance tables",
    columns: cols(
      ['table', 'text', 'table in the database'],
      ['file', 'path', 'data file, relative to the data directory'],
      ['rows', 'rows', 'rows the file gave the table'],
      ['sha256', 'hex', "first 16 hex digits of the file's sha256"],
      ['known', 'true/false', 'the checksum is the published one'],
      ['attribution', 'text', 'the attribution the source asks for'],
      ['license', 'text', 'the licence of the source'],
      ['duplicates', 'text', 'what the load did with rows identical in every field: dropped (a source known to repeat rows) or kept (ICE records: they may be distinct events)'],
    ),
  },
};

/** Codebook entries of a column name, including the patterned ones ("blank *"). */
export function describeColumn(metric: string, column: string): CodebookColumn | undefined {
  const entry = CODEBOOK[metric];
  return entry?.columns.find((c) => c.column === column || (c.column.endsWith(' *') && column.startsWith(c.column.slice(0, -1))));
}

/** The codebook as rows: metric, column, unit, description, source. */
export function codebookRows(metric?: string): { metric: string; column: string; unit: string; description: string; source: string }[] {
  return Object.entries(CODEBOOK)
    .filter(([name]) => metric === undefined || name === metric)
    .flatMap(([name, e]) => e.columns.map((c) => ({ metric: name, ...c, source: e.source })));
}
