// The building blocks of every metric's options schema. Options arrive as text (a CLI flag, a URL query parameter),
// so each field parses text into the typed value the metric takes; the same schema checks the CLI, checks the API
// and writes the OpenAPI document's parameters. A failure names the field (MetricInputError).
import { z } from 'zod';
import type { MetricResult } from './common.js';
import { MetricInputError, checkCountyFips, parseState } from './inputs.js';

/** How a field reads on the command line: a switch with no value, or a list of values. Other fields take one value. */
export const cliKind = z.registry<{ kind: 'flag' | 'list' }>();

/** Runs a check that throws MetricInputError and turns it into a zod issue on the same field. */
function viaCheck<T>(fn: (value: string) => T) {
  return (value: string, ctx: z.RefinementCtx): T => {
    try {
      return fn(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  };
}

const short = (v: unknown): string => String(v).slice(0, 40);

/** A fiscal year among those the records hold. */
export function fyOption(years: readonly number[]) {
  const values = years.map(String) as [string, ...string[]];
  const outside = (got: string): string =>
    Number(got) >= 2020
      ? ': the record-level files end in August 2019; for 2024–26 see at-large-recent and arrests-monthly, for detention FY2019–26 book-ins and detention-population'
      : '';
  return z
    .enum(values, { error: (i) => `fy must be one of ${values.join(', ')} (got ${short(i.input)})${outside(String(i.input))}` })
    .transform(Number)
    .optional()
    .describe(`fiscal year, October–September (${values.join(', ')})`);
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(field: string, values: readonly T[], description: string) {
  return z
    .enum(values as unknown as [T, ...T[]], { error: (i) => `${field} must be one of ${values.join(', ')} (got ${short(i.input)})` })
    .optional()
    .describe(`${description}: ${values.join(' | ')}`);
}

/** An ICE Area of Responsibility code (which codes exist is checked against the loaded records). */
export const aorOption = z
  .string()
  .regex(/^[A-Za-z]{3}$/, { error: (i) => `aor must be a 3-letter ICE area code such as LOS (got ${short(i.input)})` })
  .transform((v) => v.toUpperCase())
  .optional()
  .describe('ICE Area of Responsibility, 3-letter code (e.g. LOS)');

/** A county by 5-digit FIPS code that the gazetteer knows. */
export const countyOption = z
  .string()
  .transform(viaCheck((v) => (checkCountyFips('county', v), v)))
  .optional()
  .describe('county, 5-digit FIPS code (e.g. 06037)');

/** Counties by FIPS, comma-separated in a URL, repeated on the command line. */
export const countiesOption = z
  .string()
  .transform(viaCheck((v) => v.split(',').map((c) => (checkCountyFips('county', c.trim()), c.trim()))))
  .optional()
  .describe('counties, 5-digit FIPS codes, comma-separated');
cliKind.add(countiesOption, { kind: 'list' });

/** A state as people write it: USPS code, name or FIPS code; the value is its full name (the records' form). */
export const stateOption = z
  .string()
  .transform(viaCheck((v) => parseState('state', v) ?? v))
  .optional()
  .describe('state: postal code (TX), name (Texas) or FIPS code (48)');

/** A real calendar date, YYYY-MM-DD. */
export function dateOption(field: string, description: string) {
  return z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, {
      error: (i) => `${field} must be a date YYYY-MM-DD (got ${short(i.input)})`,
    })
    .optional()
    .describe(`${description} (YYYY-MM-DD)`);
}

/** A whole number within bounds: a longer or larger value is an input error, never a database overflow. */
export function intOption(field: string, min: number, max: number, description: string) {
  return z
    .string()
    .refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max, {
      error: (i) => `${field} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got ${short(i.input)})`,
    })
    .transform(Number)
    .optional()
    .describe(`${description} (${min}–${max.toLocaleString('en-US')})`);
}

/** A switch: "true" or "false" in a URL, present or absent on the command line. */
export function flagOption(field: string, description: string) {
  const schema = z
    .enum(['true', 'false'], { error: (i) => `${field} must be true or false (got ${short(i.input)})` })
    .transform((v) => v === 'true')
    .optional()
    .describe(description);
  cliKind.add(schema, { kind: 'flag' });
  return schema;
}

/** Free text, bounded. */
export function textOption(description: string, max = 100) {
  return z.string().min(1).max(max).optional().describe(description);
}

/**
 * Parse options with a metric's schema (text from the CLI or a URL, or typed values from a library caller). Unknown
 * options and bad values are MetricInputErrors naming the option; undefined and empty values count as absent.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const present = Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new MetricInputError('options', 'invalid options');
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0] ?? '');
    throw new MetricInputError(key, `unknown option "${key.slice(0, 40)}"`);
  }
  // The option's name (not "period.0"): what the CLI flag and the API parameter are called.
  const field = issue.path.length > 0 ? String(issue.path[0]) : 'options';
  throw new MetricInputError(field, issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`);
}

/**
 * What a metric accepts before validation: its options' names, with values of any type (the CLI and the API pass
 * strings; the schema checks and converts them).
 */
export type OptionsInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

/** The span of time a result covers, inclusive (ISO dates), and what it is made of. */
export interface ResultPeriod {
  from: string;
  to: string;
  note: string;
}

/** A metric result that says which period its rows cover. */
export type PeriodResult<R> = MetricResult<R> & { period: ResultPeriod };
