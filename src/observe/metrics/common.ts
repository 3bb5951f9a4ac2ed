// Shared pieces of the metric queries: filters, ratios, and the join from records to counties.
import { Gazetteer } from '../../law/gazetteer.js';
import { STATES } from '../../law/states.js';
import { type Database, query } from '../db.js';

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
}

export class MetricInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'MetricInputError';
  }
}

export function checkFy(fy: number | undefined, allowed: readonly number[]): void {
  if (fy !== undefined && !allowed.includes(fy)) {
    throw new MetricInputError('fy', `fy must be one of ${allowed.join(', ')} (got ${fy})`);
  }
}

export function checkChoice<T extends string>(field: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new MetricInputError(field, `${field} must be one of ${allowed.join(', ')} (got ${value})`);
  return value as T;
}

/** A real calendar date written YYYY-MM-DD (2019-02-31 is not one). */
export function checkDate(field: string, value: string | undefined): void {
  if (value === undefined) return;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!ok) throw new MetricInputError(field, `${field} must be a date YYYY-MM-DD (got ${value})`);
}

/** A county FIPS code the gazetteer knows (an unknown one is an error, never an empty table). */
export function checkCountyFips(field: string, value: string | undefined): void {
  if (value === undefined) return;
  if (!/^\d{5}$/.test(value)) throw new MetricInputError(field, `${field} must be a 5-digit county FIPS code (got ${value.slice(0, 40)})`);
  if (Gazetteer.load().byFips(value)?.kind !== 'county') throw new MetricInputError(field, `${field}: no county has FIPS code ${value}`);
}

/**
 * A state as users write it — postal code (tx, TX), name (Texas, TEXAS) or FIPS code (48) — as its full name,
 * the form the records use. Unknown is an error.
 */
export function parseState(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.trim().toLowerCase();
  const st = STATES.find((x) => x.code === v || x.name.toLowerCase() === v || x.fips === v);
  if (!st) throw new MetricInputError(field, `${field}: unknown state "${value.slice(0, 40)}" (a postal code like TX, a name like Texas, or a FIPS code like 48)`);
  return st.name;
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
