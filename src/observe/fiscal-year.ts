// U.S. federal fiscal years: FY N runs from N-1-10-01 to N-09-30.

export interface Period {
  /** Inclusive ISO date. */
  start: string;
  /** Inclusive ISO date. */
  end: string;
}

export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

export function fiscalYearPeriod(fy: number): Period {
  return { start: `${fy - 1}-10-01`, end: `${fy}-09-30` };
}

/** SQL expression for the fiscal year of a DATE column. */
export function fiscalYearSql(column: string): string {
  return `(year(${column}) + CASE WHEN month(${column}) >= 10 THEN 1 ELSE 0 END)`;
}
