/** GET endpoints over the observatory's metrics (mounted at /api/v1/observe), one per entry of the metric catalog. */
import { type Context, Hono } from 'hono';
import {
  DatabaseMissingError, DatabaseUnreadableError, LiveObservatory, METRICS, MetricInputError, ObservatoryBusyError, QueryCancelledError,
  type MetricResult, type MetricSpec, type ObservatoryLimits, CODEBOOK, checkClaims, codebookRows, metricCsv, parseOptions,
} from '../observe/index.js';
import type { Database } from '../observe/db.js';

type Q = Record<string, string | undefined>;

function problemJson(c: Context, status: 400 | 503, title: string, detail: string, extra: { field?: string; retryAfter?: number } = {}): Response {
  const body = { type: `https://comity.invalid/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail, ...(extra.field ? { field: extra.field } : {}) };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (extra.retryAfter !== undefined) headers['retry-after'] = String(extra.retryAfter);
  return c.body(JSON.stringify(body), status, headers);
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

export function observeRoutes(options: { db?: string; limits?: Partial<ObservatoryLimits> } = {}): Hono {
  const app = new Hono();
  const observatory = new LiveObservatory(options.db, options.limits);
  /** The answer as the bytes sent: cached per metric, options and format, so a repeated request only copies them. */
  const body = (format: 'json' | 'csv', result: unknown, spec?: MetricSpec): string => {
    if (format === 'json') return JSON.stringify(result);
    if (!spec) throw new MetricInputError('format', 'this endpoint answers documents, not a table: use format=json');
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
      if (error instanceof MetricInputError) return problemJson(c, 400, 'Bad query parameter', error.message, { field: error.field });
      if (error instanceof ObservatoryBusyError) return problemJson(c, 503, 'Observatory busy', error.message, { retryAfter: error.retryAfterSeconds });
      if (error instanceof QueryCancelledError) return problemJson(c, 503, 'Request cancelled', error.message);
      // The server's own paths and the database's messages stay in its log, never in a response.
      if (error instanceof DatabaseMissingError) return problemJson(c, 503, 'Observatory not loaded', 'The records are not loaded yet: run `comity data load` (or wait for `comity serve` to load them).', { retryAfter: 30 });
      if (error instanceof DatabaseUnreadableError) {
        console.error(error.message);
        return problemJson(c, 503, 'Observatory not loaded', 'The records database cannot be read; reload it with `comity data load`.', { retryAfter: 30 });
      }
      throw error;
    }
  };
  for (const spec of METRICS as readonly MetricSpec[]) {
    app.get(
      `/${spec.name}`,
      guarded(async (c) => {
        const { format, rest } = splitFormat(c.req.query() as Q);
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
      const { format, rest } = splitFormat(c.req.query() as Q);
      const unknown = Object.keys(rest)[0];
      if (unknown !== undefined) throw new MetricInputError(unknown, `unknown option "${unknown.slice(0, 40)}"`);
      return answer(c, 'claims', (d) => checkClaims(d), format);
    }),
  );
  return app;
}
