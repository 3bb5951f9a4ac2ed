// Shared pieces of the metric queries: filters, ratios, and the join from records to counties.
import { type Database, query } from '../db.js';
import { MetricInputError } from './inputs.js';

export { MetricInputError, checkChoice, checkCountyFips, checkDate, checkFy, parseState } from './inputs.js';

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Arrests/encounters joined to their landmark's county attribution (alias l) and the county's AOR row (alias g). */
export const COUNTY_JOIN = `LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark`;

/** The county's Census name and state (alias cn) for labels, e.g. "Dallas County, Texas". */
export const COUNTY_NAME_JOIN = `LEFT JOIN census_population cn ON cn.fips = l.fips AND cn.sumlev = '050'`;

/** The label of the row of records whose landmark names no single county (SQL string literal). */
export const UNATTRIBUTED = "'(no single county in the landmark)'";

/** The AOR's name (alias an) for labels: the records store only the code. */
export const AOR_NAME_JOIN = `LEFT JOIN aor_codes an ON an.code = t.aor`;

export interface MetricResult<R> {
  metric: string;
  definition: string;
  filters: Record<string, unknown>;
  rows: R[];
  caveats: string[];
  /** The span of time the rows cover (inclusive ISO dates) and what it is made of. */
  period?: { from: string; to: string; note: string };
}

/** The last day the FY2019 record files reach (they were released mid-September 2019). */
export const RECORDS_END = '2019-09-01';

/** The period of the ICE record files for one fiscal year, or for all the years a table holds. */
export function recordsPeriod(fy: number | undefined, years: readonly number[], what: string): { from: string; to: string; note: string } {
  const first = fy ?? Math.min(...years);
  const last = fy ?? Math.max(...years);
  const to = last === 2019 ? RECORDS_END : `${last}-09-30`;
  const missing = fy === undefined ? [2016, 2017, 2018, 2019].filter((y) => y >= first && y <= last && !years.includes(y)) : [];
  return {
    from: `${first - 1}-10-01`,
    to,
    note: `${what}, ${fy ? `FY${fy}` : `FY${first}–FY${last}`}${last === 2019 ? ' (the FY2019 file ends about 2019-09-01)' : ''}${missing.length ? `; FY${missing.join(', FY')} not released` : ''}`,
  };
}

/**
 * The WHERE clauses and bound parameters for the fiscal-year and ICE-area filters every metric shares. An AOR code
 * the records do not know is an input error (listing the known codes), not an empty answer.
 */
export async function fyAorFilter(
  db: Database,
  options: { fy?: number; aor?: string },
  alias = 't.',
): Promise<{ where: string[]; params: Record<string, string | number> }> {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (options.fy !== undefined) {
    where.push(`${alias}fy = $fy`);
    params.fy = options.fy;
  }
  if (options.aor) {
    const code = options.aor.toUpperCase();
    const known = (await query<{ code: string }>(db, 'SELECT code FROM aor_codes ORDER BY code')).map((r) => r.code);
    if (!known.includes(code)) throw new MetricInputError('aor', `aor must be an ICE area code, one of ${known.join(', ')} (got ${options.aor})`);
    where.push(`${alias}aor = $aor`);
    params.aor = code;
  }
  return { where, params };
}
