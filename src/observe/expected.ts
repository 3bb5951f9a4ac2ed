// What a load of the published records yields: rows per file and the key figures, to check a load of files that
// differ from the published ones (`--allow-modified`) before it replaces a good database.

/** Rows per file from a load of the published files (the figures SOURCE.md and ICE's reports give). */
export const EXPECTED_ROWS: Readonly<Record<string, number>> = {
  'census-population/co-est2019-alldata_subset.csv': 3193,
  'geo/ddp_ice_areas_of_responsibility.csv': 426,
  'geo/uwchr_aor_codes.yaml': 25,
  'geo/uwchr_aor_demog_indicators.csv': 192,
  'geo/uwchr_aor_ero_field_office.csv': 26,
  'geo/uwchr_county_aor.csv': 3223,
  'hifld-jails/county_local_jails_by_countyfips.csv': 2675,
  'hifld-jails/hifld_prison_boundaries_attributes.csv': 6468,
  'ice-287g/ice_287g_participating_2025-01-04_wayback.csv': 135,
  'ice-287g/ice_287g_participating_2026-05-18.csv': 1843,
  'ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv': 2162,
  'ice-foia-2019-ICFO-53623/EROArrests_FY2016.csv.gz': 110104,
  'ice-foia-2019-ICFO-53623/EROArrests_FY2017.csv.gz': 143470,
  'ice-foia-2019-ICFO-53623/EROArrests_FY2018.csv.gz': 158581,
  'ice-foia-2019-ICFO-53623/EROArrests_FY2019.csv.gz': 131904,
  'ice-foia-2019-ICFO-53623/EROEncounters_FY2016.csv.gz': 368645,
  'ice-foia-2019-ICFO-53623/EROEncounters_FY2017.csv.gz': 439903,
  'ice-foia-2019-ICFO-53623/EROEncounters_FY2019.csv.gz': 396384,
  // Removals FY2016–18 equal ICE's published annual totals; FY2019 covers 11 months.
  'ice-foia-2019-ICFO-53623/ICERemovals_FY2016.csv.gz': 240255,
  'ice-foia-2019-ICFO-53623/ICERemovals_FY2017.csv.gz': 226119,
  'ice-foia-2019-ICFO-53623/ICERemovals_FY2018.csv.gz': 256085,
  'ice-foia-2019-ICFO-53623/ICERemovals_FY2019.csv.gz': 241513,
  'pa-detainers/pa_detainers.csv': 32757,
  'sanctuary-lists/cis_sanctuary_map_2017.csv': 166,
  'sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv': 35,
  'trac-arrests-county-monthly/trac_ice_arrests_county_month.csv': 86724,
  'trac-detainers/trac_detainers_by_county_rollup_2017.csv': 2369,
  'trac-detainers/trac_detainers_by_facility_scraped_2017-06-28.csv': 4386,
  'travis-detainers/travis_county_ice_detainers_monthly.csv': 112,
};

/** How far a modified file's rows may stray from the published file's (a correction, not a cut or an emptied file). */
export const ROW_TOLERANCE = 0.05;

/**
 * The share of CAP Local Incarceration arrests the landmark attribution places in a county: 68.5% on the published
 * files. Below this the gazetteer's inputs (census, county → AOR, HIFLD) are damaged.
 */
export const MIN_CAP_LOCAL_ATTRIBUTION = 0.6;

/** The files whose damage shows in the attribution rate. */
export const ATTRIBUTION_INPUTS: ReadonlySet<string> = new Set([
  'census-population/co-est2019-alldata_subset.csv',
  'geo/uwchr_county_aor.csv',
  'hifld-jails/hifld_prison_boundaries_attributes.csv',
  'geo/uwchr_aor_codes.yaml',
]);
