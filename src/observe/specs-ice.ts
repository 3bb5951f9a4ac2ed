// ICE ERO records released under FOIA 2019-ICFO-53623: arrests, encounters, removals (FY2016–FY2019).
// Pipe-delimited, gzip, five preamble lines; the redacted Birth Date column is dropped.
import type { Field, TableSpec } from './table-spec.js';

const DIR = 'ice-foia-2019-ICFO-53623';
const ICE_DATE = '%m/%d/%Y';

// Every row's AOR becomes its 3-letter code through the load's lookup of geo/uwchr_aor_codes.yaml (either spelling,
// "Denver" or "Denver Area of Responsibility": an ENUM of the names and a macro giving the code at a name's
// position, made by the load and dropped after). A non-blank name with no code stops the load rather than loading
// as NULL; the name itself is not stored per row (aor_codes has it).
export const AOR_NAME_TYPE = 'aor_name';
export const AOR_CODE_MACRO = 'aor_code';
const AOR_RAW = '$aor';
const aorField: Field = {
  name: 'aor',
  type: 'raw',
  from: 'aor',
  sql: `CASE WHEN r."${AOR_RAW}" IS NULL THEN NULL ELSE ${AOR_CODE_MACRO}(r."${AOR_RAW}") END`,
  bad: `r."${AOR_RAW}" IS NOT NULL AND TRY_CAST(r."${AOR_RAW}" AS ${AOR_NAME_TYPE}) IS NULL`,
  describe: 'unknown Area of Responsibility (not in geo/uwchr_aor_codes.yaml)',
};
const common = (): Pick<TableSpec, 'derived' | 'perFile'> => ({
  derived: { [AOR_RAW]: `nullif(trim(r.aor), '')` },
  // One file per fiscal year, so the per-file row counts come from fy (no file name stored per row).
  perFile: { column: 'fy', key: (rel) => Number(/FY(\d{4})/.exec(rel)?.[1]) },
});
const fy: Field = { name: 'fy', type: 'raw', sql: `CAST(regexp_extract(r.filename, 'FY(\\d{4})', 1) AS SMALLINT)` };

export const ARRESTS: TableSpec = {
  table: 'arrests',
  description: 'ICE ERO administrative arrests, one row per arrest',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/EROArrests_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'method', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    fy,
    aorField,
    { name: 'apprehension_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'method', type: 'text', from: 'method' },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
  ],
  ...common(),
};

export const ENCOUNTERS: TableSpec = {
  table: 'encounters',
  description: 'ICE ERO encounters (FY2018 is missing from the public copy)',
  files: [2016, 2017, 2019].map((y) => `${DIR}/EROEncounters_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    fy,
    aorField,
    { name: 'event_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
  ],
  ...common(),
};

export const REMOVALS: TableSpec = {
  table: 'removals',
  description: 'ICE removals, with ICE criminality threat level (1–3, NA = no conviction recorded; mostly redacted)',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/ICERemovals_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'disposition_code', 'birth_date', 'citizenship', 'gender', 'threat', 'charge', 'departed', 'removed'],
  fields: [
    fy,
    aorField,
    { name: 'apprehension_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'disposition_code', type: 'text', from: 'disposition_code' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    { name: 'threat_level', type: 'text', from: 'threat' },
    { name: 'threat_level_redacted', type: 'raw', sql: `trim(r.threat) LIKE '(B)(%'` },
    { name: 'final_charge', type: 'text', from: 'charge' },
    { name: 'departed_date', type: 'date', from: 'departed', format: ICE_DATE },
    { name: 'removal_date', type: 'date', from: 'removed', format: ICE_DATE },
  ],
  ...common(),
};
