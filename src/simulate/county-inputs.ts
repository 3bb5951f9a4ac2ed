/**
 * The counties the model runs over, as columns (typed arrays, sorted by ICE area then FIPS): each
 * county's ICE area, state, Open Civic Data id, residents and jail bookings per day. Read from the
 * loaded records (HIFLD jails, Census population, the county → AOR table) and the gazetteer.
 */
import { Gazetteer } from '../law/gazetteer.js';
import { query, type Database } from '../observe/db.js';
import { PARAMETERS } from './parameters.js';

export interface CountyInputs {
  n: number;
  fips: string[];
  ocd: string[];
  state: string[];
  aor: string[];
  /** AOR index per county (into `aors`). */
  aorIndex: Int32Array;
  /** The ICE areas, sorted; counties of area a are aorStart[a] ≤ i < aorStart[a + 1]. */
  aors: string[];
  aorStart: Int32Array;
  residents: Float64Array;
  /** Average daily jail population, and how it was found: 0 HIFLD population, 1 HIFLD capacity × occupancy, 2 residents × national rate. */
  jailPopulation: Float64Array;
  jailSource: Uint8Array;
  bookingsPerDay: Float64Array;
  /** Counties in the county → AOR table that the gazetteer does not know (left out, counted). */
  skipped: string[];
}

interface Row { fips: string; aor: string; residents: number | null; n_facilities: number | null; capacity_sum: number | null; capacity_n: number | null; population_sum: number | null; population_n: number | null }

/** Residents by year: the Census estimates run to 2019; later years use 2019. */
function popColumn(year: number): string {
  return `pop${Math.min(2019, Math.max(2010, year))}`;
}

export async function loadCountyInputs(db: Database, year: number): Promise<CountyInputs> {
  const rows = await query<Row>(db, `
    SELECT a.fips, a.aor, CAST(c.${popColumn(year)} AS DOUBLE) AS residents,
      CAST(j.n_facilities AS DOUBLE) AS n_facilities, CAST(j.capacity_sum AS DOUBLE) AS capacity_sum, CAST(j.capacity_n AS DOUBLE) AS capacity_n,
      CAST(j.population_sum AS DOUBLE) AS population_sum, CAST(j.population_n AS DOUBLE) AS population_n
    FROM county_aor a LEFT JOIN census_population c ON c.fips = a.fips LEFT JOIN county_jails j ON j.fips = a.fips
    ORDER BY a.aor, a.fips`);
  return countyInputsFromRows(rows);
}

export function countyInputsFromRows(rows: readonly Row[]): CountyInputs {
  const g = Gazetteer.load();
  const kept: { r: Row; ocd: string; state: string }[] = [];
  const skipped: string[] = [];
  for (const r of rows) {
    const e = g.byFips(r.fips);
    if (!e || e.kind !== 'county' || r.residents === null) {
      skipped.push(r.fips);
      continue;
    }
    kept.push({ r, ocd: e.ocd, state: e.state });
  }
  const n = kept.length;
  const aors = [...new Set(kept.map((k) => k.r.aor))].sort();
  const aorStart = new Int32Array(aors.length + 1);
  const out: CountyInputs = {
    n, fips: [], ocd: [], state: [], aor: [], aorIndex: new Int32Array(n), aors, aorStart,
    residents: new Float64Array(n), jailPopulation: new Float64Array(n), jailSource: new Uint8Array(n), bookingsPerDay: new Float64Array(n), skipped,
  };
  const occ = PARAMETERS.jailOccupancy.value;
  const rate = PARAMETERS.jailRatePer100k.value / 100_000;
  kept.forEach(({ r, ocd, state }, i) => {
    out.fips.push(r.fips);
    out.ocd.push(ocd);
    out.state.push(state);
    out.aor.push(r.aor);
    const a = aors.indexOf(r.aor);
    out.aorIndex[i] = a;
    out.residents[i] = r.residents ?? 0;
    const fromPop = r.population_n && r.population_n === r.n_facilities ? r.population_sum ?? 0 : 0;
    const fromCap = r.capacity_n ? (r.capacity_sum ?? 0) * occ : 0;
    let jail: number;
    let src: number;
    if (fromPop > 0 && fromPop >= fromCap) [jail, src] = [fromPop, 0];
    else if (fromCap > 0) [jail, src] = [Math.max(fromCap, r.population_sum ?? 0), 1];
    else [jail, src] = [(r.residents ?? 0) * rate, 2];
    out.jailPopulation[i] = jail;
    out.jailSource[i] = src;
    out.bookingsPerDay[i] = (jail * PARAMETERS.admissionsPerInmateYear.value) / 365;
  });
  for (let a = 0, i = 0; a <= aors.length; a++) {
    while (i < n && out.aorIndex[i]! < a) i++;
    aorStart[a] = i;
  }
  return out;
}
