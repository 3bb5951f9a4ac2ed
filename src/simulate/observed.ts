/** The arrest records the calibration fits and the validation compares: by AOR and month, by class of method. */
import { query, type Database } from '../observe/db.js';

export interface ObservedMonth { aor: string; month: string; local: number; prison: number; atLarge: number; other: number }

/**
 * ICE's administrative arrests by AOR and month for fiscal years [fyFrom, fyTo]: local (CAP Local
 * Incarceration and 287(g) Program), prison (CAP State and Federal Incarceration, Criminal Alien
 * Program unspecified), at large (the observatory's at-large methods) and other (every other method).
 */
export async function observedMonths(db: Database, fyFrom: number, fyTo: number): Promise<ObservedMonth[]> {
  return query<ObservedMonth>(db, `
    SELECT t.aor AS aor, strftime(t.apprehension_date, '%Y-%m') AS month,
      CAST(count(*) FILTER (WHERE m.detail IN ('local_jail', '287g')) AS DOUBLE) AS local,
      CAST(count(*) FILTER (WHERE m.detail IN ('state_prison', 'federal_prison', 'cap_unspecified')) AS DOUBLE) AS prison,
      CAST(count(*) FILTER (WHERE m.class = 'at_large') AS DOUBLE) AS "atLarge",
      CAST(count(*) FILTER (WHERE m.class IS NULL) AS DOUBLE) AS other
    FROM arrests t LEFT JOIN method_classes m ON m.method = t.method
    WHERE t.fy BETWEEN $from AND $to AND t.aor IS NOT NULL AND t.apprehension_date IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2`, { from: fyFrom, to: fyTo });
}
