/** GET endpoints over the observatory's metrics (mounted at /api/v1/observe), one per entry of the metric catalog. */
import { type Context, Hono } from 'hono';
import { problem } from './problem.js';
import {
  DatabaseMissingError, DatabaseUnreadableError, LiveObservatory, METRICS, MetricInputError, ObservatoryBusyError, QueryCancelledError,
  type MetricResult, type MetricSpec, type ObservatoryLimits, CODEBOOK, checkShippedClaims, codebookRows, metricCsv, parseOptions,
} from '../observe/index.js';
import type { Database } from '../observe/db.js';

type Q = Record<string, string | undefined>;

function problemJson(c: Context, status: 400 | 503, title: string, detail: string, extra: { field?: string; retryAfter?: number } = {}): Response {
  return problem(c, status, title, detail, { ...(extra.field ? { field: extra.field } : {}), ...(extra.retryAfter !== undefined ? { headers: { 'retry-after': String(extra.retryAfter) } } : {}) });
}

/** The query, one value per name (a name given twice is refused). */
function queryOf(c: Context): Q {
  const all = c.req.queries();
  for (const [k, v] of Object.entries(all)) if (v.length > 1) throw new MetricInputError(k.slice(0, 60), `${k.slice(0, 60)} is given more than once`);
  return c.req.query() as Q;
}

/** The query's format and the rest: format is the endpoints' own, every other parameter belongs to the metric. */
function splitFormat(q: Q): { format: 'json' | 'csv'; rest: Q } {
  const { format = 'json', ...rest } = q;
  if (format !== 'json' && format !== 'csv') throw new MetricInputError('format', `format must be json or csv (got ${format.slice(0, 20)})`);
  return { format, rest };
}

/** The key of an answer in the cache: the metric and its parsed options, in a fixed order. */
function cacheKey(name: string, options: Record<string, unknown>): string {
  return `${name}?${JSON.stringify(Object.entries(options).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** The problem answer for an observatory error (bad option, busy, not loaded), or undefined for any other error. */
export function observatoryProblem(c: Context, error: unknown): Response | undefined {
  if (error instanceof MetricInputError) return problemJson(c, 400, 'Bad query parameter', error.message, { field: error.field });
  if (error instanceof ObservatoryBusyError) return problemJson(c, 503, 'Observatory busy', error.message, { retryAfter: error.retryAfterSeconds });
  if (error instanceof QueryCancelledError) return problemJson(c, 503, 'Request cancelled', error.message);
  // The server's own paths and the database's messages stay in its log, never in a response.
  if (error instanceof DatabaseMissingError) return problemJson(c, 503, 'Observatory not loaded', 'The records are not loaded yet: run `comity data load` (or wait for `comity serve` to load them).', { retryAfter: 30 });
  if (error instanceof DatabaseUnreadableError) {
    console.error(error.message);
    return problemJson(c, 503, 'Observatory not loaded', 'The records database cannot be read; reload it with `comity data load`.', { retryAfter: 30 });
  }
  return undefined;
}

export function observeRoutes(options: { db?: string; limits?: Partial<ObservatoryLimits>; observatory?: LiveObservatory } = {}): Hono {
  const app = new Hono();
  const observatory = options.observatory ?? new LiveObservatory(options.db, options.limits);
  /** The answer as the bytes sent: cached per metric, options and format, so a repeated request only copies them. */
  const body = (format: 'json' | 'csv', result: unknown, spec?: MetricSpec): string => {
    if (format === 'json' || !spec) return JSON.stringify(result);
    const m = result as MetricResult<object>;
    return metricCsv(spec.flatRows ? { ...m, rows: spec.flatRows(m) } : m);
  };
  const answer = async (c: Context, key: string, compute: (d: Database) => Promise<unknown>, format: 'json' | 'csv', spec?: MetricSpec): Promise<Response> => {
    if (format === 'csv' && !spec) throw new MetricInputError('format', 'this endpoint answers documents, not a table: use format=json');
    const text = await observatory.cached(`${key}&format=${format}`, async (d) => body(format, await compute(d), spec), c.req.raw.signal);
    return c.body(text, 200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' });
  };
  const guarded = (handler: (c: Context) => Promise<Response>) => async (c: Context): Promise<Response> => {
    try {
      return await handler(c);
    } catch (error) {
      const answer = observatoryProblem(c, error);
      if (answer) return answer;
      throw error;
    }
  };
  for (const spec of METRICS as readonly MetricSpec[]) {
    app.get(
      `/${spec.name}`,
      guarded(async (c) => {
        const { format, rest } = splitFormat(queryOf(c));
        // Options are checked before the database is touched: a bad one is a 400 whether or not the records are loaded.
        const parsed = parseOptions(spec.options, rest) as Record<string, unknown>;
        return answer(c, cacheKey(spec.name, parsed), (d) => spec.run(d, parsed), format, spec);
      }),
    );
  }
  app.get(
    '/codebook',
    guarded(async (c) => {
      const { format, rest } = splitFormat(c.req.query() as Q);
      const { metric, ...others } = rest;
      const unknown = Object.keys(others)[0];
      if (unknown !== undefined) throw new MetricInputError(unknown, `unknown option "${unknown.slice(0, 40)}"`);
      if (metric !== undefined && !CODEBOOK[metric]) throw new MetricInputError('metric', `no metric "${metric.slice(0, 40)}"`);
      const rows = codebookRows(metric);
      if (format === 'csv') return c.body(metricCsv({ metric: 'codebook', definition: '', filters: {}, rows, caveats: [] }), 200, { 'content-type': 'text/csv; charset=utf-8' });
      return c.json({ metric: 'codebook', rows });
    }),
  );
  app.get(
    '/claims',
    guarded(async (c) => {
      const { format, rest } = splitFormat(queryOf(c));
      const unknown = Object.keys(rest)[0];
      if (unknown !== undefined) throw new MetricInputError(unknown, `unknown option "${unknown.slice(0, 40)}"`);
      return answer(c, 'claims', (d) => checkShippedClaims(d), format);
    }),
  );
  return app;
}
