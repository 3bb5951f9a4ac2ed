// Reference tables: geography, jails, 287(g), sanctuary lists, TRAC and local detainer series, population.
import type { Field, TableSpec } from './table-spec.js';

const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const text = (name: string, from = name): Field => ({ name, type: 'text', from });
const int = (name: string, from = name): Field => ({ name, type: 'int', from });
const num = (name: string, from = name): Field => ({ name, type: 'num', from });

const CENSUS_COLUMNS = [
  'FIPS', 'SUMLEV', 'STATE', 'COUNTY', 'STNAME', 'CTYNAME', 'CENSUS2010POP',
  ...years(2010, 2019).map((y) => `POPESTIMATE${y}`),
  ...years(2011, 2019).map((y) => `INTERNATIONALMIG${y}`),
];

export const CENSUS: TableSpec = {
  table: 'census_population',
  description: 'Census county population estimates 2010–2019 and net international migration',
  files: ['census-population/co-est2019-alldata_subset.csv'],
  delim: ',', skip: 0, columns: CENSUS_COLUMNS,
  fields: [
    { name: 'fips', type: 'fips', from: 'FIPS', width: 5 },
    text('sumlev', 'SUMLEV'), text('state_name', 'STNAME'), text('county_name', 'CTYNAME'),
    int('census2010pop', 'CENSUS2010POP'),
    ...years(2010, 2019).map((y) => int(`pop${y}`, `POPESTIMATE${y}`)),
    ...years(2011, 2019).map((y) => int(`intl_mig${y}`, `INTERNATIONALMIG${y}`)),
  ],
};

export const COUNTY_AOR: TableSpec = {
  table: 'county_aor',
  description: 'County FIPS to ICE Area of Responsibility, about 2019 (UWCHR)',
  files: ['geo/uwchr_county_aor.csv'],
  delim: ',', skip: 0, columns: ['geoid', 'geoid_state', 'geoid_county', 'name', 'aor'],
  fields: [
    { name: 'fips', type: 'fips', from: 'geoid', width: 5 },
    { name: 'state_fips', type: 'fips', from: 'geoid_state', width: 2 },
    { name: 'county_name', type: 'raw', sql: `trim(split_part(r.name, ',', 1))` },
    { name: 'state_name', type: 'raw', sql: `trim(split_part(r.name, ',', 2))` },
    text('aor'),
  ],
};

const DEMOG = ['total_pop', 'forborn_pop', 'noncitizen_pop', 'undocu_pop'].flatMap((v) => [v, `${v}_se`, `${v}_low`, `${v}_upp`]);
export const AOR_DEMOGRAPHICS: TableSpec = {
  table: 'aor_demographics',
  description: 'ACS-based population, foreign-born, noncitizen and (UWCHR-estimated) undocumented population by AOR and year',
  files: ['geo/uwchr_aor_demog_indicators.csv'],
  delim: '|', skip: 0, columns: ['aor', ...DEMOG, 'year'],
  fields: [text('aor'), int('year'), ...DEMOG.map((c) => num(c))],
};

export const AOR_FIELD_OFFICES: TableSpec = {
  table: 'aor_field_offices',
  description: 'ICE ERO field office address per AOR',
  files: ['geo/uwchr_aor_ero_field_office.csv'],
  delim: ',', skip: 0, columns: ['aor', 'field_office_addr', 'lat', 'long'],
  fields: [text('aor'), text('field_office_addr'), num('lat'), num('long')],
};

export const AOR_MAP_2025: TableSpec = {
  table: 'aor_map_2025',
  description: 'The 2025/26 ICE field-office map: office, state, county (blank = whole state)',
  files: ['geo/ddp_ice_areas_of_responsibility.csv'],
  delim: ', ', skip: 0, columns: ['office_name', 'state_name', 'county_name', 'notes'],
  fields: [text('office_name'), text('state_name'), text('county_name'), text('notes')],
};

export const HIFLD_FACILITIES: TableSpec = {
  table: 'hifld_facilities',
  description: 'HIFLD prisons and jails (attribute table)',
  files: ['hifld-jails/hifld_prison_boundaries_attributes.csv'],
  delim: ',', skip: 0,
  columns: ['facilityid', 'name', 'address', 'city', 'state', 'zip', 'type', 'status', 'population', 'capacity', 'county', 'countyfips', 'securelvl', 'sourcedate', 'val_date', 'naics_desc'],
  fields: [
    text('facility_id', 'facilityid'), text('name'), text('address'), text('city'), text('state'), text('zip'),
    text('type'), text('status'), int('population'), int('capacity'), text('county'),
    { name: 'countyfips', type: 'fips', from: 'countyfips', width: 5 },
    text('securelvl'),
    { name: 'source_date', type: 'date', from: 'sourcedate', format: '%Y%m%d' },
    { name: 'val_date', type: 'date', from: 'val_date', format: '%Y%m%d' },
  ],
};

export const COUNTY_JAILS: TableSpec = {
  table: 'county_jails',
  description: 'Open county and local jails per county, from HIFLD',
  files: ['hifld-jails/county_local_jails_by_countyfips.csv'],
  delim: ',', skip: 0, columns: ['countyfips', 'n_facilities', 'capacity_sum', 'capacity_n', 'population_sum', 'population_n'],
  fields: [
    { name: 'fips', type: 'fips', from: 'countyfips', width: 5 },
    int('n_facilities'), int('capacity_sum'), int('capacity_n'), int('population_sum'), int('population_n'),
  ],
};

export const G287_2026: TableSpec = {
  table: 'g287_agreements',
  description: "ICE's list of 287(g) agreements as published 2026-05-18",
  files: ['ice-287g/ice_287g_participating_2026-05-18.csv'],
  delim: ',', skip: 0, columns: ['state', 'law_enforcement_agency', 'type', 'county', 'support_type', 'signed'],
  fields: [
    text('state'), text('agency', 'law_enforcement_agency'), text('type'), text('county'), text('model', 'support_type'),
    { name: 'signed', type: 'date', from: 'signed' },
  ],
};

export const G287_2025: TableSpec = {
  table: 'g287_agreements_2025_01',
  description: "ICE's list of 287(g) agreements as archived 2025-01-04",
  files: ['ice-287g/ice_287g_participating_2025-01-04_wayback.csv'],
  delim: ',', skip: 0, columns: ['state', 'law_enforcement_agency', 'support_type', 'signed', 'moa_url_wayback'],
  fields: [text('state'), text('agency', 'law_enforcement_agency'), text('model', 'support_type'), { name: 'signed', type: 'date', from: 'signed' }, text('moa_url', 'moa_url_wayback')],
};

export const G287_TRACKED: TableSpec = {
  table: 'g287_tracked',
  description: 'Every 287(g) agreement seen on ICE\'s list since about 2025-02, with status (RelevantResearch)',
  files: ['ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv'],
  delim: ',', skip: 0,
  columns: ['state', 'law_enforcement_agency', 'type', 'county', 'support_type', 'signed', 'agency_validation', 'status', 'last_seen'],
  fields: [
    text('state'), text('agency', 'law_enforcement_agency'), text('type'), text('county'), text('model', 'support_type'),
    { name: 'signed', type: 'date', from: 'signed' }, text('status'), { name: 'last_seen', type: 'date', from: 'last_seen' },
  ],
};

export const DOJ_SANCTUARY: TableSpec = {
  table: 'doj_sanctuary_2025',
  description: 'DOJ sanctuary jurisdiction list, 2025-08-05',
  files: ['sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv'],
  delim: ',', skip: 0, columns: ['level', 'jurisdiction', 'state', 'state_fips', 'county_fips', 'list_date', 'list', 'source_url'],
  fields: [
    text('level'), text('jurisdiction'), text('state'),
    { name: 'state_fips', type: 'fips', from: 'state_fips', width: 2 },
    { name: 'county_fips', type: 'fips', from: 'county_fips', width: 5 },
    { name: 'list_date', type: 'date', from: 'list_date' }, text('source_url'),
  ],
};

export const CIS_SANCTUARY: TableSpec = {
  table: 'cis_sanctuary_2017',
  description: 'CIS sanctuary map table, about 2017 (reference only; do not redistribute its text)',
  files: ['sanctuary-lists/cis_sanctuary_map_2017.csv'],
  delim: ',', skip: 0, columns: ['Location', 'Date Enacted', 'Policy', 'Criteria', 'Designation'],
  fields: [
    text('location', 'Location'),
    { name: 'enacted_month', type: 'raw', sql: `CAST(try_strptime('01-' || trim(r."Date Enacted"), '%d-%b-%y') AS DATE)` },
    text('policy', 'Policy'), text('criteria', 'Criteria'), int('designation', 'Designation'),
  ],
};

const tracCounts: Field[] = [int('detainers', 'All'), int('custody_yes', 'Yes'), int('custody_no', 'No')];
export const TRAC_FACILITY: TableSpec = {
  table: 'trac_detainers_facility',
  description: 'TRAC: detainers and ICE-took-custody counts by facility, FY2003–early FY2016, cumulative (exact duplicate rows of the 2017 scrape dropped)',
  files: ['trac-detainers/trac_detainers_by_facility_scraped_2017-06-28.csv'],
  delim: ',', skip: 0, columns: ['State', 'Jurisdiction', 'All', 'Yes', 'No', 'County', 'Facility'],
  fields: [text('state', 'State'), text('jurisdiction', 'Jurisdiction'), text('county', 'County'), text('facility', 'Facility'), ...tracCounts],
  distinct: 'The 2017 scrape of TRAC\'s tool repeats whole rows (the same facility with the same counts: 123 rows appear more than once, 179 extra copies in all, one row 16 times); TRAC\'s counts are cumulative per facility, so a repeated row is the scrape, never a second set of detainers.',
};
/** The published county rollup sums the scrape's rows, repeats included: kept for reference, not for figures. */
export const TRAC_COUNTY_ROLLUP: TableSpec = {
  table: 'trac_detainers_county_rollup',
  description: 'TRAC: the third party\'s county rollup of the 2017 scrape, cumulative (inherits the scrape\'s repeated rows: Utah 85,232 against 8,692 distinct); figures use trac_detainers_county, rebuilt from the distinct facility rows',
  files: ['trac-detainers/trac_detainers_by_county_rollup_2017.csv'],
  delim: ',', skip: 0, columns: ['State', 'County', 'All', 'Yes', 'No'],
  fields: [text('state', 'State'), text('county', 'County'), ...tracCounts],
};
/** The county table the metrics read: the distinct facility rows summed per county (load.ts builds it after both). */
export const TRAC_COUNTY_SQL = `CREATE TABLE trac_detainers_county AS
  SELECT state, county, sum(detainers) AS detainers, sum(custody_yes) AS custody_yes, sum(custody_no) AS custody_no
  FROM trac_detainers_facility WHERE county <> 'All' GROUP BY state, county`;

export const PA_DETAINERS: TableSpec = {
  table: 'pa_detainers',
  description: 'ICE detainers lodged with Pennsylvania facilities, with outcome, 2007-10 to 2015-07',
  files: ['pa-detainers/pa_detainers.csv'],
  delim: ',', skip: 0, columns: ['date', 'lift_reason', 'det_facility', 'city', 'state', 'detainer_type'],
  fields: [
    { name: 'date', type: 'date', from: 'date', format: '%Y-%m-%d %H:%M:%S' },
    text('lift_reason'), text('facility', 'det_facility'), text('city'), text('state'), text('detainer_type'),
  ],
};

export const TRAVIS_DETAINERS: TableSpec = {
  table: 'travis_detainers',
  description: 'Travis County (TX) jail bookings with an ICE detainer added, monthly 2006-01 to 2016-10',
  files: ['travis-detainers/travis_county_ice_detainers_monthly.csv'],
  delim: ',', skip: 0, columns: ['month', 'total', 'felony', 'violent'],
  fields: [
    { name: 'month', type: 'date', from: 'month', format: '%Y-%m' },
    int('total'), int('with_felony', 'felony'), int('with_violent_crime', 'violent'),
  ],
};

export const TRAC_ARRESTS: TableSpec = {
  table: 'trac_arrests_county_month',
  description: 'TRAC: ICE arrests by county of apprehension and month, FY2015 to 2018-05',
  files: ['trac-arrests-county-monthly/trac_ice_arrests_county_month.csv'],
  delim: ',', skip: 0, columns: ['month', 'county_area', 'state', 'arrests'],
  fields: [{ name: 'month', type: 'date', from: 'month', format: '%Y-%m' }, text('county_area'), text('state'), int('arrests')],
};

export const REFERENCE_SPECS: readonly TableSpec[] = [
  COUNTY_AOR, CENSUS, AOR_DEMOGRAPHICS, AOR_FIELD_OFFICES, AOR_MAP_2025, HIFLD_FACILITIES, COUNTY_JAILS,
  G287_2026, G287_2025, G287_TRACKED, DOJ_SANCTUARY, CIS_SANCTUARY, TRAC_FACILITY, TRAC_COUNTY_ROLLUP,
  PA_DETAINERS, TRAVIS_DETAINERS, TRAC_ARRESTS,
];
