// ICE ERO records released under FOIA 2019-ICFO-53623: arrests, encounters, removals (FY2016–FY2019).
// Pipe-delimited, gzip, five preamble lines; the redacted Birth Date column is dropped.
import type { Field, TableSpec } from './table-spec.js';

const DIR = 'ice-foia-2019-ICFO-53623';
const ICE_DATE = '%m/%d/%Y';

const common = (aorColumn: string): Field[] => [
  { name: 'fy', type: 'raw', sql: `CAST(regexp_extract(r.filename, 'FY(\\d{4})', 1) AS SMALLINT)` },
  { name: 'aor', type: 'raw', sql: `a.code` },
  { name: 'aor_name', type: 'raw', sql: `regexp_replace(trim(r."${aorColumn}"), ' Area of Responsibility$', '')` },
];
const joinAor = (aorColumn: string): string =>
  `LEFT JOIN aor_codes a ON a.name = regexp_replace(trim(r."${aorColumn}"), ' Area of Responsibility$', '')`;
const sourceFile: Field = { name: 'source_file', type: 'raw', sql: `regexp_extract(r.filename, '[^/\\\\]+$')` };

export const ARRESTS: TableSpec = {
  table: 'arrests',
  description: 'ICE ERO administrative arrests, one row per arrest',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/EROArrests_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'method', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    ...common('aor'),
    { name: 'apprehension_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'method', type: 'text', from: 'method' },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    sourceFile,
  ],
  join: joinAor('aor'),
};

export const ENCOUNTERS: TableSpec = {
  table: 'encounters',
  description: 'ICE ERO encounters (FY2018 is missing from the public copy)',
  files: [2016, 2017, 2019].map((y) => `${DIR}/EROEncounters_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    ...common('aor'),
    { name: 'event_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    sourceFile,
  ],
  join: joinAor('aor'),
};

export const REMOVALS: TableSpec = {
  table: 'removals',
  description: 'ICE removals, with ICE criminality threat level (1–3, NA = no conviction recorded; mostly redacted)',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/ICERemovals_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'disposition_code', 'birth_date', 'citizenship', 'gender', 'threat', 'charge', 'departed', 'removed'],
  fields: [
    ...common('aor'),
    { name: 'apprehension_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'disposition_code', type: 'text', from: 'disposition_code' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    { name: 'threat_level', type: 'text', from: 'threat' },
    { name: 'threat_level_redacted', type: 'raw', sql: `trim(r.threat) LIKE '(B)(%'` },
    { name: 'final_charge', type: 'text', from: 'charge' },
    { name: 'departed_date', type: 'date', from: 'departed', format: ICE_DATE },
    { name: 'removal_date', type: 'date', from: 'removed', format: ICE_DATE },
    sourceFile,
  ],
  join: joinAor('aor'),
};
