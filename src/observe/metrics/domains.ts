// The values a metric's options can take (fiscal years held, groupings): shared by the metrics, their option
// schemas and the CLI, with no database code so the CLI can describe its commands without loading DuckDB.
export const COVERAGE_OF = ['arrests', 'encounters'] as const;
export const ARREST_FYS = [2016, 2017, 2018, 2019] as const;
export const SHARE_BY = ['aor', 'state', 'county', 'month', 'fy'] as const;
export const ENCOUNTER_FYS = [2016, 2017, 2019] as const;
export const LODGED_BY = ['aor', 'state', 'county', 'month', 'fy'] as const;
export const TRAC_BY = ['facility', 'county', 'state'] as const;
export const PA_BY = ['facility', 'year', 'facility-year'] as const;
export const QUALITY_TABLES = ['arrests', 'encounters', 'removals'] as const;
export const REMOVAL_FYS = [2016, 2017, 2018, 2019] as const;
export const REMOVALS_BY = ['aor', 'fy', 'aor-fy'] as const;
export const G287_BY = ['state', 'model', 'year', 'county', 'state-model'] as const;
export const ACCURACY_SAMPLES = ['random', 'holdout'] as const;
