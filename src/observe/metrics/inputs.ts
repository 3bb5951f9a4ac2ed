// Checks of a metric's inputs, with no database code (the CLI describes its options without loading DuckDB).
import { Gazetteer } from '../../law/gazetteer.js';
import { STATES } from '../../law/states.js';

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

