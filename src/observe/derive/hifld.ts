// HIFLD "Prison Boundaries": the attribute table of the shapefile (geometry dropped), and open county and local
// jails summed per county. The original is the zipped shapefile; its .dbf holds the attributes.
import { unzipSync } from 'fflate';
import { csvText, DeriveError, pyFloat } from './csv.js';
import { readDbf } from './dbf.js';

const DBF = 'Prison_Boundaries.dbf';

/** The columns kept, in order: [CSV name, .dbf field]. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['facilityid', 'FACILITYID'], ['name', 'NAME'], ['address', 'ADDRESS'], ['city', 'CITY'], ['state', 'STATE'], ['zip', 'ZIP'],
  ['type', 'TYPE'], ['status', 'STATUS'], ['population', 'POPULATION'], ['capacity', 'CAPACITY'], ['county', 'COUNTY'],
  ['countyfips', 'COUNTYFIPS'], ['securelvl', 'SECURELVL'], ['sourcedate', 'SOURCEDATE'], ['val_date', 'VAL_DATE'], ['naics_desc', 'NAICS_DESC'],
];
/** Numeric columns: HIFLD writes -999 for "not known"; the table leaves them blank and writes the rest as floats. */
const NUMERIC = new Set(['POPULATION', 'CAPACITY']);

export interface Facility {
  [column: string]: string;
}

function facilities(zip: Uint8Array, source: string): Facility[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: (f) => f.name === DBF || f.name.endsWith(`/${DBF}`) });
  } catch (e) {
    throw new DeriveError(source, `not a readable zip archive (${(e as Error).message})`);
  }
  const dbf = Object.values(files)[0];
  if (!dbf) throw new DeriveError(source, `the archive holds no ${DBF}`);
  const table = readDbf(dbf, `${source}!${DBF}`);
  const names = new Set(table.fields.map((f) => f.name));
  const absent = COLUMNS.map(([, field]) => field).filter((field) => !names.has(field));
  if (absent.length > 0) throw new DeriveError(`${source}!${DBF}`, `missing field(s) ${absent.join(', ')}`);
  return table.records.map((r) => {
    const row: Facility = {};
    for (const [column, field] of COLUMNS) {
      const value = r[field] ?? '';
      if (!NUMERIC.has(field)) row[column] = value;
      else {
        const n = Number(value);
        if (value !== '' && !Number.isFinite(n)) throw new DeriveError(`${source}!${DBF}`, `facility ${r.FACILITYID}: ${field} is not a number: ${value}`);
        row[column] = value === '' || n === -999 ? '' : pyFloat(n);
      }
    }
    return row;
  });
}

/** hifld-jails/hifld_prison_boundaries_attributes.csv from the zipped shapefile. */
export function prisonBoundariesAttributes([zip]: readonly Uint8Array[], [source]: readonly string[]): Uint8Array {
  const header = COLUMNS.map(([column]) => column);
  return csvText(header, facilities(zip ?? new Uint8Array(), source ?? 'shapefile').map((f) => header.map((c) => f[c] ?? '')));
}

/**
 * hifld-jails/county_local_jails_by_countyfips.csv: facilities with status OPEN and type COUNTY or LOCAL, per
 * county FIPS (sorted): how many, capacity and population summed over those that report them, and how many report.
 */
export function countyLocalJails([zip]: readonly Uint8Array[], [source]: readonly string[]): Uint8Array {
  const byCounty = new Map<string, { n: number; capacity: number; capacityN: number; population: number; populationN: number }>();
  for (const f of facilities(zip ?? new Uint8Array(), source ?? 'shapefile')) {
    if (f.status !== 'OPEN' || (f.type !== 'COUNTY' && f.type !== 'LOCAL')) continue;
    const fips = f.countyfips ?? '';
    const c = byCounty.get(fips) ?? { n: 0, capacity: 0, capacityN: 0, population: 0, populationN: 0 };
    c.n += 1;
    if (f.capacity) {
      c.capacity += Number(f.capacity);
      c.capacityN += 1;
    }
    if (f.population) {
      c.population += Number(f.population);
      c.populationN += 1;
    }
    byCounty.set(fips, c);
  }
  const rows = [...byCounty.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fips, c]) => [fips, String(c.n), pyFloat(c.capacity), String(c.capacityN), pyFloat(c.population), String(c.populationN)]);
  return csvText(['countyfips', 'n_facilities', 'capacity_sum', 'capacity_n', 'population_sum', 'population_n'], rows);
}
