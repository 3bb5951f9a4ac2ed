// Metric options as zod schemas: the CLI and the API validate with the same schema the metric exports, and a bad
// option becomes a MetricInputError naming the option (CLI exit 2, API 400).
import type { z } from 'zod';
import { type MetricResult, MetricInputError } from './common.js';

/** Parse a metric's options with its schema; the first problem names its option. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const clean = Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined));
  const r = schema.safeParse(clean);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (!issue) throw new MetricInputError('options', 'invalid options');
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0]);
    throw new MetricInputError(key, `unknown option "${key.slice(0, 40)}"`);
  }
  // The option's name (not "period.0"): what the CLI flag and the API parameter are called.
  const field = issue.path.length > 0 ? String(issue.path[0]) : 'options';
  throw new MetricInputError(field, issue.message.startsWith(`${field} `) ? issue.message : `${field}: ${issue.message}`);
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
