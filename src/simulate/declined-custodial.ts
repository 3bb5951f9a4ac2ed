/**
 * The share of declined releases that still end in a custodial arrest at the jail: a jail that honors
 * neither hold nor notification may still let ICE learn a release date that is public (an inmate
 * locator; Cal. Gov. Code § 7284.6(a)(1)(C) allows that much under SB 54), and ICE may wait at the door.
 * The records may code such arrests as CAP Local Incarceration.
 *
 * Fitted inside the calibration window, nationally, on the county-months in which the law table
 * declines both requests for every class (so the model's compliant pickups there are 0) and the jail
 * has no 287(g) agreement: recorded local custodial arrests attributed to those counties (scaled up by
 * the AOR's share of local custodial arrests that name a county) over the model's declined requests
 * there (bookings × the fitted matchShare of the regime in force × requestProbability, day by day).
 */
import { isoOfDay } from '../law/days.js';
import { query, type Database } from '../observe/db.js';
import { N_CLASSES } from './classes.js';
import { Answer, periodAt } from './law-table.js';
import type { RateRegime, World } from './world.js';

/** Where the calibration file keeps the fitted value (its `parameters`). */
export const DECLINED_CUSTODIAL_KEY = 'declinedCustodialProbability';

export interface DeclinedCustodialFit {
  /** The fitted share (recorded / declined, at most 1). */
  value: number;
  /** Recorded local custodial arrests in the county-months used, scaled for arrests that name no county. */
  recordedArrests: number;
  /** The model's declined requests in the same county-months. */
  declinedRequests: number;
  countyMonths: number;
  counties: number;
}

/** True when, in the period, every class is declined both hold and notification. */
export function declinesAll(answers: Uint8Array, period: number): boolean {
  for (let k = 0; k < N_CLASSES; k++) {
    const b = (period * N_CLASSES + k) * 2;
    if (answers[b] !== Answer.Decline || answers[b + 1] !== Answer.Decline) return false;
  }
  return true;
}

/** Recorded county-month arrests and the AORs' attributed shares, as the estimator takes them. */
export interface RecordedLocal {
  /** `${fips}|${YYYY-MM}` → local custodial arrests (CAP Local Incarceration + 287(g)) attributed to the county. */
  byCountyMonth: ReadonlyMap<string, number>;
  /** AOR → share of its local custodial arrests that name a county. */
  attributedShare: ReadonlyMap<string, number>;
}

export async function recordedLocal(db: Database, from: string, to: string): Promise<RecordedLocal> {
  const rows = await query<{ fips: string; month: string; n: number }>(db, `
    SELECT fips, strftime(apprehension_date, '%Y-%m') AS month, CAST(count(*) AS DOUBLE) AS n FROM arrests_classified
    WHERE detail IN ('local_jail', '287g') AND fips IS NOT NULL AND apprehension_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
    GROUP BY 1, 2`, { from, to });
  const shares = await query<{ aor: string; s: number }>(db, `
    SELECT aor, CAST(count(fips) AS DOUBLE) / count(*) AS s FROM arrests_classified
    WHERE detail IN ('local_jail', '287g') AND aor IS NOT NULL AND apprehension_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
    GROUP BY 1`, { from, to });
  return {
    byCountyMonth: new Map(rows.map((r) => [`${r.fips}|${r.month}`, Number(r.n)])),
    attributedShare: new Map(shares.map((r) => [r.aor, Number(r.s)])),
  };
}

/**
 * Fit the share over the world's days (its whole months), with the world's rates (a fitted schedule) and
 * law tables. A county-month counts only if every one of its days declines everything.
 */
export function fitDeclinedCustodial(w: World, schedule: readonly RateRegime[], rec: RecordedLocal): DeclinedCustodialFit {
  const c = w.counties;
  const q = w.params.requestProbability;
  let recorded = 0;
  let declined = 0;
  let countyMonths = 0;
  const used = new Set<number>();
  for (let i = 0; i < c.n; i++) {
    const law = w.laws[i]!;
    const a = c.aorIndex[i]!;
    let month = -1;
    let dec = 0;
    let all = true;
    const close = (): void => {
      if (month < 0 || !all || dec <= 0) return;
      const share = rec.attributedShare.get(c.aor[i]!) ?? 0;
      if (share <= 0) return;
      recorded += (rec.byCountyMonth.get(`${c.fips[i]}|${w.months[month]}`) ?? 0) / share;
      declined += dec;
      countyMonths++;
      used.add(i);
    };
    for (let d = w.from; d <= w.to; d++) {
      const mo = w.monthOfDay[d - w.from]!;
      if (mo !== month) {
        close();
        month = mo;
        dec = 0;
        all = true;
      }
      if (!all) continue;
      const p = periodAt(law, d);
      if (law.jem[p] || !declinesAll(law.answers, p)) {
        all = false;
        continue;
      }
      let k = 0;
      for (let r = 1; r < schedule.length; r++) if (schedule[r]!.from <= d) k = r;
      dec += c.bookingsPerDay[i]! * Math.min(1, schedule[k]!.rates[a]!.matchShare * w.matchShareScale) * q;
    }
    close();
  }
  const value = declined > 0 ? Math.min(1, recorded / declined) : 0;
  return { value, recordedArrests: recorded, declinedRequests: declined, countyMonths, counties: used.size };
}

/** The months of a fit, for a report line. */
export function describeFit(f: DeclinedCustodialFit, from: number, to: number): string {
  return `${f.recordedArrests.toFixed(0)} recorded local custodial arrests over ${f.declinedRequests.toFixed(0)} declined requests in ${f.countyMonths} county-months (${f.counties} counties) where the law table declines everything, ${isoOfDay(from)} to ${isoOfDay(to)}`;
}
