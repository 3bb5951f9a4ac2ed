// Shared pieces of the metric queries: filters, ratios, and the join from records to counties.

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Arrests/encounters joined to their landmark's county attribution (alias l) and the county's AOR row (alias g). */
export const COUNTY_JOIN = `LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark`;

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
