/**
 * Everything a run reads, prepared once per scenario: the counties (columns), each county's compiled
 * law table, the per-AOR fitted and measured rates (by regime), the surges, the days and months of the run.
 */
import { civilFromDays } from '../law/days.js';
import type { CountyInputs } from './county-inputs.js';
import type { CountyLaw } from './law-table.js';
import type { ParameterValues } from './parameters.js';

/** Per-AOR rates: fitted (matchShare, fieldHours) and measured (the rest), all per day. */
export interface AorRates {
  /** Share of jail bookings that are removable noncitizens ICE matches (fitted). */
  matchShare: number;
  /** ICE field officer-hours per day (fitted). */
  fieldHours: number;
  /** Custodial arrests from state and federal prisons per day (measured). */
  prisonPerDay: number;
  /** Arrests by methods that are neither custodial nor at large, per day (measured). */
  otherPerDay: number;
  /** People entering the at-large caseload from sources other than this model's jails, per day. */
  otherInflowPerDay: number;
}

/** A regime of per-AOR rates: in force from its first day (a day number) until the next regime's. */
export interface RateRegime {
  from: number;
  rates: AorRates[];
}

export interface Surge {
  name: string;
  from: number;
  to: number;
  hoursPerDay: number;
  /** AOR indices the hours go to (their general pool), or, for county-targeted surges, none. */
  aors: Int32Array;
  /** County indices the hours are spent on (at-large arrests there only); empty when AOR-wide. */
  counties: Int32Array;
}

export interface World {
  counties: CountyInputs;
  laws: CountyLaw[];
  /** The per-AOR rates in force on the run's first day. */
  rates: AorRates[];
  /** Later regimes of rates that begin within the run, in order of their first day (usually none). */
  rateChanges: RateRegime[];
  surges: Surge[];
  params: ParameterValues;
  /** Class shares of matched removable bookings (sum to 1). */
  classShares: Float64Array;
  from: number;
  to: number;
  /** Month index of each day of the run, and the month labels (YYYY-MM). */
  monthOfDay: Int32Array;
  months: string[];
  /** Multipliers on the fitted AOR rates (scenario knobs; 1 by default). */
  fieldHoursScale: number;
  matchShareScale: number;
  /** A further multiplier on field hours per month of the run (null: 1 throughout). */
  fieldHoursByMonth: Float64Array | null;
  /**
   * Share of the releases a jail declines (no hold, no notification) that still end in a custodial
   * arrest at the jail (ICE learns the release from public information or waits at the door): national,
   * fitted inside the calibration window (declined-custodial.ts); 0 leaves every declined person to the
   * at-large caseload.
   */
  declinedCustodial: number;
}

export function monthsOf(from: number, to: number): { monthOfDay: Int32Array; months: string[] } {
  const monthOfDay = new Int32Array(to - from + 1);
  const months: string[] = [];
  let last = '';
  for (let d = from; d <= to; d++) {
    const [y, m] = civilFromDays(d);
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key !== last) {
      months.push(key);
      last = key;
    }
    monthOfDay[d - from] = months.length - 1;
  }
  return { monthOfDay, months };
}
