// The options of the 2024–26 and detention-statistics metrics, with no database code: the CLI describes its commands
// from these schemas without loading DuckDB, and the API and OpenAPI document use them too.
import { z } from 'zod';
import type { OptionsInput } from './options.js';

export const AT_LARGE_PERIODS = ['fy2016', 'fy2017', 'fy2018', 'fy2019', 'y2024', 'y2025', 'w2526'] as const;

export type AtLargePeriod = (typeof AT_LARGE_PERIODS)[number];

export const AT_LARGE_BY = ['nation', 'aor', 'state'] as const;

export const NO_COUNTY_AFTER_2019 =
  'the record-level files end in August 2019; for 2024–26 only AOR and state totals exist (for FY2016–FY2019 by county, use custodial-share with a county)';

export const periodList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))
  .pipe(
    z.array(z.enum(AT_LARGE_PERIODS, { error: (iss) => `${String(iss.input).slice(0, 20)} is not a period: each must be one of ${AT_LARGE_PERIODS.join(', ')} (2020–2023 are not loaded)` })).min(1, 'name at least one period'),
  );

export const atLargeRecentOptions = z
  .object({
    by: z
      .enum(AT_LARGE_BY, { error: (iss) => (iss.input === 'county' ? NO_COUNTY_AFTER_2019 : `must be one of ${AT_LARGE_BY.join(', ')} (got ${String(iss.input).slice(0, 20)})`) })
      .optional()
      .describe('nation, aor or state (default: aor, or what the area is)'),
    area: z.string().max(60).optional().describe('an AOR code (e.g. LOS) or a state: postal code, name or FIPS code'),
    period: periodList.optional().describe(`comma-separated periods among ${AT_LARGE_PERIODS.join(', ')} (default: all)`),
  })
  .strict();

export type AtLargeRecentOptions = OptionsInput<typeof atLargeRecentOptions>;

export const atLargeAorMapOptions = z
  .object({
    period: z
      .enum(AT_LARGE_PERIODS, { error: (iss) => `${String(iss.input).slice(0, 20)} is not a period: one of ${AT_LARGE_PERIODS.join(', ')} (2020–2023 are not loaded)` })
      .optional()
      .describe(`one period among ${AT_LARGE_PERIODS.join(', ')} (default y2025)`),
  })
  .strict();

export type AtLargeAorMapOptions = OptionsInput<typeof atLargeAorMapOptions>;

export const MONTHLY_FIRST = '2024-01';

export const MONTHLY_LAST = '2026-08';

export const month = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${field} must be a month written YYYY-MM`)
    .describe(`${field === 'from' ? 'first' : 'last'} month, YYYY-MM (${MONTHLY_FIRST} to ${MONTHLY_LAST})`);

export const arrestsMonthlyOptions = z
  .object({ from: month('from').optional(), to: month('to').optional() })
  .strict()
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, { message: 'to must not be before from', path: ['to'] });

export type ArrestsMonthlyOptions = OptionsInput<typeof arrestsMonthlyOptions>;

export const DETENTION_FYS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

export const BOOK_INS_BY = ['month', 'fy'] as const;

/** A fiscal year of ICE's detention statistics (CLI gives a number, the API a string). */
export const FY_RANGE = `fy must be one of ${DETENTION_FYS.join(', ')}: ICE's detention statistics workbooks loaded cover FY2019–FY2026 (for FY2016–FY2019 arrests, see custodial-share)`;

export const detentionFy = z.coerce
  .number({ error: 'fy must be a fiscal year' })
  .int('fy must be a whole year')
  .min(2019, FY_RANGE)
  .max(2026, FY_RANGE)
  .describe('fiscal year (October–September), 2019–2026');

export const bookInsOptions = z
  .object({
    by: z.enum(BOOK_INS_BY, { error: `by must be one of ${BOOK_INS_BY.join(', ')}` }).optional().describe('month (default) or fy'),
    fy: detentionFy.optional(),
  })
  .strict();

export type BookInsOptions = OptionsInput<typeof bookInsOptions>;

export const POPULATION_BY = ['aor', 'type', 'month'] as const;

export const detentionPopulationOptions = z
  .object({
    by: z.enum(POPULATION_BY, { error: `by must be one of ${POPULATION_BY.join(', ')}` }).optional().describe('aor (default), type (the facility list\'s Type Detailed) or month (ICE\'s national ADP by facility type and month)'),
    fy: detentionFy.optional(),
    aor: z.string().regex(/^[A-Za-z]{3}$/, 'aor must be a 3-letter AOR code').optional().describe('only facilities of this AOR (by aor or type)'),
  })
  .strict();

export type DetentionPopulationOptions = OptionsInput<typeof detentionPopulationOptions>;

export const provenanceOptions = z
  .object({ table: z.string().regex(/^[a-z0-9_]{1,60}$/, 'table must be a table name like detention_facilities').optional().describe('only this table') })
  .strict();

export type ProvenanceOptions = OptionsInput<typeof provenanceOptions>;
