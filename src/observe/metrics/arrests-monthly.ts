// National ICE arrests by month, 2024-01 to 2026-08 (the DDP release ends 2026-08-06: August 2026 is partial).
import { z } from 'zod';
import { type Database, query } from '../db.js';
import { MetricInputError } from './common.js';
import { MONTHLY_FIRST, MONTHLY_LAST, month, arrestsMonthlyOptions, type ArrestsMonthlyOptions } from './recent-options.js';
export { MONTHLY_FIRST, MONTHLY_LAST, arrestsMonthlyOptions, type ArrestsMonthlyOptions } from './recent-options.js';
import { type OptionsInput, type PeriodResult, parseOptions } from './options.js';

/** The DDP release covers arrests to 2026-08-06 (its SOURCE.md). */
export const DDP_RELEASE_END = '2026-08-06';



export interface ArrestsMonthlyRow {
  month: string;
  arrests: number;
  /** Arrests with a state (DDP's apprehension_state_filled_in). */
  stateKnown: number;
  /** True for a month the release does not cover to its end (August 2026, to the 6th). */
  partial: boolean;
}

export const ARRESTS_MONTHLY_DEFINITION =
  'All ICE ERO administrative arrests nationally by month of apprehension, from the Deportation Data Project\'s record-level release (2022-10-01 to 2026-08-06) with its duplicate rows dropped, as aggregated by M. Strasser; stateKnown = arrests with a state.';

function outside(field: string, value: string): MetricInputError {
  const before = value < MONTHLY_FIRST;
  return new MetricInputError(
    field,
    `${field} ${value}: the national monthly series runs ${MONTHLY_FIRST} to ${MONTHLY_LAST}${before ? '; the record-level files end in August 2019 (comity observe custodial-share --by month), and months from 2019-09 to 2023-12 are not loaded' : ` (the release ends ${DDP_RELEASE_END})`}`,
  );
}

export async function arrestsMonthly(db: Database, input: ArrestsMonthlyOptions = {}): Promise<PeriodResult<ArrestsMonthlyRow>> {
  const options = parseOptions(arrestsMonthlyOptions, input);
  for (const field of ['from', 'to'] as const) {
    const v = options[field];
    if (v !== undefined && (v < MONTHLY_FIRST || v > MONTHLY_LAST)) throw outside(field, v);
  }
  const from = options.from ?? MONTHLY_FIRST;
  const to = options.to ?? MONTHLY_LAST;
  const rows = await query<{ month: string; arrests: number; stateKnown: number }>(
    db,
    `SELECT strftime(month, '%Y-%m') AS month, arrests, state_known AS stateKnown FROM ddp_arrests_monthly
     WHERE strftime(month, '%Y-%m') BETWEEN $from AND $to ORDER BY month`,
    { from, to },
  );
  const out = rows.map((r) => ({ ...r, partial: r.month === DDP_RELEASE_END.slice(0, 7) }));
  const caveats = [
    'All ICE arrests, nationally: custodial and at-large are not separated by month in these tables (comity observe at-large-recent gives the at-large share by AOR and state for calendar 2024, calendar 2025 and August 2025–July 2026).',
    'The FY2016–FY2019 record-level arrests count every row (duplicates kept); this series drops the rows DDP flags as duplicates, so the two are not strictly comparable.',
  ];
  if (out.some((r) => r.partial)) caveats.unshift(`August 2026 is partial: the release ends ${DDP_RELEASE_END}, so that month counts six days.`);
  const end = to === MONTHLY_LAST ? DDP_RELEASE_END : new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return {
    metric: 'arrests-monthly',
    definition: ARRESTS_MONTHLY_DEFINITION,
    filters: { from, to },
    period: { from: `${from}-01`, to: end, note: 'calendar months' },
    rows: out,
    caveats,
  };
}
