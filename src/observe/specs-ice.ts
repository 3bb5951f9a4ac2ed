// ICE ERO records released under FOIA 2019-ICFO-53623: arrests, encounters, removals (FY2016–FY2019).
// Pipe-delimited, gzip, five preamble lines; the redacted Birth Date column is dropped.
import type { Field, TableSpec } from './table-spec.js';

const DIR = 'ice-foia-2019-ICFO-53623';
const ICE_DATE = '%m/%d/%Y';

// The AOR name (without " Area of Responsibility") is both a column and the join key to aor_codes: computed once.
const AOR_NAME = '$aor_name';
const derivedAor = (aorColumn: string): Record<string, string> => ({
  [AOR_NAME]: `regexp_replace(trim(r."${aorColumn}"), ' Area of Responsibility$', '')`,
});
const common = (): Field[] => [
  { name: 'fy', type: 'raw', sql: `CAST(regexp_extract(r.filename, 'FY(\\d{4})', 1) AS SMALLINT)` },
  { name: 'aor', type: 'raw', sql: `a.code` },
  { name: 'aor_name', type: 'raw', sql: `r."${AOR_NAME}"` },
];
const joinAor = (): string => `LEFT JOIN aor_codes a ON a.name = r."${AOR_NAME}"`;
const sourceFile: Field = { name: 'source_file', type: 'raw', sql: `regexp_extract(r.filename, '[^/\\\\]+$')` };

export const ARRESTS: TableSpec = {
  table: 'arrests',
  description: 'ICE ERO administrative arrests, one row per arrest',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/EROArrests_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'method', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    ...common(),
    { name: 'apprehension_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'method', type: 'text', from: 'method' },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    sourceFile,
  ],
  derived: derivedAor('aor'),
  join: joinAor(),
};

export const ENCOUNTERS: TableSpec = {
  table: 'encounters',
  description: 'ICE ERO encounters (FY2018 is missing from the public copy)',
  files: [2016, 2017, 2019].map((y) => `${DIR}/EROEncounters_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'landmark', 'operation', 'disposition', 'birth_date', 'citizenship', 'gender'],
  fields: [
    ...common(),
    { name: 'event_date', type: 'date', from: 'date', format: ICE_DATE },
    { name: 'landmark', type: 'text', from: 'landmark' },
    { name: 'operation', type: 'text', from: 'operation' },
    { name: 'disposition', type: 'text', from: 'disposition' },
    { name: 'citizenship', type: 'text', from: 'citizenship' },
    { name: 'gender', type: 'text', from: 'gender' },
    sourceFile,
  ],
  derived: derivedAor('aor'),
  join: joinAor(),
};

export const REMOVALS: TableSpec = {
  table: 'removals',
  description: 'ICE removals, with ICE criminality threat level (1–3, NA = no conviction recorded; mostly redacted)',
  files: [2016, 2017, 2018, 2019].map((y) => `${DIR}/ICERemovals_FY${y}.csv.gz`),
  delim: '|',
  skip: 5,
  columns: ['aor', 'date', 'disposition_code', 'birth_date', 'citizenship', 'gender', 'threat', 'charge', 'departed', 'removed'],
  fields: [
    ...common(),
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
  derived: derivedAor('aor'),
  join: joinAor(),
};
