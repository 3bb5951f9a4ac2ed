// A small world for the simulator tests: seven real counties (rows cut from the loaded HIFLD, Census and
// county → AOR tables, 2018) with their law compiled from the bundled registry and the committed calibration.
import { defaultEngine } from '../../src/law/index.js';
import { dayOf } from '../../src/law/days.js';
import { countyInputsFromRows } from '../../src/simulate/county-inputs.js';
import { buildWorld, compileLaws, ratesFrom } from '../../src/simulate/prepare.js';
import { defaultCalibration } from '../../src/simulate/simulate.js';
import type { SurgeSpec } from '../../src/simulate/scenario-schema.js';
import type { World } from '../../src/simulate/world.js';

export const ROWS = [
  { fips: '08005', aor: 'DEN', residents: 651797, n_facilities: 2, capacity_sum: 1620, capacity_n: 2, population_sum: 0, population_n: 0 },
  { fips: '08031', aor: 'DEN', residents: 716265, n_facilities: 2, capacity_sum: 2286, capacity_n: 2, population_sum: 1726, population_n: 2 },
  { fips: '48201', aor: 'HOU', residents: 4680045, n_facilities: 11, capacity_sum: 10181, capacity_n: 8, population_sum: 9078, population_n: 8 },
  { fips: '42101', aor: 'PHI', residents: 1583592, n_facilities: 6, capacity_sum: 7301, capacity_n: 6, population_sum: 5196, population_n: 5 },
  { fips: '06001', aor: 'SFR', residents: 1666756, n_facilities: 5, capacity_sum: 196, capacity_n: 4, population_sum: 0, population_n: 0 },
  { fips: '06085', aor: 'SFR', residents: 1932337, n_facilities: 6, capacity_sum: 3526, capacity_n: 3, population_sum: 0, population_n: 0 },
  { fips: '48453', aor: 'SNA', residents: 1246572, n_facilities: 4, capacity_sum: 3405, capacity_n: 4, population_sum: 2798, population_n: 4 },
];

export function smallWorld(from = '2017-10-01', to = '2018-01-31', surges: SurgeSpec[] = []): World {
  const counties = countyInputsFromRows(ROWS);
  const laws = compileLaws(defaultEngine(), counties, dayOf(from), dayOf(to));
  // The fitted AOR rates are for whole areas; scaled down here to the few counties of the fixture.
  const rates = ratesFrom(defaultCalibration(), counties.aors).map((regime) => ({
    from: regime.from,
    rates: regime.rates.map((r) => ({ ...r, fieldHours: r.fieldHours / 10, prisonPerDay: r.prisonPerDay / 10, otherPerDay: r.otherPerDay / 10, otherInflowPerDay: r.otherInflowPerDay / 10 })),
  }));
  return buildWorld(counties, laws, rates, { from, to, surges, fieldHoursScale: 1, matchShareScale: 1 });
}
